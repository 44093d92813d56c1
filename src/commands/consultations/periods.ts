// Saves the installation's minimum consultation periods (app_setting 'consultation.minimumPeriods',
// src/queries/consultation-settings.ts), for the system administrator; `restoreDefaults` removes the
// row so the national defaults apply again. Audited with what changed.
import { eq } from 'drizzle-orm';
import {
  DEFAULT_CONSULTATION_PERIODS,
  parseConsultationPeriods,
  PERIOD_KEYS,
  periodText,
  type ConsultationPeriods,
} from '../../domain/consultations/index.js';
import { appSetting } from '../../db/schema.js';
import { authorizeAction } from '../../policies/policy.js';
import { CONSULTATION_PERIODS_KEY, consultationPeriods } from '../../queries/consultation-settings.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';

export async function saveConsultationPeriods(
  deps: Deps,
  ctx: CommandContext,
  input: unknown,
  options: { restoreDefaults?: boolean } = {},
): Promise<ConsultationPeriods> {
  authorizeAction(ctx.actor, 'rules.manage');
  const next = options.restoreDefaults ? DEFAULT_CONSULTATION_PERIODS : parseConsultationPeriods(input);
  return inTransaction(deps, ctx, async (tx, audit) => {
    const before = await consultationPeriods(tx);
    if (options.restoreDefaults)
      await tx.delete(appSetting).where(eq(appSetting.key, CONSULTATION_PERIODS_KEY));
    else
      await tx
        .insert(appSetting)
        .values({ key: CONSULTATION_PERIODS_KEY, value: next })
        .onConflictDoUpdate({ target: appSetting.key, set: { value: next, updatedAt: deps.now() } });
    const changed = PERIOD_KEYS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]));
    if (changed.length)
      await audit({
        action: 'consultation.periods-updated',
        subjectType: 'setting',
        subjectId: CONSULTATION_PERIODS_KEY,
        data: {
          before: Object.fromEntries(
            changed.map((k) => [k, `${periodText(before[k])}（${before[k].source}）`]),
          ),
          after: Object.fromEntries(changed.map((k) => [k, `${periodText(next[k])}（${next[k].source}）`])),
        },
      });
    return next;
  });
}
