// The installation's minimum consultation periods (src/domain/consultations/rules.ts): app_setting
// 'consultation.minimumPeriods', absent = the national defaults. Saved by
// src/commands/consultations/periods.ts (audited). Read per call: one small row.
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { appSetting } from '../db/schema.js';
import {
  DEFAULT_CONSULTATION_PERIODS,
  parseConsultationPeriods,
  type ConsultationPeriods,
} from '../domain/consultations/index.js';

export const CONSULTATION_PERIODS_KEY = 'consultation.minimumPeriods';

export async function consultationPeriods(db: Executor): Promise<ConsultationPeriods> {
  const [row] = await db
    .select({ value: appSetting.value })
    .from(appSetting)
    .where(eq(appSetting.key, CONSULTATION_PERIODS_KEY));
  if (!row) return DEFAULT_CONSULTATION_PERIODS;
  try {
    return parseConsultationPeriods(row.value);
  } catch {
    // Only the command writes the row, after the same parse; a hand-edited invalid row is ignored.
    return DEFAULT_CONSULTATION_PERIODS;
  }
}
