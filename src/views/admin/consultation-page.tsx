// One consultation in the back office: what it is and the rule applied, the steps the actor may take
// (edit the draft, open, close after the last day, publish the feedback report), the form that
// enters an opinion received by e-mail, letter, phone or at a meeting, and every opinion with its
// decision form (adopted / partly / not adopted, a reason unless adopted).
import type { FC } from 'hono/jsx';
import {
  ADOPTION_LABELS,
  CHANNEL_LABELS,
  DECISIONS,
  STAFF_CHANNELS,
} from '../../domain/consultations/index.js';
import type { ConsultationDetail, StaffOpinion } from '../../queries/consultations.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import {
  Button,
  ErrorSummary,
  fieldId,
  Input,
  PostForm,
  Select,
  TextArea,
  type FieldErrors,
} from '../components/forms.js';
import { SummaryList } from '../components/summary-list.js';
import { formatDate, formatDateTime } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { AdoptionTag, periodRange, ruleText, StatusTag, typeText } from '../portal/consultation-parts.js';

export type ConsultationDone =
  'created' | 'updated' | 'opened' | 'closed' | 'published' | 'entered' | 'decided';

const DONE: Record<ConsultationDone, string> = {
  created: '草稿已保存。',
  updated: '已保存。',
  opened: '已开始征集，门户网站已公布。',
  closed: '征集已结束。请对每条意见作出采纳决定，然后发布意见采纳情况。',
  published: '意见采纳情况已发布。',
  entered: '意见已登记。',
  decided: '采纳决定已保存。',
};

export interface ConsultationPageView {
  shell: Omit<AdminShellProps, 'title'>;
  c: ConsultationDetail;
  opinions: StaffOpinion[];
  canEdit: boolean;
  canPublish: boolean;
  done?: ConsultationDone;
  /** A refused step (the period, a state, a stale page), shown at the top. */
  problem?: string;
  /** Errors of the opinion entry form. */
  errors?: FieldErrors;
  values?: Record<string, string>;
  /** Errors of one opinion's decision form. */
  decision?: { opinionId: number; errors: FieldErrors; values: Record<string, string> };
  /** What still blocks the feedback report. */
  blockers: string[];
}

const StepForm: FC<{
  action: string;
  csrf: string;
  version: number;
  label: string;
  variant?: 'secondary';
}> = (p) => (
  <PostForm action={p.action} csrf={p.csrf} class="inline-form">
    <input type="hidden" name="version" value={String(p.version)} />
    <Button variant={p.variant}>{p.label}</Button>
  </PostForm>
);

