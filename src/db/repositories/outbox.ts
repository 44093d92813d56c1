// The outbox (issue 9.6): messages written in the same transaction as the event they tell of, and
// delivered afterwards by a job (src/jobs). A dedupe key makes a message unique, so a reminder is
// written once however many instances run the reminder job.
import type { Tx } from '../client.js';
import { outbox } from '../schema.js';

export interface OutboxMessage {
  topic: string;
  userId?: number | null;
  agencyId?: number | null;
  applicationId?: number | null;
  /** Encrypted e-mail address; null: shown in the back office only. */
  recipientEnc?: string | null;
  subject: string;
  body: string;
  dedupeKey?: string | null;
}

/** Writes the message; returns false when one with the same dedupe key exists already. */
export async function enqueueMessage(tx: Tx, m: OutboxMessage): Promise<boolean> {
  const rows = await tx
    .insert(outbox)
    .values({
      topic: m.topic,
      userId: m.userId ?? null,
      agencyId: m.agencyId ?? null,
      applicationId: m.applicationId ?? null,
      recipientEnc: m.recipientEnc ?? null,
      subject: m.subject,
      body: m.body,
      dedupeKey: m.dedupeKey ?? null,
      status: m.recipientEnc ? 'pending' : 'held',
    })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return rows.length > 0;
}
