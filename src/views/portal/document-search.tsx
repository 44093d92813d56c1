// /search: full-text search over the published documents, 政策解读 and gazette items. A GET form (works
// without JavaScript, results can be linked); ranked hits with the matched words marked; the filters as
// facet links with their counts; paging; and, when nothing matches, what to try instead. The marked
// titles and snippets come from the search query already escaped — only their <mark> tags are markup.
// Past the search's window (the newest MATCH_WINDOW matches) the total is an estimate: the page says
// 约 N 件, says that only the newest are shown, labels the facet counts as counts of those, and pages
// only through them.
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import { themeLabel } from '../../domain/documents/themes.js';
import type { SearchDocumentsResult, SearchHit } from '../../queries/search-documents.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import {
  DOCUMENT_KIND_LABELS,
  EFFECT_LEVEL_LABELS,
  labelOf,
  VALIDITY_LABELS,
} from '../models/document-labels.js';
import { documentHref, searchHref, type SearchParams } from '../models/document-links.js';
import { DocumentMeta, Pager, ValidityTag, type DocumentFilterValues } from './document-parts.js';

export interface PortalSearchView {
  shell: Omit<ShellProps, 'title'>;
  q: string;
  filter: DocumentFilterValues;
  /** ?gazette=1: only documents some 政府公报 issue printed. */
  gazette: boolean;
  /** Null before a search (empty query). */
  result: SearchDocumentsResult | null;
  /** Agency names by code, for the active agency filter and the agency facet's links. */
  agencyCodes: Map<number, { code: string; name: string }>;
  /** The deepest result page served. */
  maxPage: number;
  /** Set when the query could not be used (e.g. a page out of range). */
  problem?: string;
}

type FilterKey = keyof DocumentFilterValues;

/**
 * The results that can be paged through, and their pages (at most `maxPage`). When the total is
 * exact, all of them. Past the window the total is PostgreSQL's estimate and only the rows read can
 * be shown: the newest MATCH_WINDOW matches (and any exact 文号 matches), fewer for a phrase (checked
 * on the newest rows holding its words). Those rows are what the facets count, and each has exactly
 * one 有效性, so the 有效性 counts add up to them.
 */
export function searchPaging(r: SearchDocumentsResult, maxPage: number): { shown: number; pages: number } {
  const read = r.facets.validity.reduce((n, f) => n + f.count, 0);
  const shown = r.totalExact ? r.total : Math.min(r.total, read);
  return { shown, pages: Math.min(maxPage, Math.max(1, Math.ceil(shown / r.pageSize))) };
}

const params = (
  q: string,
  f: DocumentFilterValues,
  gazette: boolean,
  change: Partial<SearchParams> = {},
): SearchParams => ({
  q,
  ...f,
  gazette: gazette ? '1' : undefined,
  page: undefined,
  ...change,
});

const Hit: FC<{ hit: SearchHit }> = ({ hit: h }) => (
  <li>
    <a href={documentHref(h.id)} class="doc-title">
      {raw(h.titleHtml)}
    </a>{' '}
    <ValidityTag validity={h.validity} />
    <DocumentMeta
      agencyName={h.agencyName}
      docNumber={h.docNumber}
      publishedOn={h.publishedOn}
      kind={h.kind}
    />
    {h.snippetHtml ? <p class="snippet">{raw(h.snippetHtml)}</p> : null}
  </li>
);

interface FacetLink {
  value: string;
  label: string;
  count?: number;
}

/** One facet: the values with their counts, each a link that applies it (or removes it when active). */
const Facet: FC<{
  id: string;
  title: string;
  name: FilterKey;
  links: FacetLink[];
  q: string;
  filter: DocumentFilterValues;
  gazette: boolean;
}> = (p) => {
  if (p.links.length === 0 && p.filter[p.name] === '') return null;
  const active = p.filter[p.name];
  return (
    <section aria-labelledby={p.id} class="facet">
      <h3 id={p.id}>{p.title}</h3>
      <ul>
        {active !== '' ? (
          <li>
            <a href={searchHref(params(p.q, p.filter, p.gazette, { [p.name]: '' }))}>不限{p.title}</a>
          </li>
        ) : null}
        {p.links.map((l) =>
          l.value === active ? (
            <li>
              <strong aria-current="true">
                {l.label}
                {l.count !== undefined ? `（${l.count}）` : null}
              </strong>
            </li>
          ) : (
            <li>
              <a href={searchHref(params(p.q, p.filter, p.gazette, { [p.name]: l.value }))}>
                {l.label}
                {l.count !== undefined ? <span class="count">（{l.count}）</span> : null}
              </a>
            </li>
          ),
        )}
      </ul>
    </section>
  );
};

