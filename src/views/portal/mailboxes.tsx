// 写信: the active mailboxes grouped by kind — 领导信箱 (each leader's), 部门信箱 (each agency's) and
// 公众监督 — each linking to its page with the rules and the form.
import type { FC } from 'hono/jsx';
import { MAILBOX_KINDS, type MailboxKind } from '../../domain/letters/kinds.js';
import { MAILBOX_KIND_LABELS } from '../models/letter-labels.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import { INTERACTION_PATH, LETTER_LOOKUP_PATH, mailboxHref } from './letter-parts.js';

export interface MailboxListItem {
  code: string;
  kind: string;
  name: string;
  agencyName: string;
  leaderName: string | null;
  leaderTitle: string | null;
}

const KIND_TEXT: Record<MailboxKind, string> = {
  leader: '写给市领导的信，由市政府办公室分拣后交有关部门办理，重要事项呈领导批示。',
  agency: '写给各部门的信，由该部门办理答复。',
  supervision: '对行政机关及其工作人员的工作作风、服务质量进行监督、提出意见。',
};

export const MailboxesPage: FC<{ shell: Omit<ShellProps, 'title'>; mailboxes: MailboxListItem[] }> = ({
  shell,
  mailboxes,
}) => (
  <PortalLayout {...shell} title="写信">
    <p>
      <a href={INTERACTION_PATH}>政民互动</a>
    </p>
    <h1>写信</h1>
    <p class="lead">选择收信的信箱。每个信箱页面列出答复时限、不予受理的情形和个人信息的保护方式。</p>
    <p>
      已经写过信？<a href={LETTER_LOOKUP_PATH}>查询办理进度和答复</a>
    </p>
    {mailboxes.length === 0 ? <p>暂未开设信箱。</p> : null}
    {MAILBOX_KINDS.map((kind) => {
      const list = mailboxes.filter((m) => m.kind === kind);
      if (list.length === 0) return null;
      return (
        <section aria-labelledby={`mk-${kind}`}>
          <h2 id={`mk-${kind}`}>{MAILBOX_KIND_LABELS[kind]}</h2>
          <p class="hint">{KIND_TEXT[kind]}</p>
          <ul class="mailbox-list">
            {list.map((m) => (
              <li>
                <a href={mailboxHref(m.code)}>{m.name}</a>
                {m.leaderName || m.leaderTitle ? (
                  <span class="hint"> {[m.leaderTitle, m.leaderName].filter(Boolean).join(' ')}</span>
                ) : null}
                {kind === 'leader' || kind === 'supervision' ? (
                  <span class="hint">（{m.agencyName}办理）</span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      );
    })}
  </PortalLayout>
);
