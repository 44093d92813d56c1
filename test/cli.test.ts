// The `gongkai` command as an operator uses it: real child processes on a temporary data dir.
// PGlite by default; with TEST_DATABASE_URL the commands run on a fresh PostgreSQL database instead.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { openPglite, openPostgres, type Database } from '../src/db/client.js';
import { apiToken, appUser } from '../src/db/schema.js';
import { sha256 } from '../src/lib/secrets.js';
import {
  cliEnv,
  createEmptyPostgresDatabase,
  killChildren,
  runCli,
  startServe,
  type ServeProcess,
} from './support/cli.js';

const pgServer = process.env.TEST_DATABASE_URL;
// Each child compiles the CLI through tsx and the first serve loads the demo city: be generous.
const SLOW = { timeout: 240_000 };

describe('gongkai --help', () => {
  test('lists every command', SLOW, async () => {
    const r = await runCli(['--help'], cliEnv(join(tmpdir(), 'gongkai-help-unused')));
    assert.equal(r.code, 0);
    for (const cmd of ['serve', 'db', 'demo', 'user', 'token', 'audit'])
      assert.match(r.stdout, new RegExp(`^\\s+${cmd}\\b`, 'm'), `--help lists ${cmd}`);
  });
});

/** The cookies a response sets, as name → value. */
function cookiesOf(res: Response): Map<string, string> {
  return new Map(res.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]));
}

