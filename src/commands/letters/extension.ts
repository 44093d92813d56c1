// 延期: the handling unit asks for more working days with the reason; the office head approves
// (the due date moves by the days granted) or refuses. The mailbox caps what may be granted in all
// (maxExtensionDays; default 10, so 15 working days at most with a 5-day limit — docs/letters.md).
import { z } from 'zod';
import { InvalidInput } from '../../domain/errors.js';
import type { CommandContext, Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { letterId, optionalText, requiredText, version } from './inputs.js';
import { loadForStep, takeStep } from './step.js';

const days = z.coerce
  .number({ error: '请填写延期的工作日数' })
  .int('延期的工作日数应为整数')
  .min(1, '延期至少 1 个工作日');

const RequestFields = z.object({ letterId, version, days, reason: requiredText('延期理由', 1000) });

export async function requestExtension(
  deps: Deps,
  ctx: CommandContext,
  input: z.input<typeof RequestFields>,
) {
  const f = parseInput(RequestFields, input);
  const s = await loadForStep(deps, ctx, f.letterId, 'letter.handle');
  const left = s.loaded.mailbox.maxExtensionDays - s.view.extensionDays;
  if (left <= 0) throw new InvalidInput({ days: '该信件已用完可延长的期限，不能再申请延期' });
  if (f.days > left) throw new InvalidInput({ days: `最多还能延期 ${left} 个工作日` });
  return takeStep(deps, ctx, s, f.version, {
    events: [{ type: 'extensionRequested', on: s.today, days: f.days, reason: f.reason }],
    audit: { action: 'letter.extensionRequested', data: { days: f.days, reason: f.reason } },
  });
}

const DecideFields = z
  .object({
    letterId,
    version,
    approve: z.preprocess(
      (v) => (v === 'yes' || v === 'true' ? true : v === 'no' || v === 'false' ? false : v),
      z.boolean({ error: '请选择批准或不批准' }),
    ),
    days: days.optional().nullable(),
    reason: optionalText('不予延期的理由', 1000),
  })
  .superRefine((v, c) => {
    if (!v.approve && !v.reason)
      c.addIssue({ code: 'custom', path: ['reason'], message: '不批准延期请填写理由' });
  });

export async function decideExtension(deps: Deps, ctx: CommandContext, input: z.input<typeof DecideFields>) {
  const f = parseInput(DecideFields, input);
  const s = await loadForStep(deps, ctx, f.letterId, 'letter.review');
  if (!f.approve)
    return takeStep(deps, ctx, s, f.version, {
      events: [{ type: 'extensionRefused', on: s.today, reason: f.reason! }],
      audit: { action: 'letter.extensionRefused', data: { reason: f.reason } },
    });
  const requested = [...s.loaded.facts].reverse().find((e) => e.type === 'extensionRequested');
  const asked = requested?.type === 'extensionRequested' ? requested.days : 0;
  const granted = f.days ?? asked;
  const left = s.loaded.mailbox.maxExtensionDays - s.view.extensionDays;
  if (granted < 1 || granted > left)
    throw new InvalidInput({ days: `批准的延期应为 1 至 ${Math.max(1, left)} 个工作日` });
  return takeStep(deps, ctx, s, f.version, {
    events: [{ type: 'extensionApproved', on: s.today, days: granted }],
    audit: { action: 'letter.extensionApproved', data: { days: granted } },
  });
}
