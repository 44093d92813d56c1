// 网上调查 on the portal: the list, one survey (its form while open — radios, checkboxes and text
// boxes, no JavaScript), the thanks page, and the published results as tables with counts and
// percentages (accessible without a chart).
import type { FC } from 'hono/jsx';
import {
  optionField,
  SURVEY_PHASE_LABELS,
  type SurveyPhase,
  type SurveyQuestion,
  type SurveyTally,
} from '../../domain/surveys/survey.js';
import type { SurveyDetail, SurveySummary } from '../../queries/surveys.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button, ErrorSummary, fieldId, PostForm, type FieldErrors } from '../components/forms.js';
import { SummaryList } from '../components/summary-list.js';
import { formatDate, SHELL } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';

const TITLE = '网上调查';
const home = { label: SHELL.home.zh, href: '/' };
const list = { label: TITLE, href: '/surveys' };

const PHASE_TAG: Record<SurveyPhase, string> = {
  draft: 'tag tag-grey',
  upcoming: 'tag tag-grey',
  open: 'tag tag-green',
  closed: 'tag tag-grey',
  results_published: 'tag tag-amber',
};

export const SurveyPhaseTag: FC<{ phase: SurveyPhase }> = ({ phase }) => (
  <span class={PHASE_TAG[phase]}>{SURVEY_PHASE_LABELS[phase]}</span>
);

/** 2026年11月1日至2026年11月30日 */
export function surveyPeriod(s: { opensOn: string | null; closesOn: string | null }): string {
  if (s.opensOn && s.closesOn) return `${formatDate('zh', s.opensOn)}至${formatDate('zh', s.closesOn)}`;
  if (s.opensOn) return `${formatDate('zh', s.opensOn)}起`;
  return '';
}

export const SurveyListPage: FC<{ shell: Omit<ShellProps, 'title'>; surveys: SurveySummary[] }> = (p) => (
  <PortalLayout {...p.shell} title={TITLE}>
    <Breadcrumbs lang="zh" items={[home, { label: TITLE }]} />
    <h1>{TITLE}</h1>
    <p class="lead">就政府工作中的具体事项听取公众意见。调查不记录填写人的身份，结果由发起单位汇总后公布。</p>
    {p.surveys.length === 0 ? (
      <p>目前没有调查。</p>
    ) : (
      <ul class="doc-list survey-list">
        {p.surveys.map((s) => (
          <li>
            <a
              class="doc-title"
              href={s.phase === 'results_published' ? `/surveys/${s.id}/results` : `/surveys/${s.id}`}
            >
              {s.title}
            </a>
            <p class="doc-meta">
              <SurveyPhaseTag phase={s.phase} /> {s.agencyName}
              {surveyPeriod(s) ? <span class="nowrap survey-period">{surveyPeriod(s)}</span> : null}
            </p>
          </li>
        ))}
      </ul>
    )}
  </PortalLayout>
);

export interface SurveyFormView {
  shell: Omit<ShellProps, 'title'>;
  survey: SurveyDetail;
  csrf: string;
  /** What was sent (shown back after an error). */
  values: Record<string, string>;
  errors?: FieldErrors;
}

