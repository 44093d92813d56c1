// Shell data every page needs, computed once per request from the actor and the policies.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ROLE_LABELS } from '../domain/agencies/roles.js';
import { can } from '../policies/policy.js';
import { SHELL } from '../views/i18n.js';
import type { AdminShellProps, ShellProps } from '../views/layout.js';
import type { AppDeps } from './types.js';

export function pathOf(req: FastifyRequest): string {
  return req.url.split('?')[0] ?? '/';
}

export function portalShell(req: FastifyRequest, deps: AppDeps): Omit<ShellProps, 'title'> {
  const siteName = req.siteOwner ? `${req.siteOwner} ${SHELL.siteName[req.lang]}` : undefined;
  return { lang: req.lang, path: pathOf(req), demo: deps.isDemo(), siteName };
}

export function adminShell(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
): Omit<AdminShellProps, 'title'> {
  const lang = req.lang;
  const a = req.actor;
  const csrf = reply.generateCsrf();
  if (!a) return { lang, path: pathOf(req), demo: deps.isDemo(), csrf };
  const nav = [{ href: '/admin', label: SHELL.dashboard[lang] }];
  if (can(a, 'agency.view')) nav.push({ href: '/admin/agencies', label: SHELL.agencies[lang] });
  if (can(a, 'user.view')) nav.push({ href: '/admin/users', label: SHELL.users[lang] });
  if (can(a, 'audit.view')) nav.push({ href: '/admin/audit', label: SHELL.audit[lang] });
  if (can(a, 'calendar.view'))
    nav.push({ href: '/admin/calendar', label: lang === 'zh' ? '工作日历' : 'Working-day calendar' });
  nav.push({ href: '/admin/account/password', label: SHELL.account[lang] });
  return {
    lang,
    path: pathOf(req),
    demo: deps.isDemo(),
    csrf,
    nav,
    user: { displayName: a.displayName, roleLabel: ROLE_LABELS[a.role][lang], agencyName: a.agencyName },
  };
}

/** A same-site path to return to after login or a language switch; anything else becomes fallback. */
export function safeLocalPath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\'))
    return fallback;
  return value;
}
