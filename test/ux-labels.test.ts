// People never see an audit action code: every action a command records has a label in
// src/views/models/audit-labels.ts. A new action without one fails here, not in front of a user.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { AUDIT_ACTION_LABELS, AUDIT_SUBJECT_LABELS } from '../src/views/models/audit-labels.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [p] : [];
  });
}

const WRITERS = ['src/commands', 'src/demo', 'src/jobs'].filter((d) => {
  try {
    return statSync(d).isDirectory();
  } catch {
    return false;
  }
});

/** The string literals on the `action:` and `subjectType:` lines of the audit calls. */
function recorded(key: 'action' | 'subjectType'): Set<string> {
  const found = new Set<string>();
  for (const file of WRITERS.flatMap(sources)) {
    // The value after `key:` up to the next comma: a literal, or a ternary between literals.
    for (const m of readFileSync(file, 'utf8').matchAll(new RegExp(`\\b${key}:([^,}\\n]+)`, 'g'))) {
      for (const lit of m[1]!.matchAll(/'([a-z_]+(?:\.[a-z_-]+)?)'/g)) found.add(lit[1]!);
    }
  }
  return found;
}

test('every audit action a command records has a Chinese and an English label', () => {
  const actions = [...recorded('action')].filter((a) => a.includes('.'));
  assert.ok(actions.length >= 20, `found ${actions.length} actions: the scan still finds them`);
  const missing = actions.filter((a) => !AUDIT_ACTION_LABELS[a]);
  assert.deepEqual(missing, [], 'actions without a label (add them to audit-labels.ts)');
});

test('every subject type a command records has a label', () => {
  const types = [...recorded('subjectType')];
  assert.ok(types.length >= 5);
  assert.deepEqual(
    types.filter((s) => !AUDIT_SUBJECT_LABELS[s]),
    [],
  );
});
