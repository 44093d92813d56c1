// The API's one source of truth: these zod schemas validate requests, type the presenters and are
// turned into the OpenAPI 3.1 document (z.toJSONSchema, JSON Schema 2020-12 = OpenAPI 3.1's dialect).
// Response objects are strict, so a test parse fails on any field a presenter adds by mistake.
import { z } from 'zod';
import { AGENCY_KINDS } from '../../domain/agencies/agency.js';
import { ROLES } from '../../domain/agencies/roles.js';

/** Named schemas, emitted under components/schemas and referenced by $ref. */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 100;

// Query values arrive as strings; the messages are what an integrator reads in fieldErrors.
const limit = z.coerce
  .number({ error: 'limit 必须是整数' })
  .int({ error: 'limit 必须是整数' })
  .min(1, { error: 'limit 不能小于 1' })
  .max(MAX_LIMIT, { error: `limit 不能大于 ${MAX_LIMIT}` })
  .default(DEFAULT_LIMIT)
  .meta({ description: `每页条数，1–${MAX_LIMIT}，默认 ${DEFAULT_LIMIT}` });

const after = z.coerce
  .number({ error: 'after 必须是整数' })
  .int({ error: 'after 必须是整数' })
  .min(0, { error: 'after 不能为负数' })
  .default(0)
  .meta({ description: '游标：上一页响应中的 next 值；首页省略' });

export const PageQuery = z.object({ limit, after });

export const AgencyListQuery = PageQuery.extend({
  tree: z
    .enum(['0', '1'], { error: 'tree 只能是 0 或 1' })
    .default('0')
    .meta({ description: '1 = 以树形嵌套返回整个范围（忽略分页参数）' }),
});

export const AuditQuery = z.object({
  limit,
  after: after.meta({ description: '只返回序号大于此值的事件（上一页响应中的 next 值）；首页为 0' }),
});

export const CodeParams = z.object({
  code: z
    .string()
    .min(1)
    .max(40)
    .meta({ description: '机构代码', examples: ['JN.JYJ'] }),
});
export const LoginParams = z.object({
  login: z
    .string()
    .min(1)
    .max(100)
    .meta({ description: '登录名（不区分大小写）', examples: ['jyj.officer'] }),
});

const isoDateTime = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 时间（UTC）' });
const next = z
  .number()
  .int()
  .nullable()
  .meta({ description: '下一页的游标（作为 after 传入）；没有更多时为 null' });

export const AgencyRef = z
  .strictObject({ code: z.string(), name: z.string() })
  .register(apiSchemas, { id: 'AgencyRef' });

export const Contact = z
  .strictObject({
    officeName: z.string().nullable().meta({ description: '政府信息公开工作机构名称' }),
    address: z.string().nullable(),
    postalCode: z.string().nullable(),
    officeHours: z.string().nullable(),
    phone: z.string().nullable(),
    fax: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
  })
  .register(apiSchemas, { id: 'Contact', description: '政府信息公开指南所需的联系信息（条例第十二条）' });

export const Agency = z
  .strictObject({
    id: z.number().int(),
    code: z.string().meta({ description: '稳定的机构代码' }),
    name: z.string(),
    shortName: z.string().nullable(),
    kind: z.enum(AGENCY_KINDS),
    parentCode: z.string().nullable().meta({ description: '上级机构代码；最上级机构为 null' }),
    sortOrder: z.number().int(),
    active: z.boolean(),
    contact: Contact,
    functions: z.string().nullable().meta({ description: '机构职能' }),
    updatedAt: isoDateTime,
  })
  .register(apiSchemas, { id: 'Agency', description: '行政机关' });

export interface AgencyNodeOut extends z.output<typeof Agency> {
  children: AgencyNodeOut[];
}

export const AgencyNode: z.ZodType<AgencyNodeOut> = Agency.extend({
  get children(): z.ZodArray<z.ZodType<AgencyNodeOut>> {
    return z.array(AgencyNode);
  },
}).register(apiSchemas, { id: 'AgencyNode', description: '机构及其下级机构（树形）' });

export const AgencyPage = z
  .strictObject({ data: z.array(Agency), next })
  .register(apiSchemas, { id: 'AgencyPage' });
export const AgencyTree = z
  .strictObject({ data: z.array(AgencyNode), next: z.null() })
  .register(apiSchemas, { id: 'AgencyTree', description: '?tree=1 的响应：范围内的整棵机构树' });
export const AgencyList = z
  .union([AgencyPage, AgencyTree])
  .register(apiSchemas, { id: 'AgencyList', description: '分页列表（默认）或整棵树（tree=1）' });

export const User = z
  .strictObject({
    id: z.number().int(),
    login: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    agency: AgencyRef,
    disabled: z.boolean().meta({ description: '账号已停用' }),
    locked: z.boolean().meta({ description: '因连续登录失败而临时锁定' }),
    createdAt: isoDateTime,
  })
  .register(apiSchemas, { id: 'User', description: '工作人员账号（不含密码及登录失败信息）' });

export const UserPage = z
  .strictObject({ data: z.array(User), next })
  .register(apiSchemas, { id: 'UserPage' });

export const Me = z
  .strictObject({
    id: z.number().int(),
    login: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    agency: AgencyRef,
    permissions: z.array(z.string()).meta({ description: '令牌用户可执行的操作（在其机构范围内）' }),
  })
  .register(apiSchemas, { id: 'Me', description: '令牌所属的用户' });

export const AuditEvent = z
  .strictObject({
    seq: z.number().int().meta({ description: '连续序号：缺号即表示事件被删除' }),
    at: isoDateTime,
    actorId: z.number().int().nullable(),
    actorLabel: z.string(),
    action: z.string().meta({ description: '如 agency.created、auth.login' }),
    subjectType: z.string(),
    subjectId: z.string().nullable(),
    agencyCode: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable(),
    prevHash: z.string().meta({ description: '上一事件的哈希（哈希链）' }),
    hash: z.string(),
  })
  .register(apiSchemas, { id: 'AuditEvent', description: '审计日志事件（哈希链）' });

export const AuditEventPage = z
  .strictObject({ data: z.array(AuditEvent), next })
  .register(apiSchemas, { id: 'AuditEventPage' });

export const ErrorBody = z
  .strictObject({
    error: z.strictObject({
      code: z
        .string()
        .meta({ description: 'UNAUTHENTICATED、NOT_FOUND、NOT_ALLOWED、INVALID_INPUT、RATE_LIMITED …' }),
      message: z.string().meta({ description: '中文说明' }),
      fieldErrors: z.record(z.string(), z.string()).optional().meta({ description: '参数名 → 中文错误信息' }),
      requestId: z.string().meta({ description: '请求编号（同响应头 X-Request-Id）' }),
    }),
  })
  .register(apiSchemas, { id: 'Error', description: '所有错误响应的统一格式' });
