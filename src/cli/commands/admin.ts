// Administrative subcommands: db migrate, demo load, user add|list, token create|list|revoke, audit verify.
import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createApiToken, revokeApiToken } from '../../commands/api-tokens.js';
import { createAgency } from '../../commands/create-agency.js';
import { createUser } from '../../commands/create-user.js';
import { InvalidInput, NotFound } from '../../domain/errors.js';
import { ROLES } from '../../domain/agencies/roles.js';
import { AGENCY_KINDS } from '../../domain/agencies/agency.js';
import { baseUrl } from '../../config.js';
import { isDatabaseEmpty, loadDemo } from '../../demo/load-demo.js';
import { findAgencyByCode } from '../../queries/agencies.js';
import { listApiTokens } from '../../queries/api-tokens.js';
import { listUsers } from '../../queries/users.js';
import { verifyAuditLog } from '../../queries/verify-audit.js';
import { parseHead, signHead, type SignedHead } from '../../domain/audit/head.js';
import { temporaryPassword } from '../../commands/reset-user-password.js';
import { progressBar } from '../progress.js';
import { rekeyPersonalData } from '../../commands/applications/rekey-personal-data.js';
import { auditHeadPath, withRuntime } from '../runtime.js';
import { formatDateTimePlain } from '../../lib/time.js';

const CLI = { actor: { system: true as const, label: '命令行 (CLI)' } };

/** Prints a domain input error the way a person can act on it, and sets exit code 1. */
function reportInputError(e: unknown): void {
  if (!(e instanceof InvalidInput)) throw e;
  console.error(`错误：${e.message}`);
  for (const [field, msg] of Object.entries(e.fieldErrors)) console.error(`  ${field}: ${msg}`);
  process.exitCode = 1;
}

