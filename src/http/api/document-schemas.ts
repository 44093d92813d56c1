// Schemas of the document library API (主动公开): the list of published documents with filters, one
// document with its metadata, relations and attachments, and full-text search. Public (no token) and
// rate-limited. Requests are checked strictly (an unknown 效力级别 is a 422 with a Chinese message, not
// an empty list); responses are strict objects, so a presenter cannot add a field by mistake.
import { z } from 'zod';
import { themeByCode } from '../../domain/documents/themes.js';
import {
  ARTICLE20_CATEGORIES,
  DISCLOSURE_METHODS,
  DOCUMENT_KINDS,
  EFFECT_LEVELS,
  INTERPRETATION_FORMS,
  RELATION_KINDS,
  VALIDITY_STATES,
} from '../../domain/documents/vocab.js';
import { MATCH_WINDOW, MAX_SEARCH_PAGE } from '../../queries/search-documents.js';
import { apiSchemas } from './schemas.js';

export const DOCUMENT_API_PAGE_SIZE = 20;
export const MAX_DOCUMENT_API_PAGE_SIZE = 100;
export const MAX_DOCUMENT_API_PAGE = 500;
/** Search pages stop where searchDocuments stops (it reads the newest MATCH_WINDOW matches). */
export const MAX_SEARCH_API_PAGE = MAX_SEARCH_PAGE;
export const MAX_SEARCH_API_PAGE_SIZE = 50;

const CATEGORY_KEYS = ARTICLE20_CATEGORIES.map((c) => c.key) as [string, ...string[]];

const intParam = (name: string, min: number, max: number, fallback: number, description: string) =>
  z.coerce
    .number({ error: `${name} 必须是整数` })
    .int({ error: `${name} 必须是整数` })
    .min(min, { error: `${name} 不能小于 ${min}` })
    .max(max, { error: `${name} 不能大于 ${max}` })
    .default(fallback)
    .meta({ description });

const enumParam = <T extends readonly [string, ...string[]]>(name: string, values: T, description: string) =>
  z
    .enum(values, { error: `${name} 只能是 ${values.join('、')} 之一` })
    .optional()
    .meta({ description });

/** Filters shared by the list and the search. */
const filterFields = {
  agency: z
    .string()
    .min(1)
    .max(40, { error: 'agency 过长' })
    .optional()
    .meta({ description: '发文机关的机构代码（含联合发文机关）', examples: ['JN.FGW'] }),
  theme: z
    .string()
    .refine((v) => themeByCode(v) !== undefined, { error: 'theme 不是主题分类代码（如 T05 或 T05.02）' })
    .optional()
    .meta({
      description: '主题分类代码；一级代码（T05）同时匹配其下的二级分类（T05.02）',
      examples: ['T02.01'],
    }),
  year: z.coerce
    .number({ error: 'year 必须是四位年份' })
    .int({ error: 'year 必须是四位年份' })
    .min(1900, { error: 'year 必须是四位年份' })
    .max(2100, { error: 'year 必须是四位年份' })
    .optional()
    .meta({ description: '发布日期所在年份' }),
  effectLevel: enumParam(
    'effectLevel',
    EFFECT_LEVELS,
    '效力级别：rule 规章；normative 行政规范性文件；other 其他文件',
  ),
  validity: enumParam(
    'validity',
    VALIDITY_STATES,
    '有效性：pending 尚未生效；effective 有效；amended 已修改；partly_invalid 部分失效；expired 失效；abolished 废止',
  ),
  kind: enumParam('kind', DOCUMENT_KINDS, '类别：document 政府文件；interpretation 政策解读'),
};

export const DocumentListQuery = z.object({
  ...filterFields,
  category: enumParam('category', CATEGORY_KEYS, '《政府信息公开条例》第二十条的公开类别：a20-01 … a20-15'),
  indexNumber: z.string().min(1).max(100).optional().meta({ description: '索引号（精确匹配）' }),
  page: intParam('page', 1, MAX_DOCUMENT_API_PAGE, 1, `页码，1–${MAX_DOCUMENT_API_PAGE}，默认 1`),
  pageSize: intParam(
    'pageSize',
    1,
    MAX_DOCUMENT_API_PAGE_SIZE,
    DOCUMENT_API_PAGE_SIZE,
    `每页条数，1–${MAX_DOCUMENT_API_PAGE_SIZE}，默认 ${DOCUMENT_API_PAGE_SIZE}`,
  ),
});

