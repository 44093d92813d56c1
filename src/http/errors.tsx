// The one mapping from errors to responses: DomainError → status + JSON (API) or an error page (HTML).
// 5xx never shows internals; the request id lets staff find the log line.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode } from '../domain/errors.js';
import { ErrorPage } from '../views/error-page.js';
import { ApiUnauthorized } from './plugins/auth.js';
import type { AppDeps } from './types.js';

const STATUS: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  NOT_ALLOWED: 403,
  INVALID_INPUT: 422,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
};

export function isApi(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/');
}

export function sendError(
  deps: Pick<AppDeps, 'isDemo'>,
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  fieldErrors?: Record<string, string>,
) {
  if (isApi(req)) {
    return reply
      .code(status)
      .send({ error: { code, message, ...(fieldErrors ? { fieldErrors } : {}), requestId: req.id } });
  }
  return reply.html(
    <ErrorPage
      lang={req.lang ?? 'zh'}
      status={status}
      message={message}
      requestId={req.id}
      path={req.url.split('?')[0] ?? '/'}
      demo={deps.isDemo()}
    />,
    status,
  );
}

export function registerErrorHandlers(app: FastifyInstance, deps: AppDeps): void {
  app.setErrorHandler((err: FastifyError | DomainError, req, reply) => {
    if (err instanceof ApiUnauthorized) {
      void reply.header('www-authenticate', 'Bearer');
      return sendError(deps, req, reply, 401, 'UNAUTHENTICATED', err.message);
    }
    if (err instanceof DomainError) {
      const fields = 'fieldErrors' in err ? (err.fieldErrors as Record<string, string>) : undefined;
      return sendError(deps, req, reply, STATUS[err.code], err.code, err.message, fields);
    }
    const fe = err as FastifyError;
    if (fe.code === 'FST_CSRF_INVALID_TOKEN' || fe.code === 'FST_CSRF_MISSING_SECRET') {
      return sendError(
        deps,
        req,
        reply,
        403,
        'CSRF_INVALID',
        '页面已过期或请求来源无效，请返回上一页刷新后重试。',
      );
    }
    if (fe.statusCode === 429) {
      return sendError(deps, req, reply, 429, 'RATE_LIMITED', '请求过于频繁，请稍后再试。');
    }
    if (fe.statusCode === 413 || fe.code === 'FST_REQ_FILE_TOO_LARGE') {
      return sendError(deps, req, reply, 413, 'TOO_LARGE', '提交的内容过大。');
    }
    if (fe.validation) {
      return sendError(deps, req, reply, 400, 'BAD_REQUEST', '请求格式有误：' + fe.message);
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return sendError(deps, req, reply, fe.statusCode, 'BAD_REQUEST', '请求有误。');
    }
    req.log.error({ err: { message: err.message, code: fe.code, stack: err.stack } }, 'unhandled error');
    return sendError(
      deps,
      req,
      reply,
      500,
      'INTERNAL',
      '系统出现错误，请稍后再试。如问题持续，请将页面底部的请求编号告知管理员。',
    );
  });
  app.setNotFoundHandler((req, reply) =>
    sendError(deps, req, reply, 404, 'NOT_FOUND', '您访问的页面不存在，或您无权查看。'),
  );
}
