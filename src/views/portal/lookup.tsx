// 申请查询: with the tracking number and the query code (a POST: the code is never in an address),
// the applicant sees the state, the due date with the clock's explanation, the steps they are told
// of, the outcome, and every notice served on them, each downloadable as a PDF (again a POST that
// carries both, checked again). A wrong code and an unknown number get the same answer.
import { CaseHistory } from '../components/case-history.js';
import type { FC } from 'hono/jsx';
import { deadlineStatusText, dueDateNote, type Deadline } from '../../domain/calendar/index.js';
import type { IsoDate } from '../../domain/calendar/iso-date.js';
import { DeadlineExplanationTable } from '../components/deadline-explanation.js';
import { ErrorSummary, Input, PostForm, type FieldErrors } from '../components/forms.js';
import { formatDate } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import { APPLY_PATH, LOOKUP_PATH } from './apply-parts.js';

/** The same words for an unknown number and a wrong code: no hint which of the two was wrong. */
export const LOOKUP_NOT_FOUND =
  '申请编号或查询码不正确，请核对后重新输入。查询码不区分大小写，可以不输入短横线。';

export interface LookupFormView {
  shell: Omit<ShellProps, 'title'>;
  csrf: string;
  trackingNumber?: string;
  errors?: FieldErrors;
  /** A message without a field (the not-found answer). */
  message?: string;
}

const LookupForm: FC<{ csrf: string; trackingNumber?: string; errors?: FieldErrors }> = (p) => (
  <PostForm action={LOOKUP_PATH} csrf={p.csrf} class="lookup-form">
    <Input
      name="trackingNumber"
      label="申请编号"
      hint="提交申请时页面显示的编号，例如 2026-0000123"
      value={p.trackingNumber}
      errors={p.errors}
      autocomplete="off"
      width="medium"
    />
    <Input
      name="queryCode"
      label="查询码"
      hint="12 位字母和数字，例如 AB2C-D3EF-GH4J"
      value=""
      errors={p.errors}
      autocomplete="off"
      width="medium"
    />
    <div class="button-group">
      <button type="submit" class="button button-primary">
        查询
      </button>
    </div>
  </PostForm>
);

export const LookupPage: FC<LookupFormView> = (p) => {
  const hasErrors = Boolean((p.errors && Object.keys(p.errors).length) || p.message);
  return (
    <PortalLayout {...p.shell} title="申请查询" hasErrors={hasErrors}>
      <ErrorSummary lang="zh" errors={p.errors} message={p.message} />
      <h1>申请查询</h1>
      <p class="lead">输入申请编号和查询码，查看申请的办理状态、答复期限和已送达的告知书。</p>
      <LookupForm csrf={p.csrf} trackingNumber={p.trackingNumber} errors={p.errors} />
      <p>
        还没有提交申请？<a href={APPLY_PATH}>在线申请</a>
      </p>
      <p class="hint">
        遗失查询码的，请凭申请编号和身份证明联系受理机关的政府信息公开工作机构（联系方式见该机关的政府信息公开指南）。
      </p>
    </PortalLayout>
  );
};

export interface LookupNotice {
  id: number;
  title: string;
  number: string | null;
  issuedOn: IsoDate;
  /** 送达 in words, e.g. 「网上送达（本平台） 2026年12月3日」; null while not served. */
  served: string | null;
}

export interface LookupResultView {
  shell: Omit<ShellProps, 'title'>;
  csrf: string;
  today: IsoDate;
  /** What the applicant typed, carried in each download form (never in an address). */
  credentials: { trackingNumber: string; queryCode: string };
  result: {
    trackingNumber: string;
    agencyName: string;
    receivedOn: IsoDate;
    stateLabel: string;
    deadline: Deadline;
    open: boolean;
    outcomeLabel: string | null;
    concludedOn: IsoDate | null;
    history: { label: string; on: IsoDate }[];
    notices: LookupNotice[];
  };
}

export function noticeHref(id: number): string {
  return `${LOOKUP_PATH}/notices/${id}.pdf`;
}

export const LookupResultPage: FC<LookupResultView> = ({ shell, csrf, today, credentials, result: r }) => {
  const d = r.deadline;
  const note = dueDateNote(d);
  return (
    <PortalLayout {...shell} title={`申请 ${r.trackingNumber} 的办理情况`}>
      <h1>申请 {r.trackingNumber} 的办理情况</h1>
      <dl class="summary-list">
        <div class="summary-row">
          <dt>受理机关</dt>
          <dd>{r.agencyName}</dd>
        </div>
        <div class="summary-row">
          <dt>收到申请之日</dt>
          <dd class="nowrap">{formatDate('zh', r.receivedOn)}</dd>
        </div>
        <div class="summary-row">
          <dt>办理状态</dt>
          <dd>
            <strong id="case-state">{r.stateLabel}</strong>
          </dd>
        </div>
        {r.outcomeLabel ? (
          <div class="summary-row">
            <dt>办理结果</dt>
            <dd>
              {r.outcomeLabel}
              {r.concludedOn ? `（${formatDate('zh', r.concludedOn)}）` : ''}
            </dd>
          </div>
        ) : null}
        {r.open ? (
          <div class="summary-row">
            <dt>答复期限</dt>
            <dd>
              <strong class="due-date" id="due-date">
                {d.dueDate ? formatDate('zh', d.dueDate) : '—'}
              </strong>
              {note ? <span class="hint">（{note}）</span> : null}
              <br />
              <span>{deadlineStatusText(d, today)}</span>
            </dd>
          </div>
        ) : null}
      </dl>
      {r.open && d.warnings.length > 0 ? (
        <div class="notice notice-warning" role="status">
          <ul>
            {d.warnings.map((w) => (
              <li>{w.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {r.open && d.explanation ? (
        <>
          <h2>答复期限的计算</h2>
          <p>
            自收到申请之日起 20 个工作日内答复，经批准可延长，最长不超过 20
            个工作日（《条例》第三十三条）；补正、征求意见等期间不计算在内。
            <a href="/deadlines">期限如何计算</a>
          </p>
          <DeadlineExplanationTable lang="zh" explanation={d.explanation} />
        </>
      ) : null}

      <CaseHistory steps={r.history} />

      <h2>告知书</h2>
      {r.notices.length === 0 ? (
        <p>暂无送达给您的告知书。</p>
      ) : (
        <ul class="notice-list">
          {r.notices.map((n) => (
            <li>
              <strong>{n.title}</strong>
              {n.number ? `（${n.number}）` : ''}
              <br />
              <span class="hint">
                {formatDate('zh', n.issuedOn)}作出{n.served ? `；${n.served}` : ''}
              </span>
              <PostForm action={noticeHref(n.id)} csrf={csrf} class="inline-form">
                <input type="hidden" name="trackingNumber" value={credentials.trackingNumber} />
                <input type="hidden" name="queryCode" value={credentials.queryCode} />
                <button type="submit" class="link-button">
                  下载 PDF<span class="visually-hidden">：{n.title}</span>
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={LOOKUP_PATH}>查询其他申请</a>
      </p>
    </PortalLayout>
  );
};
