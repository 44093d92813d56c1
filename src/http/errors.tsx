// The one mapping from errors to responses: DomainError → status + JSON (API) or an error page (HTML).
// 5xx never shows internals; the request id lets staff find the log line.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode } from '../domain/errors.js';
import { InputRefused } from '../extract/refused.js';
import { ErrorPage } from '../views/error-page.js';
import { adminShell, siteFooter } from './page.js';
import { ApiUnauthorized } from './plugins/auth.js';
import type { AppDeps } from './types.js';

const STATUS: Record<ErrorCode, number> = {
  NOT_FOUND: 404,
  NOT_ALLOWED: 403,
  INVALID_INPUT: 422,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
};

/** Input the server cannot even read (a NUL byte, a URL that does not decode): 400, never a 500. */
export class BadRequest extends Error {
  readonly statusCode = 400;
  constructor(message = '请求中含有无法识别的字符或格式。') {
    super(message);
  }
}

/**
 * PostgreSQL's "data exception" class (SQLSTATE 22xxx: a number or date out of range, a NUL byte, a
 * bad byte sequence) means the input could not be stored or compared: the client's mistake. This is
 * the safety net behind the checks at the doors, so one missed field answers 400, not 500.
 */
function isDataException(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 3; i++) {
    if (typeof e.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** Under /admin an error page wears the back-office shell (with its navigation when logged in). */
function errorAdminShell(deps: Pick<AppDeps, 'isDemo'>, req: FastifyRequest, reply: FastifyReply) {
  if (!/^\/admin(\/|\?|$)/.test(req.url)) return undefined;
  try {
    return adminShell(req, reply, deps);
  } catch {
    // Before the CSRF plugin could decorate the reply: the shell without the logout form.
    return { lang: req.lang ?? 'zh', path: req.url.split('?')[0] ?? '/admin', demo: deps.isDemo() };
  }
}

/** A multipart body without its boundary, or cut off before its end (the parser's plain Errors). */
function isBrokenMultipart(err: Error): boolean {
  return /^(Multipart: Boundary not found|Unexpected end of multipart data|\w+ terminated early due to unexpected end of multipart data|Unsupported Content-Type\.|Malformed part header)/.test(
    err.message,
  );
}

export function isApi(req: FastifyRequest): boolean {
  // The matched route decides (`/%61pi/v1/me` is routed to /api/v1/me); the URL text only when no
  // route matched (404) or routing failed.
  return (req.routeOptions?.url ?? req.url).startsWith('/api/');
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
    // An error answer is about this request and this caller: no cache may keep or share it.
    return reply
      .code(status)
      .header('cache-control', 'no-store')
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
      footer={'config' in deps ? siteFooter((deps as AppDeps).config) : undefined}
      admin={errorAdminShell(deps, req, reply)}
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
    if (err instanceof BadRequest) return sendError(deps, req, reply, 400, 'BAD_REQUEST', err.message);
    if (isBrokenMultipart(err)) {
      return sendError(deps, req, reply, 400, 'BAD_REQUEST', '提交的表单数据不完整或格式有误，请重新提交。');
    }
    if (err instanceof InputRefused) {
      // A file over a reader limit (413/422), or every reader busy (503): issue 8.
      if (err.retryAfterSeconds) void reply.header('retry-after', String(err.retryAfterSeconds));
      return sendError(deps, req, reply, err.status, err.code, err.message);
    }
    if (isDataException(err)) {
      // Logged: each one is a door that should have refused the value with a form error first.
      req.log.warn({ err: { message: err.message } }, 'input refused by the database');
      return sendError(
        deps,
        req,
        reply,
        400,
        'BAD_REQUEST',
        '请求中的数值、日期或字符超出了可以处理的范围。',
      );
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
