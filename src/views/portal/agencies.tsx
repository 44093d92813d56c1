// The public agency directory: every active agency as a nested list (agency → towns and streets),
// each linking to its 政府信息公开指南; a plain GET form filters by name (no JavaScript).
import type { FC } from 'hono/jsx';
import type { AgencyDirectory, DirectoryNode } from '../../queries/agency-directory.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { SHELL, type Lang } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import { GROUP_TITLES, guideHref } from '../models/portal-labels.js';
import { SearchBox } from '../components/search-box.js';

export interface PortalAgenciesView {
  shell: Omit<ShellProps, 'title'>;
  directory: AgencyDirectory;
  /** The name filter as typed (trimmed); '' for none. */
  q: string;
}

const T = {
  title: { zh: '机构目录', en: 'Agency directory' },
  lead: {
    zh: '选择机构，查看其政府信息公开指南：主动公开的信息类别、申请方式，以及政府信息公开工作机构的地址和联系方式。',
    en: 'Choose an agency to read its disclosure guide: what it publishes, how to apply, and its disclosure office’s address and contact details.',
  },
  search: { zh: '按机构名称查找', en: 'Find an agency by name' },
  searchHint: { zh: '例如：教育、东城区、街道', en: 'For example: 教育, 东城区, 街道' },
  submit: { zh: '查找', en: 'Search' },
  showAll: { zh: '显示全部机构', en: 'Show all agencies' },
  government: { zh: '市人民政府', en: 'City government' },
  total: { zh: '共 {n} 家机构。', en: '{n} agencies.' },
  found: { zh: '找到 {n} 家名称包含“{q}”的机构。', en: '{n} agencies match “{q}”.' },
  none: {
    zh: '没有找到名称包含“{q}”的机构。请检查输入的文字，或',
    en: 'No agency matches “{q}”. Check the spelling, or ',
  },
};

const fill = (s: string, v: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (_m, k: string) => String(v[k] ?? ''));

/** One agency and, nested, the agencies below it. Filter matches are marked. */
const Item: FC<{ node: DirectoryNode; filtered: boolean }> = ({ node, filtered }) => (
  <li>
    <a href={guideHref(node.code)}>{filtered && node.match ? <mark>{node.name}</mark> : node.name}</a>
    {node.children.length > 0 ? (
      <ul>
        {node.children.map((c) => (
          <Item node={c} filtered={filtered} />
        ))}
      </ul>
    ) : null}
  </li>
);

const Status: FC<{ lang: Lang; q: string; directory: AgencyDirectory }> = ({ lang, q, directory }) => {
  if (!q) return <p>{fill(T.total[lang], { n: directory.total })}</p>;
  if (directory.matches === 0)
    return (
      <p role="status">
        {fill(T.none[lang], { q })}
        <a href="/agencies">{T.showAll[lang]}</a>
        {lang === 'zh' ? '。' : '.'}
      </p>
    );
  return <p role="status">{fill(T.found[lang], { n: directory.matches, q })}</p>;
};

export const PortalAgenciesPage: FC<PortalAgenciesView> = ({ shell, directory, q }) => {
  const l = shell.lang;
  const root = directory.root;
  const filtered = q !== '';
  return (
    <PortalLayout {...shell} title={filtered ? `${T.title[l]}：${q}` : T.title[l]}>
      <Breadcrumbs lang={l} items={[{ label: SHELL.home[l], href: '/' }, { label: T.title[l] }]} />
      <h1>{T.title[l]}</h1>
      <p class="lead">{T.lead[l]}</p>
      <SearchBox
        action="/agencies"
        class="filters"
        label={T.search[l]}
        hint={T.searchHint[l]}
        button={T.submit[l]}
        showAll={T.showAll[l]}
        value={q}
        maxLength={50}
        novalidate
      />
      <Status lang={l} q={q} directory={directory} />
      {root && root.match ? (
        <section aria-labelledby="g-government">
          <h2 id="g-government">{T.government[l]}</h2>
          <ul class="tree">
            <li>
              <a href={guideHref(root.code)}>{filtered ? <mark>{root.name}</mark> : root.name}</a>
            </li>
          </ul>
        </section>
      ) : null}
      {directory.groups.map((g) => (
        <section aria-labelledby={`g-${g.key}`}>
          <h2 id={`g-${g.key}`}>{GROUP_TITLES[g.key][l]}</h2>
          <ul class="tree">
            {g.agencies.map((a) => (
              <Item node={a} filtered={filtered} />
            ))}
          </ul>
        </section>
      ))}
    </PortalLayout>
  );
};
