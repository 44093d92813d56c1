// `gongkai deadline` with the installation's rules (/admin/settings/rules): the configured clock
// rules when a database is read, the defaults — said on stderr — without one.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { saveInstallationRules } from '../src/commands/application-rules.js';
import { syncOfficialCalendar } from '../src/commands/sync-official-calendar.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/open.js';
import type { Deadline } from '../src/domain/calendar/index.js';
import { generatePersonalDataKey, personalDataCipher } from '../src/lib/personal-data.js';

const run = promisify(execFile);

async function deadline(dataDir: string): Promise<{ d: Deadline; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test' };
  delete env.DATABASE_URL;
  const args = ['bin/gongkai.js', 'deadline', '--received', '2026-11-30', '--today', '2026-11-30', '--json'];
  const r = await run(process.execPath, args, { env, timeout: 60_000 });
  return { d: JSON.parse(r.stdout) as Deadline, stderr: r.stderr };
}

describe('gongkai deadline and the installation’s rules', () => {
  let dir: string;
  let empty: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-rules-'));
    empty = mkdtempSync(join(tmpdir(), 'gongkai-cli-norules-'));
    const database = await openDatabase(loadConfig({ NODE_ENV: 'test', DATA_DIR: dir }));
    try {
      const deps = {
        db: database.db,
        auditSecret: 'cli-test-audit-secret-0123456789abcdef',
        personalData: personalDataCipher(generatePersonalDataKey()),
        now: () => new Date('2026-11-28T02:00:00Z'),
      };
      await syncOfficialCalendar(deps);
      await saveInstallationRules(
        deps,
        { actor: { system: true, label: '测试' } },
        { clock: { countFromNextDay: false } },
      );
    } finally {
      await database.close();
    }
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(empty, { recursive: true, force: true });
  });

  test('with a database: counting from the day of receipt, as configured', async () => {
    const { d, stderr } = await deadline(dir);
    // 30 Nov (1), 1–4 Dec (5), 7–11 (10), 14–18 (15), 21–25 (20).
    assert.equal(d.dueDate, '2026-12-25');
    assert.doesNotMatch(stderr, /采用默认规则/);
  });

  test('without a database: the default rules, and stderr says so', async () => {
    const { d, stderr } = await deadline(empty);
    assert.equal(d.dueDate, '2026-12-28');
    assert.match(stderr, /期限计算规则：采用默认规则/);
  });
});
