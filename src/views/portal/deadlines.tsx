// "期限如何计算": the plain-language rules, and a calculator (a GET form, no JavaScript) that shows
// the reply due date with its full explanation.
import type { FC } from 'hono/jsx';
import { deadlineStatusText, dueDateNote, type Deadline } from '../../domain/calendar/index.js';
import { DeadlineExplanationTable } from '../components/deadline-explanation.js';
import { ErrorSummary, Input, Select, type FieldErrors } from '../components/forms.js';
import { formatDate, type Lang } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import { DeadlinesExplainerZh } from './deadlines-text.js';
import type { ClockRules } from '../../domain/calendar/clock-rules.js';

const T = {
  title: { zh: '期限如何计算', en: 'How deadlines are counted' },
  lead: {
    zh: '政府信息公开的期限大多按工作日计算，并且会因补正、征求意见、延长等情况而变化。本页用通俗的语言说明计算方法，并提供一个计算器，逐日列出计算过程。',
    en: 'Most disclosure deadlines count working days and move with corrections, consultations and extensions. This page explains the rules and offers a calculator that shows every step.',
  },
  en: {
    zh: '',
    en: 'The detailed explanation below is in Chinese: it quotes the Regulations (条例) article by article.',
  },
  calcTitle: { zh: '答复期限计算器', en: 'Reply deadline calculator' },
  calcLead: {
    zh: '填写收到申请之日，以及（如有）收到补正申请之日、不计算在期限内的期间和延长的工作日数。日期可写作 2026-09-30、2026/9/30 或 2026年9月30日。',
    en: 'Enter the receipt date and, if any, the corrected application’s receipt, the periods not counted and the extension. Dates as 2026-09-30 or 2026/9/30.',
  },
  received: { zh: '收到申请之日', en: 'Application received' },
  receivedHint: {
    zh: '第三十一条：当面提交为提交之日；邮寄为签收之日；网上、传真为双方确认之日',
    en: 'Article 31',
  },
  corrected: { zh: '收到补正申请之日（可选）', en: 'Corrected application received (optional)' },
  correctedHint: {
    zh: '第三十条：答复期限自收到补正的申请之日起计算',
    en: 'Article 30: the period restarts',
  },
  pause: { zh: '不计算在期限内的期间 {i}（可选）', en: 'Period not counted {i} (optional)' },
  pauseHint: {
    zh: '例如征求第三方或其他机关意见的期间（第三十三条第三款）',
    en: 'e.g. consultation time (article 33)',
  },
  from: { zh: '起始日', en: 'From' },
  to: { zh: '结束日', en: 'To' },
  extend: { zh: '延长的工作日数（可选）', en: 'Extension in working days (optional)' },
  extendHint: { zh: '最多20个工作日（第三十三条第二款）', en: 'At most 20 (article 33)' },
  agency: { zh: '按哪个机构的工作日历计算（可选）', en: 'Agency calendar (optional)' },
  agencyHint: {
    zh: '选择答复的行政机关，其因台风等停止办公的日期也不计入；不选则只按全国的节假日安排',
    en: 'Its own closures (e.g. typhoons) then count too; without it only the national holidays apply',
  },
  national: { zh: '全国节假日安排', en: 'National holidays only' },
  calendarUsed: { zh: '所用日历', en: 'Calendar' },
  agencyCalendar: { zh: '{name}的工作日历（含其停止办公日）', en: 'Calendar of {name}, with its closures' },
  state: { zh: '状态', en: 'Status' },
  notes: { zh: '计算中的假定和说明', en: 'Assumptions' },
  submit: { zh: '计算', en: 'Calculate' },
  result: { zh: '计算结果', en: 'Result' },
  due: { zh: '答复期限', en: 'Reply due' },
  original: { zh: '原答复期限（20个工作日）', en: 'Original due date (20 working days)' },
  noticeDue: { zh: '补正告知期限（7个工作日）', en: 'Correction notice due (7 working days)' },
  warnings: { zh: '请注意', en: 'Please note' },
  calendar: { zh: '查看工作日历', en: 'See the working-day calendar' },
};

export interface DeadlinesView {
  shell: Omit<ShellProps, 'title'>;
  values: Record<string, string>;
  /** The agencies whose calendar may be chosen (code → name). */
  agencies: { value: string; label: string }[];
  /** Today in Beijing, for the state of the result. */
  today: string;
  errors?: FieldErrors;
  result?: Deadline;
  /** The agency whose calendar was used; null = national. */
  agencyName?: string | null;
  /** The installation's clock rules in force (the defaults when absent). */
  clockRules?: ClockRules;
}

