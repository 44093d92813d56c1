// 信箱设置: a mailbox of the actor's subtree, added or edited (docs/letters.md): its time limits per
// kind (working days; the defaults of src/domain/letters are only defaults), warning offsets, the
// longest extension, whether replies are reviewed, the query code's length, which contact fields are
// required. Optimistic version on edit; the code is unique (it is in URLs and the API).
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { InvalidInput, NotFound } from '../../domain/errors.js';
import {
  DEFAULT_MAX_EXTENSION_DAYS,
  DEFAULT_TIME_LIMITS,
  LETTER_KINDS,
  MAILBOX_KINDS,
  MAX_TOTAL_WORKDAYS,
} from '../../domain/letters/kinds.js';
import { QUERY_CODE_MAX, QUERY_CODE_MIN } from '../../domain/letters/tracking.js';
import { agency, mailbox } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import { diff, inTransaction, type CommandContext, type Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { MAILBOX_FIELD_NAMES } from './messages.js';
import { Conflict } from '../../domain/errors.js';
import { sql } from 'drizzle-orm';

const days = (label: string, max: number) =>
  z.coerce
    .number({ error: `请填写${label}（工作日数）` })
    .int(`${label}应为整数`)
    .min(0, `${label}不能小于 0`)
    .max(max, `${label}不能超过 ${max} 个工作日`);

const limit = (label: string) =>
  z.coerce
    .number({ error: `请填写${label}的办理时限（工作日数）` })
    .int(`${label}的办理时限应为整数`)
    .min(1, `${label}的办理时限至少 1 个工作日`)
    .max(60, `${label}的办理时限不能超过 60 个工作日`);

const flag = z.preprocess(
  (v) => (typeof v === 'string' ? ['yes', 'true', 'on', '1'].includes(v.trim().toLowerCase()) : v),
  z.boolean(),
);

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

export const MailboxFields = z
  .object({
    id: z.coerce.number().int().positive().optional(),
    version: z.coerce.number({ error: '缺少版本号，请刷新页面后重试' }).int().optional(),
    code: z
      .string({ error: '请填写信箱代码' })
      .trim()
      .min(2, '信箱代码至少 2 个字符')
      .max(40, '信箱代码不能超过 40 个字符')
      .regex(/^[a-z0-9][a-z0-9-]*$/, '信箱代码只能使用小写字母、数字和连字符，例如 mayor 或 jnsgaj'),
    kind: z.enum(MAILBOX_KINDS, { error: '请选择信箱类型' }),
    name: z
      .string({ error: '请填写信箱名称' })
      .trim()
      .min(1, '请填写信箱名称')
      .max(60, '信箱名称不能超过 60 个字'),
    agencyId: z.coerce.number({ error: '请选择所属机构' }).int('请选择所属机构').positive('请选择所属机构'),
    leaderName: optionalText(30, '领导姓名'),
    leaderTitle: optionalText(30, '领导职务'),
    intro: z.string().trim().max(2000, '信箱说明不能超过 2000 个字').optional().default(''),
    timeLimits: z
      .object({
        consult: limit('咨询'),
        suggest: limit('建议'),
        complain: limit('投诉'),
        help: limit('求助'),
      })
      .optional()
      .default({ ...DEFAULT_TIME_LIMITS }),
    warnDaysBefore: days('到期前预警天数', 30).default(2),
    yellowDaysAfter: days('超期后亮黄牌天数', 60).default(0),
    redDaysAfter: days('超期后亮红牌天数', 60).default(5),
    maxExtensionDays: days('最长延期天数', MAX_TOTAL_WORKDAYS).default(DEFAULT_MAX_EXTENSION_DAYS),
    reviewRequired: flag.default(true),
    queryCodeLength: z.coerce
      .number({ error: '请填写查询码位数' })
      .int('查询码位数应为整数')
      .min(QUERY_CODE_MIN, `查询码至少 ${QUERY_CODE_MIN} 位`)
      .max(QUERY_CODE_MAX, `查询码不能超过 ${QUERY_CODE_MAX} 位`)
      .default(6),
    nameRequired: flag.default(true),
    phoneRequired: flag.default(true),
    emailRequired: flag.default(false),
    active: flag.default(true),
    sortOrder: z.coerce.number({ error: '排序应为整数' }).int('排序应为整数').min(0).max(100000).default(0),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'leader' && !v.leaderName)
      ctx.addIssue({ code: 'custom', path: ['leaderName'], message: '领导信箱请填写领导姓名' });
    if (v.redDaysAfter < v.yellowDaysAfter)
      ctx.addIssue({ code: 'custom', path: ['redDaysAfter'], message: '红牌天数不能少于黄牌天数' });
    if (v.id !== undefined && v.version === undefined)
      ctx.addIssue({ code: 'custom', path: ['version'], message: '缺少版本号，请刷新页面后重试' });
  });
