// 机构管理: the agency tree of the actor's subtree.
import type { FC } from 'hono/jsx';
import type { AgencyNode } from '../../queries/agencies.js';
import type { Lang } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { ACTIVE_LABELS } from '../models/admin-labels.js';

const T = {
  title: { zh: '机构管理', en: 'Agencies' },
  intro: {
    zh: '以下是您管辖范围内的机构。点击机构名称查看详情、编辑或新增下级机构。',
    en: 'The agencies in your scope. Open one to see its details, edit it or add a subordinate agency.',
  },
  none: { zh: '您的管辖范围内没有机构。', en: 'There are no agencies in your scope.' },
  count: { zh: '共 {n} 个机构', en: '{n} agencies' },
};

export interface AgencyListView {
  shell: Omit<AdminShellProps, 'title'>;
  roots: AgencyNode[];
  count: number;
}

const Nodes: FC<{ lang: Lang; nodes: AgencyNode[]; root?: boolean }> = ({ lang, nodes, root }) => (
  <ul class={root ? 'tree' : undefined}>
    {nodes.map((n) => (
      <li>
        <a href={`/admin/agencies/${n.id}`}>{n.name}</a> <span class="hint-inline">{n.code}</span>
        {n.active ? null : <span class="tag tag-grey">{ACTIVE_LABELS.false[lang]}</span>}
        {n.children.length ? <Nodes lang={lang} nodes={n.children} /> : null}
      </li>
    ))}
  </ul>
);

export const AgencyListPage: FC<AgencyListView> = ({ shell, roots, count }) => {
  const l = shell.lang;
  return (
    <AdminLayout {...shell} title={T.title[l]}>
      <h1>{T.title[l]}</h1>
      <p class="lead">{T.intro[l]}</p>
      {roots.length === 0 ? (
        <p>{T.none[l]}</p>
      ) : (
        <>
          <p>{T.count[l].replace('{n}', String(count))}</p>
          <Nodes lang={l} nodes={roots} root />
        </>
      )}
    </AdminLayout>
  );
};
