import type { FC } from 'hono/jsx';
import type { Lang } from './i18n.js';
import { PortalLayout } from './layout.js';

const TITLES: Record<number, { zh: string; en: string }> = {
  400: { zh: '请求有误', en: 'Bad request' },
  403: { zh: '无法完成操作', en: 'Not allowed' },
  404: { zh: '页面不存在', en: 'Page not found' },
  409: { zh: '操作冲突', en: 'Conflict' },
  413: { zh: '内容过大', en: 'Too large' },
  422: { zh: '提交的内容有误', en: 'Invalid input' },
  429: { zh: '请求过于频繁', en: 'Too many requests' },
  500: { zh: '系统错误', en: 'Server error' },
};

export const ErrorPage: FC<{
  lang: Lang;
  status: number;
  message: string;
  requestId: string;
  path: string;
  demo: boolean;
}> = (p) => {
  const title = (TITLES[p.status] ?? TITLES[500]!)[p.lang];
  return (
    <PortalLayout lang={p.lang} title={title} path={p.path} demo={p.demo}>
      <h1>{title}</h1>
      <p class="lead">{p.message}</p>
      <p>
        <a href="/">{p.lang === 'zh' ? '返回首页' : 'Back to the home page'}</a>
      </p>
      <p class="hint">
        {p.lang === 'zh' ? '请求编号：' : 'Request id: '}
        <code>{p.requestId}</code>
      </p>
    </PortalLayout>
  );
};
