// The OpenAPI 3.1 document, generated from the operation list and its zod schemas (the same ones that
// validate requests): OpenAPI 3.1 uses JSON Schema 2020-12, which is what z.toJSONSchema emits.
import { z } from 'zod';
import type { ApiOperation, ErrorStatus } from './operation.js';
import { apiSchemas } from './schemas.js';

export type JsonSchema = Record<string, unknown>;
export type OpenApiDocument = Record<string, unknown> & {
  openapi: '3.1.0';
  paths: Record<string, Record<string, JsonSchema>>;
};

const REF = '#/components/schemas/';

/** Errors every token-protected operation can answer, plus the ones it declares. */
export const ERROR_RESPONSES: Record<401 | 429 | ErrorStatus, { name: string; zh: string; en: string }> = {
  401: {
    name: 'Unauthenticated',
    zh: '缺少访问令牌，或令牌无效、已撤销、其用户已停用（code: UNAUTHENTICATED）',
    en: 'No token, or a bad, revoked or disabled user’s token',
  },
  403: {
    name: 'NotAllowed',
    zh: '令牌用户的角色无权执行此操作（code: NOT_ALLOWED）',
    en: 'The token user’s role may not do this',
  },
  404: {
    name: 'NotFound',
    zh: '记录不存在，或不在令牌用户的机构范围内（code: NOT_FOUND）',
    en: 'No such record, or outside the token user’s scope',
  },
  409: {
    name: 'Conflict',
    zh: '申请已被他人改动，所传版本号已过期，请重新读取后再试（code: CONFLICT）；或申请当前的状态不允许此办理事项（code: INVALID_TRANSITION）',
    en: 'A stale version (someone else changed the record first), or a step the current state does not allow',
  },
  411: {
    name: 'LengthRequired',
    zh: '上传未声明长度（Content-Length），无法在读取前核对大小（code: LENGTH_REQUIRED）',
    en: 'The upload did not state its length (Content-Length)',
  },
  413: {
    name: 'TooLarge',
    zh: '请求体或上传的文件过大（code: TOO_LARGE、FILE_TOO_LARGE），或文件解压后的内容超过上限（code: CONTENT_TOO_LARGE）',
    en: 'The body or the uploaded file is too large, or the file unpacks to more than the limit',
  },
  422: {
    name: 'InvalidInput',
    zh: '参数或请求体有误，fieldErrors 给出各项的中文说明（code: INVALID_INPUT）；上传的文件过于复杂，在时间或内存上限内未能读完（code: FILE_TOO_COMPLEX）',
    en: 'Bad parameters or body (fieldErrors explains each); or a file too complex to read within the time or memory limit',
  },
  503: {
    name: 'Busy',
    zh: '读取文件的工作进程都在忙且队列已满（code: READER_BUSY），请按 Retry-After 稍后重试',
    en: 'Every file reader is busy and the queue is full; retry after Retry-After',
  },
  429: {
    name: 'RateLimited',
    zh: '请求过于频繁（code: RATE_LIMITED），请按 Retry-After 稍后重试',
    en: 'Too many requests; retry after Retry-After',
  },
};

export function errorStatuses(op: ApiOperation): (401 | 429 | ErrorStatus)[] {
  return op.public ? [...op.errors, 429] : [401, ...op.errors, 429];
}

/** Drops what only clutters the published schema: safe-integer bounds and zod's date-time regex. */
function tidy(ctx: { jsonSchema: JsonSchema }): void {
  const s = ctx.jsonSchema;
  if (s.minimum === Number.MIN_SAFE_INTEGER) delete s.minimum;
  if (s.maximum === Number.MAX_SAFE_INTEGER) delete s.maximum;
  if (s.format === 'date-time') delete s.pattern;
}

function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    override: tidy,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

export function componentSchemas(): Record<string, JsonSchema> {
  const out = z.toJSONSchema(apiSchemas, { target: 'draft-2020-12', uri: (id) => REF + id, override: tidy });
  const schemas: Record<string, JsonSchema> = {};
  for (const [id, s] of Object.entries(out.schemas)) {
    // A $id of "#/…" is not a valid 2020-12 identifier; the components key already names it.
    const { $schema: _s, $id: _i, id: _id, ...rest } = s as JsonSchema;
    schemas[id] = rest;
  }
  return schemas;
}