export type MailboxInput = z.input<typeof MailboxFields>;

export async function saveMailbox(
  deps: Deps,
  ctx: CommandContext,
  input: MailboxInput,
): Promise<{ id: number; version: number }> {
  const f = parseInput(MailboxFields, input);
  const [owner] = await deps.db
    .select({ id: agency.id, path: agency.path, active: agency.active })
    .from(agency)
    .where(eq(agency.id, f.agencyId));
  if (!owner) throw new InvalidInput({ agencyId: '所选机构不存在' });
  authorize(ctx.actor, 'mailbox.configure', { agencyPath: owner.path });
  const values = {
    code: f.code,
    kind: f.kind,
    name: f.name,
    agencyId: f.agencyId,
    leaderName: f.leaderName,
    leaderTitle: f.leaderTitle,
    intro: f.intro,
    timeLimits: Object.fromEntries(LETTER_KINDS.map((k) => [k, f.timeLimits[k]])),
    warnDaysBefore: f.warnDaysBefore,
    yellowDaysAfter: f.yellowDaysAfter,
    redDaysAfter: f.redDaysAfter,
    maxExtensionDays: f.maxExtensionDays,
    reviewRequired: f.reviewRequired,
    queryCodeLength: f.queryCodeLength,
    nameRequired: f.nameRequired,
    phoneRequired: f.phoneRequired,
    emailRequired: f.emailRequired,
    active: f.active,
    sortOrder: f.sortOrder,
  };
  const now = deps.now();
  return inTransaction(deps, ctx, async (tx, audit) => {
    const [taken] = await tx
      .select({ id: mailbox.id })
      .from(mailbox)
      .where(
        f.id === undefined ? eq(mailbox.code, f.code) : and(eq(mailbox.code, f.code), ne(mailbox.id, f.id)),
      );
    if (taken) throw new InvalidInput({ code: `信箱代码「${f.code}」已被其他信箱使用，请换一个` });
    if (f.id === undefined) {
      const [row] = await tx
        .insert(mailbox)
        .values({ ...values, createdAt: now, updatedAt: now })
        .returning({ id: mailbox.id, version: mailbox.version });
      await audit({
        action: 'mailbox.created',
        subjectType: 'mailbox',
        subjectId: row!.id,
        agencyId: f.agencyId,
        data: { code: f.code, name: f.name },
      });
      return row!;
    }
    const [before] = await tx.select().from(mailbox).where(eq(mailbox.id, f.id));
    if (!before) throw new NotFound();
    // Moving a mailbox is allowed only within the actor's scope, from where it was too.
    const [was] = await tx.select({ path: agency.path }).from(agency).where(eq(agency.id, before.agencyId));
    authorize(ctx.actor, 'mailbox.configure', { agencyPath: was!.path });
    const [row] = await tx
      .update(mailbox)
      .set({ ...values, version: sql`${mailbox.version} + 1`, updatedAt: now })
      .where(and(eq(mailbox.id, f.id), eq(mailbox.version, f.version!)))
      .returning({ id: mailbox.id, version: mailbox.version });
    if (!row) throw new Conflict('该信箱已被他人修改，请刷新页面查看最新设置后重试');
    const changed = diff(
      { ...before, timeLimits: JSON.stringify(before.timeLimits) } as Record<string, unknown>,
      { ...values, timeLimits: JSON.stringify(values.timeLimits) },
    );
    await audit({
      action: 'mailbox.updated',
      subjectType: 'mailbox',
      subjectId: f.id,
      agencyId: f.agencyId,
      data: {
        code: f.code,
        name: f.name,
        changed: Object.keys(changed.after)
          .map((k) => MAILBOX_FIELD_NAMES[k] ?? k)
          .join('、'),
      },
    });
    return row;
  });
}
