// The page shells: the public portal and the staff back office. Server-rendered, no JavaScript
// needed, one <h1> per page (in the page body), a skip link, lang="zh-CN" (or "en").
import type { Child, FC } from 'hono/jsx';
import { SHELL, type Lang } from './i18n.js';

export interface ShellUser {
  displayName: string;
  roleLabel: string;
  agencyName: string;
}

export interface ShellProps {
  lang: Lang;
  title: string;
  /** Path of the current page, to mark the nav item and build the language switch link. */
  path: string;
  demo: boolean;
  siteName?: string;
  /** Prefix the <title> with "错误：" when the page shows form errors (GOV.UK validation pattern). */
  hasErrors?: boolean;
  children?: Child;
}

const Head: FC<{ lang: Lang; title: string; siteName: string; hasErrors?: boolean }> = (p) => (
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{`${p.hasErrors ? (p.lang === 'zh' ? '错误：' : 'Error: ') : ''}${p.title} - ${p.siteName}`}</title>
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

const LangSwitch: FC<{ lang: Lang; path: string }> = ({ lang, path }) => (
  <a
    class="lang-switch"
    href={`/lang?set=${lang === 'zh' ? 'en' : 'zh'}&back=${encodeURIComponent(path)}`}
    lang={lang === 'zh' ? 'en' : 'zh-CN'}
  >
    {SHELL.switchLang[lang]}
  </a>
);

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
            <nav aria-label={p.lang === 'zh' ? '主导航' : 'Main'}>
              <ul class="nav">
                <li>
                  <a href="/" aria-current={p.path === '/' ? 'page' : undefined}>
                    {SHELL.home[p.lang]}
                  </a>
                </li>
                <li>
                  <a href="/agencies" aria-current={p.path.startsWith('/agencies') ? 'page' : undefined}>
                    {SHELL.directory[p.lang]}
                  </a>
                </li>
                <li>
                  <a href="/deadlines" aria-current={p.path.startsWith('/deadlines') ? 'page' : undefined}>
                    {p.lang === 'zh' ? '期限计算' : 'Deadlines'}
                  </a>
                </li>
                <li>
                  <a
                    href="/report-check"
                    aria-current={p.path.startsWith('/report-check') ? 'page' : undefined}
                  >
                    {p.lang === 'zh' ? '年报体检' : 'Report check'}
                  </a>
                </li>
                <li>
                  <a href="/admin/login">{SHELL.staffLogin[p.lang]}</a>
                </li>
                <li>
                  <LangSwitch lang={p.lang} path={p.path} />
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" class="container" tabindex={-1}>
          {p.children}
        </main>
        <footer class="site-footer">
          <div class="container">
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
