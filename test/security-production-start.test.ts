// Issue 8.2: `NODE_ENV=production` on an empty database loaded the demo city and its 17 accounts
// with the public password. In production the demo loads only when asked for; the first
// administrator comes from `gongkai admin create`, with a one-time password changed at first login.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../src/config.js';
import { logIn } from '../src/commands/log-in.js';
import { DEMO_PASSWORD } from '../src/demo/city.js';
import { createRuntime } from '../src/main.js';
import { findUserByLogin } from '../src/db/repositories/users.js';
import { cliEnv, createEmptyPostgresDatabase, killChildren, runCli, startServe } from './support/cli.js';

const SECRETS = {
  SESSION_SECRET: 'prod-test-session-secret-0123456789abcdef',
  AUDIT_SECRET: 'prod-test-audit-secret-0123456789abcdefgh',
  PERSONAL_DATA_KEY: 'cHJvZC10ZXN0LXBlcnNvbmFsLWRhdGEta2V5LTAxMjM=',
};

describe('the demo city in production (issue 8.2)', () => {
  test('DEMO defaults to true except in production, where only DEMO=true loads it', () => {
    assert.equal(loadConfig({}).DEMO, true);
    assert.equal(loadConfig({ NODE_ENV: 'test' }).DEMO, true);
    assert.equal(loadConfig({ NODE_ENV: 'production', ...SECRETS }).DEMO, false);
    assert.equal(loadConfig({ NODE_ENV: 'production', DEMO: 'true', ...SECRETS }).DEMO, true);
    assert.equal(loadConfig({ DEMO: 'false' }).DEMO, false);
  });
});

describe('a production start on an empty database', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let pgDb: { url: string; drop(): Promise<void> } | undefined;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-prod-'));
    const server = process.env.TEST_DATABASE_URL;
    if (server) pgDb = await createEmptyPostgresDatabase(server);
    env = { ...cliEnv(dir, pgDb?.url), NODE_ENV: 'production', ...SECRETS };
  });
  after(async () => {
    killChildren();
    await pgDb?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('serve loads no demo accounts and says how to create the first administrator', async () => {
    const server = await startServe(env);
    try {
      assert.doesNotMatch(server.stdout(), /演示账号|demo logins/);
      assert.match(server.stdout(), /数据库为空/);
      assert.match(server.stdout(), /gongkai admin create --login/);
      const res = await fetch(`${server.url}/agencies`);
      assert.equal(res.status, 200);
    } finally {
      await server.stop();
    }
  });

  test('admin create prints a one-time password that must be changed at the first login', async () => {
    const r = await runCli(
      [
        'admin',
        'create',
        '--login',
        'chief',
        '--agency',
        'JN',
        '--agency-name',
        '江南市人民政府',
        '--name',
        '张主任',
      ],
      env,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /已创建顶级机构 江南市人民政府（JN）/);
    const password = /一次性密码：(\S+)/.exec(r.stdout)?.[1];
    assert.ok(password, r.stdout);
    assert.match(r.stdout, /首次登录后须立即修改/);

    const rt = await createRuntime(loadConfig({ ...env, LOG_LEVEL: 'silent' }));
    try {
      const user = await findUserByLogin(rt.deps.db, 'chief');
      assert.equal(user?.role, 'system_admin');
      const session = await logIn(rt.deps, { login: 'chief', password, client: '127.0.0.1' });
      assert.equal(session.mustChangePassword, true);
      // And no demo account exists.
      assert.equal(await findUserByLogin(rt.deps.db, 'admin'), undefined);
    } finally {
      await rt.close();
    }
    assert.notEqual(password, DEMO_PASSWORD);

    // A second administrator under the same agency: the agency is reused, no name needed.
    const second = await runCli(['admin', 'create', '--login', 'deputy', '--agency', 'JN'], env);
    assert.equal(second.code, 0, second.stderr);
    assert.doesNotMatch(second.stdout, /已创建顶级机构/);
    const unknown = await runCli(['admin', 'create', '--login', 'x1', '--agency', 'NOPE'], env);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /--agency-name/);
  });
});
