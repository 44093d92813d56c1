// 政府公报 on the portal: the issues of an agency's gazette by year (with the gazette database's
// search box and its results), and one issue with its documents and its PDF.
import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import type { GazetteIssueDetail, GazetteIssueSummary } from '../../queries/gazette.js';
import type { SearchHit } from '../../queries/search-documents.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { formatDate, SHELL } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';

export interface GazetteAgencyLink {
  code: string;
  name: string;
  issues: number;
}

/** 2026年第3期（总第215期） */
export function issueTitle(i: { year: number; number: number; totalNumber: number | null }): string {
  return `${i.year}年第${i.number}期${i.totalNumber ? `（总第${i.totalNumber}期）` : ''}`;
}

/** The address of an issue: the first gazette's without the agency, another's with it. */
export function gazetteIssueHref(
  i: { year: number; number: number },
  agencyCode: string | null,
  suffix = '',
): string {
  return `/gazette/${i.year}/${i.number}${suffix}${agencyCode ? `?agency=${encodeURIComponent(agencyCode)}` : ''}`;
}

/** The gazette's search: the document search's hits, each with the issue that printed it. */
export interface GazetteSearchResult {
  /** An estimate (约) when not exact: see SearchDocumentsResult. */
  total: number;
  totalExact: boolean;
  hits: (SearchHit & { issue: { year: number; number: number } | null })[];
}

export interface GazetteIndexView {
  shell: Omit<ShellProps, 'title'>;
  /** Every agency that has a gazette (links when more than one). */
  agencies: GazetteAgencyLink[];
  /** The gazette shown. */
  agency: GazetteAgencyLink | null;
  /** Its code in links: null for the first gazette (the default). */
  agencyParam: string | null;
  issues: GazetteIssueSummary[];
  q: string;
  search: GazetteSearchResult | null;
}

const TITLE = '政府公报';

