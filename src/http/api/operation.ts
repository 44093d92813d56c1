// One API operation = one declaration: path, zod schemas for params/query/body/response, docs text and
// the handler. The same list registers the Fastify routes and generates the OpenAPI document, so the
// spec cannot drift from what the server does.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { parseInput } from '../../commands/validation.js';
import type { Actor } from '../../domain/agencies/actor.js';
import type { Text } from '../../views/i18n.js';
import { requireToken } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { registerUploads, uploadField, uploadFields, type Upload } from '../uploads.js';

/** A file instead of JSON (e.g. a PDF notice): the bytes, their media type and the download name. */
export class FileAnswer {
  constructor(
    readonly bytes: Buffer,
    readonly mediaType: string,
    /** The name offered to save it under (any characters). */
    readonly filename: string,
    /** The same in ASCII, for clients that do not read filename*. */
    readonly asciiName: string,
  ) {}
}

/** Error statuses an operation can answer besides 401 (token operations) and 429 (all). */
export type ErrorStatus = 403 | 404 | 409 | 411 | 413 | 422 | 503;

export interface HandlerInput<P, Q, B = null, A = Actor> {
  deps: AppDeps;
  actor: A;
  params: P;
  query: Q;
  /** The parsed JSON body; null when there is none (GET) or a file was uploaded instead. */
  body: B | null;
  /** The multipart variant's file, if the operation takes one and the request sent one. */
  upload: Upload | null;
  /** Every file the multipart variant sent (operations with `maxFiles`); empty otherwise. */
  uploads: Upload[];
  req: FastifyRequest;
}

/** The multipart/form-data variant of a POST: one file in `field` instead of the JSON body. */
export interface UploadSpec {
  field: string;
  maxBytes: number;
  description: Text;
  /** Several files in `field`, each of at most `maxBytes` (1 unless set). */
  maxFiles?: number;
}

interface OperationBase<
  P extends z.ZodObject,
  Q extends z.ZodObject,
  B extends z.ZodType,
  R extends z.ZodType,
> {
  method: 'GET' | 'POST';
  /** OpenAPI path template, e.g. /api/v1/agencies/{code}. */
  path: string;
  operationId: string;
  tag: string;
  summary: Text;
  description: Text;
  params?: P;
  query?: Q;
  /** The JSON request body (POST); registered in `apiSchemas`, so the spec refers to it by name. */
  body?: B;
  upload?: UploadSpec;
  /** The 200 response body; registered in `apiSchemas`, so the spec refers to it by name. */
  response: R;
  /** The success status when it is not 200 (201: something was created). */
  status?: 201;
  /** The 200 answer is a file of this media type (the handler returns a FileAnswer). */
  file?: { mediaType: string };
  errors: ErrorStatus[];
  /** Example query string for the docs' curl line. */
  exampleQuery?: string;
  /** Example JSON body for the docs' curl line. */
  exampleBody?: string;
  /** A stricter per-IP limit than the global one. */
  rateLimit?: { max: number; timeWindow: string };
  /** Bytes; Fastify's default (1 MB) otherwise. */
  bodyLimit?: number;
}

/** Needs a bearer token; answers 401 without one. */
export interface TokenOperation<
  P extends z.ZodObject,
  Q extends z.ZodObject,
  B extends z.ZodType,
  R extends z.ZodType,
> extends OperationBase<P, Q, B, R> {
  public?: false;
  handle(input: HandlerInput<z.output<P>, z.output<Q>, z.output<B>, Actor>): Promise<z.input<R> | FileAnswer>;
}

/**
 * Anyone may call it, without a token. Cookies are ignored on /api, so there is nothing a forged
 * cross-site request could borrow: no CSRF token is needed. Public operations must set a rateLimit.
 */
export interface PublicOperation<
  P extends z.ZodObject,
  Q extends z.ZodObject,
  B extends z.ZodType,
  R extends z.ZodType,
> extends OperationBase<P, Q, B, R> {
  public: true;
  rateLimit: { max: number; timeWindow: string };
  handle(
    input: HandlerInput<z.output<P>, z.output<Q>, z.output<B>, Actor | null>,
  ): Promise<z.input<R> | FileAnswer>;
}

export type ApiOperation<
  P extends z.ZodObject = z.ZodObject,
  Q extends z.ZodObject = z.ZodObject,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> = TokenOperation<P, Q, B, R> | PublicOperation<P, Q, B, R>;

/** Keeps each operation's generic types while collecting them in one list. */
export function defineOperation<
  P extends z.ZodObject,
  Q extends z.ZodObject,
  R extends z.ZodType,
  B extends z.ZodType = z.ZodNull,
>(op: TokenOperation<P, Q, B, R>): ApiOperation {
  return op as unknown as ApiOperation;
}

/** An operation anyone may call (no token), e.g. the report check. */
export function definePublicOperation<
  P extends z.ZodObject,
  Q extends z.ZodObject,
  R extends z.ZodType,
  B extends z.ZodType = z.ZodNull,
>(op: PublicOperation<P, Q, B, R>): ApiOperation {
  return op as unknown as ApiOperation;
}

/** /api/v1/agencies/{code} → /api/v1/agencies/:code */
export function fastifyPath(openApiPath: string): string {
  return openApiPath.replace(/\{([^}]+)\}/g, ':$1');
}

export function registerOperation(app: FastifyInstance, deps: AppDeps, op: ApiOperation): void {
  const spec = op.upload;
  if (!spec) return route(app, deps, op);
  // Uploads only where an operation takes one: multipart is registered in this route's scope.
  void app.register(async (scope) => {
    // One file and nothing else of size: a stray text field may not exceed 1 KB (issue 8).
    await registerUploads(scope, {
      maxFileBytes: spec.maxBytes,
      fields: 2,
      maxFieldBytes: 1024,
      ...(spec.maxFiles ? { files: spec.maxFiles } : {}),
    });
    route(scope, deps, op);
  });
}

function route(app: FastifyInstance, deps: AppDeps, op: ApiOperation): void {
  app.route({
    method: op.method,
    url: fastifyPath(op.path),
    ...(op.public ? {} : { preHandler: requireToken }),
    ...(op.bodyLimit ? { bodyLimit: op.bodyLimit } : {}),
    ...(op.rateLimit ? { config: { rateLimit: op.rateLimit } } : {}),
    handler: async (req, reply) => {
      // Params first: a malformed path is reported before a malformed query.
      const params = op.params ? parseInput(op.params, req.params ?? {}) : {};
      const query = op.query ? parseInput(op.query, req.query ?? {}) : {};
      const multipartRequest = op.upload !== undefined && req.isMultipart();
      const upload = multipartRequest ? uploadField(req.body, op.upload!.field) : null;
      const uploads = multipartRequest ? uploadFields(req.body, op.upload!.field) : [];
      const body: unknown = op.body && !multipartRequest ? parseInput(op.body, req.body ?? {}) : null;
      const input = { deps, params, query, body, upload, uploads, req };
      const out = op.public
        ? await op.handle({ ...input, actor: req.actor })
        : await op.handle({ ...input, actor: req.actor! });
      if (out instanceof FileAnswer)
        return reply
          .code(200)
          .header('cache-control', 'no-store')
          .type(out.mediaType)
          .header(
            'content-disposition',
            `attachment; filename="${out.asciiName}"; filename*=UTF-8''${encodeURIComponent(out.filename)}`,
          )
          .send(out.bytes);
      return reply
        .code(op.status ?? 200)
        .header('cache-control', 'no-store')
        .send(out);
    },
  });
}
