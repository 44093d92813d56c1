// 意见征集 on the portal: the consultations open now, those closed, and those with their feedback
// report published.
import type { FC } from 'hono/jsx';
import type { ConsultationSummary } from '../../queries/consultations.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { formatDate, SHELL } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import { periodRange, StatusTag, typeText } from './consultation-parts.js';

export interface ConsultationsView {
  shell: Omit<ShellProps, 'title'>;
  items: ConsultationSummary[];
}

const TITLE = '意见征集';

const Item: FC<{ c: ConsultationSummary }> = ({ c }) => (
  <li class="consultation-item">
    <h3>
      <a href={`/consultations/${c.id}`}>{c.title}</a>
    </h3>
    <p class="consultation-meta">
      <StatusTag status={c.status} /> {c.agency.name} · {typeText(c)} · 征集期间 {periodRange(c)}
      {c.status === 'feedback_published' || c.status === 'closed' || c.status === 'ended'
        ? ` · 收到意见 ${c.opinions} 条`
        : ''}
    </p>
    {c.status === 'feedback_published' ? (
      <p>
        <a href={`/consultations/${c.id}/feedback`}>
          意见采纳情况
          {c.feedbackPublishedAt ? `（${formatDate('zh', c.feedbackPublishedAt)}发布）` : ''}
        </a>
      </p>
    ) : null}
  </li>
);

const Group: FC<{ id: string; title: string; items: ConsultationSummary[]; empty: string }> = (p) => (
  <section aria-labelledby={p.id}>
    <h2 id={p.id}>
      {p.title}（{p.items.length}）
    </h2>
    {p.items.length === 0 ? (
      <p>{p.empty}</p>
    ) : (
      <ul class="consultation-list">
        {p.items.map((c) => (
          <Item c={c} />
        ))}
      </ul>
    )}
  </section>
);

export const ConsultationsPage: FC<ConsultationsView> = (p) => {
  const open = p.items.filter((c) => c.status === 'open' || c.status === 'upcoming');
  const closed = p.items.filter((c) => c.status === 'ended' || c.status === 'closed');
  const done = p.items.filter((c) => c.status === 'feedback_published');
  return (
    <PortalLayout {...p.shell} title={TITLE}>
      <Breadcrumbs lang="zh" items={[{ label: SHELL.home.zh, href: '/' }, { label: TITLE }]} />
      <h1>{TITLE}</h1>
      <p>
        规章、行政规范性文件和重大行政决策草案在此公开征求意见。征集期内可在网上提交意见，也可按各征集公告所列的电子邮箱或通信地址寄送；征集结束后公布意见采纳情况。
      </p>
      <Group id="open-title" title="正在征集" items={open} empty="目前没有正在征集意见的草案。" />
      <Group id="closed-title" title="征集结束" items={closed} empty="暂无。" />
      <Group id="feedback-title" title="已公布采纳情况" items={done} empty="暂无。" />
    </PortalLayout>
  );
};
