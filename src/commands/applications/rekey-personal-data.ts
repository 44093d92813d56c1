// After a key rotation (docs/deploy.md, "Rotating the personal-data key"): rewrites every ciphertext
// made with an older key with the current one, and recomputes the identity-number lookup hashes
// (they are keyed too, so the same applicant is matched again across old and new applications).
// Batches of one transaction each: an interrupted run is simply run again.
import { and, asc, eq, gt, isNotNull, not, like, or } from 'drizzle-orm';
import { normaliseIdNumber } from '../../domain/applications/identity.js';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { application, outbox } from '../../db/schema.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';

const BATCH = 200;

export interface RekeyResult {
  applications: number;
  messages: number;
}

export async function rekeyPersonalData(
  deps: Deps,
  ctx: CommandContext,
  onProgress?: (done: number) => void,
): Promise<RekeyResult> {
  const p = deps.personalData;
  const current = `v1:${p.keyId}:%`;
  const stale = (col: AnyPgColumn) => and(isNotNull(col), not(like(col, current)));
  let applications = 0;
  let after = 0;
  for (;;) {
    const rows = await deps.db
      .select()
      .from(application)
      .where(
        and(
          gt(application.id, after),
          or(
            stale(application.idNumberEnc),
            stale(application.phoneEnc),
            stale(application.emailEnc),
            stale(application.addressEnc),
          ),
        ),
      )
      .orderBy(asc(application.id))
      .limit(BATCH);
    if (rows.length === 0) break;
    await inTransaction(deps, ctx, async (tx, audit) => {
      for (const r of rows) {
        const id = p.decrypt(r.idNumberEnc);
        const re = (v: string | null) => (v === null ? null : p.encrypt(p.decrypt(v)));
        await tx
          .update(application)
          .set({
            idNumberEnc: p.encrypt(id),
            idNumberHash: p.lookupHash(normaliseIdNumber(id)),
            phoneEnc: re(r.phoneEnc),
            emailEnc: re(r.emailEnc),
            addressEnc: re(r.addressEnc),
          })
          .where(eq(application.id, r.id));
      }
      await audit({
        action: 'application.personalDataRekeyed',
        subjectType: 'application',
        data: { from: rows[0]!.id, to: rows[rows.length - 1]!.id, count: rows.length, keyId: p.keyId },
      });
    });
    applications += rows.length;
    after = rows[rows.length - 1]!.id;
    onProgress?.(applications);
  }
  let messages = 0;
  for (;;) {
    const rows = await deps.db
      .select({ id: outbox.id, recipientEnc: outbox.recipientEnc })
      .from(outbox)
      .where(and(isNotNull(outbox.recipientEnc), not(like(outbox.recipientEnc, current))))
      .orderBy(asc(outbox.id))
      .limit(BATCH);
    if (rows.length === 0) break;
    await deps.db.transaction(async (tx) => {
      for (const r of rows)
        await tx
          .update(outbox)
          .set({ recipientEnc: p.encrypt(p.decrypt(r.recipientEnc!)) })
          .where(eq(outbox.id, r.id));
    });
    messages += rows.length;
  }
  return { applications, messages };
}
