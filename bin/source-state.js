// A fingerprint of the source tree: how many entries it has and the newest modification time of
// any file or folder in it (a folder's time moves when a file is added, removed or renamed).
// scripts/compile.mjs writes it to dist/.compiled; bin/gongkai.js runs dist/ only while it matches.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function sourceState(dir) {
  let entries = 0;
  let newest = statSync(dir).mtimeMs;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      entries++;
      newest = Math.max(newest, statSync(p).mtimeMs);
      if (e.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return `${entries} ${newest}`;
}
