// Marking back-office messages as read (消息): one of the actor's own messages, all of them, or an
// unsent message to an applicant of the actor's subtree (the office has seen it and reached the
// applicant another way). A personal marker like a session's last use: not audited.
import { and, eq, isNull } from 'drizzle-orm';
import { isSystem } from '../domain/agencies/actor.js';
import { NotFound } from '../domain/errors.js';
import { agency, outbox } from '../db/schema.js';
import { applicantMessageScope, seesApplicantMessages } from '../queries/messages.js';
import type { CommandContext, Deps } from './context.js';

/** Marks one message read; NotFound when it is not the actor's to see. */
export async function markMessageRead(deps: Deps, ctx: CommandContext, id: number): Promise<void> {
  const actor = ctx.actor;
  if (isSystem(actor)) throw new NotFound();
  const now = deps.now();
  const own = await deps.db
    .update(outbox)
    .set({ readAt: now })
    .where(and(eq(outbox.id, id), eq(outbox.userId, actor.userId)))
    .returning({ id: outbox.id });
  if (own.length > 0) return;
  if (seesApplicantMessages(actor)) {
    const [visible] = await deps.db
      .select({ id: outbox.id })
      .from(outbox)
      .innerJoin(agency, eq(agency.id, outbox.agencyId))
      .where(and(eq(outbox.id, id), applicantMessageScope(actor)));
    if (visible) {
      await deps.db.update(outbox).set({ readAt: now }).where(eq(outbox.id, id));
      return;
    }
  }
  throw new NotFound('未找到该消息');
}

/** Marks all of the actor's own unread messages read; returns how many. */
export async function markAllMessagesRead(deps: Deps, ctx: CommandContext): Promise<number> {
  const actor = ctx.actor;
  if (isSystem(actor)) return 0;
  const rows = await deps.db
    .update(outbox)
    .set({ readAt: deps.now() })
    .where(and(eq(outbox.userId, actor.userId), isNull(outbox.readAt)))
    .returning({ id: outbox.id });
  return rows.length;
}