const DecisionForm: FC<{
  o: StaffOpinion;
  csrf: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}> = ({ o, csrf, errors, values }) => {
  const decisionId = fieldId(`decision-${o.id}`);
  const reasonId = fieldId(`reason-${o.id}`);
  const error = errors?.reason ?? errors?.decision ?? errors?._form;
  const decision = values?.decision ?? (o.adoption === 'pending' ? '' : o.adoption);
  return (
    <PostForm
      action={`/admin/consultations/opinions/${o.id}/decide`}
      csrf={csrf}
      class="consultation-decision"
    >
      <input type="hidden" name="was" value={o.adoption} />
      {error ? (
        <p class="error-message" id={`${reasonId}-error`}>
          <span class="visually-hidden">错误：</span>
          {error}
        </p>
      ) : null}
      <label for={decisionId}>是否采纳</label>
      <select id={decisionId} name="decision" class="select">
        <option value="">请选择</option>
        {DECISIONS.map((d) => (
          <option value={d} selected={decision === d}>
            {ADOPTION_LABELS[d]}
          </option>
        ))}
      </select>
      <label for={reasonId}>理由（采纳的可不填）</label>
      <textarea
        id={reasonId}
        name="reason"
        rows={2}
        class="textarea"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${reasonId}-error` : undefined}
      >
        {values?.reason ?? o.reason ?? ''}
      </textarea>
      <Button variant="secondary">保存决定</Button>
    </PostForm>
  );
};

export const ConsultationPage: FC<ConsultationPageView> = (p) => {
  const c = p.c;
  const csrf = p.shell.csrf ?? '';
  const canDecide = p.canEdit && (c.state === 'open' || c.state === 'closed');
  const summaryErrors: FieldErrors = {
    ...(p.errors ?? {}),
    ...(p.decision ? { [`reason-${p.decision.opinionId}`]: Object.values(p.decision.errors)[0] ?? '' } : {}),
  };
  const hasErrors = Object.keys(summaryErrors).length > 0;
  return (
    <AdminLayout {...p.shell} title={c.title} hasErrors={hasErrors || !!p.problem}>
      <ErrorSummary lang="zh" errors={hasErrors ? summaryErrors : undefined} message={p.problem} />
      <Breadcrumbs
        lang="zh"
        items={[{ label: '意见征集', href: '/admin/consultations' }, { label: c.title }]}
      />
      {p.done ? (
        <div class="notice notice-success" role="status">
          {DONE[p.done]}
        </div>
      ) : null}
      <h1>{c.title}</h1>
      <SummaryList
        rows={[
          { key: '状态', value: <StatusTag status={c.status} /> },
          { key: '征集机关', value: c.agency.name },
          { key: '事项类型', value: typeText(c) },
          { key: '最短期限', value: ruleText(c.rule) },
          { key: '征集期间', value: periodRange(c) },
          { key: '剩余天数', value: c.daysLeft === null ? null : `${c.daysLeft} 天（含今天）` },
          {
            key: '关联文件',
            value: c.document ? (
              <a href={`/admin/documents/${c.document.id}`}>
                {c.document.title}
                {c.document.docNumber ? `（${c.document.docNumber}）` : ''}
              </a>
            ) : null,
          },
          { key: '接收意见的电子邮箱', value: c.email },
          { key: '接收意见的通信地址', value: c.postalAddress },
          { key: '创建', value: `${c.createdBy ?? '系统'}，${formatDateTime('zh', c.createdAt)}` },
          {
            key: '意见采纳情况发布',
            value: c.feedbackPublishedAt ? (
              <a href={`/consultations/${c.id}/feedback`}>{formatDateTime('zh', c.feedbackPublishedAt)}</a>
            ) : null,
          },
        ]}
      />
      {c.description ? (
        <section aria-labelledby="desc-title">
          <h2 id="desc-title">起草说明</h2>
          <p class="consultation-text">{c.description}</p>
        </section>
      ) : null}
      <div class="button-group">
        {c.state === 'draft' && p.canEdit ? (
          <a class="button button-secondary" href={`/admin/consultations/${c.id}/edit`}>
            修改草稿
          </a>
        ) : null}
        {c.state === 'draft' && p.canPublish ? (
          <StepForm
            action={`/admin/consultations/${c.id}/open`}
            csrf={csrf}
            version={c.version}
            label="开始征集"
          />
        ) : null}
        {c.state === 'open' && p.canPublish ? (
          <StepForm
            action={`/admin/consultations/${c.id}/close`}
            csrf={csrf}
            version={c.version}
            label="结束征集"
            variant="secondary"
          />
        ) : null}
        {c.state !== 'draft' ? <a href={`/consultations/${c.id}`}>查看门户网站页面</a> : null}
      </div>
      {c.state === 'closed' && p.canPublish ? (
        <section aria-labelledby="publish-title">
          <h2 id="publish-title">发布意见采纳情况</h2>
          {p.blockers.length ? (
            <ul class="notice notice-warning">
              {p.blockers.map((b) => (
                <li>{b}</li>
              ))}
            </ul>
          ) : null}
          <PostForm action={`/admin/consultations/${c.id}/feedback`} csrf={csrf}>
            <input type="hidden" name="version" value={String(c.version)} />
            <TextArea
              name="feedbackSummary"
              label="采纳情况说明（选填）"
              hint="与意见采纳情况表一并公布，例如对主要意见的总体说明。"
              value={c.feedbackSummary}
              rows={4}
            />
            <Button>发布意见采纳情况</Button>
          </PostForm>
        </section>
      ) : null}
      {c.state !== 'draft' ? (
        <section aria-labelledby="opinions-title">
          <h2 id="opinions-title">收到的意见（{p.opinions.length} 条）</h2>
          {p.opinions.length === 0 ? <p>还没有收到意见。</p> : null}
          <ol class="consultation-opinions">
            {p.opinions.map((o) => (
              <li id={`opinion-${o.id}`}>
                <p class="consultation-meta">
                  <span class="nowrap">{formatDate('zh', o.receivedOn)}</span> · {CHANNEL_LABELS[o.channel]} ·{' '}
                  {o.authorName ? `${o.authorName}（公开时显示为 ${o.authorNameMasked}）` : '匿名'}
                  {o.hasContact ? ' · 留有联系方式' : ''}
                  {o.enteredBy ? ` · ${o.enteredBy} 登记` : ''}
                </p>
                {o.clause ? <p class="consultation-clause">关于{o.clause}：</p> : null}
                <p class="consultation-text">{o.content}</p>
                <p>
                  <AdoptionTag adoption={o.adoption} />
                  {o.reason ? ` 理由：${o.reason}` : ''}
                  {o.decidedBy ? `（${o.decidedBy}）` : ''}
                </p>
                {canDecide ? (
                  <DecisionForm
                    o={o}
                    csrf={csrf}
                    errors={p.decision?.opinionId === o.id ? p.decision.errors : undefined}
                    values={p.decision?.opinionId === o.id ? p.decision.values : undefined}
                  />
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {canDecide ? (
        <section aria-labelledby="enter-title">
          <h2 id="enter-title">登记收到的意见</h2>
          <p>通过电子邮件、信函、电话或座谈会收到的意见，在此登记后与网上提交的意见一并处理。</p>
          <PostForm action={`/admin/consultations/${c.id}/opinions`} csrf={csrf}>
            <Select
              name="channel"
              label="收到方式"
              value={p.values?.channel}
              options={STAFF_CHANNELS.map((ch) => ({ value: ch, label: CHANNEL_LABELS[ch] }))}
              errors={p.errors}
              includeBlank="请选择"
            />
            <Input
              name="receivedOn"
              label="收到日期"
              hint="格式：年-月-日"
              value={p.values?.receivedOn}
              errors={p.errors}
              width="short"
            />
            <Input
              name="name"
              label="反馈人姓名或单位名称（选填）"
              hint="公开时个人姓名只显示首尾字，例如 张*丰"
              value={p.values?.name}
              errors={p.errors}
              width="medium"
            />
            <Input
              name="contact"
              label="联系方式（选填，不公开）"
              value={p.values?.contact}
              errors={p.errors}
              width="medium"
            />
            <Input
              name="clause"
              label="所涉条款（选填）"
              value={p.values?.clause}
              errors={p.errors}
              width="medium"
            />
            <TextArea name="content" label="意见内容" value={p.values?.content} errors={p.errors} rows={5} />
            <Button>登记意见</Button>
          </PostForm>
        </section>
      ) : null}
    </AdminLayout>
  );
};
