// /documents: the published documents of every agency (主动公开), newest first, with filters (发文机关,
// 主题分类, 年份, 效力级别, 有效性, 类别) as a GET form, paging links and the Atom feed.
import type { FC } from 'hono/jsx';
import type { DocumentListPage } from '../../queries/document-list.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import { documentsHref, searchHref } from '../models/document-links.js';
import { DocumentFilterFields, DocumentItems, Pager, type DocumentFilterValues } from './document-parts.js';

export interface PortalDocumentsView {
  shell: Omit<ShellProps, 'title'>;
  filter: DocumentFilterValues;
  agencies: { code: string; name: string }[];
  years: number[];
  page: DocumentListPage;
  /** The agency the list is filtered on, for the heading. */
  agencyName: string | null;
}

export const PortalDocumentsPage: FC<PortalDocumentsView> = (p) => {
  const r = p.page;
  const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
  const title = p.agencyName ? `${p.agencyName}政府文件` : '政府文件';
  const filtered = Object.values(p.filter).some((v) => v !== '');
  return (
    <PortalLayout {...p.shell} title={title}>
      <Breadcrumbs lang="zh" items={[{ label: '首页', href: '/' }, { label: '政府文件' }]} />
      <h1>{title}</h1>
      <p class="lead">
        各机关主动公开的政府文件和政策解读。按标题或正文查找文件，请用
        <a href={searchHref()}>全文检索</a>；政府公报刊登的文件，也可以在<a href="/gazette">政府公报</a>
        中按期次查阅、检索。
      </p>
      <form method="get" action="/documents" class="filters" aria-label="筛选文件">
        <DocumentFilterFields values={p.filter} agencies={p.agencies} years={p.years} />
        <button type="submit" class="button button-secondary">
          筛选
        </button>
        {filtered ? <a href="/documents">清除筛选</a> : null}
      </form>
      <h2 class="visually-hidden">文件列表</h2>
      <p role="status">
        共 {r.total} 件{pages > 1 ? `，第 ${r.page}/${pages} 页` : ''}
      </p>
      {r.items.length === 0 ? (
        <p>没有符合条件的文件。{filtered ? <a href="/documents">查看全部文件</a> : null}</p>
      ) : (
        <DocumentItems items={r.items} start={(r.page - 1) * r.pageSize + 1} />
      )}
      <Pager page={r.page} pages={pages} href={(page) => documentsHref({ ...p.filter, page })} />
    </PortalLayout>
  );
};
