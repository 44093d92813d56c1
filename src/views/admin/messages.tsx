// 消息: the actor's own messages (reminders of due and overdue applications) and, for who handles
// applications, the messages to applicants that were not sent (held or failed), addresses masked.
import type { FC } from 'hono/jsx';
import type { MessageItem, MessagesPage } from '../../queries/messages.js';
import { formatDateTime } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { MESSAGE_STATUS_LABELS, messageTopicLabel } from '../models/message-labels.js';

export type MessagesDone = 'read' | 'allRead';

export interface MessagesView {
  shell: Omit<AdminShellProps, 'title'>;
  page: MessagesPage;
  done?: MessagesDone;
}

const DONE: Record<MessagesDone, string> = {
  read: '已标记为已读。',
  allRead: '全部消息已标记为已读。',
};

const STATUS_TAG: Record<MessageItem['status'], string> = {
  pending: 'tag tag-amber',
  sent: 'tag tag-green',
  failed: 'tag tag-red',
  held: 'tag tag-grey',
};

const ReadButton: FC<{ id: number; csrf: string; subject: string }> = (p) => (
  <form method="post" action={`/admin/messages/${p.id}/read`} class="inline-form">
    <input type="hidden" name="_csrf" value={p.csrf} />
    <button type="submit" class="button button-secondary" aria-label={`将「${p.subject}」标记为已读`}>
      标记为已读
    </button>
  </form>
);

const Message: FC<{ m: MessageItem; csrf: string; applicant: boolean }> = ({ m, csrf, applicant }) => (
  <article class="card">
    <h3>
      {m.readAt ? null : <span class="tag tag-amber">未读</span>} {m.subject}
    </h3>
    <p class="hint">
      {messageTopicLabel(m.topic)} · <span class="nowrap">{formatDateTime('zh', m.createdAt)}</span>
      {m.agencyName ? ` · ${m.agencyName}` : ''}
    </p>
    {applicant ? (
      <p>
        收件人：{m.recipient ?? '申请人未留电子邮箱'} · 状态：
        <span class={STATUS_TAG[m.status]}>{MESSAGE_STATUS_LABELS[m.status]}</span>
        {m.lastError && m.status === 'failed' ? `（${m.lastError}）` : ''}
      </p>
    ) : null}
    {m.body.split('\n').map((line) => (
      <p>{line}</p>
    ))}
    {m.application ? (
      <p>
        <a href={`/admin/applications/${m.application.id}`}>查看申请 {m.application.trackingNumber}</a>
      </p>
    ) : null}
    {m.readAt ? null : <ReadButton id={m.id} csrf={csrf} subject={m.subject} />}
  </article>
);

export const MessagesPageView: FC<MessagesView> = (p) => {
  const csrf = p.shell.csrf ?? '';
  const { mine, unread, applicants } = p.page;
  return (
    <AdminLayout {...p.shell} title="消息">
      <h1>消息</h1>
      {p.done ? (
        <div class="notice notice-success" role="status">
          {DONE[p.done]}
        </div>
      ) : null}
      <section aria-labelledby="mine-title">
        <h2 id="mine-title">我的消息{unread > 0 ? `（${unread} 条未读）` : ''}</h2>
        <p class="hint">
          答复期限临近（3个工作日内）和已逾期的申请提醒会发到这里：已分配的申请提醒承办人，未分配的提醒本机关的承办人员和负责人。
        </p>
        {unread > 0 ? (
          <form method="post" action="/admin/messages/read-all" class="inline-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <button type="submit" class="button button-secondary">
              全部标记为已读
            </button>
          </form>
        ) : null}
        {mine.length === 0 ? (
          <p>没有消息。</p>
        ) : (
          mine.map((m) => <Message m={m} csrf={csrf} applicant={false} />)
        )}
      </section>
      {applicants ? (
        <section aria-labelledby="applicants-title">
          <h2 id="applicants-title">未发出的申请人通知</h2>
          <p class="hint">
            以下通知没有通过电子邮件发给申请人（未配置邮件服务器、申请人未留电子邮箱或发送失败）。请通过电话、邮寄或在线查询等其他方式告知申请人，处理后标记为已读。
          </p>
          {applicants.length === 0 ? (
            <p>没有未发出的申请人通知。</p>
          ) : (
            applicants.map((m) => <Message m={m} csrf={csrf} applicant={true} />)
          )}
        </section>
      ) : null}
    </AdminLayout>
  );
};