export function registerAdminCommands(program: Command): void {
  const db = program.command('db').description('数据库 (database)');
  db.command('migrate')
    .description('执行数据库迁移 (apply migrations; also done at every start)')
    .action(() => withRuntime(async (rt) => console.log(`数据库已是最新结构 (${rt.database.engine})`)));

  program
    .command('personal-data')
    .description('个人信息加密 (personal data at rest)')
    .command('rekey')
    .description(
      '更换密钥后，用当前密钥 PERSONAL_DATA_KEY 重新加密全部个人信息 (re-encrypt with the current key; old keys in PERSONAL_DATA_OLD_KEYS)',
    )
    .action(() =>
      withRuntime(async (rt) => {
        const r = await rekeyPersonalData(rt.deps, CLI);
        console.log(
          `已用当前密钥（${rt.deps.personalData.keyId}）重新加密 ${r.applications} 件申请、${r.messages} 条消息 (re-encrypted)`,
        );
      }),
    );

  program
    .command('demo')
    .description('演示数据 (demo data)')
    .command('load')
    .description('向空数据库加载演示城市 (load the demo city into an empty database)')
    .action(() =>
      withRuntime(async (rt) => {
        if (!(await isDatabaseEmpty(rt.deps))) {
          console.error('数据库中已有机构数据，未加载演示数据 (the database already has agencies)');
          process.exitCode = 1;
          return;
        }
        const r = await loadDemo(rt.deps, progressBar('演示数据'), { annualReports: true });
        console.log(
          `已加载 ${r.agencies} 个机构、${r.users.length} 个演示账号、${r.applications} 件政府信息公开申请、${r.appeals} 件复议诉讼、${r.documents} 份主动公开文件、${r.interpretations} 篇政策解读、${r.gazetteIssues} 期政府公报 (loaded)`,
        );
        if (r.showcase)
          console.log(
            `演示申请查询 (try the public lookup): 申请编号 ${r.showcase.trackingNumber}，查询码 ${r.showcase.queryCode}`,
          );
        console.log(
          `政民互动 (public engagement): ${r.mailboxes} 个信箱、${r.letters} 封来信、${r.consultations} 次意见征集、${r.qaItems} 条政策问答`,
        );
        if (r.letterShowcase)
          console.log(
            `演示留言查询 (try the letter lookup): 留言编号 ${r.letterShowcase.trackingNumber}，查询码 ${r.letterShowcase.queryCode}`,
          );
      }),
    );

  // The first administrator of a new installation (production never loads the demo accounts):
  // a root agency if needed, and a system administrator with a one-time password (issue 8.2).
  program
    .command('admin')
    .description('系统管理员 (system administrators)')
    .command('create')
    .description('创建系统管理员（新安装时的第一个账号），打印一次性密码 (create a system administrator)')
    .requiredOption('--login <login>', '登录名')
    .requiredOption('--agency <code>', '所属机构代码；不存在时与 --agency-name 一起新建为顶级机构')
    .option('--agency-name <name>', '新建顶级机构时的名称，例如 江南市人民政府')
    .option('--agency-kind <kind>', `新建顶级机构的类型 (${AGENCY_KINDS.join(' | ')})`, 'government')
    .option('--name <name>', '姓名 (display name)', '系统管理员')
    .action((o: { login: string; agency: string; agencyName?: string; agencyKind: string; name: string }) =>
      withRuntime(async (rt) => {
        let a = await findAgencyByCode(rt.deps.db, o.agency);
        if (!a) {
          if (!o.agencyName)
            return reportInputError(
              new InvalidInput({
                agency: `机构代码 ${o.agency} 不存在；新建顶级机构请同时给出 --agency-name`,
              }),
            );
          try {
            a = await createAgency(rt.deps, CLI, null, {
              code: o.agency,
              name: o.agencyName,
              kind: o.agencyKind as never,
            });
          } catch (e) {
            return reportInputError(e);
          }
          console.log(`已创建顶级机构 ${a.name}（${a.code}）`);
        }
        const password = temporaryPassword(o.login);
        try {
          await createUser(rt.deps, CLI, {
            login: o.login,
            displayName: o.name,
            role: 'system_admin',
            agencyId: a.id,
            password,
            mustChangePassword: true,
          });
        } catch (e) {
          return reportInputError(e);
        }
        console.log(
          [
            `已创建系统管理员 ${o.login}（${a.name}）。`,
            `一次性密码：${password}`,
            '此密码只显示这一次；首次登录后须立即修改。',
            `登录地址：${baseUrl(rt.deps.config)}/admin/login`,
          ].join('\n'),
        );
      }),
    );

  const user = program.command('user').description('用户 (staff users)');
  user
    .command('add')
    .description('新增工作人员账号 (add a staff user)')
    .requiredOption('--login <login>', '登录名')
    .requiredOption('--name <name>', '姓名 (display name)')
    .requiredOption('--role <role>', `角色 (${ROLES.join(' | ')})`)
    .requiredOption('--agency <code>', '所属机构代码 (agency code)')
    .option('--password <password>', '初始密码 (initial password; generated when omitted)')
    .action((o: { login: string; name: string; role: string; agency: string; password?: string }) =>
      withRuntime(async (rt) => {
        const a = await findAgencyByCode(rt.deps.db, o.agency);
        if (!a) return reportInputError(new InvalidInput({ agency: `机构代码 ${o.agency} 不存在` }));
        const password = o.password ?? temporaryPassword(o.login);
        try {
          await createUser(rt.deps, CLI, {
            login: o.login,
            displayName: o.name,
            role: o.role as never,
            agencyId: a.id,
            password,
          });
        } catch (e) {
          return reportInputError(e);
        }
        console.log(`已创建用户 ${o.login}（${a.name}）。初始密码：${password}（首次登录须修改）`);
      }),
    );
  user
    .command('list')
    .description('列出用户 (list users)')
    .option('--json', '以 JSON 输出')
    .action((o: { json?: boolean }) =>
      withRuntime(async (rt) => {
        const users = await listUsers(rt.deps.db);
        if (o.json) {
          const out = users.map((u) => ({
            login: u.login,
            displayName: u.displayName,
            role: u.role,
            agency: u.agencyCode,
            disabled: u.disabled,
          }));
          console.log(JSON.stringify(out, null, 2));
          return;
        }
        for (const u of users)
          console.log(
            `${u.login.padEnd(20)} ${u.role.padEnd(13)} ${u.agencyCode.padEnd(14)} ${u.displayName}${u.disabled ? ' （已停用）' : ''}`,
          );
      }),
    );

  const token = program.command('token').description('API 访问令牌 (API tokens)');
  token
    .command('create')
    .description('为用户创建 API 令牌，只显示一次 (create a bearer token; shown once)')
    .requiredOption('--user <login>', '用户登录名')
    .option('--name <name>', '令牌用途 (what it is for)', 'integration')
    .action((o: { user: string; name: string }) =>
      withRuntime(async (rt) => {
        try {
          const t = await createApiToken(rt.deps, CLI, { login: o.user, name: o.name });
          console.log(t.token);
          console.error(`令牌 #${t.id} 已为 ${t.login} 创建；请妥善保存，它不会再次显示。`);
        } catch (e) {
          reportInputError(e);
        }
      }),
    );
  token
    .command('list')
    .description('列出 API 令牌（不显示令牌本身）(list tokens; never the secret)')
    .option('--json', '以 JSON 输出')
    .action((o: { json?: boolean }) =>
      withRuntime(async (rt) => {
        const tokens = await listApiTokens(rt.deps.db);
        if (o.json) return console.log(JSON.stringify(tokens, null, 2));
        if (tokens.length === 0) return console.log('尚无 API 令牌 (no tokens)');
        for (const t of tokens) {
          const status = t.revokedAt
            ? `已撤销 ${formatDateTimePlain(t.revokedAt)}`
            : `最近使用 ${t.lastUsedAt ? formatDateTimePlain(t.lastUsedAt) : '从未'}`;
          console.log(
            `#${String(t.id).padEnd(5)} ${`${t.prefix}…`.padEnd(12)} ${t.login.padEnd(20)} ${t.agencyCode.padEnd(14)} ${t.name}（${status}）`,
          );
        }
      }),
    );
  token
    .command('revoke')
    .description('撤销 API 令牌，立即失效 (revoke a token; it stops working at once)')
    .argument('<id>', '令牌编号（见 token list）')
    .action((id: string) =>
      withRuntime(async (rt) => {
        if (!/^\d+$/.test(id)) return reportInputError(new InvalidInput({ id: `令牌编号应为数字：${id}` }));
        try {
          await revokeApiToken(rt.deps, CLI, Number(id));
        } catch (e) {
          if (!(e instanceof NotFound)) throw e;
          console.error(`错误：${e.message}（#${id}）`);
          process.exitCode = 1;
          return;
        }
        console.log(`令牌 #${id} 已撤销 (revoked)`);
      }),
    );

  program
    .command('audit')
    .description('审计日志 (audit log)')
    .command('verify')
    .description('校验审计日志哈希链，发现被修改或删除的事件 (verify the hash chain)')
    .option(
      '--head <file|value>',
      '对照另行保存的签名链头，发现最新事件被删除 (a signed head kept elsewhere; default: DATA_DIR/audit-head if present)',
    )
    .option('--json', '以 JSON 输出')
    .action((o: { json?: boolean; head?: string }) =>
      withRuntime(async (rt) => {
        const source =
          o.head ??
          (existsSync(auditHeadPath(rt.deps.config.DATA_DIR))
            ? auditHeadPath(rt.deps.config.DATA_DIR)
            : undefined);
        let recorded: SignedHead | undefined;
        if (source !== undefined) {
          const text = parseHead(source) ? source : existsSync(source) ? readFileSync(source, 'utf8') : '';
          const head = parseHead(text);
          if (!head) {
            console.error(
              `错误：${source} 不是签名链头，也不是含有签名链头的文件（格式：gongkai-audit-head:v1:序号:哈希:签名）`,
            );
            process.exitCode = 2;
            return;
          }
          recorded = head;
        }
        const r = await verifyAuditLog(rt.deps.db, rt.deps.auditSecret, recorded);
        const signed = r.head.seq > 0 ? signHead(rt.deps.auditSecret, r.head) : null;
        if (o.json)
          console.log(JSON.stringify({ ...r, signedHead: signed, recordedHead: recorded ?? null }, null, 2));
        else {
          if (recorded)
            console.log(`对照链头记录：第 ${recorded.seq} 号事件${o.head ? '' : `（${source}）`}`);
          if (r.problems.length === 0)
            console.log(`审计日志完整：共 ${r.checked} 条事件，链头 #${r.head.seq} ${r.head.hash}`);
          else {
            console.log(`审计日志异常：共检查 ${r.checked} 条事件，发现 ${r.problems.length} 处问题：`);
            for (const p of r.problems) console.log(`  #${p.seq} ${p.problem}: ${p.message}`);
          }
          if (signed) console.log(`签名链头（请另行保存，日后用 --head 对照）：${signed}`);
        }
        if (r.problems.length) process.exitCode = 1;
      }),
    );
}