const Facets: FC<{ view: PortalSearchView; result: SearchDocumentsResult; shown: number }> = ({
  view: v,
  result: r,
  shown,
}) => {
  const f = r.facets;
  const common = { q: v.q, filter: v.filter, gazette: v.gazette };
  return (
    <aside aria-labelledby="facets-title" class="facets">
      <h2 id="facets-title">筛选结果</h2>
      {r.totalExact ? null : (
        <p class="hint" id="facets-note">
          括号中的数字只统计显示的最新 {shown} 件结果，不是全部结果的件数。
        </p>
      )}
      <Facet
        id="facet-kind"
        title="类别"
        name="kind"
        links={(['document', 'interpretation'] as const).map((k) => ({
          value: k,
          label: DOCUMENT_KIND_LABELS[k].zh,
        }))}
        {...common}
      />
      <Facet
        id="facet-agency"
        title="发文机关"
        name="agency"
        links={f.agencies.flatMap((a) => {
          const code = v.agencyCodes.get(a.key)?.code;
          return code ? [{ value: code, label: a.name, count: a.count }] : [];
        })}
        {...common}
      />
      <Facet
        id="facet-theme"
        title="主题分类"
        name="theme"
        links={f.themes.map((t) => ({ value: t.key, label: themeLabel(t.key) || t.key, count: t.count }))}
        {...common}
      />
      <Facet
        id="facet-year"
        title="发布年份"
        name="year"
        links={f.years.map((y) => ({ value: String(y.key), label: `${y.key}年`, count: y.count }))}
        {...common}
      />
      <Facet
        id="facet-level"
        title="效力级别"
        name="level"
        links={f.effectLevels.map((e) => ({
          value: e.key,
          label: labelOf(EFFECT_LEVEL_LABELS, e.key),
          count: e.count,
        }))}
        {...common}
      />
      <Facet
        id="facet-validity"
        title="有效性"
        name="validity"
        links={f.validity.map((e) => ({
          value: e.key,
          label: labelOf(VALIDITY_LABELS, e.key),
          count: e.count,
        }))}
        {...common}
      />
      <section aria-labelledby="facet-gazette" class="facet">
        <h3 id="facet-gazette">政府公报</h3>
        <ul>
          {v.gazette ? (
            <>
              <li>
                <a href={searchHref(params(v.q, v.filter, false))}>不限是否刊登政府公报</a>
              </li>
              <li>
                <strong aria-current="true">只看政府公报刊登的文件</strong>
              </li>
            </>
          ) : (
            <li>
              <a href={searchHref(params(v.q, v.filter, true))}>只看政府公报刊登的文件</a>
            </li>
          )}
        </ul>
      </section>
    </aside>
  );
};

const NoResults: FC<{ view: PortalSearchView; result: SearchDocumentsResult }> = ({ view: v, result: r }) => {
  const filtered = v.gazette || Object.values(v.filter).some((x) => x !== '');
  return (
    <section aria-labelledby="none-title" class="no-results">
      <h2 id="none-title">没有找到与“{v.q}”相关的文件</h2>
      {r.suggestions.length > 0 ? (
        <>
          <p>您可以试试：</p>
          <ul>
            {r.suggestions.map((s) => (
              <li>
                <a href={searchHref({ q: s })}>{s}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>查找建议：</p>
      <ul>
        {filtered ? (
          <li>
            <a href={searchHref({ q: v.q })}>去掉筛选条件再搜索</a>
          </li>
        ) : null}
        <li>检查是否有错别字，或换用意思相近、更短的词语（如“复议”）。</li>
        <li>查找某份文件时，可直接输入发文字号，如“苏府〔2020〕12号”（方括号、圆括号均可）。</li>
        <li>
          按机关、主题、年份浏览<a href="/documents">全部政府文件</a>。
        </li>
        <li>
          找不到需要的政府信息，可以<a href="/apply">依申请公开</a>。
        </li>
      </ul>
    </section>
  );
};

export const PortalSearchPage: FC<PortalSearchView> = (v) => {
  const r = v.result;
  const title = v.q ? `搜索：${v.q}` : '搜索政府文件';
  const { shown, pages } = r ? searchPaging(r, v.maxPage) : { shown: 0, pages: 1 };
  const pageNote = pages > 1 && r ? `，第 ${r.page}/${pages} 页` : '';
  return (
    <PortalLayout {...v.shell} title={title}>
      <Breadcrumbs lang="zh" items={[{ label: '首页', href: '/' }, { label: '搜索' }]} />
      <h1>搜索政府文件</h1>
      <form method="get" action="/search" role="search" class="search-form" aria-label="搜索政府文件">
        <div class="field">
          <label for="f-q">搜索政府文件、政策解读和政府公报</label>
          <p class="hint" id="f-q-hint">
            输入关键词（多个词用空格分开，用引号查找整个短语）或发文字号，如“行政复议”“苏府〔2020〕12号”。
          </p>
          <input
            id="f-q"
            name="q"
            type="search"
            value={v.q}
            class="input input-long"
            maxlength={100}
            aria-describedby="f-q-hint"
          />
        </div>
        <div class="radio">
          <input id="f-gazette" name="gazette" type="checkbox" value="1" checked={v.gazette} />
          <label for="f-gazette">只看政府公报刊登的文件</label>
        </div>
        <button type="submit" class="button button-primary">
          搜索
        </button>
      </form>
      {v.problem ? (
        <div class="error-summary" role="alert">
          <p>{v.problem}</p>
        </div>
      ) : null}
      {r && v.q ? (
        r.total === 0 ? (
          <NoResults view={v} result={r} />
        ) : (
          <div class="search-layout">
            <section aria-labelledby="results-title" class="search-results">
              <h2 id="results-title">搜索结果</h2>
              {r.totalExact ? (
                <p role="status">
                  找到 {r.total} 件{pageNote}
                </p>
              ) : (
                <>
                  <p role="status">
                    约 {r.total} 件，显示其中最新的 {shown} 件，按相关度排列{pageNote}
                  </p>
                  <p class="hint" id="narrow-hint">
                    结果较多，只显示了最新的一部分。要找较早的文件，请用筛选条件（发文机关、主题分类、发布年份等）缩小范围，或输入更准确的词语、把要找的整个短语放在引号里。
                  </p>
                </>
              )}
              <ol class="doc-list" start={(r.page - 1) * r.pageSize + 1}>
                {r.hits.map((h) => (
                  <Hit hit={h} />
                ))}
              </ol>
              <Pager
                page={r.page}
                pages={pages}
                href={(page) => searchHref(params(v.q, v.filter, v.gazette, { page }))}
              />
            </section>
            <Facets view={v} result={r} shown={shown} />
          </div>
        )
      ) : null}
    </PortalLayout>
  );
};