export const GazetteIndexPage: FC<GazetteIndexView> = (p) => {
  const title = p.agency ? `${p.agency.name}公报` : TITLE;
  const years = [...new Set(p.issues.map((i) => i.year))];
  const action = `/gazette${p.agencyParam ? `?agency=${encodeURIComponent(p.agencyParam)}` : ''}`;
  return (
    <PortalLayout {...p.shell} title={p.q ? `${title}：${p.q}` : title}>
      <Breadcrumbs lang="zh" items={[{ label: SHELL.home.zh, href: '/' }, { label: TITLE }]} />
      <h1>{title}</h1>
      {p.agencies.length > 1 ? (
        <nav aria-label="各机关公报" class="platform-nav">
          <ul>
            {p.agencies.map((a, k) => (
              <li>
                {a.code === p.agency?.code ? (
                  <strong aria-current="page">{a.name}</strong>
                ) : (
                  <a href={k === 0 ? '/gazette' : `/gazette?agency=${encodeURIComponent(a.code)}`}>
                    {a.name}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {!p.agency ? (
        <p>尚未发布政府公报。</p>
      ) : (
        <>
          <form method="get" action="/gazette" class="search-form" role="search">
            {p.agencyParam ? <input type="hidden" name="agency" value={p.agencyParam} /> : null}
            <div class="field">
              <label for="f-q">检索公报</label>
              <p class="hint" id="f-q-hint">
                输入标题或正文中的词语，或发文字号，例如 江府〔2025〕3号
              </p>
              <input
                id="f-q"
                name="q"
                type="search"
                value={p.q}
                class="input input-medium"
                maxlength={100}
                aria-describedby="f-q-hint"
              />
            </div>
            <button type="submit" class="button button-secondary">
              检索
            </button>
            {p.q ? <a href={action}>显示全部期次</a> : null}
          </form>
          {p.search ? (
            <SearchResults q={p.q} search={p.search} agencyParam={p.agencyParam} />
          ) : (
            <IssuesByYear years={years} issues={p.issues} agencyParam={p.agencyParam} />
          )}
        </>
      )}
    </PortalLayout>
  );
};

const IssuesByYear: FC<{ years: number[]; issues: GazetteIssueSummary[]; agencyParam: string | null }> = (
  p,
) => (
  <>
    <p>
      共 {p.issues.length} 期。{p.years.length > 1 ? '年度：' : ''}
      {p.years.length > 1
        ? p.years.map((y, k) => (
            <>
              {k > 0 ? '、' : ''}
              <a href={`#y${y}`}>{y}年</a>
            </>
          ))
        : null}
    </p>
    {p.years.map((y) => (
      <section aria-labelledby={`y${y}`}>
        <h2 id={`y${y}`}>{y}年</h2>
        <ul class="doc-list">
          {p.issues
            .filter((i) => i.year === y)
            .map((i) => (
              <li>
                <a href={gazetteIssueHref(i, p.agencyParam)}>{issueTitle(i)}</a>{' '}
                <span class="nowrap">{formatDate('zh', i.publishedOn)}</span>，收录文件 {i.documents} 件
                {i.file ? (
                  <>
                    ，<a href={gazetteIssueHref(i, p.agencyParam, '/pdf')}>PDF 版</a>
                  </>
                ) : null}
              </li>
            ))}
        </ul>
      </section>
    ))}
  </>
);

const SearchResults: FC<{
  q: string;
  search: NonNullable<GazetteIndexView['search']>;
  agencyParam: string | null;
}> = (p) =>
  p.search.total === 0 ? (
    <div role="status">
      <p>公报中没有找到与“{p.q}”相关的文件。</p>
      <ul>
        <li>请检查输入的文字，或换用较短、较常用的词语；</li>
        <li>
          也可以在<a href={`/search?q=${encodeURIComponent(p.q)}`}>全部政府文件</a>中检索。
        </li>
      </ul>
    </div>
  ) : (
    <>
      <p role="status">
        {`找到${p.search.totalExact ? '' : '约'} ${p.search.total} 件`}
        {p.search.total > p.search.hits.length ? `，显示前 ${p.search.hits.length} 件` : ''}。
      </p>
      <ol class="doc-list">
        {p.search.hits.map((h) => (
          <li>
            <a href={`/documents/${h.id}`}>{raw(h.titleHtml)}</a>
            <p class="doc-meta">
              {[h.agencyName, h.docNumber, h.publishedOn ? formatDate('zh', h.publishedOn) : null]
                .filter(Boolean)
                .join('\u3000')}
              {h.issue ? (
                <>
                  {'\u3000'}刊于
                  <a
                    href={gazetteIssueHref(h.issue, p.agencyParam)}
                  >{`${h.issue.year}年第${h.issue.number}期`}</a>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ol>
    </>
  );

export interface GazetteIssuePageView {
  shell: Omit<ShellProps, 'title'>;
  issue: GazetteIssueDetail;
  agencyParam: string | null;
  /** The neighbouring issues of the same gazette, for 上一期 / 下一期. */
  previous: GazetteIssueSummary | null;
  next: GazetteIssueSummary | null;
}

export const GazetteIssuePublicPage: FC<GazetteIssuePageView> = (p) => {
  const i = p.issue;
  const title = `${i.agency.name}公报 ${issueTitle(i)}`;
  const index = `/gazette${p.agencyParam ? `?agency=${encodeURIComponent(p.agencyParam)}` : ''}`;
  return (
    <PortalLayout {...p.shell} title={title}>
      <Breadcrumbs
        lang="zh"
        items={[{ label: SHELL.home.zh, href: '/' }, { label: TITLE, href: index }, { label: issueTitle(i) }]}
      />
      <h1>{title}</h1>
      <p>
        出版日期：<span class="nowrap">{formatDate('zh', i.publishedOn)}</span>
        {i.synthetic ? '（演示数据，虚构）' : ''}
      </p>
      {i.file ? (
        <p>
          <a href={gazetteIssueHref(i, p.agencyParam, '/pdf')}>
            下载本期 PDF 版（{Math.max(1, Math.round(i.file.size / 1024))} KB）
          </a>
        </p>
      ) : null}
      <h2>本期目录</h2>
      {i.items.length === 0 ? (
        <p>本期目录尚未公布。</p>
      ) : (
        <ol class="doc-list">
          {i.items.map((d) => (
            <li>
              <a href={`/documents/${d.documentId}`}>{d.title}</a>
              {d.docNumber ? <p class="doc-meta">{d.docNumber}</p> : null}
            </li>
          ))}
        </ol>
      )}
      <nav aria-label="其他期次" class="button-group">
        {p.previous ? (
          <a href={gazetteIssueHref(p.previous, p.agencyParam)}>上一期：{issueTitle(p.previous)}</a>
        ) : null}
        {p.next ? <a href={gazetteIssueHref(p.next, p.agencyParam)}>下一期：{issueTitle(p.next)}</a> : null}
        <a href={index}>全部期次</a>
      </nav>
    </PortalLayout>
  );
};