export const SearchQuery = z.object({
  q: z
    .string({ error: '请提供检索词 q' })
    .trim()
    .min(1, { error: '请提供检索词 q' })
    .max(100, { error: 'q 不能超过 100 个字' })
    .meta({
      description:
        '检索词：关键词（空格分隔，全部匹配）、引号内的短语，或发文字号（如 苏府〔2020〕12号，括号写法不限）',
    }),
  ...filterFields,
  gazette: enumParam(
    'gazette',
    ['true', 'false'] as const,
    '只看政府公报刊登过的文件：true 只返回某期政府公报刊登的文件；false 或不填为不限',
  ),
  page: intParam('page', 1, MAX_SEARCH_API_PAGE, 1, `页码，1–${MAX_SEARCH_API_PAGE}，默认 1`),
  pageSize: intParam(
    'pageSize',
    1,
    MAX_SEARCH_API_PAGE_SIZE,
    10,
    `每页条数，1–${MAX_SEARCH_API_PAGE_SIZE}，默认 10`,
  ),
});

export const DocumentIdParams = z.object({
  id: z.coerce
    .number({ error: 'id 必须是整数' })
    .int({ error: 'id 必须是整数' })
    .min(1, { error: 'id 必须是正整数' })
    .max(2_147_483_647, { error: 'id 过大' })
    .meta({ description: '文件 id（见列表或检索结果）', examples: [1] }),
});

const isoDate = z.iso.date().nullable().meta({ description: '日期 YYYY-MM-DD' });
const url = z.string().meta({ description: '门户网站上的地址（绝对 URL）' });

const AgencyName = z.strictObject({ code: z.string(), name: z.string() });

export const DocumentSummary = z
  .strictObject({
    id: z.number().int(),
    kind: z.enum(DOCUMENT_KINDS),
    title: z.string(),
    indexNumber: z.string().nullable().meta({ description: '索引号' }),
    docNumber: z.string().nullable().meta({ description: '发文字号（按录入原样）' }),
    agency: AgencyName.meta({ description: '发布机关（第一个发文机关）' }),
    effectLevel: z.enum(EFFECT_LEVELS),
    validity: z.enum(VALIDITY_STATES),
    writtenOn: isoDate.meta({ description: '成文日期' }),
    publishedOn: isoDate.meta({ description: '发布日期' }),
    synthetic: z.boolean().meta({ description: '演示用的虚构文件' }),
    url,
  })
  .register(apiSchemas, { id: 'DocumentSummary', description: '已发布的文件（列表中的一项）' });

