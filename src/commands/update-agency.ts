// Edits an agency's own data and its disclosure office's contact details (条例 第十二条: the
// 政府信息公开指南 is generated from them). Moving an agency under another parent is not offered:
// it would re-scope every record and account below it.
import { and, eq, ne } from 'drizzle-orm';
import { InvalidInput, NotFound } from '../domain/errors.js';
import { agency } from '../db/schema.js';
import { authorize } from '../policies/policy.js';
import { diff, inTransaction, type CommandContext, type Deps } from './context.js';
import { AgencyFields } from './create-agency.js';
import { parseInput } from './validation.js';

export async function updateAgency(deps: Deps, ctx: CommandContext, id: number, input: unknown) {
  const fields = parseInput(AgencyFields, input);
  return inTransaction(deps, ctx, async (tx, audit) => {
    const [current] = await tx.select().from(agency).where(eq(agency.id, id)).for('update');
    if (!current) throw new NotFound();
    authorize(ctx.actor, 'agency.edit', { agencyPath: current.path });
    const [dup] = await tx
      .select({ id: agency.id })
      .from(agency)
      .where(and(eq(agency.code, fields.code), ne(agency.id, id)));
    if (dup) throw new InvalidInput({ code: `机构代码 ${fields.code} 已被使用` });
    const change = diff(current, fields);
    if (Object.keys(change.after).length === 0) return current;
    const [row] = await tx
      .update(agency)
      .set({ ...fields, updatedAt: deps.now() })
      .where(eq(agency.id, id))
      .returning();
    await audit({
      action: 'agency.updated',
      subjectType: 'agency',
      subjectId: id,
      agencyId: id,
      data: change,
    });
    return row!;
  });
}
