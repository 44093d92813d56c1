// 政策问答 (/qa): the published answers of the 答问知识库, browsed by category and searched with the
// same search box as the document library (words, "phrases"; matched words marked). A GET form: works
// without JavaScript and its result can be linked. The marked texts come from the query already
// escaped — only their <mark> tags are markup.
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import type { SearchQaResult } from '../../queries/qa-search.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { formatDate } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import { Pager } from './document-parts.js';

export interface PortalQaListView {
  shell: Omit<ShellProps, 'title'>;
  q: string;
  category: string;
  result: SearchQaResult;
  /** Set when the query could not be used (a page out of range). */
  problem?: string;
}

export function qaListHref(p: { q?: string; category?: string; page?: number }): string {
  const s = new URLSearchParams();
  if (p.q) s.set('q', p.q);
  if (p.category) s.set('category', p.category);
  if (p.page && p.page > 1) s.set('page', String(p.page));
  const qs = s.toString();
  return qs ? `/qa?${qs}` : '/qa';
}

export const qaHref = (id: number) => `/qa/${id}`;

export const PortalQaListPage: FC<PortalQaListView> = (v) => {
  const r = v.result;
  const title = v.q ? `政策问答：${v.q}` : v.category ? `政策问答：${v.category}` : '政策问答';
  const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
  const all = r.categories.reduce((n, c) => n + c.count, 0);
  return (
    <PortalLayout {...v.shell} title={title}>
      <Breadcrumbs lang="zh" items={[{ label: '首页', href: '/' }, { label: '政策问答' }]} />
      <h1>政策问答</h1>
      <p class="lead">
        常见政策问题的权威答复，由各部门编写并定期复核。找不到答案时，可以通过政民互动栏目留言咨询。
      </p>
      <form method="get" action="/qa" role="search" class="search-form" aria-label="搜索政策问答">
        <div class="field">
          <label for="f-q">搜索问答</label>
          <p class="hint" id="f-q-hint">
            输入关键词，多个词用空格分开，用引号查找整个短语，如“公积金 提取”“新生儿落户”。
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
        {v.category ? <input type="hidden" name="category" value={v.category} /> : null}
        <button type="submit" class="button button-primary">
          搜索
        </button>
        {v.q || v.category ? <a href="/qa">查看全部问答</a> : null}
      </form>
      {v.problem ? (
        <div class="error-summary" role="alert">
          <p>{v.problem}</p>
        </div>
      ) : null}
      <div class="search-layout">
        <section aria-labelledby="results-title" class="search-results">
          <h2 id="results-title">{v.q ? '搜索结果' : v.category || '全部问答'}</h2>
          {r.total === 0 ? (
            <div class="no-results">
              <p role="status">{v.q ? `没有找到与“${v.q}”相关的问答。` : '该分类下暂无问答。'}</p>
              {r.suggestions.length > 0 ? (
                <>
                  <p>您可以试试：</p>
                  <ul>
                    {r.suggestions.map((s) => (
                      <li>
                        <a href={qaListHref({ q: s, category: v.category })}>{s}</a>
                      </li>
                    ))}
                  </ul>
                  <p>查找建议：</p>
                </>
              ) : null}
              <ul>
                {v.category ? (
                  <li>
                    <a href={qaListHref({ q: v.q })}>在全部分类中查找</a>
                  </li>
                ) : null}
                <li>换用意思相近、更短的词语再试。</li>
                <li>
                  在<a href={`/search?q=${encodeURIComponent(v.q)}`}>政府文件</a>中搜索相关政策。
                </li>
              </ul>
            </div>
          ) : (
            <>
              <p role="status">
                {v.q ? `找到 ${r.total} 条，按相关度排列` : `共 ${r.total} 条`}
                {pages > 1 ? `，第 ${r.page}/${pages} 页` : ''}
              </p>
              <ol class="doc-list qa-list" start={(r.page - 1) * r.pageSize + 1}>
                {r.hits.map((h) => (
                  <li>
                    <a href={qaHref(h.id)} class="doc-title">
                      {raw(h.questionHtml)}
                    </a>
                    {h.alsoAskedHtml ? <p class="qa-also">也问：{raw(h.alsoAskedHtml)}</p> : null}
                    <p class="snippet">{raw(h.answerSnippetHtml)}</p>
                    <p class="doc-meta">
                      {h.category} · {h.agencyName}
                      {h.publishedAt ? (
                        <>
                          {' · '}
                          <span class="nowrap">{formatDate('zh', h.publishedAt)}</span>
                        </>
                      ) : null}
                    </p>
                  </li>
                ))}
              </ol>
              <Pager
                page={r.page}
                pages={pages}
                href={(page) => qaListHref({ q: v.q, category: v.category, page })}
              />
            </>
          )}
        </section>
        <aside aria-labelledby="qa-categories-title" class="facets">
          <h2 id="qa-categories-title">问答分类</h2>
          <section class="facet" aria-label="问答分类">
            <ul>
              <li>
                {v.category === '' ? (
                  <strong aria-current="true">全部（{all}）</strong>
                ) : (
                  <a href={qaListHref({ q: v.q })}>
                    全部<span class="count">（{all}）</span>
                  </a>
                )}
              </li>
              {r.categories.map((c) => (
                <li>
                  {c.category === v.category ? (
                    <strong aria-current="true">
                      {c.category}（{c.count}）
                    </strong>
                  ) : (
                    <a href={qaListHref({ q: v.q, category: c.category })}>
                      {c.category}
                      <span class="count">（{c.count}）</span>
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </PortalLayout>
  );
};
