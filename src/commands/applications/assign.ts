// Assigns an application to an officer of its agency's subtree (or takes it back): not a fact of
// the clock, so not a case event, but audited and under the same optimistic lock.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { InvalidInput } from '../../domain/errors.js';
import { bumpVersion, loadCase } from '../../db/repositories/applications.js';
import { agency, appUser } from '../../db/schema.js';
import { isWithin } from '../../domain/agencies/agency.js';
import { authorize } from '../../policies/policy.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { parseInput } from '../validation.js';

const AssignFields = z.object({
  applicationId: z.coerce.number().int().positive(),
  version: z.coerce.number({ error: '缺少版本号，请刷新页面后重试' }).int(),
  /** null: nobody (back to the agency's inbox). */
  userId: z.coerce.number().int().positive().nullable(),
});

export async function assignApplication(
  deps: Deps,
  ctx: CommandContext,
  input: z.input<typeof AssignFields>,
) {
  const f = parseInput(AssignFields, input);
  const loaded = await loadCase(deps.db, f.applicationId);
  authorize(ctx.actor, 'application.handle', { agencyPath: loaded.agencyPath });
  let assignee: { id: number; displayName: string } | null = null;
  if (f.userId !== null) {
    const [u] = await deps.db
      .select({
        id: appUser.id,
        displayName: appUser.displayName,
        role: appUser.role,
        path: agency.path,
        disabledAt: appUser.disabledAt,
      })
      .from(appUser)
      .innerJoin(agency, eq(agency.id, appUser.agencyId))
      .where(eq(appUser.id, f.userId));
    // The officer must work where the case is: in the application's agency or one above it.
    if (
      !u ||
      u.disabledAt ||
      !['officer', 'office_head'].includes(u.role) ||
      !isWithin(loaded.agencyPath, u.path)
    )
      throw new InvalidInput({ userId: '只能分配给本机关在职的公开工作人员' });
    assignee = { id: u.id, displayName: u.displayName };
  }
  return inTransaction(deps, ctx, async (tx, audit) => {
    const row = await bumpVersion(tx, loaded.app.id, f.version, { assignedTo: assignee?.id ?? null });
    await audit({
      action: 'application.assigned',
      subjectType: 'application',
      subjectId: loaded.app.id,
      agencyId: loaded.app.agencyId,
      data: { trackingNumber: loaded.app.trackingNumber, to: assignee?.displayName ?? null },
    });
    return { version: row.version };
  });
}
