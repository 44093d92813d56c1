// An agency's 政府信息公开 platform (the national template: 指南 / 制度 / 法定主动公开内容 / 年报): its home
// page with the newest documents, the 制度 page, the 第二十条 categories with their documents, and the
// 年报 page listing the agency's published annual reports (each report's own page: annual-report-page.tsx).
import type { Child, FC } from 'hono/jsx';
import type { Article20Category } from '../../domain/documents/vocab.js';
import type { DocumentListPage } from '../../queries/document-list.js';
import { Breadcrumbs, type Crumb } from '../components/breadcrumbs.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import { categoryFeedHref, platformHref } from '../models/document-links.js';
import { DocumentItems, Pager } from './document-parts.js';

/** 第二十条第（二）项 (机关职能、机构设置、办公地址和时间、联系方式): the 指南 already states these. */
const GUIDE_CATEGORY = 'a20-02';

export type PlatformSection = 'home' | 'guide' | 'rules' | 'disclosure' | 'annualReports' | 'documents';

export interface PlatformAgency {
  code: string;
  name: string;
}

const SECTIONS: { key: PlatformSection; label: string; href: (code: string) => string }[] = [
  { key: 'guide', label: '政府信息公开指南', href: platformHref.guide },
  { key: 'rules', label: '政府信息公开制度', href: platformHref.rules },
  { key: 'disclosure', label: '法定主动公开内容', href: (c) => platformHref.disclosure(c) },
  { key: 'annualReports', label: '政府信息公开年报', href: platformHref.annualReports },
  { key: 'documents', label: '政府文件', href: platformHref.documents },
];

/** The platform's navigation, on each of its pages. */
export const PlatformNav: FC<{ agency: PlatformAgency; current: PlatformSection }> = ({
  agency,
  current,
}) => (
  <nav class="platform-nav" aria-label={`${agency.name}政府信息公开平台`}>
    <ul>
      <li>
        <a href={platformHref.home(agency.code)} aria-current={current === 'home' ? 'page' : undefined}>
          平台首页
        </a>
      </li>
      {SECTIONS.map((s) => (
        <li>
          <a href={s.href(agency.code)} aria-current={current === s.key ? 'page' : undefined}>
            {s.label}
          </a>
        </li>
      ))}
    </ul>
  </nav>
);

const PlatformPage: FC<{
  shell: Omit<ShellProps, 'title'>;
  agency: PlatformAgency;
  current: PlatformSection;
  /** The section's name; absent on the platform's home page. */
  section?: string;
  /** A further crumb below the section (a chosen category). */
  sub?: string;
  children?: Child;
}> = (p) => {
  const home = `${p.agency.name}政府信息公开`;
  const crumbs: Crumb[] = [
    { label: '首页', href: '/' },
    { label: '机构目录', href: '/agencies' },
    p.section ? { label: home, href: platformHref.home(p.agency.code) } : { label: home },
  ];
  if (p.section)
    crumbs.push(
      p.sub ? { label: p.section, href: platformHref.disclosure(p.agency.code) } : { label: p.section },
    );
  if (p.sub) crumbs.push({ label: p.sub });
  const title = p.sub ?? (p.section ? `${p.agency.name}${p.section}` : home);
  return (
    <PortalLayout {...p.shell} title={title}>
      <Breadcrumbs lang="zh" items={crumbs} />
      <h1>{title}</h1>
      <PlatformNav agency={p.agency} current={p.current} />
      {p.children}
    </PortalLayout>
  );
};

export const PortalPlatformHomePage: FC<{
  shell: Omit<ShellProps, 'title'>;
  agency: PlatformAgency;
  latest: DocumentListPage;
}> = (p) => (
  <PlatformPage shell={p.shell} agency={p.agency} current="home">
    <section aria-labelledby="latest">
      <h2 id="latest">最新文件</h2>
      {p.latest.items.length === 0 ? (
        <p>本机关尚未在本平台发布文件。</p>
      ) : (
        <>
          <DocumentItems items={p.latest.items} />
          <p>
            <a href={platformHref.documents(p.agency.code)}>全部 {p.latest.total} 件文件</a>
          </p>
        </>
      )}
      <p>
        <a href={platformHref.feed(p.agency.code)} type="application/atom+xml">
          订阅本机关新发布的文件（Atom）
        </a>
      </p>
    </section>
  </PlatformPage>
);

