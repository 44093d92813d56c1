// Pieces shared by the document library's public pages: the list of documents, the 有效性 tag, the
// filter form and the pager. No JavaScript: filters are a GET form, pages are links.
import type { FC } from 'hono/jsx';
import { EFFECT_LEVELS, DOCUMENT_KINDS, VALIDITY_STATES } from '../../domain/documents/vocab.js';
import { THEMES, themeLabel } from '../../domain/documents/themes.js';
import type { DocumentListItem } from '../../queries/document-list.js';
import { Select } from '../components/forms.js';
import { formatDate } from '../i18n.js';
import { documentHref } from '../models/document-links.js';
import {
  DOCUMENT_KIND_LABELS,
  EFFECT_LEVEL_LABELS,
  labelOf,
  VALIDITY_LABELS,
} from '../models/document-labels.js';

const VALIDITY_TAG: Record<string, string> = {
  effective: 'tag tag-green',
  pending: 'tag tag-grey',
  amended: 'tag tag-amber',
  partly_invalid: 'tag tag-amber',
  expired: 'tag tag-red',
  abolished: 'tag tag-red',
};

/** 有效性 as a coloured tag with its words (the colour is never the only signal). */
export const ValidityTag: FC<{ validity: string }> = ({ validity }) => (
  <span class={VALIDITY_TAG[validity] ?? 'tag'}>{labelOf(VALIDITY_LABELS, validity)}</span>
);

/** The 演示数据 mark of a synthetic document. */
export const SyntheticTag: FC = () => <span class="tag tag-grey">演示数据</span>;

/** One line of metadata under a title: 发文机关 · 发文字号 · 发布日期. */
export const DocumentMeta: FC<{
  agencyName: string;
  docNumber: string | null;
  publishedOn: string | null;
  kind: string;
}> = (p) => (
  <p class="doc-meta">
    {p.kind === 'interpretation' ? <span>{labelOf(DOCUMENT_KIND_LABELS, p.kind)}</span> : null}
    <span>{p.agencyName}</span>
    {p.docNumber ? <span class="nowrap">{p.docNumber}</span> : null}
    {p.publishedOn ? (
      <span class="nowrap">
        发布日期：<time datetime={p.publishedOn}>{formatDate('zh', p.publishedOn)}</time>
      </span>
    ) : null}
  </p>
);

/** Published documents as a list of titles with their metadata line and 有效性. */
export const DocumentItems: FC<{ items: DocumentListItem[]; start?: number }> = ({ items, start }) => (
  <ol class="doc-list" start={start && start > 1 ? start : undefined}>
    {items.map((d) => (
      <li>
        <a href={documentHref(d.id)} class="doc-title">
          {d.title}
        </a>{' '}
        <ValidityTag validity={d.validity} /> {d.synthetic ? <SyntheticTag /> : null}
        <DocumentMeta
          agencyName={d.agencyName}
          docNumber={d.docNumber}
          publishedOn={d.publishedOn}
          kind={d.kind}
        />
      </li>
    ))}
  </ol>
);

/** Previous / next links and where we are; nothing when everything fits on one page. */
export const Pager: FC<{ page: number; pages: number; href: (page: number) => string }> = (p) =>
  p.pages > 1 ? (
    <nav class="pagination" aria-label="分页">
      {p.page > 1 ? (
        <a href={p.href(p.page - 1)} rel="prev">
          上一页
        </a>
      ) : null}
      <span>
        第 {p.page} / {p.pages} 页
      </span>
      {p.page < p.pages ? (
        <a href={p.href(p.page + 1)} rel="next">
          下一页
        </a>
      ) : null}
    </nav>
  ) : null;

/** The filter values as typed in the query string ('' = all). */
export interface DocumentFilterValues {
  agency: string;
  theme: string;
  year: string;
  level: string;
  validity: string;
  kind: string;
}

export const EMPTY_FILTER: DocumentFilterValues = {
  agency: '',
  theme: '',
  year: '',
  level: '',
  validity: '',
  kind: '',
};

const options = <K extends string>(values: readonly K[], labels: Record<K, { zh: string }>) =>
  values.map((v) => ({ value: v, label: labels[v].zh }));

/** The themes as options: each first-level theme, then its second level as 一级\二级. */
const THEME_OPTIONS = THEMES.map((t) => ({ value: t.code, label: themeLabel(t.code) }));

/** The filter fields of the list and the search page (a GET form: the result can be linked). */
export const DocumentFilterFields: FC<{
  values: DocumentFilterValues;
  agencies: { code: string; name: string }[];
  years: number[];
}> = ({ values: v, agencies, years }) => (
  <>
    <Select
      name="agency"
      label="发文机关"
      value={v.agency}
      includeBlank="全部"
      options={agencies.map((a) => ({ value: a.code, label: a.name }))}
    />
    <Select name="theme" label="主题分类" value={v.theme} includeBlank="全部" options={THEME_OPTIONS} />
    <Select
      name="year"
      label="发布年份"
      value={v.year}
      includeBlank="全部"
      options={years.map((y) => ({ value: String(y), label: `${y}年` }))}
    />
    <Select
      name="level"
      label="效力级别"
      value={v.level}
      includeBlank="全部"
      options={options(EFFECT_LEVELS, EFFECT_LEVEL_LABELS)}
    />
    <Select
      name="validity"
      label="有效性"
      value={v.validity}
      includeBlank="全部"
      options={options(VALIDITY_STATES, VALIDITY_LABELS)}
    />
    <Select
      name="kind"
      label="类别"
      value={v.kind}
      includeBlank="全部"
      options={options(DOCUMENT_KINDS, DOCUMENT_KIND_LABELS)}
    />
  </>
);
