// Schemas of the letters API (政民互动, issue 13.7). The request body of a letter is documented here
// and validated by submitLetter (src/commands/letters), so the portal form, the back office's entry
// form and the API give the same Chinese messages and every problem at once. Responses are strict zod
// objects: a presenter cannot add a field by mistake — and none of them has a place for a writer's
// phone, e-mail, address, ID number or unmasked name.
import { z } from 'zod';
import { LETTER_KINDS, LETTER_STATES, MAILBOX_KINDS, SATISFACTIONS } from '../../domain/letters/kinds.js';
import { MAX_LETTER_PAGE, MAX_LETTER_PAGE_SIZE } from '../../queries/letter-public.js';
import { apiSchemas } from './schemas.js';

type Meta = Record<string, unknown>;
const documented = (meta: Meta) => z.unknown().optional().meta(meta);

const KIND_TEXT = 'consult 咨询；suggest 建议；complain 投诉；help 求助';

const LETTER_FIELDS = {
  mailboxCode: documented({ type: 'string', description: '信箱代码（见 GET /api/v1/mailboxes）' }),
  kind: documented({ type: 'string', enum: [...LETTER_KINDS], description: `留言类型：${KIND_TEXT}` }),
  name: documented({
    type: ['string', 'null'],
    maxLength: 50,
    description: '来信人姓名；信箱要求实名时必填（见信箱的 nameRequired）。不公开，公开的留言只显示姓氏',
  }),
  phone: documented({
    type: ['string', 'null'],
    description: '联系电话：手机号码或带区号的固定电话；信箱要求时必填（phoneRequired）。加密保存，不公开',
  }),
  email: documented({
    type: ['string', 'null'],
    format: 'email',
    maxLength: 200,
    description: '电子邮箱（选填，除非信箱要求）。填写后，办理进展和答复会发送到此邮箱。加密保存，不公开',
  }),
  address: documented({
    type: ['string', 'null'],
    maxLength: 200,
    description: '通信地址（选填）。加密保存，不公开',
  }),
  title: documented({ type: 'string', minLength: 1, maxLength: 100, description: '标题' }),
  content: documented({ type: 'string', minLength: 10, maxLength: 5000, description: '留言内容' }),
  publicConsent: documented({
    type: 'boolean',
    description:
      '是否同意公开：true 同意（答复后经审核，公开去除个人信息后的标题、内容和答复）；false 不公开',
  }),
};

/** The names a request may use; any other is answered 422. */
export const LETTER_FIELD_NAMES = Object.keys(LETTER_FIELDS);

export const LetterRequest = z
  .object(LETTER_FIELDS, { error: '请求体应为 JSON 对象' })
  .meta({
    required: ['mailboxCode', 'kind', 'title', 'content', 'publicConsent'],
    additionalProperties: false,
  })
  .register(apiSchemas, {
    id: 'LetterRequest',
    description: '写给一个信箱的留言。所有问题一次列出：422 的 fieldErrors 以字段名为键给出中文说明',
  });

export const LetterReceipt = z
  .strictObject({
    trackingNumber: z.string().meta({ description: '留言编号' }),
    queryCode: z.string().meta({
      description: '查询码：只在此时给出一次（只保存其哈希），与留言编号一起用于查询办理情况',
    }),
    receivedOn: z.iso.date().meta({ description: '提交日期（北京时间）' }),
    dueDate: z.iso
      .date()
      .nullable()
      .meta({ description: '答复期限；受理后按留言类型的时限（工作日）计算，受理前为 null' }),
  })
  .register(apiSchemas, { id: 'LetterReceipt', description: '已提交的留言：留言编号与查询码' });

export const LetterLookupQuery = z.object({
  queryCode: z
    .string({ error: '请填写查询码' })
    .trim()
    .min(1, '请填写查询码')
    .max(40, '查询码不正确')
    .meta({ description: '提交留言时得到的查询码' }),
});

export const LetterTrackingParams = z.object({
  trackingNumber: z.string().min(1).max(40).meta({ description: '留言编号' }),
});

const Reply = z
  .strictObject({
    text: z.string().meta({ description: '答复内容' }),
    repliedOn: z.iso.date().nullable().meta({ description: '答复日期' }),
    agencyName: z.string().nullable().meta({ description: '答复单位' }),
  })
  .register(apiSchemas, { id: 'LetterReply' });

