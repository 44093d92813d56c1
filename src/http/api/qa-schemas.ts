// Schemas of the 答问知识库 API: published items searched or browsed by category, and one item with
// its linked documents. Public (no token) and rate-limited. Requests are checked strictly; responses
// are strict objects, so a presenter cannot add a field by mistake (no counts, no drafts, no ids of staff).
import { z } from 'zod';
import { MAX_QA_PAGE } from '../../queries/qa-search.js';
import { apiSchemas } from './schemas.js';

export const MAX_QA_API_PAGE_SIZE = 50;

const intParam = (name: string, min: number, max: number, fallback: number, description: string) =>
  z.coerce
    .number({ error: `${name} 必须是整数` })
    .int({ error: `${name} 必须是整数` })
    .min(min, { error: `${name} 不能小于 ${min}` })
    .max(max, { error: `${name} 不能大于 ${max}` })
    .default(fallback)
    .meta({ description });

export const QaListQuery = z.object({
  q: z
    .string()
    .trim()
    .max(100, { error: 'q 不能超过 100 个字' })
    .optional()
    .meta({ description: '检索词：关键词（空格分隔，全部匹配）或引号内的短语；不填则按发布时间倒序列出' }),
  category: z
    .string()
    .trim()
    .min(1)
    .max(20, { error: 'category 不能超过 20 个字' })
    .optional()
    .meta({ description: '分类（如 住房公积金、户籍办理）', examples: ['住房公积金'] }),
  page: intParam('page', 1, MAX_QA_PAGE, 1, `页码，1–${MAX_QA_PAGE}，默认 1`),
  pageSize: intParam('pageSize', 1, MAX_QA_API_PAGE_SIZE, 10, `每页条数，1–${MAX_QA_API_PAGE_SIZE}，默认 10`),
});

export const QaIdParams = z.object({
  id: z.coerce
    .number({ error: 'id 必须是整数' })
    .int({ error: 'id 必须是整数' })
    .min(1, { error: 'id 必须是正整数' })
    .max(2_147_483_647, { error: 'id 过大' })
    .meta({ description: '问答 id（见列表）', examples: [1] }),
});

const url = z.string().meta({ description: '门户网站上的地址（绝对 URL）' });
const publishedAt = z.iso.datetime({ offset: true }).nullable().meta({ description: '发布时间（UTC）' });

export const QaSummary = z
  .strictObject({
    id: z.number().int(),
    question: z.string(),
    category: z.string(),
    agencyName: z.string().meta({ description: '答复单位' }),
    publishedAt,
    questionHtml: z.string().meta({ description: '问题，命中的词用 <mark> 标出（其余已转义）' }),
    answerSnippetHtml: z.string().meta({ description: '答复摘要，命中的词用 <mark> 标出（其余已转义）' }),
    alsoAskedHtml: z
      .string()
      .nullable()
      .meta({ description: '问题本身未命中时，命中的其他问法（已转义，<mark> 标出）' }),
    url,
  })
  .register(apiSchemas, { id: 'QaSummary', description: '已发布的问答（列表中的一项）' });

export const QaPage = z
  .strictObject({
    data: z.array(QaSummary),
    total: z.number().int().meta({ description: '符合条件的问答数' }),
    page: z.number().int(),
    pageSize: z.number().int(),
    categories: z
      .array(z.strictObject({ category: z.string(), count: z.number().int() }))
      .meta({ description: '各分类的问答数（按检索词，未按分类筛选）' }),
    suggestions: z
      .array(z.string())
      .meta({ description: '没有结果时可改用的检索词（去掉其中一个词后有结果的）' }),
  })
  .register(apiSchemas, { id: 'QaPage', description: '一页问答：有检索词时按相关度，否则按发布时间倒序' });

export const QaDetail = z
  .strictObject({
    id: z.number().int(),
    question: z.string(),
    altQuestions: z.array(z.string()).meta({ description: '同一问题的其他问法' }),
    answer: z.string().meta({ description: '答复（纯文本，段落之间空一行）' }),
    category: z.string(),
    agency: z.strictObject({ code: z.string(), name: z.string() }).meta({ description: '答复单位' }),
    publishedAt,
    documents: z
      .array(
        z.strictObject({
          id: z.number().int(),
          kind: z.enum(['document', 'interpretation']),
          title: z.string(),
          docNumber: z.string().nullable(),
          validity: z.string().meta({ description: '有效性（同文件接口）' }),
          url,
        }),
      )
      .meta({ description: '答复依据的已发布文件和政策解读' }),
    url,
  })
  .register(apiSchemas, { id: 'QaItem', description: '一条已发布的问答及其依据文件' });
