// Creates a staff account in an agency of the actor's scope. The initial password must be changed
// at first login.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { passwordProblem } from '../domain/agencies/password.js';
import { ROLES } from '../domain/agencies/roles.js';
import { InvalidInput, NotAllowed } from '../domain/errors.js';
import { agency, appUser } from '../db/schema.js';
import { commonPasswords } from '../lib/common-passwords.js';
import { hashPassword } from '../lib/secrets.js';
import { assignableRoles, authorize } from '../policies/policy.js';
import { inTransaction, type CommandContext, type Deps } from './context.js';
import { parseInput } from './validation.js';

export const UserFields = z.object({
  login: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z][A-Za-z0-9._-]{2,39}$/,
      '登录名须以字母开头，3–40 个字符，可含字母、数字、点、下划线和短横线',
    ),
  displayName: z.string().trim().min(1, '请填写姓名').max(50, '姓名不能超过 50 个字符'),
  role: z.enum(ROLES, { error: '请选择角色' }),
  agencyId: z.coerce.number({ error: '请选择所属机构' }).int().positive('请选择所属机构'),
  password: z.string().min(1, '请设置初始密码'),
  /** Require a new password at first login (default for accounts created by an administrator). */
  mustChangePassword: z.boolean().default(true),
});
export type UserInput = z.input<typeof UserFields>;

export async function createUser(deps: Deps, ctx: CommandContext, input: UserInput) {
  const f = parseInput(UserFields, input);
  const problem = passwordProblem(f.password, f.login, await commonPasswords());
  if (problem) throw new InvalidInput({ password: problem });
  const [target] = await deps.db.select().from(agency).where(eq(agency.id, f.agencyId));
  if (!target) throw new InvalidInput({ agencyId: '所选机构不存在' });
  authorize(ctx.actor, 'user.manage', { agencyPath: target.path });
  if (!assignableRoles(ctx.actor).includes(f.role)) throw new NotAllowed('您不能授予该角色');
  const passwordHash = await hashPassword(f.password);
  return inTransaction(deps, ctx, async (tx, audit) => {
    const [dup] = await tx
      .select({ id: appUser.id })
      .from(appUser)
      .where(sql`lower(${appUser.login}) = lower(${f.login})`);
    if (dup) throw new InvalidInput({ login: `登录名 ${f.login} 已被使用` });
    const [row] = await tx
      .insert(appUser)
      .values({
        login: f.login,
        displayName: f.displayName,
        role: f.role,
        agencyId: f.agencyId,
        passwordHash,
        mustChangePassword: f.mustChangePassword,
      })
      .returning({ id: appUser.id, login: appUser.login });
    await audit({
      action: 'user.created',
      subjectType: 'user',
      subjectId: row!.id,
      agencyId: f.agencyId,
      data: { after: { login: f.login, displayName: f.displayName, role: f.role, agencyId: f.agencyId } },
    });
    return row!;
  });
}
