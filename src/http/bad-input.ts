// Input the server cannot read is the client's mistake: a clear 400 in Chinese, with the same
// security headers as every other answer — never a 500, never a bare framework reply.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { BadRequest, sendError } from './errors.js';
import { helmetOptions } from './plugins/security.js';
import { sendHtml } from './html.js';
import type { AppDeps, Renderable } from './types.js';

/** True when a string anywhere in a parsed value holds a NUL byte (PostgreSQL cannot store one). */
function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 4 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  const part = value as { type?: unknown; value?: unknown; filename?: unknown };
  // A multipart part: its text value and its file name count; its bytes and back-references do not.
  if (part.type === 'field') return hasNul(part.value, depth + 1);
  if (part.type === 'file') return hasNul(part.filename, depth + 1);
  const items = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  return items.some((v) => hasNul(v, depth + 1));
}

/**
 * Refuses a NUL byte in the path parameters, the query or a parsed form before any handler runs:
 * no page or field needs one, and the database would refuse it with an error.
 */
export function registerBadInputGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    if (hasNul(req.params) || hasNul(req.query) || hasNul(req.body))
      throw new BadRequest('请求中含有无效字符（空字符）。');
  });
}

/**
 * Fastify's `frameworkErrors`: a URL whose percent-encoding does not decode is answered before any
 * hook runs, so the helmet headers are applied here by hand (the same options as every page).
 */
export function frameworkErrorHandler(deps: AppDeps) {
  const applyHeaders = helmet(helmetOptions(deps.config));
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    applyHeaders(req.raw, reply.raw, () => {});
    void reply.header('x-request-id', req.id);
    // This reply is built outside the app's decorated Reply class: give it the page sender.
    if (typeof reply.html !== 'function')
      reply.html = (node: Renderable, status?: number) => sendHtml(reply, node, status);
    const message =
      err.code === 'FST_ERR_BAD_URL' ? '网址格式有误（含有无法识别的编码），请检查后重试。' : '请求有误。';
    return sendError(deps, req, reply, 400, 'BAD_REQUEST', message);
  };
}
