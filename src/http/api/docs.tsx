// GET /api/openapi.json (the OpenAPI 3.1 document) and GET /api/docs (the same, as a page). Public:
// the API's description is no secret; its data needs a token.
import type { FastifyInstance } from 'fastify';
import { baseUrl } from '../../config.js';
import type { Lang } from '../../views/i18n.js';
import { ApiDocsPage, type ApiOperationView, type ApiSchemaView } from '../../views/api/docs.js';
import { portalShell } from '../page.js';
import type { AppDeps } from '../types.js';
import {
  buildOpenApiDocument,
  componentSchemas,
  ERROR_RESPONSES,
  errorStatuses,
  parametersOf,
  requestBodyName,
  responseName,
  type JsonSchema,
} from './openapi.js';
import type { ApiOperation } from './operation.js';

export const SPEC_URL = '/api/openapi.json';

/** A JSON Schema as a short type label: string | null, Agency[], "0" | "1". */
export function typeLabel(s: JsonSchema): string {
  if (typeof s.$ref === 'string') return s.$ref.split('/').pop() ?? '';
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const alts = (s.anyOf ?? s.oneOf) as JsonSchema[] | undefined;
  if (alts) return alts.map(typeLabel).join(' | ');
  if (s.type === 'array') return `${typeLabel((s.items as JsonSchema | undefined) ?? {})}[]`;
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object')
    return 'object';
  const t = Array.isArray(s.type) ? s.type.join(' | ') : typeof s.type === 'string' ? s.type : 'any';
  return typeof s.format === 'string' ? `${t} (${s.format})` : t;
}

function curlFor(op: ApiOperation, base: string, params: ReturnType<typeof parametersOf>): string {
  let path = op.path;
  for (const p of params.filter((x) => x.in === 'path')) {
    const example = Array.isArray(p.schema.examples) ? String(p.schema.examples[0]) : `<${p.name}>`;
    path = path.replace(`{${p.name}}`, encodeURIComponent(example));
  }
  const url = `${base}${path}${op.exampleQuery ? `?${op.exampleQuery}` : ''}`;
  const auth = op.public ? '' : '-H "Authorization: Bearer $GONGKAI_TOKEN" ';
  if (op.method === 'GET') return `curl ${auth}"${url}"`;
  const lines: string[] = [];
  if (op.body)
    lines.push(
      `curl -X POST ${auth}-H "Content-Type: application/json" -d '${op.exampleBody ?? '{}'}' "${url}"`,
    );
  if (op.upload) lines.push(`curl ${auth}-F "${op.upload.field}=@report.pdf" "${url}"`);
  return lines.join('\n');
}

function operationView(op: ApiOperation, lang: Lang, base: string): ApiOperationView {
  const params = parametersOf(op);
  return {
    id: op.operationId,
    method: op.method,
    path: op.path,
    tag: op.tag,
    summary: op.summary[lang],
    description: op.description[lang],
    auth: !op.public,
    body: requestBodyName(op),
    upload: op.upload ? { field: op.upload.field, description: op.upload.description[lang] } : null,
    params: params.map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required,
      type: typeLabel(p.schema),
      description: p.description ?? '',
    })),
    responses: [
      {
        status: String(op.status ?? 200),
        description:
          lang === 'zh' ? (op.status === 201 ? '已创建' : '成功') : op.status === 201 ? 'Created' : 'OK',
        schema: responseName(op),
      },
      ...errorStatuses(op).map((s) => ({
        status: String(s),
        description: ERROR_RESPONSES[s][lang],
        schema: 'Error',
      })),
    ],
    curl: curlFor(op, base, params),
  };
}

function schemaViews(): ApiSchemaView[] {
  return Object.entries(componentSchemas()).map(([name, s]) => {
    const props = (s.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((s.required as string[] | undefined) ?? []);
    return {
      name,
      description: typeof s.description === 'string' ? s.description : typeLabel(s),
      fields: Object.entries(props).map(([field, p]) => ({
        name: field,
        type: typeLabel(p),
        required: required.has(field),
        description: typeof p.description === 'string' ? p.description : '',
      })),
    };
  });
}

export function registerApiDocsRoutes(app: FastifyInstance, deps: AppDeps, ops: ApiOperation[]): void {
  const spec = buildOpenApiDocument(ops);
  const schemas = schemaViews();
  app.get(SPEC_URL, async (_req, reply) => reply.header('cache-control', 'public, max-age=300').send(spec));
  app.get('/api/docs', async (req, reply) => {
    const base = baseUrl(deps.config);
    return reply.html(
      <ApiDocsPage
        shell={portalShell(req, deps)}
        specUrl={SPEC_URL}
        operations={ops.map((op) => operationView(op, req.lang, base))}
        schemas={schemas}
      />,
    );
  });
}
