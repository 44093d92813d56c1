// Shell data every page needs, computed once per request from the actor and the policies.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ROLE_LABELS } from '../domain/agencies/roles.js';
import { can } from '../policies/policy.js';
import { SHELL } from '../views/i18n.js';
import type { AdminShellProps, ShellProps, SiteFooter } from '../views/layout.js';
import type { AppDeps } from './types.js';

export function pathOf(req: FastifyRequest): string {
  return req.url.split('?')[0] ?? '/';
}

export function portalShell(
  req: FastifyRequest,
  deps: Pick<AppDeps, 'isDemo' | 'config'>,
): Omit<ShellProps, 'title'> {
  const siteName = req.siteOwner ? `${req.siteOwner} ${SHELL.siteName[req.lang]}` : undefined;
  return {
    lang: req.lang,
    path: pathOf(req),
    demo: deps.isDemo(),
    siteName,
    footer: siteFooter(deps.config),
  };
}

/** The footer's registration lines (主办单位, 联系方式, 网站标识码, ICP备案号) from configuration. */
export function siteFooter(config: AppDeps['config']): SiteFooter {
  return {
    sponsor: config.SITE_SPONSOR,
    contact: config.SITE_CONTACT,
    siteIdCode: config.SITE_ID_CODE,
    icp: config.SITE_ICP,
  };
}

/** The actor's unread messages, counted once per back-office page (src/http/admin/messages.tsx). */
const unreadMessages = new WeakMap<FastifyRequest, number>();

export function setUnreadMessages(req: FastifyRequest, count: number): void {
  unreadMessages.set(req, count);
}

export function adminShell(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: Pick<AppDeps, 'isDemo'>,
): Omit<AdminShellProps, 'title'> {
  const lang = req.lang;
  const a = req.actor;
  const csrf = reply.generateCsrf();
  if (!a) return { lang, path: pathOf(req), demo: deps.isDemo(), csrf };
  const nav = [{ href: '/admin', label: SHELL.dashboard[lang] }];
  const unread = unreadMessages.get(req) ?? 0;
  nav.push({ href: '/admin/messages', label: unread > 0 ? `消息（${unread}）` : '消息' });
  if (can(a, 'document.view')) nav.push({ href: '/admin/documents', label: '主动公开' });
  if (can(a, 'application.view')) nav.push({ href: '/admin/applications', label: '依申请公开' });
  if (can(a, 'letter.view')) nav.push({ href: '/admin/letters', label: '信件办理' });
  if (can(a, 'mailbox.configure')) nav.push({ href: '/admin/mailboxes', label: '信箱设置' });
  if (can(a, 'appeal.view')) nav.push({ href: '/admin/appeals', label: '复议诉讼' });
  if (can(a, 'report.view')) nav.push({ href: '/admin/reports', label: '年度报告' });
  if (can(a, 'gazette.manage')) nav.push({ href: '/admin/gazette', label: '政府公报' });
  if (can(a, 'qa.view')) nav.push({ href: '/admin/qa', label: '答问知识库' });
  if (can(a, 'engagement.view')) nav.push({ href: '/admin/consultations', label: '意见征集' });
  if (can(a, 'engagement.view')) nav.push({ href: '/admin/surveys', label: '网上调查' });
  if (can(a, 'engagement.view')) nav.push({ href: '/admin/interviews', label: '在线访谈' });
  if (can(a, 'notice.configure')) nav.push({ href: '/admin/notice-templates', label: '告知书模板' });
  if (can(a, 'agency.view')) nav.push({ href: '/admin/agencies', label: SHELL.agencies[lang] });
  if (can(a, 'user.view')) nav.push({ href: '/admin/users', label: SHELL.users[lang] });
  if (can(a, 'audit.view')) nav.push({ href: '/admin/audit', label: SHELL.audit[lang] });
  if (can(a, 'calendar.view'))
    nav.push({ href: '/admin/calendar', label: lang === 'zh' ? '工作日历' : 'Working-day calendar' });
  if (can(a, 'rules.manage')) nav.push({ href: '/admin/settings/rules', label: '办理规则' });
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

/** Any origin of our own: only the path, query and fragment of the result are ever used. */
const OWN_ORIGIN = 'http://gongkai.invalid';

/**
 * A same-site path to return to after login or a language switch; anything else becomes fallback.
 * The value must parse, against the site's own origin, to a URL on that same origin: browsers
 * drop tabs and newlines and read `\` as `/`, so `/%09/evil.example` or `/\evil.example` would
 * otherwise leave the site. Control and invisible format characters are refused outright. The
 * result is the parsed path, percent-encoded, so a Location header never carries raw non-ASCII.
 */
export function safeLocalPath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || value.length > 2048 || !value.startsWith('/')) return fallback;
  if (/[\p{Cc}\p{Cf}\\]/u.test(value) || value.startsWith('//')) return fallback;
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  const path = url.pathname + url.search + url.hash;
  // `/..//evil.example` normalises to `//evil.example`: a protocol-relative URL, off-site again.
  if (url.origin !== OWN_ORIGIN || path.startsWith('//')) return fallback;
  return path;
}
