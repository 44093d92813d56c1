// The one error page. In the back office (/admin…) it wears the back-office shell, with its
// navigation when someone is logged in; elsewhere the portal's. English where the page offers it.
import type { FC } from 'hono/jsx';
import type { Lang, Text } from './i18n.js';
import { AdminLayout, PortalLayout, type AdminShellProps, type SiteFooter } from './layout.js';

const TITLES: Record<number, Text> = {
  400: { zh: '请求有误', en: 'Bad request' },
  401: { zh: '需要登录', en: 'Login required' },
  403: { zh: '无法完成操作', en: 'Not allowed' },
  404: { zh: '页面不存在', en: 'Page not found' },
  409: { zh: '操作冲突', en: 'Conflict' },
  413: { zh: '内容过大', en: 'Too large' },
  422: { zh: '提交的内容有误', en: 'Invalid input' },
  429: { zh: '请求过于频繁', en: 'Too many requests' },
  500: { zh: '系统错误', en: 'Server error' },
  503: { zh: '系统繁忙', en: 'Service busy' },
};

/** What an English reader is told; the server's own (Chinese) message follows it. */
const EN_MESSAGES: Record<number, string> = {
  400: 'The request could not be understood.',
  401: 'Please log in first.',
  403: 'You cannot do this, or the page has expired: go back, reload the page and try again.',
  404: 'The page does not exist, or you may not see it.',
  409: 'This cannot be done in the record’s current state.',
  413: 'What was sent is too large.',
  422: 'What was sent could not be accepted.',
  429: 'Too many requests: please wait a moment and try again.',
  500: 'Something went wrong on our side. If it goes on, tell the administrator the request id below.',
  503: 'The service is busy: please try again in a moment.',
};

/** Statuses whose server message says nothing the English text does not already say. */
const GENERIC = new Set([404, 429, 500, 503]);

const T = {
  home: { zh: '返回首页', en: 'Back to the home page' },
  dashboard: { zh: '返回工作台', en: 'Back to the dashboard' },
  login: { zh: '前往登录', en: 'Go to the login page' },
  requestId: { zh: '请求编号：', en: 'Request id: ' },
  original: { zh: '', en: 'Message from the server: ' },
};

export interface ErrorPageProps {
  lang: Lang;
  status: number;
  message: string;
  requestId: string;
  path: string;
  demo: boolean;
  footer?: SiteFooter;
  /** The back-office shell, when the error happened under /admin. */
  admin?: Omit<AdminShellProps, 'title'>;
}

const Body: FC<{ p: ErrorPageProps; title: string; back: { href: string; label: string } }> = ({
  p,
  title,
  back,
}) => (
  <>
    <h1>{title}</h1>
    {p.lang === 'en' ? (
      <>
        <p class="lead">{EN_MESSAGES[p.status] ?? EN_MESSAGES[500]}</p>
        {GENERIC.has(p.status) ? null : (
          <p class="hint">
            {T.original.en}
            <span lang="zh-CN">{p.message}</span>
          </p>
        )}
      </>
    ) : (
      <p class="lead">{p.message}</p>
    )}
    <p>
      <a href={back.href}>{back.label}</a>
    </p>
    <p class="hint">
      {T.requestId[p.lang]}
      <code>{p.requestId}</code>
    </p>
  </>
);

export const ErrorPage: FC<ErrorPageProps> = (p) => {
  const title = (TITLES[p.status] ?? TITLES[500]!)[p.lang];
  if (p.admin) {
    const back = p.admin.user
      ? { href: '/admin', label: T.dashboard[p.lang] }
      : { href: '/admin/login', label: T.login[p.lang] };
    return (
      <AdminLayout {...p.admin} title={title}>
        <Body p={p} title={title} back={back} />
      </AdminLayout>
    );
  }
  return (
    <PortalLayout lang={p.lang} title={title} path={p.path} demo={p.demo} footer={p.footer}>
      <Body p={p} title={title} back={{ href: '/', label: T.home[p.lang] }} />
    </PortalLayout>
  );
};
