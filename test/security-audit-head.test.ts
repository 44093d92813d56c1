// Issue 8.8: deleting the newest audit events left a whole, shorter chain that `audit verify` called
// complete. The signed head kept outside the table (DATA_DIR/audit-head, the log) finds it.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { asc, desc, gt, sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.js';
import { auditEvent } from '../src/db/schema.js';
import { parseHead, signHead } from '../src/domain/audit/head.js';
import { buildApp } from '../src/http/app.js';
import { createRuntime, type Runtime } from '../src/main.js';
import { verifyAuditLog } from '../src/queries/verify-audit.js';
import { cliEnv, createEmptyPostgresDatabase, killChildren, runCli } from './support/cli.js';
import { createTestDatabase } from './support/db.js';
import { buildAgency } from './support/factories.js';

const SECRETS = {
  SESSION_SECRET: 'head-test-session-secret-0123456789abcdef',
  AUDIT_SECRET: 'head-test-audit-secret-0123456789abcdefgh',
  PERSONAL_DATA_KEY: 'aGVhZC10ZXN0LXBlcnNvbmFsLWRhdGEta2V5LTAxMjM=',
};

describe('the signed audit head (issue 8.8)', () => {
  let dir: string;
  let rt: Runtime;
  const headFile = () => join(dir, 'audit-head');
  const currentHead = () => parseHead(readFileSync(headFile(), 'utf8'))!;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-head-'));
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: dir, ...SECRETS });
    rt = await createRuntime(config, await createTestDatabase());
    for (let i = 0; i < 8; i++) await buildAgency(rt.deps);
  });
  after(async () => {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Deletes the newest `n` events (all when n = Infinity), runs `check`, then puts them back. */
  async function withNewestDeleted(n: number, check: () => Promise<void>) {
    const [last] = await rt.deps.db
      .select({ seq: auditEvent.seq })
      .from(auditEvent)
      .orderBy(desc(auditEvent.seq))
      .limit(1);
    const max = Number(last!.seq);
    const from = Number.isFinite(n) ? max - n : 0;
    const removed = await rt.deps.db
      .select()
      .from(auditEvent)
      .where(gt(auditEvent.seq, from))
      .orderBy(asc(auditEvent.seq));
    await rt.deps.db.delete(auditEvent).where(gt(auditEvent.seq, from));
    try {
      await check();
    } finally {
      await rt.deps.db.insert(auditEvent).values(removed);
    }
  }

  test('every commit writes the signed head of the chain to DATA_DIR/audit-head', async () => {
    const r = await verifyAuditLog(rt.deps.db, SECRETS.AUDIT_SECRET);
    const head = currentHead();
    assert.equal(head.seq, r.head.seq);
    assert.equal(head.hash, r.head.hash);
    await buildAgency(rt.deps);
    assert.equal(currentHead().seq, r.head.seq + 1);
  });

  for (const n of [1, 2, 5, Infinity]) {
    test(`deleting the newest ${Number.isFinite(n) ? n : 'all'} event(s) is reported against the head`, async () => {
      const head = currentHead();
      await withNewestDeleted(n, async () => {
        // What the chain alone says (the hole this closes): nothing is wrong.
        const alone = await verifyAuditLog(rt.deps.db, SECRETS.AUDIT_SECRET);
        assert.deepEqual(alone.problems, []);
        const r = await verifyAuditLog(rt.deps.db, SECRETS.AUDIT_SECRET, head);
        assert.deepEqual(
          r.problems.map((p) => p.problem),
          ['truncated'],
        );
        assert.match(
          r.problems[0]!.message,
          Number.isFinite(n) ? new RegExp(`最新的 ${n} 条事件`) : /全部 \d+ 条事件被删除/,
        );
      });
      const whole = await verifyAuditLog(rt.deps.db, SECRETS.AUDIT_SECRET, head);
      assert.deepEqual(whole.problems, []);
    });
  }

  test('a head changed by hand, or signed with another secret, is refused', async () => {
    const head = currentHead();
    const forged = parseHead(
      signHead('another-secret-another-secret-another', { seq: head.seq + 3, hash: head.hash }),
    )!;
    const r = await verifyAuditLog(rt.deps.db, SECRETS.AUDIT_SECRET, forged);
    assert.deepEqual(
      r.problems.map((p) => p.problem),
      ['head-invalid'],
    );
  });

  test('a rewritten newest event no longer matches the head', async () => {
    const head = currentHead();
    await rt.deps.db.execute(sql`update audit_event set hash = ${'f'.repeat(64)} where seq = ${head.seq}`);
    try {
      const r = await verifyAuditLog(rt.deps.db, SECRETS.AUDIT_SECRET, head);
      assert.ok(r.problems.some((p) => p.problem === 'head-mismatch'));
    } finally {
      await rt.deps.db.execute(sql`update audit_event set hash = ${head.hash} where seq = ${head.seq}`);
    }
  });

  test('the server writes every new head to its log too', async () => {
    const lines: string[] = [];
    const app = await buildApp(
      { ...rt.deps, config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info', DATA_DIR: dir, ...SECRETS }) },
      { logStream: { write: (l: string) => void lines.push(l) } },
    );
    try {
      await buildAgency(rt.deps);
      const logged = lines.map((l) => JSON.parse(l) as { auditHead?: string }).find((l) => l.auditHead);
      assert.ok(logged, 'a log line with the head');
      assert.equal(logged.auditHead, readFileSync(headFile(), 'utf8').trim());
    } finally {
      await app.close();
    }
  });
});

describe('gongkai audit verify --head', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let pgDb: { url: string; drop(): Promise<void> } | undefined;
  let head = '';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-head-cli-'));
    const server = process.env.TEST_DATABASE_URL;
    if (server) pgDb = await createEmptyPostgresDatabase(server);
    env = { ...cliEnv(dir, pgDb?.url), ...SECRETS };
    const rt = await createRuntime(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
    try {
      for (let i = 0; i < 6; i++) await buildAgency(rt.deps);
    } finally {
      await rt.close();
    }
    head = readFileSync(join(dir, 'audit-head'), 'utf8').trim();
  });
  after(async () => {
    killChildren();
    await pgDb?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('against a head given as a value or a file, before and after the newest events are deleted', async () => {
    const ok = await runCli(['audit', 'verify', '--head', head], env);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /审计日志完整/);
    assert.match(ok.stdout, /签名链头（请另行保存/);

    const kept = join(dir, 'kept-elsewhere.txt');
    writeFileSync(kept, `# copied on 2026-11-30\n${head}\n`);
    const rt = await createRuntime(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
    try {
      await rt.deps.db.execute(
        sql`delete from audit_event where seq > (select max(seq) - 2 from audit_event)`,
      );
    } finally {
      await rt.close();
    }
    const viaFile = await runCli(['audit', 'verify', '--head', kept], env);
    assert.equal(viaFile.code, 1);
    assert.match(viaFile.stdout, /最新的 2 条事件.*被删除/);
    // Without --head the copy in DATA_DIR is used.
    const byDefault = await runCli(['audit', 'verify'], env);
    assert.equal(byDefault.code, 1);
    assert.match(byDefault.stdout, /被删除/);

    const nonsense = await runCli(['audit', 'verify', '--head', 'not-a-head'], env);
    assert.equal(nonsense.code, 2);
    assert.match(nonsense.stderr, /不是签名链头/);
  });
});
