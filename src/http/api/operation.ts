// One API operation = one declaration: path, zod schemas for params/query/response, docs text and the
// handler. The same list registers the Fastify routes and generates the OpenAPI document, so the
// spec cannot drift from what the server does.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { parseInput } from '../../commands/validation.js';
import type { Actor } from '../../domain/agencies/actor.js';
import type { Text } from '../../views/i18n.js';
import { requireToken } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';

/** Error statuses an operation can answer besides 401 (which every token-protected one can). */
export type ErrorStatus = 403 | 404 | 422;

export interface HandlerInput<P, Q> {
  deps: AppDeps;
  actor: Actor;
  params: P;
  query: Q;
  req: FastifyRequest;
}

export interface ApiOperation<P extends z.ZodObject = z.ZodObject, Q extends z.ZodObject = z.ZodObject, R extends z.ZodType = z.ZodType> {
  method: 'GET';
  /** OpenAPI path template, e.g. /api/v1/agencies/{code}. */
  path: string;
  operationId: string;
  tag: string;
  summary: Text;
  description: Text;
  params?: P;
  query?: Q;
  /** The 200 response body; registered in `apiSchemas`, so the spec refers to it by name. */
  response: R;
  errors: ErrorStatus[];
  /** Example query string for the docs' curl line. */
  exampleQuery?: string;
  handle(input: HandlerInput<z.output<P>, z.output<Q>>): Promise<z.input<R>>;
}

/** Keeps each operation's generic types while collecting them in one list. */
export function defineOperation<P extends z.ZodObject, Q extends z.ZodObject, R extends z.ZodType>(op: ApiOperation<P, Q, R>): ApiOperation {
  return op as unknown as ApiOperation;
}

/** /api/v1/agencies/{code} → /api/v1/agencies/:code */
export function fastifyPath(openApiPath: string): string {
  return openApiPath.replace(/\{([^}]+)\}/g, ':$1');
}

export function registerOperation(app: FastifyInstance, deps: AppDeps, op: ApiOperation): void {
  app.route({
    method: op.method,
    url: fastifyPath(op.path),
    preHandler: requireToken,
    handler: async (req, reply) => {
      // Params first: a malformed path is reported before a malformed query.
      const params = op.params ? parseInput(op.params, req.params ?? {}) : {};
      const query = op.query ? parseInput(op.query, req.query ?? {}) : {};
      const body = await op.handle({ deps, actor: req.actor!, params, query, req });
      return reply.header('cache-control', 'no-store').send(body);
    },
  });
}