const QuestionInput: FC<{
  q: SurveyQuestion;
  n: number;
  values: Record<string, string>;
  errors?: FieldErrors;
}> = ({ q, n, values, errors }) => {
  const error = errors?.[q.id];
  const id = fieldId(q.id);
  const legend = (
    <legend>
      {n}. {q.text}
      {q.required ? '' : '（选填）'}
      {q.type === 'multiple' ? <span class="hint-inline">（可多选）</span> : null}
    </legend>
  );
  const errorLine = error ? (
    <p class="error-message" id={`${id}-error`}>
      <span class="visually-hidden">错误：</span>
      {error}
    </p>
  ) : null;
  if (q.type === 'text')
    return (
      <div class={error ? 'field field-error survey-question' : 'field survey-question'}>
        <label for={id} class="survey-question-title">
          {n}. {q.text}
          {q.required ? '' : '（选填）'}
        </label>
        {errorLine}
        <textarea id={id} name={q.id} rows={4} class="textarea" aria-invalid={error ? 'true' : undefined}>
          {values[q.id] ?? ''}
        </textarea>
      </div>
    );
  return (
    <fieldset
      class={error ? 'fieldset field-error survey-question' : 'fieldset survey-question'}
      id={id}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      {legend}
      {errorLine}
      <div class="radios">
        {q.options.map((o, k) => {
          const optionId = `${id}-${k}`;
          return (
            <div class="radio">
              {q.type === 'single' ? (
                <input
                  type="radio"
                  id={optionId}
                  name={q.id}
                  value={String(k)}
                  checked={values[q.id] === String(k)}
                />
              ) : (
                <input
                  type="checkbox"
                  id={optionId}
                  name={optionField(q.id, k)}
                  value="on"
                  checked={values[optionField(q.id, k)] !== undefined}
                />
              )}
              <label for={optionId}>{o}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
};

export const SurveyFormPage: FC<SurveyFormView> = (p) => {
  const s = p.survey;
  const open = s.phase === 'open';
  return (
    <PortalLayout {...p.shell} title={s.title} hasErrors={!!p.errors}>
      <ErrorSummary lang="zh" errors={p.errors} />
      <Breadcrumbs lang="zh" items={[home, list, { label: s.title }]} />
      <h1>{s.title}</h1>
      <SummaryList
        rows={[
          { key: '发起单位', value: s.agencyName },
          { key: '调查时间', value: surveyPeriod(s) },
          { key: '状态', value: <SurveyPhaseTag phase={s.phase} /> },
        ]}
      />
      {s.intro ? <p class="pre-line">{s.intro}</p> : null}
      {s.phase === 'results_published' ? (
        <p>
          <a href={`/surveys/${s.id}/results`}>查看调查结果</a>
        </p>
      ) : null}
      {open ? (
        <PostForm action={`/surveys/${s.id}`} csrf={p.csrf} class="survey-form">
          {s.questions.map((q, i) => (
            <QuestionInput q={q} n={i + 1} values={p.values} errors={p.errors} />
          ))}
          <p class="hint">本调查不收集姓名、电话等个人信息，请不要在文字回答中填写。</p>
          <Button>提交</Button>
        </PostForm>
      ) : s.phase === 'upcoming' ? (
        <p class="notice">调查尚未开始，将于{formatDate('zh', s.opensOn)}开始接受填写。</p>
      ) : s.phase !== 'results_published' ? (
        <p class="notice">调查已经结束，结果将在汇总后公布。</p>
      ) : null}
    </PortalLayout>
  );
};

export const SurveyThanksPage: FC<{ shell: Omit<ShellProps, 'title'>; survey: SurveyDetail }> = (p) => (
  <PortalLayout {...p.shell} title="提交成功">
    <div class="confirmation-panel">
      <h1>提交成功</h1>
      <p>感谢您参与「{p.survey.title}」。</p>
    </div>
    <p>调查结束后，发起单位将汇总并公布调查结果。</p>
    <p>
      <a href="/surveys">返回网上调查</a>
    </p>
  </PortalLayout>
);

/** One question's tally as a table: option, count, share (and the number who answered). */
export const TallyTable: FC<{ n: number; t: SurveyTally['questions'][number] }> = ({ n, t }) => {
  const q = t.question;
  const caption = `${n}. ${q.text}（${q.type === 'multiple' ? '多选，' : ''}${t.answered} 人作答）`;
  if (q.type === 'text')
    return (
      <section class="survey-result">
        <h3>
          {n}. {q.text}
        </h3>
        <p>
          文字回答 {t.answered} 条。文字回答可能含有填写人的个人信息，不予公开；发起单位已在结果说明中归纳。
        </p>
      </section>
    );
  return (
    <section class="survey-result">
      <div class="table-wrap">
        <table class="tally-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">选项</th>
              <th scope="col" class="num">
                人数
              </th>
              <th scope="col" class="num">
                比例
              </th>
            </tr>
          </thead>
          <tbody>
            {t.options.map((o) => (
              <tr>
                <th scope="row">{o.option}</th>
                <td class="num">{o.count}</td>
                <td class="num">
                  <span class="tally-bar" aria-hidden="true">
                    <span class={`tally-fill tally-${Math.round(o.percent / 5) * 5}`} />
                  </span>
                  {o.percent.toFixed(1)}%
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {q.type === 'multiple' ? <p class="hint">多选题各选项比例之和可能超过 100%。</p> : null}
    </section>
  );
};

export const SurveyResultsPage: FC<{
  shell: Omit<ShellProps, 'title'>;
  survey: SurveyDetail;
  tally: SurveyTally;
}> = (p) => {
  const s = p.survey;
  const title = `${s.title}：调查结果`;
  return (
    <PortalLayout {...p.shell} title={title}>
      <Breadcrumbs
        lang="zh"
        items={[home, list, { label: s.title, href: `/surveys/${s.id}` }, { label: '调查结果' }]}
      />
      <h1>{title}</h1>
      <SummaryList
        rows={[
          { key: '发起单位', value: s.agencyName },
          { key: '调查时间', value: surveyPeriod(s) },
          { key: '有效答卷', value: `${p.tally.responses} 份` },
          { key: '公布日期', value: formatDate('zh', s.resultsPublishedAt) },
        ]}
      />
      <h2>结果说明</h2>
      <p class="pre-line">{s.resultSummary}</p>
      <p class="hint">网上调查由公众自愿参加，不是抽样调查；同一人多次填写无法完全排除，结果仅供参考。</p>
      <h2>各题统计</h2>
      {p.tally.questions.map((t, i) => (
        <TallyTable n={i + 1} t={t} />
      ))}
    </PortalLayout>
  );
};