export const WriterLetter = z
  .strictObject({
    trackingNumber: z.string(),
    mailboxName: z.string(),
    kind: z.enum(LETTER_KINDS).meta({ description: KIND_TEXT }),
    title: z.string(),
    content: z.string(),
    receivedOn: z.iso.date().meta({ description: '提交日期' }),
    state: z.enum(LETTER_STATES).meta({
      description:
        'submitted 待受理；handling 办理中；instructing 呈领导批示；review 待审核（答复已拟写）；replied 已答复；archived 已归档',
    }),
    stateLabel: z.string().meta({ description: '办理状态（中文）' }),
    dueDate: z.iso.date().nullable().meta({ description: '答复期限（受理后计算）' }),
    reply: Reply.nullable().meta({ description: '答复；未答复时为 null' }),
    satisfaction: z.enum(SATISFACTIONS).nullable().meta({
      description:
        '来信人的评价：very_satisfied 非常满意；satisfied 满意；neutral 基本满意；dissatisfied 不满意',
    }),
    canRate: z.boolean().meta({ description: '现在可以评价（已答复且尚未评价）' }),
  })
  .register(apiSchemas, { id: 'WriterLetter', description: '来信人凭留言编号和查询码看到的办理情况' });

export const Mailbox = z
  .strictObject({
    code: z.string().meta({ description: '信箱代码（写信时的 mailboxCode）' }),
    name: z.string(),
    kind: z
      .enum(MAILBOX_KINDS)
      .meta({ description: 'leader 领导信箱；agency 部门信箱；supervision 公众监督' }),
    agencyCode: z.string().meta({ description: '受理机关的机构代码' }),
    agencyName: z.string(),
    timeLimits: z
      .strictObject(
        Object.fromEntries(LETTER_KINDS.map((k) => [k, z.number().int()])) as Record<
          (typeof LETTER_KINDS)[number],
          z.ZodNumber
        >,
      )
      .meta({ description: '各类留言的答复时限（工作日，自受理之日起）' }),
    nameRequired: z.boolean(),
    phoneRequired: z.boolean(),
    emailRequired: z.boolean(),
  })
  .register(apiSchemas, { id: 'Mailbox', description: '信箱' });

export const MailboxList = z
  .strictObject({ items: z.array(Mailbox) })
  .register(apiSchemas, { id: 'MailboxList', description: '开放的信箱（领导信箱、部门信箱、公众监督）' });

const intParam = (name: string, min: number, max: number, fallback: number, description: string) =>
  z.coerce
    .number({ error: `${name} 必须是整数` })
    .int({ error: `${name} 必须是整数` })
    .min(min, { error: `${name} 不能小于 ${min}` })
    .max(max, { error: `${name} 不能大于 ${max}` })
    .default(fallback)
    .meta({ description });

export const PublishedLetterQuery = z.object({
  mailbox: z.string().min(1).max(60, { error: 'mailbox 过长' }).optional().meta({ description: '信箱代码' }),
  unit: z
    .string()
    .min(1)
    .max(40, { error: 'unit 过长' })
    .optional()
    .meta({ description: '答复单位的机构代码' }),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'month 应为 YYYY-MM，例如 2026-11' })
    .optional()
    .meta({ description: '受理月份 YYYY-MM' }),
  page: intParam('page', 1, MAX_LETTER_PAGE, 1, `页码，1–${MAX_LETTER_PAGE}，默认 1`),
  pageSize: intParam('pageSize', 1, MAX_LETTER_PAGE_SIZE, 20, `每页条数，1–${MAX_LETTER_PAGE_SIZE}，默认 20`),
});

export const PublishedLetterSchema = z
  .strictObject({
    trackingNumber: z.string(),
    mailbox: z.strictObject({ code: z.string(), name: z.string() }),
    kind: z.enum(LETTER_KINDS).meta({ description: KIND_TEXT }),
    title: z.string().meta({ description: '公开的标题（已去除个人信息）' }),
    content: z.string().meta({ description: '公开的留言内容（已去除个人信息）' }),
    writer: z.string().nullable().meta({ description: '来信人（只显示姓氏，如 张*）' }),
    acceptedOn: z.iso.date().meta({ description: '受理日期' }),
    repliedOn: z.iso.date().meta({ description: '答复日期' }),
    replyAgency: z
      .strictObject({ code: z.string(), name: z.string() })
      .nullable()
      .meta({ description: '答复单位' }),
    reply: z.string().meta({ description: '公开的答复内容' }),
    url: z.string().meta({ description: '门户网站上的地址（绝对 URL）' }),
  })
  .register(apiSchemas, { id: 'PublishedLetter', description: '经来信人同意并审核后公开的留言' });

export const PublishedLetterPage = z
  .strictObject({
    data: z.array(PublishedLetterSchema),
    total: z.number().int().meta({ description: '符合条件的公开留言总数' }),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .register(apiSchemas, { id: 'PublishedLetterPage', description: '按答复日期倒序的一页公开留言' });
