// 答问知识库 in the back office: the items of the actor's scope with filters (state, category, words,
// the items needing attention), their feedback counts and reuse, and a link to write a new one.
import type { FC } from 'hono/jsx';
import type { QaListItem } from '../../queries/qa-admin.js';
import { FilterForm, listCaption } from '../components/filter-form.js';
import { Input, Select } from '../components/forms.js';
import { Table } from '../components/table.js';
import { formatDate } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { QA_FIELD_LABELS as F, QA_STATE_LABELS, QaFlagTags, QaStateTag } from './qa-parts.js';

export interface QaListView {
  shell: Omit<AdminShellProps, 'title'>;
  items: QaListItem[];
  truncated: boolean;
  categories: string[];
  filter: { state: string; category: string; q: string; flag: string };
  canCreate: boolean;
}

export const QaListPage: FC<QaListView> = (p) => {
  const title = '答问知识库';
  return (
    <AdminLayout {...p.shell} title={title}>
      <h1>{title}</h1>
      <p class="lead">
        政策咨询的统一问答库：发布后在门户「政策问答」栏目公开，可被检索；办理群众来信时，系统按信件内容推荐相近的答复供引用。
      </p>
      {p.canCreate ? (
        <p class="button-group">
          <a class="button button-secondary" href="/admin/qa/new">
            新建问答
          </a>
        </p>
      ) : null}
      <FilterForm action="/admin/qa">
        <Input name="q" label="问题中的文字" value={p.filter.q} width="medium" />
        <Select
          name="state"
          label={F.state}
          value={p.filter.state}
          options={Object.entries(QA_STATE_LABELS).map(([value, label]) => ({ value, label }))}
          includeBlank="全部"
        />
        <Select
          name="category"
          label={F.category}
          value={p.filter.category}
          options={p.categories.map((c) => ({ value: c, label: c }))}
          includeBlank="全部"
        />
        <Select
          name="flag"
          label="需要处理"
          value={p.filter.flag}
          options={[
            { value: 'review', label: '已过复核日期' },
            { value: 'document', label: '依据文件已失效' },
          ]}
          includeBlank="全部"
        />
      </FilterForm>
      {p.items.length === 0 ? (
        <p>没有符合条件的问答。</p>
      ) : (
        <Table
          caption={listCaption(p.items.length, p.truncated, '条')}
          head={[
            F.question,
            F.category,
            F.state,
            F.agencyId,
            F.reviewBy,
            F.helpful,
            F.reuseCount,
            F.updatedAt,
          ]}
          rows={p.items.map((i) => [
            <>
              <a href={`/admin/qa/${i.id}`}>{i.question}</a> <QaFlagTags flags={i.flags} />
            </>,
            i.category,
            <QaStateTag state={i.state} />,
            i.agencyName,
            i.reviewBy ? <span class="nowrap">{formatDate('zh', i.reviewBy)}</span> : '—',
            <span class="nowrap">{`${i.helpfulYes} / ${i.helpfulNo}`}</span>,
            String(i.reuseCount),
            <span class="nowrap">{formatDate('zh', i.updatedAt)}</span>,
          ])}
        />
      )}
    </AdminLayout>
  );
};
