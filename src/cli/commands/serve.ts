// `gongkai serve` (npm start): open the database, load the demo city on first start, listen, and
// print the URL and the demo logins.
import type { Command } from 'commander';
import { baseUrl, loadConfig } from '../../config.js';
import { isDatabaseEmpty, loadDemo } from '../../demo/load-demo.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../demo/city.js';
import { buildApp } from '../../http/app.js';
import { createRuntime } from '../../main.js';
import { JOBS } from '../../jobs/jobs.js';
import { runJobsWithServer } from '../../jobs/scheduler.js';
import { progressBar } from '../progress.js';
import { DataDirLocked } from '../runtime.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('启动门户网站、管理后台和 API (start the portal, back office and API)')
    .option('-p, --port <port>', '端口 (port); default $PORT or 3000')
    .option('--no-demo', '首次启动时不加载演示数据 (do not load the demo city into an empty database)')
    .action(async (opts: { port?: string; demo: boolean }) => {
      const config = loadConfig({ ...process.env, ...(opts.port ? { PORT: opts.port } : {}) });
      let rt;
      try {
        rt = await createRuntime(config);
      } catch (e) {
        if (e instanceof DataDirLocked) {
          console.error(e.message);
          process.exit(3);
        }
        throw e;
      }
      const { deps } = rt;
      // The demo city and its public password only when wanted: never by default in production.
      let empty = await isDatabaseEmpty(deps);
      let showcase: { trackingNumber: string; queryCode: string } | null = null;
      let letters: {
        mailboxes: number;
        letters: number;
        showcase: { trackingNumber: string; queryCode: string } | null;
      } | null = null;
      if (empty && opts.demo && config.DEMO) {
        console.log('首次启动：正在加载演示城市数据 (loading the demo city)…');
        // With the 2020 history: its published annual reports fill the 年报 column (issue 12).
        const demo = await loadDemo(deps, progressBar('演示数据'), { annualReports: true });
        showcase = demo.showcase;
        letters = { mailboxes: demo.mailboxes, letters: demo.letters, showcase: demo.letterShowcase };
        await deps.refreshDemoFlag();
        empty = false;
      }
      const app = await buildApp(deps);
      const shutdown = async (signal: string) => {
        app.log.info({ signal }, 'shutting down');
        await app.close();
        await rt.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
      // Background jobs (src/jobs/): start with the server, stop when app.close() runs.
      runJobsWithServer(app, deps, JOBS);
      await app.listen({ port: config.PORT, host: config.HOST });
      const url = baseUrl({ ...config, PORT: (app.server.address() as { port: number }).port });
      const lines = [
        '',
        `Gongkai 已启动 (running): ${url}/`,
        `  门户 (portal):       ${url}/`,
        `  管理后台 (back office): ${url}/admin/login`,
        `  API 文档 (API docs):  ${url}/api/docs`,
        `  数据库 (database):    ${config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite ${config.DATA_DIR}/pgdata`}`,
      ];
      // A server that dies must not stay dead: production runs under a supervisor (issue 8).
      if (config.NODE_ENV !== 'production')
        lines.push(
          '  这是开发方式的运行 (npm start: for development)；生产部署（systemd 守护、崩溃后自动重启、内存上限）见 docs/deploy.md',
        );
      if (deps.isDemo()) {
        lines.push('', `演示账号 (demo logins), 密码 (password) 均为: ${DEMO_PASSWORD}`);
        for (const u of DEMO_USERS)
          lines.push(`  ${u.login.padEnd(20)} ${u.role.padEnd(13)} ${u.displayName}`);
        // The demo applications' showcase: its query code is fixed (README), so the lookup can be tried.
        if (showcase)
          lines.push(
            '',
            `演示申请查询 (try the public lookup): ${url}/apply/lookup  申请编号 ${showcase.trackingNumber}，查询码 ${showcase.queryCode}`,
          );
        // 政民互动: the demo mailboxes and letters, and the letter whose query code is fixed (README).
        if (letters)
          lines.push(
            `演示信箱 (demo mailboxes): ${letters.mailboxes} 个信箱，${letters.letters} 封来信  ${url}/mailboxes`,
            ...(letters.showcase
              ? [
                  `演示留言查询 (try the letter lookup): ${url}/letters/lookup  留言编号 ${letters.showcase.trackingNumber}，查询码 ${letters.showcase.queryCode}`,
                ]
              : []),
          );
      }
      if (empty)
        lines.push(
          '',
          '数据库为空，还没有任何账号 (empty database, no accounts yet)。创建第一个系统管理员：',
          '  gongkai admin create --login <登录名> --agency <机构代码> --agency-name <机构名称>',
          '  （或 npx gongkai admin create …；它打印一次性密码，首次登录须修改）',
          '要加载演示数据（公开的演示密码，切勿用于生产）：DEMO=true，或 gongkai demo load',
        );
      console.log(lines.join('\n') + '\n');
    });
}
