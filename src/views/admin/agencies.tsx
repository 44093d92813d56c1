// 机构管理: the agency tree of the actor's subtree.
import type { FC } from 'hono/jsx';
import type { AgencyNode } from '../../queries/agencies.js';
import type { Lang } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { ACTIVE_LABELS } from '../models/admin-labels.js';
import { filterAgencyTree } from '../models/agency-tree.js';
import { SearchBox } from '../components/search-box.js';

const T = {
  title: { zh: '机构管理', en: 'Agencies' },
  intro: {
    zh: '以下是您管辖范围内的机构。点击机构名称查看详情、编辑或新增下级机构。',
    en: 'The agencies in your scope. Open one to see its details, edit it or add a subordinate agency.',
  },
  none: { zh: '您的管辖范围内没有机构。', en: 'There are no agencies in your scope.' },
  count: { zh: '共 {n} 个机构', en: '{n} agencies' },
  gapsTitle: {
    zh: '有机构的政府信息公开指南缺少联系信息',
    en: 'Some disclosure guides lack contact details',
  },
  gaps: {
    zh: '{n} 个机构的指南缺少《政府信息公开条例》第十二条要求的联系信息（工作机构名称、办公地址、办公时间、联系电话、传真号码或互联网联系方式），已在下方标出。',
    en: '{n} agencies’ guides lack contact details that Article 12 of the Regulations requires; they are marked below.',
  },
  gapTag: { zh: '指南缺联系信息', en: 'Guide lacks contacts' },
  search: { zh: '查找机构', en: 'Find an agency' },
  searchHint: { zh: '机构名称、简称或代码中的字词，例如：财政', en: 'Words of the name, short name or code' },
  find: { zh: '查找', en: 'Find' },
  showAll: { zh: '显示全部机构', en: 'Show all agencies' },
  found: {
    zh: '名称或代码含「{q}」的机构共 {n} 个（其上级机构一并列出，以便查看所在位置）：',
    en: '{n} agencies match “{q}” (shown with the agencies above them):',
  },
  notFound: { zh: '没有名称或代码含「{q}」的机构。', en: 'No agency matches “{q}”.' },
};

export interface AgencyListView {
  shell: Omit<AdminShellProps, 'title'>;
  roots: AgencyNode[];
  count: number;
  /** Agency id → the 第十二条 contact items its 指南 lacks (only agencies with gaps). */
  guideGaps: Map<number, string[]>;
  /** What was typed into the search box (?q=); empty shows the whole tree. */
  query?: string;
}

const Nodes: FC<{
  lang: Lang;
  nodes: AgencyNode[];
  gaps: Map<number, string[]>;
  root?: boolean;
  /** Ids of the agencies a search found (highlighted); absent when not searching. */
  matched?: Set<number>;
}> = ({ lang, nodes, gaps, root, matched }) => (
  <ul class={root ? 'tree' : undefined}>
    {nodes.map((n) => {
      const missing = gaps.get(n.id);
      return (
        <li>
          <a href={`/admin/agencies/${n.id}`}>{matched?.has(n.id) ? <mark>{n.name}</mark> : n.name}</a>{' '}
          <span class="hint-inline">{n.code}</span>
          {n.active ? null : <span class="tag tag-grey">{ACTIVE_LABELS.false[lang]}</span>}
          {missing ? (
            <span class="tag tag-amber" title={missing.join('、')}>
              {T.gapTag[lang]}
            </span>
          ) : null}
          {n.children.length ? <Nodes lang={lang} nodes={n.children} gaps={gaps} matched={matched} /> : null}
        </li>
      );
    })}
  </ul>
);

export const AgencyListPage: FC<AgencyListView> = ({ shell, roots, count, guideGaps, query = '' }) => {
  const l = shell.lang;
  const found = query ? filterAgencyTree(roots, query) : null;
  return (
    <AdminLayout {...shell} title={T.title[l]}>
      <h1>{T.title[l]}</h1>
      <p class="lead">{T.intro[l]}</p>
      {roots.length === 0 ? (
        <p>{T.none[l]}</p>
      ) : (
        <>
          {guideGaps.size ? (
            <div class="notice notice-warning" role="status">
              <h2 class="notice-title">{T.gapsTitle[l]}</h2>
              <p>{T.gaps[l].replace('{n}', String(guideGaps.size))}</p>
            </div>
          ) : null}
          <SearchBox
            action="/admin/agencies"
            class="agency-search"
            label={T.search[l]}
            hint={T.searchHint[l]}
            button={T.find[l]}
            showAll={T.showAll[l]}
            value={query}
          />
          {found ? (
            found.matched.size ? (
              <>
                <p role="status">
                  {T.found[l].replace('{q}', query).replace('{n}', String(found.matched.size))}
                </p>
                <Nodes lang={l} nodes={found.roots} gaps={guideGaps} matched={found.matched} root />
              </>
            ) : (
              <p role="status">{T.notFound[l].replace('{q}', query)}</p>
            )
          ) : (
            <>
              <p>{T.count[l].replace('{n}', String(count))}</p>
              <Nodes lang={l} nodes={roots} gaps={guideGaps} root />
            </>
          )}
        </>
      )}
    </AdminLayout>
  );
};
