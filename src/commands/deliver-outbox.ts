// Delivery of the outbox (issue 9.6): messages were written in the transaction of the event they tell
// of (db/repositories/outbox.ts); this command, run by the `outbox-deliver` job, sends them.
//
// Once, however many instances run it: a short transaction claims a batch of due messages with
// SELECT … FOR UPDATE SKIP LOCKED and leases them (attempts + 1, next attempt a lease away), so no
// other instance can claim them while they are being sent outside any transaction. Then each one is
// marked sent, or failed with its (masked) error and a later attempt — after MAX_ATTEMPTS, 'failed'
// for good. A process that dies mid-send leaves the lease to run out: the message is tried again
// (at least once, never twice at the same time).
//
// Without a mail server the pending messages become 'held': shown in the back office, not sent.
import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { outbox } from '../db/schema.js';
import { maskAddressesIn, maskEmail, type Mailer } from '../lib/mailer.js';
import type { Deps } from './context.js';

/** Attempts before a message is given up ('failed'). */
export const MAX_ATTEMPTS = 8;
/** Minutes to wait after the n-th failed attempt (the last value repeats). */
export const RETRY_MINUTES = [1, 5, 15, 60, 180, 360, 720] as const;
/** How long a claimed message is left to its sender before another run may try it. */
export const LEASE_MS = 10 * 60_000;

export interface DeliveryOptions {
  /** Messages claimed per run. */
  batch?: number;
  maxAttempts?: number;
}

export interface DeliveryReport {
  sent: number;
  /** Failed this time and to be tried again later. */
  retrying: number;
  /** Given up (after the last attempt, or no address to send to). */
  failed: number;
  /** Pending messages kept in the back office because no mail server is configured. */
  held: number;
  /** What happened to each message, the address masked (for the log). */
  details: { id: number; to: string; result: 'sent' | 'retrying' | 'failed'; error?: string }[];
}

export function retryDelayMs(attempts: number): number {
  const i = Math.min(Math.max(attempts - 1, 0), RETRY_MINUTES.length - 1);
  return RETRY_MINUTES[i]! * 60_000;
}

export async function deliverOutbox(
  deps: Deps,
  mailer: Mailer,
  opts: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, held: 0, details: [] };
  if (!mailer.configured) {
    const held = await deps.db
      .update(outbox)
      .set({ status: 'held', lastError: '未配置邮件服务器' })
      .where(eq(outbox.status, 'pending'))
      .returning({ id: outbox.id });
    report.held = held.length;
    return report;
  }
  const maxAttempts = opts.maxAttempts ?? MAX_ATTEMPTS;
  const claimed = await claimBatch(deps, opts.batch ?? 20);
  // The server unreachable (or refusing our login): the rest of the batch fails the same way without
  // waiting for a timeout each, so one run never holds the scheduler for batch × timeout.
  let serverDown: string | null = null;
  for (const m of claimed) {
    const now = () => deps.now();
    const to = readRecipient(deps, m.recipientEnc);
    if (!to) {
      await deps.db
        .update(outbox)
        .set({ status: 'failed', lastError: '无法读取收件地址' })
        .where(eq(outbox.id, m.id));
      report.failed++;
      report.details.push({ id: m.id, to: '—', result: 'failed', error: '无法读取收件地址' });
      continue;
    }
    try {
      if (serverDown !== null) throw new Error(serverDown);
      await mailer.send({ to, subject: m.subject, text: m.body });
      await deps.db
        .update(outbox)
        .set({ status: 'sent', sentAt: now(), lastError: null })
        .where(eq(outbox.id, m.id));
      report.sent++;
      report.details.push({ id: m.id, to: maskEmail(to), result: 'sent' });
    } catch (e) {
      const error = errorText(e, to);
      if (serverDown === null && !isAboutThisMessage(e)) serverDown = error;
      const giveUp = m.attempts >= maxAttempts;
      await deps.db
        .update(outbox)
        .set(
          giveUp
            ? { status: 'failed', lastError: error }
            : {
                status: 'pending',
                lastError: error,
                nextAttemptAt: new Date(now().getTime() + retryDelayMs(m.attempts)),
              },
        )
        .where(eq(outbox.id, m.id));
      if (giveUp) report.failed++;
      else report.retrying++;
      report.details.push({ id: m.id, to: maskEmail(to), result: giveUp ? 'failed' : 'retrying', error });
    }
  }
  return report;
}

/**
 * Claims up to `limit` due messages for this run: a new message (never tried: it is due at once,
 * whatever the clocks say) or one whose next attempt has come. Locked rows are skipped — another
 * instance is claiming them — and the claimed ones are leased before the transaction ends.
 */
async function claimBatch(deps: Deps, limit: number) {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), or(eq(outbox.attempts, 0), lte(outbox.nextAttemptAt, now))))
      .orderBy(outbox.id)
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({
        attempts: sql`${outbox.attempts} + 1`,
        nextAttemptAt: new Date(now.getTime() + LEASE_MS),
      })
      .where(
        inArray(
          outbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning({
        id: outbox.id,
        recipientEnc: outbox.recipientEnc,
        subject: outbox.subject,
        body: outbox.body,
        attempts: outbox.attempts,
      });
  });
}

/**
 * Whether the server refused this message (its recipient or content: nodemailer's EENVELOPE and
 * EMESSAGE) rather than the connection, the TLS handshake or the login failing for every message.
 */
function isAboutThisMessage(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'EENVELOPE' || code === 'EMESSAGE';
}

function readRecipient(deps: Deps, enc: string | null): string | null {
  try {
    return enc ? deps.personalData.decrypt(enc) : null;
  } catch {
    return null;
  }
}

/** The server's answer, short, with the recipient's (and any other) address masked. */
function errorText(e: unknown, to: string): string {
  const raw = e instanceof Error ? e.message : String(e);
  return maskAddressesIn(raw.split(to).join(maskEmail(to))).slice(0, 500);
}
