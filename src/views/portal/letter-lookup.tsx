// 留言查询: with the tracking number and the query code (a POST: the code is never in an address),
// the writer sees the state, the due date, the reply with its date and answering unit, and — once
// replied — rates the answer (满意度). A wrong code and an unknown number get the same answer.
import { CaseHistory } from '../components/case-history.js';
import type { FC } from 'hono/jsx';
import { SATISFACTIONS } from '../../domain/letters/kinds.js';
import { ErrorSummary, Input, PostForm, TextArea, type FieldErrors } from '../components/forms.js';
import { formatDate } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import { SATISFACTION_LABELS } from '../models/letter-labels.js';
import { Radios } from './apply-parts.js';
import { LETTER_LOOKUP_PATH, LETTER_RATE_PATH, MAILBOXES_PATH } from './letter-parts.js';

/** The same words for an unknown number and a wrong code: no hint which of the two was wrong. */
export const LETTER_LOOKUP_NOT_FOUND = '留言编号或查询码不正确，请核对后重新输入。';

const SATISFACTION_OPTIONS = SATISFACTIONS.map((s) => ({ value: s, label: SATISFACTION_LABELS[s] }));

export const LetterLookupPage: FC<{
  shell: Omit<ShellProps, 'title'>;
  csrf: string;
  trackingNumber?: string;
  errors?: FieldErrors;
  message?: string;
}> = (p) => {
  const hasErrors = Boolean((p.errors && Object.keys(p.errors).length) || p.message);
  return (
    <PortalLayout {...p.shell} title="留言查询" hasErrors={hasErrors}>
      <ErrorSummary lang="zh" errors={p.errors} message={p.message} />
      <h1>留言查询</h1>
      <p class="lead">输入留言编号和查询码，查看办理状态、答复期限和答复内容。</p>
      <PostForm action={LETTER_LOOKUP_PATH} csrf={p.csrf} class="lookup-form">
        <Input
          name="trackingNumber"
          label="留言编号"
          hint="提交留言时页面显示的编号"
          value={p.trackingNumber}
          errors={p.errors}
          autocomplete="off"
          width="medium"
        />
        <Input name="queryCode" label="查询码" value="" errors={p.errors} autocomplete="off" width="medium" />
        <div class="button-group">
          <button type="submit" class="button button-primary">
            查询
          </button>
        </div>
      </PostForm>
      <p>
        还没有写信？<a href={MAILBOXES_PATH}>写信</a>
      </p>
    </PortalLayout>
  );
};

export interface LetterLookupResult {
  trackingNumber: string;
  mailboxName: string;
  kindLabel: string;
  title: string;
  content: string;
  receivedOn: string;
  stateLabel: string;
  open: boolean;
  dueDate: string | null;
  replyText: string | null;
  repliedOn: string | null;
  replyAgencyName: string | null;
  satisfactionLabel: string | null;
  canRate: boolean;
  /** The steps the writer is told of, in order. */
  history: { on: string; label: string }[];
}

export const LetterLookupResultPage: FC<{
  shell: Omit<ShellProps, 'title'>;
  csrf: string;
  credentials: { trackingNumber: string; queryCode: string };
  result: LetterLookupResult;
  /** After a rating: the thanks; or the rating form's problems. */
  rated?: boolean;
  errors?: FieldErrors;
  values?: { satisfaction?: string; comment?: string };
}> = ({ shell, csrf, credentials, result: r, rated, errors, values }) => (
  <PortalLayout
    {...shell}
    title={`留言 ${r.trackingNumber} 的办理情况`}
    hasErrors={Boolean(errors && Object.keys(errors).length)}
  >
    <ErrorSummary lang="zh" errors={errors} />
    {rated ? (
      <div class="notice notice-success" role="status">
        <p>感谢您的评价。</p>
      </div>
    ) : null}
    <h1>留言 {r.trackingNumber} 的办理情况</h1>
    <dl class="summary-list">
      <div class="summary-row">
        <dt>信箱</dt>
        <dd>{r.mailboxName}</dd>
      </div>
      <div class="summary-row">
        <dt>留言类型</dt>
        <dd>{r.kindLabel}</dd>
      </div>
      <div class="summary-row">
        <dt>提交日期</dt>
        <dd class="nowrap">{formatDate('zh', r.receivedOn)}</dd>
      </div>
      <div class="summary-row">
        <dt>办理状态</dt>
        <dd>
          <strong id="letter-state">{r.stateLabel}</strong>
        </dd>
      </div>
      {r.open ? (
        <div class="summary-row">
          <dt>答复期限</dt>
          <dd>
            {r.dueDate ? (
              <strong class="due-date" id="due-date">
                {formatDate('zh', r.dueDate)}
              </strong>
            ) : (
              '受理后计算'
            )}
          </dd>
        </div>
      ) : null}
      <div class="summary-row">
        <dt>标题</dt>
        <dd>{r.title}</dd>
      </div>
      <div class="summary-row">
        <dt>留言内容</dt>
        <dd class="pre-line">{r.content}</dd>
      </div>
    </dl>
    {r.history.length > 0 ? <CaseHistory steps={r.history} /> : null}
    {r.replyText ? (
      <section aria-labelledby="s-reply">
        <h2 id="s-reply">答复</h2>
        <dl class="summary-list">
          <div class="summary-row">
            <dt>答复单位</dt>
            <dd>{r.replyAgencyName ?? '—'}</dd>
          </div>
          <div class="summary-row">
            <dt>答复日期</dt>
            <dd class="nowrap">{r.repliedOn ? formatDate('zh', r.repliedOn) : '—'}</dd>
          </div>
          <div class="summary-row">
            <dt>答复内容</dt>
            <dd class="pre-line" id="reply-text">
              {r.replyText}
            </dd>
          </div>
          {r.satisfactionLabel ? (
            <div class="summary-row">
              <dt>您的评价</dt>
              <dd id="satisfaction">{r.satisfactionLabel}</dd>
            </div>
          ) : null}
        </dl>
      </section>
    ) : null}
    {r.canRate ? (
      <section aria-labelledby="s-rate">
        <h2 id="s-rate">满意度评价</h2>
        <PostForm action={LETTER_RATE_PATH} csrf={csrf} class="rate-form">
          <input type="hidden" name="trackingNumber" value={credentials.trackingNumber} />
          <input type="hidden" name="queryCode" value={credentials.queryCode} />
          <Radios
            name="satisfaction"
            legend="您对答复是否满意"
            options={SATISFACTION_OPTIONS}
            value={values?.satisfaction}
            errors={errors}
          />
          <TextArea name="comment" label="意见（选填）" value={values?.comment} errors={errors} rows={3} />
          <div class="button-group">
            <button type="submit" class="button button-primary">
              提交评价
            </button>
          </div>
        </PostForm>
      </section>
    ) : null}
    <p>
      <a href={LETTER_LOOKUP_PATH}>查询其他留言</a>
    </p>
  </PortalLayout>
);
