// The page shells: the public portal and the staff back office. Server-rendered, no JavaScript
// needed, one <h1> per page (in the page body), a skip link, lang="zh-CN" (or "en").
import type { Child, FC } from 'hono/jsx';
import { offersEnglish, SHELL, type Lang } from './i18n.js';

export interface ShellUser {
  displayName: string;
  roleLabel: string;
  agencyName: string;
}

/** The site's registration data (gov.cn convention), from configuration; empty lines are not shown. */
export interface SiteFooter {
  /** 主办单位 */
  sponsor: string;
  /** 联系方式 */
  contact: string;
  /** 网站标识码 */
  siteIdCode: string;
  /** ICP备案号, linked to the MIIT register */
  icp: string;
}

export interface ShellProps {
  lang: Lang;
  title: string;
  /** Path of the current page, to mark the nav item and build the language switch link. */
  path: string;
  demo: boolean;
  siteName?: string;
  footer?: SiteFooter;
  /** Prefix the <title> with "错误：" when the page shows form errors (GOV.UK validation pattern). */
  hasErrors?: boolean;
  children?: Child;
}

const Head: FC<{ lang: Lang; title: string; siteName: string; hasErrors?: boolean }> = (p) => (
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{`${p.hasErrors ? (p.lang === 'zh' ? '错误：' : 'Error: ') : ''}${p.title} - ${p.siteName}`}</title>
    <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="/assets/site.css" />
  </head>
);

const DemoBanner: FC<{ lang: Lang; demo: boolean }> = ({ lang, demo }) =>
  demo ? (
    // A labelled section is a landmark region, so the banner is not content outside every landmark.
    <section class="demo-banner" aria-label={lang === 'zh' ? '演示数据说明' : 'About the demo data'}>
      <strong>{lang === 'zh' ? '演示数据' : 'Demo data'}</strong> {SHELL.demoBanner[lang]}
    </section>
  ) : null;

/** The language switch, only on pages offered in English (views/i18n.ts offersEnglish). */
const LangSwitch: FC<{ lang: Lang; path: string }> = ({ lang, path }) =>
  offersEnglish(path) ? (
    <a
      class="lang-switch"
      href={`/lang?set=${lang === 'zh' ? 'en' : 'zh'}&back=${encodeURIComponent(path)}`}
      lang={lang === 'zh' ? 'en' : 'zh-CN'}
    >
      {SHELL.switchLang[lang]}
    </a>
  ) : null;

/** The MIIT register where an ICP number can be looked up (the convention is to link it). */
export const ICP_REGISTER_URL = 'https://beian.miit.gov.cn/';

const SiteInfo: FC<{ lang: Lang; footer?: SiteFooter }> = ({ lang, footer: f }) => {
  if (!f || !(f.sponsor || f.contact || f.siteIdCode || f.icp)) return null;
  return (
    <ul class="site-info" aria-label={SHELL.siteInfo[lang]}>
      {f.sponsor ? (
        <li>
          {SHELL.sponsor[lang]}
          {f.sponsor}
        </li>
      ) : null}
      {f.contact ? (
        <li>
          {SHELL.contact[lang]}
          {f.contact}
        </li>
      ) : null}
      {f.siteIdCode ? (
        <li>
          {SHELL.siteIdCode[lang]}
          {f.siteIdCode}
        </li>
      ) : null}
      {f.icp ? (
        <li>
          {SHELL.icp[lang]}
          <a href={ICP_REGISTER_URL} rel="noopener noreferrer">
            {f.icp}
          </a>
        </li>
      ) : null}
    </ul>
  );
};

const NavItem: FC<{ href: string; current: boolean; children?: Child }> = (p) => (
  <li>
    <a href={p.href} aria-current={p.current ? 'page' : undefined}>
      {p.children}
    </a>
  </li>
);

/** The portal's search box (the document library, /search): a GET form, no JavaScript. */
const HeaderSearch: FC<{ lang: Lang }> = ({ lang }) => (
  <form method="get" action="/search" role="search" class="header-search" aria-label={SHELL.siteSearch[lang]}>
    <label for="site-q" class="visually-hidden">
      {SHELL.searchLabel[lang]}
    </label>
    <input id="site-q" name="q" type="search" class="input" maxlength={100} />
    <button type="submit" class="button button-secondary">
      {SHELL.search[lang]}
    </button>
  </form>
);

/** The 政民互动 columns: the hub, the mailboxes and letters, and the columns it links to. */
const INTERACTION_PREFIXES = [
  '/interaction',
  '/mailboxes',
  '/letters',
  '/consultations',
  '/surveys',
  '/interviews',
  '/qa',
];
function isInteraction(path: string): boolean {
  return INTERACTION_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
}

