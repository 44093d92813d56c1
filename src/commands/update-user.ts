// Edits a staff account: display name, role and agency. The new agency must lie in the actor's
// subtree and the role must be one the actor may grant. Nobody changes their own role or agency
// (that could lock them out of the back office).
import { eq } from 'drizzle-orm';
import { InvalidInput } from '../domain/errors.js';
import { agency, appUser } from '../db/schema.js';
import { assignableRoles, can, inScope } from '../policies/policy.js';
import { isSelf } from '../policies/users.js';
import { diff, inTransaction, type CommandContext, type Deps } from './context.js';
import { UserFields } from './create-user.js';
import { loadManagedUser } from './managed-user.js';
import { parseInput } from './validation.js';

export const UserEditFields = UserFields.pick({ displayName: true, role: true, agencyId: true });

export async function updateUser(deps: Deps, ctx: CommandContext, id: number, input: unknown) {
  const f = parseInput(UserEditFields, input);
  return inTransaction(deps, ctx, async (tx, audit) => {
    const user = await loadManagedUser(tx, ctx, id);
    const [target] = await tx
      .select({ id: agency.id, path: agency.path })
      .from(agency)
      .where(eq(agency.id, f.agencyId));
    const errors: Record<string, string> = {};
    // Outside the subtree reads like "does not exist" (the 404 rule), in the words of the actor's view.
    if (!target || !inScope(ctx.actor, { agencyPath: target.path }))
      errors.agencyId = can(ctx.actor, 'scope.wholeTree') ? '所选机构不存在' : '请选择您管辖范围内的机构';
    if (f.role !== user.role && !assignableRoles(ctx.actor).includes(f.role))
      errors.role = '您不能授予该角色';
    if (isSelf(ctx.actor, user)) {
      if (f.role !== user.role) errors.role = '不能更改自己的角色';
      if (f.agencyId !== user.agencyId) errors.agencyId = '不能更改自己的所属机构';
    }
    if (Object.keys(errors).length) throw new InvalidInput(errors);
    const change = diff({ displayName: user.displayName, role: user.role, agencyId: user.agencyId }, f);
    if (Object.keys(change.after).length === 0) return user;
    await tx
      .update(appUser)
      .set({ ...f, updatedAt: deps.now() })
      .where(eq(appUser.id, id));
    // Filed under the new agency so that the admins who now see the account see how it got there.
    await audit({
      action: 'user.updated',
      subjectType: 'user',
      subjectId: id,
      agencyId: f.agencyId,
      data: { login: user.login, ...change },
    });
    return { ...user, ...f };
  });
}
