import type { FC } from 'hono/jsx';
import type { Lang } from '../i18n.js';

export interface Crumb {
  label: string;
  /** Omitted for the current page (the last crumb). */
  href?: string;
}

/** Where the page sits (GOV.UK breadcrumbs): links up the tree, the current page as plain text. */
export const Breadcrumbs: FC<{ lang: Lang; items: Crumb[] }> = ({ lang, items }) => (
  <nav class="breadcrumbs" aria-label={lang === 'zh' ? '当前位置' : 'Breadcrumb'}>
    <ol>
      {items.map((c) => (
        <li>{c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
      ))}
    </ol>
  </nav>
);