/** 政府信息公开制度: the agency's documents on its own disclosure work (主题 综合政务\政务公开). */
export const PortalDisclosureRulesPage: FC<{
  shell: Omit<ShellProps, 'title'>;
  agency: PlatformAgency;
  page: DocumentListPage;
  href: (page: number) => string;
}> = (p) => {
  const pages = Math.max(1, Math.ceil(p.page.total / p.page.pageSize));
  return (
    <PlatformPage shell={p.shell} agency={p.agency} current="rules" section="政府信息公开制度">
      <p class="lead">本机关关于政府信息公开工作的制度文件（主题分类为“综合政务\政务公开”的文件）。</p>
      {p.page.items.length === 0 ? (
        <p>本机关尚未发布政府信息公开制度文件。</p>
      ) : (
        <DocumentItems items={p.page.items} />
      )}
      <Pager page={p.page.page} pages={pages} href={p.href} />
    </PlatformPage>
  );
};

/** 法定主动公开内容: the fifteen categories of 第二十条 with how many documents each holds. */
export const PortalDisclosurePage: FC<{
  shell: Omit<ShellProps, 'title'>;
  agency: PlatformAgency;
  categories: (Article20Category & { count: number })[];
  /** The chosen category and its documents. */
  chosen: { category: Article20Category; page: DocumentListPage; href: (page: number) => string } | null;
}> = (p) => {
  const c = p.chosen;
  return (
    <PlatformPage
      shell={p.shell}
      agency={p.agency}
      current="disclosure"
      section="法定主动公开内容"
      sub={c ? c.category.label : undefined}
    >
      {c ? (
        <>
          <p class="lead">《中华人民共和国政府信息公开条例》{c.category.article}</p>
          <h2 class="visually-hidden">文件列表</h2>
          <p role="status">共 {c.page.total} 件</p>
          {c.page.items.length === 0 ? (
            <p>本机关在此类别下尚未发布文件。</p>
          ) : (
            <DocumentItems items={c.page.items} />
          )}
          <Pager
            page={c.page.page}
            pages={Math.max(1, Math.ceil(c.page.total / c.page.pageSize))}
            href={c.href}
          />
          <p>
            <a href={categoryFeedHref(c.category.key)} type="application/atom+xml">
              订阅此类别新发布的文件（Atom，全部机关）
            </a>
          </p>
        </>
      ) : (
        <>
          <p class="lead">
            《中华人民共和国政府信息公开条例》第二十条规定行政机关应当主动公开的政府信息，按类别列出本机关已发布的文件。
          </p>
          <ol class="category-list">
            {p.categories.map((cat) => (
              <li>
                <a href={platformHref.disclosure(p.agency.code, cat.key)}>{cat.label}</a>
                <span class="hint-inline">（{cat.count} 件）</span>
                {cat.key === GUIDE_CATEGORY ? (
                  <>
                    ；另见<a href={platformHref.guide(p.agency.code)}>政府信息公开指南</a>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      )}
    </PlatformPage>
  );
};

/** One line of the 年报 column: a published report of a year and scope, with its versions. */
export interface AnnualReportListItem {
  title: string;
  href: string;
  publishedOn: string;
  /** Later versions are corrections: 「第2版（更正）」 with the note. */
  version: number;
  correctionNote: string | null;
  /** Earlier versions, still readable. */
  earlier: { version: number; href: string; publishedOn: string }[];
}

/** 政府信息公开年报: the agency's published annual reports (第四十九条), newest year first. */
export const PortalAnnualReportsPage: FC<{
  shell: Omit<ShellProps, 'title'>;
  agency: PlatformAgency;
  reports: AnnualReportListItem[];
}> = (p) => (
  <PlatformPage shell={p.shell} agency={p.agency} current="annualReports" section="政府信息公开年报">
    <p class="lead">
      本机关依照《中华人民共和国政府信息公开条例》第四十九条、第五十条公布的政府信息公开工作年度报告。
    </p>
    {p.reports.length === 0 ? (
      <p>本机关尚未在本平台发布年度报告。</p>
    ) : (
      <ul class="doc-list">
        {p.reports.map((r) => (
          <li>
            <a href={r.href}>{r.title}</a>
            <p class="doc-meta">
              发布日期：<span class="nowrap">{r.publishedOn}</span>
              {r.version > 1
                ? `；第${r.version}版（更正）${r.correctionNote ? `：${r.correctionNote}` : ''}`
                : ''}
            </p>
            {r.earlier.length > 0 ? (
              <p class="doc-meta">
                此前版本：
                {r.earlier.map((e, i) => (
                  <>
                    {i > 0 ? '、' : null}
                    <a href={e.href}>
                      第{e.version}版（{e.publishedOn}发布）
                    </a>
                  </>
                ))}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    )}
    <p>
      检查一份已发布的年度报告是否符合国务院办公厅规定的格式，可使用<a href="/report-check">年报体检</a>。
    </p>
  </PlatformPage>
);
