// One Q&A item in the back office: its text, the documents it rests on (with their 有效性: an item
// whose document is no longer in force is flagged), the feedback of the portal's readers, how often
// letters reused it, and the steps the actor may take (修改, 发布, 撤回).
import type { FC } from 'hono/jsx';
import type { QaDetail } from '../../queries/qa-admin.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button, Input, PostForm } from '../components/forms.js';
import { SummaryList } from '../components/summary-list.js';
import { formatDate, formatDateTime } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { QA_FIELD_LABELS as F, QaStateTag } from './qa-parts.js';

export type QaDone = 'created' | 'updated' | 'published' | 'withdrawn';

const DONE: Record<QaDone, string> = {
  created: '问答已保存为草稿。',
  updated: '问答已保存。',
  published: '问答已发布，门户「政策问答」栏目中可以看到。',
  withdrawn: '问答已撤回，门户中不再显示。',
};

const VALIDITY: Record<string, string> = {
  pending: '尚未生效',
  effective: '有效',
  amended: '已修改',
  partly_invalid: '部分失效',
  expired: '失效',
  abolished: '废止',
};

export const QaDetailPage: FC<{
  shell: Omit<AdminShellProps, 'title'>;
  item: QaDetail;
  canEdit: boolean;
  canPublish: boolean;
  done?: QaDone;
  problem?: string;
}> = ({ shell, item, canEdit, canPublish, done, problem }) => {
  const csrf = shell.csrf ?? '';
  return (
    <AdminLayout {...shell} title={item.question}>
      <Breadcrumbs lang="zh" items={[{ label: '答问知识库', href: '/admin/qa' }, { label: '问答' }]} />
      <h1>{item.question}</h1>
      {done ? (
        <div class="notice notice-success" role="status">
          {DONE[done]}
        </div>
      ) : null}
      {problem ? (
        <div class="notice notice-warning" role="alert">
          {problem}
        </div>
      ) : null}
      {item.flags.reviewOverdue ? (
        <div class="notice notice-warning">
          已过复核日期（{formatDate('zh', item.reviewBy)}）：请核对答复是否仍然准确，修改后更新复核日期。
        </div>
      ) : null}
      {item.flags.documentNotEffective ? (
        <div class="notice notice-warning">依据的文件已不再有效或已撤回：请核对答复，必要时修改或撤回。</div>
      ) : null}
      <SummaryList
        rows={[
          { key: F.state, value: <QaStateTag state={item.state} /> },
          { key: F.category, value: item.category },
          { key: F.agencyId, value: item.agency.name },
          {
            key: F.altQuestions,
            value:
              item.altQuestions.length === 0 ? null : (
                <ul class="plain-list">
                  {item.altQuestions.map((q) => (
                    <li>{q}</li>
                  ))}
                </ul>
              ),
          },
          { key: F.reviewBy, value: item.reviewBy ? formatDate('zh', item.reviewBy) : null },
          { key: F.publishedAt, value: item.publishedAt ? formatDateTime('zh', item.publishedAt) : null },
          { key: F.updatedAt, value: formatDateTime('zh', item.updatedAt) },
          { key: '有用', value: `${item.helpfulYes} 人` },
          { key: '没用', value: `${item.helpfulNo} 人` },
          { key: F.reuseCount, value: `${item.reuseCount} 次` },
        ]}
      />
      <h2>{F.answer}</h2>
      <div class="qa-answer">
        {item.answer.split(/\n\s*\n/).map((para) => (
          <p>{para}</p>
        ))}
      </div>
      <h2>{F.documents}</h2>
      {item.documents.length === 0 ? (
        <p>未关联文件。</p>
      ) : (
        <ul>
          {item.documents.map((d) => (
            <li>
              <a href={`/admin/documents/${d.id}`}>{d.title}</a>
              {d.docNumber ? `（${d.docNumber}）` : ''}{' '}
              {d.state !== 'published' ? (
                <span class="tag tag-red">已撤回</span>
              ) : (
                <span
                  class={`tag ${d.validity === 'effective' ? 'tag-green' : d.validity === 'pending' ? 'tag-grey' : 'tag-red'}`}
                >
                  {VALIDITY[d.validity] ?? d.validity}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>读者留言</h2>
      {item.comments.length === 0 ? (
        <p>暂无留言。</p>
      ) : (
        <ul class="qa-comments">
          {item.comments.map((c) => (
            <li>
              <span class="nowrap">{formatDateTime('zh', c.createdAt)}</span>{' '}
              <span class={`tag ${c.helpful ? 'tag-green' : 'tag-grey'}`}>{c.helpful ? '有用' : '没用'}</span>{' '}
              {c.comment}
            </li>
          ))}
        </ul>
      )}
      {canEdit || canPublish ? <h2>操作</h2> : null}
      {canEdit ? (
        <p>
          <a class="button button-secondary" href={`/admin/qa/${item.id}/edit`}>
            修改
          </a>
        </p>
      ) : null}
      {canPublish && item.state !== 'published' ? (
        <PostForm action={`/admin/qa/${item.id}/publish`} csrf={csrf}>
          <input type="hidden" name="version" value={String(item.version)} />
          <Button>{item.state === 'withdrawn' ? '重新发布' : '发布'}</Button>
        </PostForm>
      ) : null}
      {canPublish && item.state === 'published' ? (
        <PostForm action={`/admin/qa/${item.id}/withdraw`} csrf={csrf}>
          <input type="hidden" name="version" value={String(item.version)} />
          <Input name="reason" label="撤回原因（可不填）" width="long" />
          <Button variant="warning">撤回</Button>
        </PostForm>
      ) : null}
    </AdminLayout>
  );
};