export const DocumentPage = z
  .strictObject({
    data: z.array(DocumentSummary),
    total: z.number().int().meta({ description: '符合条件的文件总数' }),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .register(apiSchemas, { id: 'DocumentPage', description: '按发布日期倒序的一页文件' });

const RelatedDocument = z.strictObject({
  id: z.number().int(),
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  docNumber: z.string().nullable(),
  url,
});

const Relation = z
  .strictObject({
    kind: z.enum(RELATION_KINDS).meta({
      description:
        'amends 修改；replaces 代替；abolishes 废止；invalidates 宣布失效；interprets 解读；implements 贯彻实施',
    }),
    effectiveOn: isoDate.meta({ description: '生效日期' }),
    note: z.string().nullable().meta({ description: '涉及的条款（部分失效、修改）' }),
    document: RelatedDocument,
  })
  .register(apiSchemas, { id: 'DocumentRelation', description: '与另一份已发布文件的关系' });

export const DocumentDetail = z
  .strictObject({
    id: z.number().int(),
    kind: z.enum(DOCUMENT_KINDS),
    title: z.string(),
    indexNumber: z.string().nullable().meta({ description: '索引号' }),
    docNumber: z.string().nullable().meta({ description: '发文字号（按录入原样）' }),
    issuers: z.array(AgencyName).meta({ description: '发文机关：发布机关在前，联合发文机关依次在后' }),
    themes: z
      .array(z.strictObject({ code: z.string(), label: z.string().meta({ description: '一级\\二级' }) }))
      .meta({ description: '主题分类' }),
    genre: z.string().nullable().meta({ description: '文种' }),
    effectLevel: z.enum(EFFECT_LEVELS),
    unifiedNumber: z.string().nullable().meta({ description: '统一编号（行政规范性文件）' }),
    writtenOn: isoDate.meta({ description: '成文日期' }),
    publishedOn: isoDate.meta({ description: '发布日期' }),
    effectiveOn: isoDate.meta({ description: '施行日期' }),
    expiresOn: isoDate.meta({ description: '有效期至' }),
    validity: z.enum(VALIDITY_STATES).meta({ description: '今天的有效性（由日期和关系推导）' }),
    validitySince: isoDate.meta({ description: '当前有效性开始的日期；未知时为 null' }),
    disclosureMethod: z.enum(DISCLOSURE_METHODS),
    category: z.enum(CATEGORY_KEYS).nullable().meta({ description: '第二十条公开类别' }),
    interpretationForm: z.enum(INTERPRETATION_FORMS).nullable().meta({ description: '解读形式（政策解读）' }),
    mediaUrl: z.string().nullable().meta({ description: '解读链接（视频、访谈等）' }),
    bodyHtml: z.string().meta({ description: '正文（已按白名单清理的 HTML）' }),
    attachments: z.array(
      z.strictObject({ filename: z.string(), mediaType: z.string(), size: z.number().int(), url }),
    ),
    relations: z.strictObject({
      outgoing: z.array(Relation).meta({ description: '本文件对其他文件的关系（本文件修改、废止、解读……）' }),
      incoming: z
        .array(Relation)
        .meta({ description: '其他文件对本文件的关系（本文件被修改、被废止、相关解读……）' }),
    }),
    gazette: z
      .array(z.strictObject({ agency: AgencyName, year: z.number().int(), number: z.number().int(), url }))
      .meta({ description: '刊登本文件的政府公报（年份、期号）' }),
    synthetic: z.boolean().meta({ description: '演示用的虚构文件' }),
    url,
  })
  .register(apiSchemas, { id: 'Document', description: '一份已发布的文件及其元数据、关系和附件' });

const facet = <K extends z.ZodType>(key: K) => z.array(z.strictObject({ key, count: z.number().int() }));

export const SearchResult = z
  .strictObject({
    total: z
      .number()
      .int()
      .meta({
        description: `符合条件的文件数。超过 ${MATCH_WINDOW} 件时为估计值（totalExact 为 false）`,
      }),
    totalExact: z.boolean().meta({
      description: `total 是否为确切件数。为 false 时，只检索了最新的 ${MATCH_WINDOW} 件符合条件的文件（发文字号精确匹配的总在其中）：hits 和 facets 都只来自这些文件，翻页也到此为止`,
    }),
    page: z.number().int(),
    pageSize: z.number().int(),
    hits: z.array(
      z.strictObject({
        id: z.number().int(),
        kind: z.enum(DOCUMENT_KINDS),
        title: z.string(),
        titleHtml: z.string().meta({ description: '标题，命中的词用 <mark> 标出（其余已转义）' }),
        snippetHtml: z.string().meta({ description: '正文摘要，命中的词用 <mark> 标出（其余已转义）' }),
        docNumber: z.string().nullable(),
        agencyName: z.string(),
        publishedOn: isoDate,
        validity: z.enum(VALIDITY_STATES),
        url,
      }),
    ),
    facets: z
      .strictObject({
        agencies: z.array(z.strictObject({ code: z.string(), name: z.string(), count: z.number().int() })),
        themes: facet(z.string()),
        years: facet(z.number().int()),
        effectLevels: facet(z.enum(EFFECT_LEVELS)),
        validity: facet(z.enum(VALIDITY_STATES)),
      })
      .meta({
        description: `各筛选项的件数（已应用筛选条件）。totalExact 为 false 时只统计检索到的最新 ${MATCH_WINDOW} 件，不是全部结果的件数；validity 各项之和即这些文件的件数`,
      }),
    suggestions: z.array(z.string()).meta({ description: '没有结果时可以改用的检索词' }),
  })
  .register(apiSchemas, {
    id: 'SearchResult',
    description: '检索结果：按相关度排序（发文字号精确匹配在前），附各筛选项的计数',
  });
