// Staff login, logout and password change. Login attempts are limited per client address in the
// database (so the limit holds across app instances), on top of the per-login-and-client pause.
import type { FastifyInstance, FastifyRequest, FastifyReply } from 'fastify';
import { z } from 'zod';
import { changePassword } from '../../commands/change-password.js';
import { logIn, logOut } from '../../commands/log-in.js';
import { countRequest } from '../../commands/rate-limit.js';
import { InvalidInput } from '../../domain/errors.js';
import { LoginPage } from '../../views/admin/login.js';
import { PasswordPage } from '../../views/admin/password.js';
import { adminShell, safeLocalPath } from '../page.js';
import { requireStaff, sessionCookieName, sessionCookieOptions } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { withFormErrors } from '../forms.js';

const LoginForm = z.object({
  login: z.string().default(''),
  password: z.string().default(''),
  next: z.string().optional(),
});
const PasswordForm = z.object({
  current: z.string().default(''),
  next: z.string().default(''),
  confirm: z.string().default(''),
});

/** A 429 for the error handler (the same page as every other rate limit). */
class TooManyLogins extends Error {
  readonly statusCode = 429;
}

export function registerAdminAuthRoutes(app: FastifyInstance, deps: AppDeps): void {
  const SESSION_COOKIE = sessionCookieName(deps.config);
  /** LOGIN_RATE_LIMIT attempts a minute per client address, counted in the database. */
  const loginLimit = async (req: FastifyRequest, reply: FastifyReply) => {
    const r = await countRequest(deps, `login:${req.ip}`, deps.config.LOGIN_RATE_LIMIT);
    if (!r.allowed) {
      void reply.header('retry-after', String(r.retryAfterSeconds));
      throw new TooManyLogins('too many login attempts');
    }
  };
  app.get('/admin/login', async (req, reply) => {
    if (req.actor) return reply.redirect('/admin', 303);
    const q = req.query as { next?: string };
    return reply.html(<LoginPage shell={adminShell(req, reply, deps)} next={safeLocalPath(q.next, '')} />);
  });

  app.post('/admin/login', { preHandler: [loginLimit, app.csrfProtection] }, async (req, reply) => {
    const form = LoginForm.parse(req.body ?? {});
    const errors: Record<string, string> = {};
    if (!form.login.trim()) errors.login = '请输入登录名';
    if (!form.password) errors.password = '请输入密码';
    return withFormErrors(
      async () => {
        if (Object.keys(errors).length) throw new InvalidInput(errors);
        const r = await logIn(deps, {
          login: form.login,
          password: form.password,
          client: req.ip,
          previousToken: req.cookies[SESSION_COOKIE],
          requestId: req.id,
        });
        void reply.setCookie(SESSION_COOKIE, r.token, sessionCookieOptions(deps));
        const target = r.mustChangePassword ? '/admin/account/password' : safeLocalPath(form.next, '/admin');
        return reply.redirect(target.startsWith('/admin') ? target : '/admin', 303);
      },
      (fieldErrors) =>
        reply.html(
          <LoginPage
            shell={adminShell(req, reply, deps)}
            login={form.login}
            next={safeLocalPath(form.next, '')}
            errors={fieldErrors}
          />,
          422,
        ),
    );
  });

  app.post('/admin/logout', { preHandler: app.csrfProtection }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await logOut(deps, token);
    void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(deps));
    return reply.redirect('/admin/login', 303);
  });

  app.get('/admin/account/password', { preHandler: requireStaff }, async (req, reply) => {
    const done = (req.query as { done?: string }).done === '1';
    return reply.html(
      <PasswordPage shell={adminShell(req, reply, deps)} forced={req.mustChangePassword} done={done} />,
    );
  });

  app.post(
    '/admin/account/password',
    {
      preHandler: [requireStaff, app.csrfProtection],
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const form = PasswordForm.parse(req.body ?? {});
      return withFormErrors(
        async () => {
          await changePassword(
            deps,
            req.actor!,
            { ...form, keepSessionToken: req.cookies[SESSION_COOKIE] },
            req.id,
          );
          return reply.redirect('/admin/account/password?done=1', 303);
        },
        (fieldErrors) =>
          reply.html(
            <PasswordPage
              shell={adminShell(req, reply, deps)}
              forced={req.mustChangePassword}
              errors={fieldErrors}
            />,
            422,
          ),
      );
    },
  );
}