const Result: FC<{ lang: Lang; d: Deadline; today: string; agencyName: string | null }> = ({
  lang: l,
  d,
  today,
  agencyName,
}) => {
  const note = dueDateNote(d);
  return (
    <section class="calc-result" id="result" aria-labelledby="result-title" tabindex={-1}>
      <h2 id="result-title">{T.result[l]}</h2>
      <dl class="summary-list">
        <div class="summary-row">
          <dt>{T.due[l]}</dt>
          <dd>
            <strong class="due-date">{d.dueDate ? formatDate(l, d.dueDate) : '—'}</strong>
            {note ? <span class="hint">（{note}）</span> : null}
          </dd>
        </div>
        <div class="summary-row">
          <dt>{T.state[l]}</dt>
          <dd>{deadlineStatusText(d, today)}</dd>
        </div>
        {d.originalDueDate && d.originalDueDate !== d.dueDate ? (
          <div class="summary-row">
            <dt>{T.original[l]}</dt>
            <dd>{formatDate(l, d.originalDueDate)}</dd>
          </div>
        ) : null}
        <div class="summary-row">
          <dt>{T.noticeDue[l]}</dt>
          <dd>{formatDate(l, d.correctionNoticeDue)}</dd>
        </div>
        <div class="summary-row">
          <dt>{T.calendarUsed[l]}</dt>
          <dd>{agencyName ? T.agencyCalendar[l].replace('{name}', agencyName) : T.national[l]}</dd>
        </div>
      </dl>
      {d.warnings.length > 0 ? (
        <div class="notice notice-warning" role="status">
          <h3 class="notice-title">{T.warnings[l]}</h3>
          <ul>
            {d.warnings.map((w) => (
              <li>{w.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {d.explanation && d.explanation.notes.length > 0 ? (
        <div class="notice">
          <h3 class="notice-title">{T.notes[l]}</h3>
          <ul>
            {d.explanation.notes.map((n) => (
              <li>{n}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {d.explanation ? <DeadlineExplanationTable lang={l} explanation={d.explanation} /> : null}
    </section>
  );
};

const Calculator: FC<{
  lang: Lang;
  values: Record<string, string>;
  agencies: { value: string; label: string }[];
  errors?: FieldErrors;
}> = ({ lang: l, values: v, agencies, errors }) => (
  // The fragment brings the result into view after 计算 (a GET form keeps its action's fragment).
  <form method="get" action="/deadlines#result" novalidate class="calculator">
    <Input
      name="received"
      label={T.received[l]}
      hint={T.receivedHint[l]}
      value={v.received}
      errors={errors}
      width="short"
    />
    <Input
      name="corrected"
      label={T.corrected[l]}
      hint={T.correctedHint[l]}
      value={v.corrected}
      errors={errors}
      width="short"
    />
    {[1, 2, 3].map((i) => (
      <fieldset class="fieldset">
        <legend>{T.pause[l].replace('{i}', String(i))}</legend>
        {i === 1 ? <p class="hint">{T.pauseHint[l]}</p> : null}
        <div class="date-pair">
          <Input name={`p${i}from`} label={T.from[l]} value={v[`p${i}from`]} errors={errors} width="short" />
          <Input name={`p${i}to`} label={T.to[l]} value={v[`p${i}to`]} errors={errors} width="short" />
        </div>
      </fieldset>
    ))}
    <Input
      name="extend"
      label={T.extend[l]}
      hint={T.extendHint[l]}
      value={v.extend}
      errors={errors}
      width="short"
    />
    <Select
      name="agency"
      label={T.agency[l]}
      hint={T.agencyHint[l]}
      options={agencies}
      value={v.agency}
      errors={errors}
      includeBlank={T.national[l]}
    />
    <div class="button-group">
      <button type="submit" class="button button-primary">
        {T.submit[l]}
      </button>
      <a href="/calendar">{T.calendar[l]}</a>
    </div>
  </form>
);

export const PortalDeadlinesPage: FC<DeadlinesView> = (p) => {
  const l = p.shell.lang;
  return (
    <PortalLayout {...p.shell} title={T.title[l]} hasErrors={!!p.errors}>
      <ErrorSummary lang={l} errors={p.errors} />
      <h1>{T.title[l]}</h1>
      {/* The result comes first: it is what the visitor pressed 计算 for. */}
      {p.result ? <Result lang={l} d={p.result} today={p.today} agencyName={p.agencyName ?? null} /> : null}
      <p class="lead">{T.lead[l]}</p>
      <h2 id="calculator">{T.calcTitle[l]}</h2>
      <p>{T.calcLead[l]}</p>
      <Calculator lang={l} values={p.values} agencies={p.agencies} errors={p.errors} />
      {l === 'en' ? <p class="notice">{T.en.en}</p> : null}
      <div lang="zh-CN">
        <DeadlinesExplainerZh rules={p.clockRules} />
      </div>
    </PortalLayout>
  );
};
