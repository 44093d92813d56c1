// Schemas of the consultation API (意见征集): the public list and one consultation with its published
// feedback report. Responses are strict objects: a presenter cannot add a field (a name as written
// or a contact) by mistake.
import { z } from 'zod';
import { ADOPTIONS, CONSULTATION_TYPES } from '../../domain/consultations/index.js';
import { apiSchemas } from './schemas.js';

const PUBLIC_STATUSES = ['upcoming', 'open', 'ended', 'closed', 'feedback_published'] as const;

export const ConsultationListQuery = z.object({
  status: z
    .enum(PUBLIC_STATUSES, { error: `status 只能是 ${PUBLIC_STATUSES.join('、')} 之一` })
    .optional()
    .meta({
      description:
        '按状态筛选：upcoming 即将开始、open 正在征集、ended 征集期已满、closed 征集结束、feedback_published 已反馈',
    }),
});

export const ConsultationIdParams = z.object({
  id: z.coerce
    .number({ error: 'id 必须是整数' })
    .int({ error: 'id 必须是整数' })
    .min(1, { error: 'id 必须是正整数' })
    .max(2_147_483_647, { error: 'id 过大' })
    .meta({ description: '意见征集 id（见列表）', examples: [1] }),
});

const Rule = z.strictObject({
  days: z.number().int().meta({ description: '最短期限' }),
  unit: z.enum(['days', 'workdays']).meta({ description: 'days 自然日，workdays 工作日' }),
  text: z.string().meta({ description: '例如 不少于7个工作日' }),
  source: z.string().meta({ description: '期限依据' }),
});

export const ConsultationSummary = z
  .strictObject({
    id: z.number().int(),
    title: z.string(),
    agency: z.strictObject({ code: z.string(), name: z.string() }),
    decisionType: z.enum(CONSULTATION_TYPES).meta({
      description: 'rule 规章、normative 行政规范性文件、major_decision 重大行政决策、other 其他事项',
    }),
    concernsMarket: z.boolean().meta({ description: '涉及市场主体生产经营活动（行政规范性文件）' }),
    opensOn: z.string().nullable().meta({ description: '开始日期（含）' }),
    closesOn: z.string().nullable().meta({ description: '截止日期（含）' }),
    status: z.enum(PUBLIC_STATUSES),
    opinions: z.number().int().meta({ description: '收到意见数' }),
    url: z.string().meta({ description: '门户网站页面' }),
  })
  .register(apiSchemas, { id: 'ConsultationSummary', description: '意见征集（列表中的一项）' });

export const ConsultationList = z
  .strictObject({ data: z.array(ConsultationSummary), total: z.number().int() })
  .register(apiSchemas, { id: 'ConsultationList', description: '已公布的意见征集，按开始日期倒序' });

const FeedbackRow = z.strictObject({
  number: z.number().int().meta({ description: '序号' }),
  name: z.string().meta({ description: '反馈人（个人姓名已脱敏，例如 张*丰；未留名为 匿名）' }),
  clause: z.string().nullable().meta({ description: '所涉条款' }),
  content: z.string().meta({ description: '意见内容' }),
  adoption: z
    .enum(ADOPTIONS)
    .exclude(['pending'])
    .meta({ description: 'adopted 采纳、partly 部分采纳、not_adopted 不予采纳' }),
  reason: z.string().nullable().meta({ description: '理由' }),
});

const Feedback = z.strictObject({
  publishedAt: z.string().nullable(),
  summary: z.string().nullable().meta({ description: '采纳情况说明' }),
  opensOn: z.string(),
  closesOn: z.string(),
  received: z.number().int().meta({ description: '收到意见数' }),
  adopted: z.number().int().meta({ description: '采纳数（含部分采纳）' }),
  partly: z.number().int().meta({ description: '其中部分采纳' }),
  notAdopted: z.number().int().meta({ description: '不予采纳数' }),
  rows: z.array(FeedbackRow),
});

export const ConsultationDetail = ConsultationSummary.extend({
  description: z.string().meta({ description: '草案及起草说明' }),
  rule: Rule,
  daysLeft: z
    .number()
    .int()
    .nullable()
    .meta({ description: '剩余天数（含今天）；未开始或已结束为 null 或 0' }),
  email: z.string().nullable().meta({ description: '接收意见的电子邮箱' }),
  postalAddress: z.string().nullable().meta({ description: '接收意见的通信地址' }),
  document: z
    .strictObject({
      id: z.number().int(),
      title: z.string(),
      docNumber: z.string().nullable(),
      url: z.string(),
    })
    .nullable()
    .meta({ description: '文件库中已发布的草案文件' }),
  feedback: Feedback.nullable().meta({ description: '意见采纳情况（发布后才有）' }),
}).register(apiSchemas, { id: 'ConsultationDetail', description: '一项意见征集及其意见采纳情况' });