function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

export const PortalLayout: FC<ShellProps> = (p) => {
  const site = p.siteName ?? SHELL.siteName[p.lang];
  return (
    <html lang={htmlLang(p.lang)}>
      <Head lang={p.lang} title={p.title} siteName={site} hasErrors={p.hasErrors} />
      <body class="portal">
        <a class="skip-link" href="#main">
          {SHELL.skip[p.lang]}
        </a>
        <DemoBanner lang={p.lang} demo={p.demo} />
        <header class="site-header">
          <div class="container header-inner">
            <a class="site-name" href="/">
              {site}
            </a>
            <nav aria-label={SHELL.mainNav[p.lang]}>
              <ul class="nav">
                <NavItem href="/" current={p.path === '/'}>
                  {SHELL.home[p.lang]}
                </NavItem>
                <NavItem href="/agencies" current={p.path.startsWith('/agencies')}>
                  {SHELL.directory[p.lang]}
                </NavItem>
                <NavItem href="/documents" current={p.path.startsWith('/documents')}>
                  {SHELL.documents[p.lang]}
                </NavItem>
                <NavItem href="/apply" current={p.path === '/apply' || p.path.startsWith('/apply/')}>
                  {SHELL.apply[p.lang]}
                </NavItem>
                <NavItem href="/interaction" current={isInteraction(p.path)}>
                  {SHELL.interaction[p.lang]}
                </NavItem>
                <NavItem href="/calendar" current={p.path.startsWith('/calendar')}>
                  {SHELL.calendar[p.lang]}
                </NavItem>
                <NavItem href="/deadlines" current={p.path.startsWith('/deadlines')}>
                  {SHELL.deadlines[p.lang]}
                </NavItem>
                <NavItem href="/report-check" current={p.path.startsWith('/report-check')}>
                  {SHELL.reportCheck[p.lang]}
                </NavItem>
                <li>
                  <a href="/admin/login">{SHELL.staffLogin[p.lang]}</a>
                </li>
                {offersEnglish(p.path) ? (
                  <li>
                    <LangSwitch lang={p.lang} path={p.path} />
                  </li>
                ) : null}
              </ul>
            </nav>
            <HeaderSearch lang={p.lang} />
          </div>
        </header>
        <main id="main" class="container" tabindex={-1}>
          {p.children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <SiteInfo lang={p.lang} footer={p.footer} />
            <p>{SHELL.footer[p.lang]}</p>
          </div>
        </footer>
      </body>
    </html>
  );
};

export interface AdminShellProps extends ShellProps {
  user?: ShellUser;
  csrf?: string;
  /** Nav entries the user may see (computed by the handler from the policies). */
  nav?: { href: string; label: string }[];
}

export const AdminLayout: FC<AdminShellProps> = (p) => (
  <html lang={htmlLang(p.lang)}>
    <Head lang={p.lang} title={p.title} siteName={SHELL.backOffice[p.lang]} hasErrors={p.hasErrors} />
    <body class="admin">
      <a class="skip-link" href="#main">
        {SHELL.skip[p.lang]}
      </a>
      <DemoBanner lang={p.lang} demo={p.demo} />
      <header class="site-header admin-header">
        <div class="container header-inner">
          <a class="site-name" href={p.user ? '/admin' : '/'}>
            {SHELL.backOffice[p.lang]}
          </a>
          {p.user ? (
            <div class="user-box">
              <span>
                {p.user.displayName}（{p.user.agencyName} · {p.user.roleLabel}）
              </span>
              <form method="post" action="/admin/logout" class="inline-form">
                <input type="hidden" name="_csrf" value={p.csrf ?? ''} />
                <button type="submit" class="link-button">
                  {SHELL.logout[p.lang]}
                </button>
              </form>
            </div>
          ) : null}
          <LangSwitch lang={p.lang} path={p.path} />
        </div>
        {p.user && p.nav ? (
          <nav aria-label={p.lang === 'zh' ? '后台导航' : 'Back office'} class="container">
            <ul class="nav admin-nav">
              {p.nav.map((n) => (
                <li>
                  <a href={n.href} aria-current={isCurrent(p.path, n.href) ? 'page' : undefined}>
                    {n.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" class="container" tabindex={-1}>
        {p.children}
      </main>
    </body>
  </html>
);

function isCurrent(path: string, href: string): boolean {
  return href === '/admin' ? path === '/admin' : path === href || path.startsWith(`${href}/`);
}
