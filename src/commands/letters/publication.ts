// 公开: a replied letter is published only when the writer agreed (publicConsent) and the office
// decides so; what the portal shows is the public version — title, content and reply edited apart
// from the original, masked (suggestMasking suggests, a person checks). As a last guard the public
// texts may not contain the writer's name as given, phone number, e-mail or address. The office may
// also decide not to publish (with the reason), or take a published letter down the same way.
import { z } from 'zod';
import { InvalidInput, InvalidTransition } from '../../domain/errors.js';
import { suggestMasking } from '../../domain/letters/masking.js';
import type { CommandContext, Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { letterId, optionalText, version } from './inputs.js';
import { normalisePhone } from './fields.js';
import { loadForStep, takeStep } from './step.js';

const PublicationFields = z
  .object({
    letterId,
    version,
    publish: z.preprocess(
      (v) => (v === 'yes' || v === 'true' ? true : v === 'no' || v === 'false' ? false : v),
      z.boolean({ error: '请选择公开或不公开' }),
    ),
    publicTitle: optionalText('公开标题', 100),
    publicContent: optionalText('公开内容', 5000),
    publicReply: optionalText('公开的答复', 10000),
    reason: optionalText('不公开的理由', 1000),
  })
  .superRefine((v, c) => {
    if (v.publish) {
      if (!v.publicTitle) c.addIssue({ code: 'custom', path: ['publicTitle'], message: '请填写公开标题' });
      if (!v.publicContent)
        c.addIssue({ code: 'custom', path: ['publicContent'], message: '请填写公开内容' });
      if (!v.publicReply) c.addIssue({ code: 'custom', path: ['publicReply'], message: '请填写公开的答复' });
    } else if (!v.reason) c.addIssue({ code: 'custom', path: ['reason'], message: '请填写不公开的理由' });
  });

export async function decidePublication(
  deps: Deps,
  ctx: CommandContext,
  input: z.input<typeof PublicationFields>,
) {
  const f = parseInput(PublicationFields, input);
  const s = await loadForStep(deps, ctx, f.letterId, 'letter.publish');
  const l = s.loaded.letter;
  if (!f.publish)
    return takeStep(deps, ctx, s, f.version, {
      events: [{ type: 'withheld', on: s.today, reason: f.reason! }],
      set: { publication: 'withheld', publishedAt: null },
      audit: { action: 'letter.withheld', data: { reason: f.reason } },
    });
  if (!l.publicConsent) throw new InvalidTransition('来信人未同意公开，不能公开该信件');
  if (s.view.triage !== 'accepted') throw new InvalidTransition('只能公开已受理并答复的信件');
  const p = deps.personalData;
  const secrets = [
    l.writerName && [...l.writerName].length >= 2 ? l.writerName : null,
    l.phoneEnc ? normalisePhone(p.decrypt(l.phoneEnc)) : null,
    p.decrypt(l.emailEnc),
    p.decrypt(l.addressEnc),
  ].filter((x): x is string => !!x && x.length >= 2);
  const errors: Record<string, string> = {};
  for (const key of ['publicTitle', 'publicContent', 'publicReply'] as const) {
    const text = f[key]!;
    const digits = text.replace(/\D/g, '');
    if (secrets.some((x) => text.includes(x) || (/^\d{7,}$/.test(x) && digits.includes(x))))
      errors[key] = '公开文本中含有来信人的姓名、电话、邮箱或地址，请脱敏后再公开';
    else if (suggestMasking(text).findings.some((x) => x.kind !== 'name' && x.kind !== 'address'))
      errors[key] = '公开文本中含有电话号码、身份证号码或电子邮箱，请脱敏后再公开';
  }
  if (Object.keys(errors).length > 0) throw new InvalidInput(errors);
  return takeStep(deps, ctx, s, f.version, {
    events: [{ type: 'published', on: s.today }],
    set: {
      publication: 'published',
      publicTitle: f.publicTitle,
      publicContent: f.publicContent,
      publicReply: f.publicReply,
      publishedAt: deps.now(),
    },
    audit: { action: 'letter.published', data: {} },
  });
}