export interface ParameterDoc {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export function parametersOf(op: ApiOperation): ParameterDoc[] {
  const fields = (obj: z.ZodObject | undefined, where: 'path' | 'query'): ParameterDoc[] =>
    Object.entries(obj?.shape ?? {}).map(([name, field]) => {
      const { description, ...schema } = toSchema(field as z.ZodType, 'input');
      return {
        name,
        in: where,
        required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
        ...(typeof description === 'string' ? { description } : {}),
        schema,
      };
    });
  return [...fields(op.params, 'path'), ...fields(op.query, 'query')];
}

function schemaName(op: ApiOperation, schema: z.ZodType, what: string): string {
  const id = apiSchemas.get(schema)?.id;
  if (!id) throw new Error(`${op.operationId}: its ${what} schema is not registered in apiSchemas`);
  return id;
}

export function responseName(op: ApiOperation): string {
  return schemaName(op, op.response, 'response');
}

export function requestBodyName(op: ApiOperation): string | null {
  return op.body ? schemaName(op, op.body, 'request body') : null;
}

/** The JSON body and/or the multipart variant (one file). */
function requestBody(op: ApiOperation): JsonSchema | null {
  const json = requestBodyName(op);
  if (!json && !op.upload) return null;
  const content: Record<string, JsonSchema> = {};
  if (json) content['application/json'] = { schema: { $ref: REF + json } };
  if (op.upload) {
    const { field, description, maxFiles } = op.upload;
    const file = {
      type: 'string',
      contentMediaType: 'application/octet-stream',
      description: description.zh,
    };
    content['multipart/form-data'] = {
      schema: {
        type: 'object',
        required: [field],
        properties: {
          [field]: maxFiles && maxFiles > 1 ? { type: 'array', items: file, maxItems: maxFiles } : file,
        },
      },
    };
  }
  return { required: true, content };
}

function operationObject(op: ApiOperation): JsonSchema {
  const responses: Record<string, JsonSchema> = {
    [op.status ?? 200]: {
      description: op.status === 201 ? '已创建' : '成功',
      content: { [op.file?.mediaType ?? 'application/json']: { schema: { $ref: REF + responseName(op) } } },
    },
  };
  for (const status of errorStatuses(op))
    responses[status] = { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` };
  const body = requestBody(op);
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary.zh,
    description: op.description.zh,
    // An empty list overrides nothing globally here: it states that no credentials are needed.
    security: op.public ? [] : [{ bearerAuth: [] }],
    parameters: parametersOf(op),
    ...(body ? { requestBody: body } : {}),
    responses,
  };
}

function errorResponses(): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const r of Object.values(ERROR_RESPONSES)) {
    out[r.name] = { description: r.zh, content: { 'application/json': { schema: { $ref: `${REF}Error` } } } };
  }
  return out;
}

export function buildOpenApiDocument(ops: ApiOperation[]): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const op of ops) (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op);
  const tags = [...new Set(ops.map((o) => o.tag))].map((name) => ({ name }));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Gongkai 政府信息公开平台 API',
      version: '1.0.0',
      description:
        '供外部系统集成的接口。除标为公开的接口（如年报体检 POST /api/v1/report-check，任何人均可调用，按 IP 限制频率）外，' +
        '使用访问令牌认证（Authorization: Bearer gk_…，由管理员用 `gongkai token create --user 登录名` 创建）；' +
        '令牌用户只能看到其所属机构及下级机构的数据，范围之外的记录一律返回 404。列表按游标分页：把响应中的 next 作为 after 传入，next 为 null 表示没有更多。',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    tags,
    paths,
    components: {
      schemas: componentSchemas(),
      responses: errorResponses(),
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'gk_…',
          description: '访问令牌，只在创建时显示一次；可随时撤销（gongkai token revoke ID）',
        },
      },
    },
  };
}