/** Logs in through the real login form over HTTP; returns the dashboard page. */
async function logInOverHttp(
  url: string,
  login: string,
  password: string,
): Promise<{ post: Response; dashboard: Response }> {
  const page = await fetch(`${url}/admin/login`);
  const jar = cookiesOf(page);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const post = await fetch(`${url}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ login, password, _csrf: csrf }).toString(),
  });
  for (const [k, v] of cookiesOf(post)) jar.set(k, v);
  const dashboard = await fetch(`${url}/admin`, { redirect: 'manual', headers: { cookie: cookie() } });
  return { post, dashboard };
}

describe("npm start, the README's set-up command", () => {
  test(
    'on a fresh data dir it loads the demo city and serves the portal and the login page',
    SLOW,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gongkai-npm-start-'));
      const pgDb = pgServer ? await createEmptyPostgresDatabase(pgServer) : undefined;
      try {
        const server = await startServe(cliEnv(dir, pgDb?.url), 'npm-start');
        assert.match(server.stdout(), /演示账号 \(demo logins\)/);
        const home = await fetch(`${server.url}/`);
        assert.equal(home.status, 200);
        const html = await home.text();
        assert.match(html, /<html lang="zh-CN">/);
        assert.match(html, /政府信息公开/);
        assert.equal((await fetch(`${server.url}/admin/login`)).status, 200);
        await server.stop();
      } finally {
        killChildren();
        await pgDb?.drop();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('gongkai serve, user, token and audit on one data dir', () => {
  let dataDir: string;
  let pgDb: { url: string; drop(): Promise<void> } | undefined;
  let env: NodeJS.ProcessEnv;
  let first: ServeProcess | undefined;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
    if (pgServer) pgDb = await createEmptyPostgresDatabase(pgServer);
    env = cliEnv(dataDir, pgDb?.url);
  });
  after(async () => {
    killChildren();
    await pgDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The database the children use, opened directly by the test (only while no child runs on PGlite). */
  async function openDirect(): Promise<Database> {
    return pgDb ? openPostgres(pgDb.url) : openPglite(join(dataDir, 'pgdata'));
  }

  test(
    'serve on an empty data dir loads the demo city, prints the URL and the demo logins, and serves the portal and login',
    SLOW,
    async () => {
      first = await startServe(env);
      const out = first.stdout();
      assert.match(first.url, /^http:\/\/localhost:\d+$/);
      const password = /演示账号 \(demo logins\), 密码 \(password\) 均为: (\S+)/.exec(out)?.[1];
      assert.ok(password, `the demo password is printed:\n${out}`);
      assert.match(out, /^\s+admin\s+system_admin\s+系统管理员$/m);

      const home = await fetch(`${first.url}/`);
      assert.equal(home.status, 200);
      const html = await home.text();
      assert.match(html, /<html lang="zh-CN">/);
      assert.match(html, /政府信息公开/);
      assert.match(html, /演示数据/);
      const login = await fetch(`${first.url}/admin/login`);
      assert.equal(login.status, 200);
      assert.match(await login.text(), /工作人员登录/);

      // A printed demo login reaches the dashboard.
      const { post, dashboard } = await logInOverHttp(first.url, 'admin', password);
      assert.equal(post.status, 303);
      assert.equal(post.headers.get('location'), '/admin');
      assert.equal(dashboard.status, 200);
      assert.match(await dashboard.text(), /<h1>工作台<\/h1>/);
    },
  );

  test(
    'a second serve on the same data dir exits non-zero with a clear message',
    {
      ...SLOW,
      skip: pgServer
        ? 'the data-dir lock guards the embedded PGlite database only; PostgreSQL takes many processes'
        : false,
    },
    async () => {
      assert.ok(first, 'the first serve is running');
      const second = await runCli(['serve'], env);
      assert.notEqual(second.code, 0);
      assert.match(second.stderr, /正被另一个 Gongkai 进程 \(pid \d+\) 使用，请先停止它/);
      assert.match(second.stderr, /in use by another Gongkai process/);
      assert.doesNotMatch(second.stdout, /已启动/);
      // The first server is unharmed.
      assert.equal((await fetch(`${first.url}/`)).status, 200);
    },
  );

  test('SIGTERM stops serve with exit code 0 and releases the data dir', SLOW, async () => {
    assert.ok(first, 'the first serve is running');
    const r = await first.stop();
    assert.equal(r.code, 0);
    assert.equal(existsSync(join(dataDir, 'gongkai.lock')), false);
    await assert.rejects(fetch(`${first.url}/`), 'nothing listens any more');
  });

  test(
    'user add creates a staff user that user list --json shows; a wrong agency is refused',
    SLOW,
    async () => {
      const add = await runCli(
        [
          'user',
          'add',
          '--login',
          'cli.officer',
          '--name',
          '李测试',
          '--role',
          'officer',
          '--agency',
          'JN.BGS',
          '--password',
          'Cli-password-2026',
        ],
        env,
      );
      assert.equal(add.code, 0, add.stderr);
      assert.match(add.stdout, /已创建用户 cli\.officer/);
      const bad = await runCli(
        [
          'user',
          'add',
          '--login',
          'cli.other',
          '--name',
          '王测试',
          '--role',
          'officer',
          '--agency',
          'NO.SUCH',
        ],
        env,
      );
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /机构代码 NO\.SUCH 不存在/);

      const list = await runCli(['user', 'list', '--json'], env);
      assert.equal(list.code, 0, list.stderr);
      const users = JSON.parse(list.stdout) as {
        login: string;
        displayName: string;
        role: string;
        agency: string;
        disabled: boolean;
      }[];
      assert.deepEqual(
        users.find((u) => u.login === 'cli.officer'),
        { login: 'cli.officer', displayName: '李测试', role: 'officer', agency: 'JN.BGS', disabled: false },
      );
      assert.ok(
        users.some((u) => u.login === 'admin'),
        'the demo users are listed too',
      );
      assert.ok(!users.some((u) => u.login === 'cli.other'));
    },
  );

  test(
    'token create prints a token once, stores only its hash, and the token authenticates GET /api/v1/me',
    SLOW,
    async () => {
      const r = await runCli(['token', 'create', '--user', 'admin', '--name', 'ci'], env);
      assert.equal(r.code, 0, r.stderr);
      const token = r.stdout.trim();
      assert.match(token, /^gk_[A-Za-z0-9_-]{40,}$/);
      assert.match(r.stderr, /不会再次显示/);
      const database = await openDirect();
      try {
        const rows = await database.db
          .select()
          .from(apiToken)
          .innerJoin(appUser, eq(appUser.id, apiToken.userId));
        assert.deepEqual(
          rows.map((r) => ({
            name: r.api_token.name,
            prefix: r.api_token.prefix,
            tokenHash: r.api_token.tokenHash,
            login: r.app_user.login,
          })),
          [{ name: 'ci', prefix: token.slice(0, 10), tokenHash: sha256(token), login: 'admin' }],
        );
        assert.ok(!JSON.stringify(rows).includes(token), 'the token itself is stored nowhere');
      } finally {
        await database.close();
      }

      // The token authenticates the API on a new server; a made-up one does not.
      const server = await startServe(env);
      try {
        const me = await fetch(`${server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
        assert.equal(me.status, 200);
        const body = (await me.json()) as { login: string; role: string; agency: { code: string } };
        assert.deepEqual([body.login, body.role, body.agency.code], ['admin', 'system_admin', 'JN']);
        const forged = await fetch(`${server.url}/api/v1/me`, {
          headers: { authorization: `Bearer gk_${'A'.repeat(43)}` },
        });
        assert.equal(forged.status, 401);
      } finally {
        assert.equal((await server.stop()).code, 0);
      }
    },
  );

  test('audit verify passes on the intact log and reports a tampered event', SLOW, async () => {
    const ok = await runCli(['audit', 'verify'], env);
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /审计日志完整：共 \d+ 条事件/);

    const database = await openDirect();
    try {
      await database.db.execute(sql`update audit_event set action = 'x' where seq = 2`);
    } finally {
      await database.close();
    }
    const bad = await runCli(['audit', 'verify'], env);
    assert.equal(bad.code, 1, bad.stdout + bad.stderr);
    assert.match(bad.stdout, /审计日志异常/);
    assert.match(bad.stdout, /^\s+#2 edited\b/m);
    assert.doesNotMatch(bad.stdout, /^\s+#(?!2 )\d+ /m, 'only event #2 is reported');
  });
});
