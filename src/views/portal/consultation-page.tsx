// One consultation on the portal: the draft (its 起草说明 and the linked document when published),
// the period with the days left and the rule applied, the ways to send an opinion, and — while it
// is open — the opinion form (no JavaScript; name and contact optional, the contact never shown).
// Its feedback report has a page of its own (ConsultationFeedbackPage).
import type { FC } from 'hono/jsx';
import type { PublicConsultation } from '../../queries/consultations.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button, ErrorSummary, Input, PostForm, TextArea, type FieldErrors } from '../components/forms.js';
import { SummaryList } from '../components/summary-list.js';
import { formatDate, SHELL } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import { FeedbackTable, periodRange, ruleText, StatusTag, typeText } from './consultation-parts.js';

export interface ConsultationView {
  shell: Omit<ShellProps, 'title'>;
  c: PublicConsultation;
  /** The form's CSRF token, when the consultation takes opinions today. */
  csrf: string | null;
  values?: Record<string, string>;
  errors?: FieldErrors;
  /** A refusal that is not about a field (closed meanwhile…). */
  problem?: string;
  sent?: boolean;
}

const crumbs = (c: { id: number; title: string }, last?: string) => [
  { label: SHELL.home.zh, href: '/' },
  { label: '意见征集', href: '/consultations' },
  ...(last ? [{ label: c.title, href: `/consultations/${c.id}` }, { label: last }] : [{ label: c.title }]),
];

export const ConsultationPublicPage: FC<ConsultationView> = (p) => {
  const c = p.c;
  return (
    <PortalLayout {...p.shell} title={c.title} hasErrors={!!p.errors || !!p.problem}>
      <ErrorSummary lang="zh" errors={p.errors} message={p.problem} />
      <Breadcrumbs lang="zh" items={crumbs(c)} />
      {p.sent ? (
        <div class="notice notice-success" role="status">
          您的意见已提交，感谢您的参与。征集结束后，我们将公布意见采纳情况。
        </div>
      ) : null}
      <h1>{c.title}</h1>
      <SummaryList
        rows={[
          { key: '状态', value: <StatusTag status={c.status} /> },
          { key: '征集机关', value: c.agency.name },
          { key: '事项类型', value: typeText(c) },
          { key: '征集期间', value: periodRange(c) },
          {
            key: '剩余天数',
            value: c.status === 'open' && c.daysLeft !== null ? `还剩 ${c.daysLeft} 天（含今天）` : null,
          },
          { key: '征求意见期限', value: ruleText(c.rule) },
          {
            key: '草案文件',
            value: c.document ? (
              <a href={`/documents/${c.document.id}`}>
                {c.document.title}
                {c.document.docNumber ? `（${c.document.docNumber}）` : ''}
              </a>
            ) : null,
          },
          { key: '电子邮箱', value: c.email },
          { key: '通信地址', value: c.postalAddress },
        ]}
      />
      {c.description ? (
        <section aria-labelledby="desc-title">
          <h2 id="desc-title">草案及起草说明</h2>
          <p class="consultation-text">{c.description}</p>
        </section>
      ) : null}
      {c.feedback ? (
        <p>
          <a class="button button-secondary" href={`/consultations/${c.id}/feedback`}>
            查看意见采纳情况
          </a>
        </p>
      ) : null}
      {p.csrf ? (
        <section aria-labelledby="form-title">
          <h2 id="form-title">提交意见</h2>
          <p class="hint">
            姓名和联系方式可以不填。公布意见采纳情况时，个人姓名只显示首尾字（例如 张*丰），联系方式不公开。
          </p>
          <PostForm action={`/consultations/${c.id}/opinions`} csrf={p.csrf}>
            <Input
              name="name"
              label="姓名或单位名称（选填）"
              value={p.values?.name}
              errors={p.errors}
              width="medium"
              autocomplete="name"
            />
            <Input
              name="contact"
              label="联系电话或电子邮箱（选填，不公开）"
              value={p.values?.contact}
              errors={p.errors}
              width="medium"
            />
            <Input
              name="clause"
              label="所涉条款（选填）"
              hint="例如 第五条"
              value={p.values?.clause}
              errors={p.errors}
              width="medium"
            />
            <TextArea name="content" label="意见内容" value={p.values?.content} errors={p.errors} rows={8} />
            <Button>提交意见</Button>
          </PostForm>
        </section>
      ) : c.status === 'upcoming' && c.opensOn ? (
        <p>本次意见征集自{formatDate('zh', c.opensOn)}开始，届时可在本页提交意见。</p>
      ) : c.status !== 'open' ? (
        <p>本次意见征集已经结束，不再接收意见。</p>
      ) : null}
    </PortalLayout>
  );
};

export interface ConsultationFeedbackView {
  shell: Omit<ShellProps, 'title'>;
  c: PublicConsultation & { feedback: NonNullable<PublicConsultation['feedback']> };
}

export const ConsultationFeedbackPage: FC<ConsultationFeedbackView> = ({ shell, c }) => {
  const title = `关于《${c.title.replace(/^关于/, '').replace(/[《》]/g, '')}》征求意见采纳情况的说明`;
  return (
    <PortalLayout {...shell} title={title}>
      <Breadcrumbs lang="zh" items={crumbs(c, '意见采纳情况')} />
      <h1>{title}</h1>
      <p class="consultation-meta">
        {c.agency.name}
        {c.feedbackPublishedAt ? ` · ${formatDate('zh', c.feedbackPublishedAt)}发布` : ''}
      </p>
      {c.feedbackSummary ? <p class="consultation-text">{c.feedbackSummary}</p> : null}
      <FeedbackTable report={c.feedback} />
    </PortalLayout>
  );
};
