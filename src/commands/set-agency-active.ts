// Deactivates or reactivates an agency. An inactive agency keeps its records and accounts but is no
// longer offered for new ones. The tree stays consistent: no active agency under an inactive one.
import { and, eq } from 'drizzle-orm';
import { Conflict, NotAllowed, NotFound } from '../domain/errors.js';
import { agency } from '../db/schema.js';
import { isOwnAgency } from '../policies/agencies.js';
import { authorize } from '../policies/policy.js';
import { inTransaction, type CommandContext, type Deps } from './context.js';

export async function setAgencyActive(deps: Deps, ctx: CommandContext, id: number, active: boolean) {
  return inTransaction(deps, ctx, async (tx, audit) => {
    const [current] = await tx.select().from(agency).where(eq(agency.id, id)).for('update');
    if (!current) throw new NotFound();
    authorize(ctx.actor, 'agency.edit', { agencyPath: current.path });
    if (!active && isOwnAgency(ctx.actor, id)) throw new NotAllowed('不能停用您本人所在的机构');
    if (current.active === active) return current;
    if (!active) {
      if (current.parentId == null) throw new NotAllowed('不能停用根机构');
      const children = await tx
        .select({ name: agency.name })
        .from(agency)
        .where(and(eq(agency.parentId, id), eq(agency.active, true)));
      if (children.length)
        throw new Conflict(`请先停用其下级机构：${children.map((c) => c.name).join('、')}`);
    } else if (current.parentId != null) {
      const [parent] = await tx
        .select({ active: agency.active })
        .from(agency)
        .where(eq(agency.id, current.parentId));
      if (parent && !parent.active) throw new Conflict('上级机构已停用，请先启用上级机构');
    }
    const [row] = await tx
      .update(agency)
      .set({ active, updatedAt: deps.now() })
      .where(eq(agency.id, id))
      .returning();
    await audit({
      action: active ? 'agency.reactivated' : 'agency.deactivated',
      subjectType: 'agency',
      subjectId: id,
      agencyId: id,
      data: { before: { active: current.active }, after: { active } },
    });
    return row!;
  });
}
