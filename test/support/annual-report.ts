// Test data for the annual report (issue 12): a database with deps, and applications and appeals
// inserted as rows (the report reads their cached outcome and dates), without the intake's work.
import { loadConfig } from '../../src/config.js';
import type { Deps } from '../../src/commands/context.js';
import type { Database } from '../../src/db/client.js';
import { appeal, application, applicationEvent } from '../../src/db/schema.js';
import { depsFor } from '../../src/main.js';
import { TEST_SECRETS } from './app.js';
import { createTestDatabase } from './db.js';

export const SYSTEM = { actor: { system: true as const, label: '测试' } };

export async function reportTestDeps(): Promise<{ database: Database; deps: Deps }> {
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent' });
  const deps = await depsFor(database, config, TEST_SECRETS);
  return { database, deps: { ...deps, now: () => new Date('2026-11-28T02:00:00Z') } };
}

export interface AppRow {
  agencyId: number;
  applicantType: string;
  receivedOn: string;
  concludedOn: string | null;
  outcome: string | null;
  /** 信息处理费: notified amount (元) and the day paid. */
  fee?: { amount: number; paidOn: string };
}

let tracking = 0;

export async function insertApplications(db: Database['db'], rows: readonly AppRow[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const inserted = await db
      .insert(application)
      .values(
        chunk.map((r) => ({
          agencyId: r.agencyId,
          trackingNumber: `T-${process.pid}-${++tracking}`,
          queryCodeHash: 'x',
          applicantType: r.applicantType,
          name: '测试申请人',
          idType: 'residentId',
          idNumberEnc: 'x',
          idNumberMasked: 'x',
          idNumberHash: `h${tracking}`,
          description: `测试申请 ${tracking}`,
          form: 'electronic',
          delivery: 'online',
          channel: 'online',
          receivedOn: r.receivedOn,
          state: r.outcome ? 'closed' : 'open',
          outcome: r.outcome,
          concludedOn: r.concludedOn,
          viewComputedOn: '2026-11-28',
        })),
      )
      .returning({ id: application.id });
    ids.push(...inserted.map((x) => x.id));
  }
  const fees = rows.flatMap((r, i) => (r.fee ? [{ id: ids[i]!, ...r.fee, on: r.receivedOn }] : []));
  for (const f of fees)
    await db.insert(applicationEvent).values([
      {
        applicationId: f.id,
        seq: 1,
        type: 'feeNotified',
        on: f.on,
        data: { type: 'feeNotified', on: f.on, amount: f.amount },
      },
      { applicationId: f.id, seq: 2, type: 'feePaid', on: f.paidOn, data: { type: 'feePaid', on: f.paidOn } },
    ]);
  return ids;
}

export interface AppealRow {
  agencyId: number;
  kind: 'reconsideration' | 'litigation';
  afterReconsideration: boolean;
  filedOn: string;
  result: 'upheld' | 'corrected' | 'other' | 'pending';
  decidedOn: string | null;
}

export async function insertAppeals(db: Database['db'], rows: readonly AppealRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(appeal)
    .values(rows.map((r, i) => ({ ...r, body: '测试市人民政府', appellant: `申请人${i}` })));
}

/** The demo's seeded mulberry32 (int, pick) for property tests. */
export { rng as prng } from '../../src/demo/documents-text.js';
