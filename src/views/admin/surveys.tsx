// 网上调查 in the back office: the list, the form (title, dates and N question blocks — options one
// a line — no JavaScript: three blank blocks are offered each time, save to get more), and one
// survey with its steps (open, close, publish the results) and its tallies so far.
import type { FC } from 'hono/jsx';
import {
  QUESTION_TYPE_LABELS,
  QUESTION_TYPES,
  SURVEY_PHASE_LABELS,
  type SurveyQuestion,
} from '../../domain/surveys/survey.js';
import type { StaffSurvey, SurveySummary } from '../../queries/surveys.js';
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
import { Table } from '../components/table.js';
import { formatDate, formatDateTime } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { surveyPeriod, TallyTable } from '../portal/surveys.js';

type Shell = Omit<AdminShellProps, 'title'>;
type Option = { value: string; label: string };
const TITLE = '网上调查';
const crumbs = { label: TITLE, href: '/admin/surveys' };

/** Blank question blocks offered under the existing ones. */
export const BLANK_QUESTION_BLOCKS = 3;

export type SurveyDone = 'created' | 'updated' | 'opened' | 'closed' | 'published';
const DONE_TEXT: Record<SurveyDone, string> = {
  created: '调查已保存为草稿。',
  updated: '调查已保存。',
  opened: '调查已开始，公众可以在门户网站填写。',
  closed: '调查已结束，不再接受填写。',
  published: '调查结果已公布。',
};

export const SurveyAdminListPage: FC<{ shell: Shell; surveys: SurveySummary[]; canEdit: boolean }> = (p) => (
  <AdminLayout {...p.shell} title={TITLE}>
    <h1>{TITLE}</h1>
    <p class="lead">起草调查和题目，开始后公众在门户网站「网上调查」填写；结束后汇总并公布结果。</p>
    <p class="button-group">
      {p.canEdit ? (
        <a class="button button-secondary" href="/admin/surveys/new">
          新建调查
        </a>
      ) : null}
      <a href="/surveys">在门户网站查看</a>
    </p>
    {p.surveys.length === 0 ? (
      <p>还没有调查。</p>
    ) : (
      <Table
        caption={`共 ${p.surveys.length} 项调查`}
        head={['标题', '发起单位', '调查时间', '状态', '答卷数']}
        rows={p.surveys.map((s) => [
          <a href={`/admin/surveys/${s.id}`}>{s.title}</a>,
          s.agencyName,
          <span class="nowrap">{surveyPeriod(s) || '—'}</span>,
          SURVEY_PHASE_LABELS[s.phase],
          `${s.responses} 份`,
        ])}
      />
    )}
  </AdminLayout>
);

export interface SurveyFormValues {
  agencyId?: string;
  title?: string;
  intro?: string;
  opensOn?: string;
  closesOn?: string;
  version?: string;
  /** `q{n}.text` … as the form sends them. */
  [key: string]: string | undefined;
}

/** The form's values of a stored survey. */
export function surveyFormValues(s: StaffSurvey['survey']): SurveyFormValues {
  const v: SurveyFormValues = {
    agencyId: String(s.agencyId),
    title: s.title,
    intro: s.intro,
    opensOn: s.opensOn ?? '',
    closesOn: s.closesOn ?? '',
    version: String(s.version),
  };
  s.questions.forEach((q, i) => {
    v[`q${i}.text`] = q.text;
    v[`q${i}.type`] = q.type;
    v[`q${i}.options`] = q.options.join('\n');
    v[`q${i}.required`] = q.required ? 'yes' : undefined;
  });
  return v;
}

const typeOptions = QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_LABELS[t] }));

const QuestionBlock: FC<{ i: number; values: SurveyFormValues; errors?: FieldErrors }> = ({
  i,
  values,
  errors,
}) => {
  const required = `q${i}.required`;
  return (
    <fieldset class="fieldset question-block">
      <legend>第{i + 1}题</legend>
      <Input
        name={`q${i}.text`}
        label="题目"
        value={values[`q${i}.text`]}
        errors={errors}
        hint="留空则不保存这一题"
      />
      <Select
        name={`q${i}.type`}
        label="题型"
        value={values[`q${i}.type`] ?? 'single'}
        options={typeOptions}
        errors={errors}
      />
      <TextArea
        name={`q${i}.options`}
        label="选项"
        hint="单选、多选题填写，每行一个选项；文字回答题不用填"
        value={values[`q${i}.options`]}
        rows={4}
        errors={errors}
      />
      <div class="radio">
        <input
          type="checkbox"
          id={fieldId(required)}
          name={required}
          value="yes"
          checked={values[required] === 'yes'}
        />
        <label for={fieldId(required)}>必答</label>
      </div>
    </fieldset>
  );
};

const ReadOnlyQuestions: FC<{ questions: SurveyQuestion[] }> = ({ questions }) => (
  <ol class="survey-questions">
    {questions.map((q) => (
      <li>
        {q.text}（{QUESTION_TYPE_LABELS[q.type]}
        {q.required ? '，必答' : ''}）
        {q.options.length ? (
          <ul>
            {q.options.map((o) => (
              <li>{o}</li>
            ))}
          </ul>
        ) : null}
      </li>
    ))}
  </ol>
);

export const SurveyFormPage: FC<{
  shell: Shell;
  action: string;
  values: SurveyFormValues;
  agencyOptions: Option[];
  /** Draft (or new): the questions can be edited; otherwise they are shown as they are. */
  questionsEditable: boolean;
  questions: SurveyQuestion[];
  errors?: FieldErrors;
}> = (p) => {
  const title = p.values.version ? `修改调查：${p.values.title ?? ''}` : '新建调查';
  const blocks: number[] = [];
  let existing = 0;
  for (const k of Object.keys(p.values)) {
    const m = /^q(\d{1,3})\.text$/.exec(k);
    if (m) existing = Math.max(existing, Number(m[1]) + 1);
  }
  for (let i = 0; i < existing + BLANK_QUESTION_BLOCKS; i++) blocks.push(i);
  return (
    <AdminLayout {...p.shell} title={title} hasErrors={!!p.errors}>
      <ErrorSummary lang="zh" errors={p.errors} />
      <Breadcrumbs lang="zh" items={[crumbs, { label: title }]} />
      <h1>{title}</h1>
      <PostForm action={p.action} csrf={p.shell.csrf ?? ''}>
        <input type="hidden" name="version" value={p.values.version ?? ''} />
        <Select
          name="agencyId"
          label="发起单位"
          value={p.values.agencyId}
          options={p.agencyOptions}
          errors={p.errors}
        />
        <Input name="title" label="调查标题" value={p.values.title} errors={p.errors} />
        <TextArea name="intro" label="调查说明（选填）" value={p.values.intro} rows={4} errors={p.errors} />
        <Input
          name="opensOn"
          label="开始日期（选填）"
          hint="格式：年-月-日；不填则从点击「开始调查」的当天开始"
          value={p.values.opensOn}
          errors={p.errors}
          width="short"
        />
        <Input
          name="closesOn"
          label="截止日期（选填）"
          hint="格式：年-月-日；过了这一天不再接受填写"
          value={p.values.closesOn}
          errors={p.errors}
          width="short"
        />
        <h2>题目</h2>
        {p.questionsEditable ? (
          <>
            <p class="hint">每次保存后会再提供 {BLANK_QUESTION_BLOCKS} 个空白题目，可继续添加。</p>
            {blocks.map((i) => (
              <QuestionBlock i={i} values={p.values} errors={p.errors} />
            ))}
          </>
        ) : (
          <>
            <p class="hint">调查已经开始，题目不能再修改（已收到的答卷按这些题目统计）。</p>
            <ReadOnlyQuestions questions={p.questions} />
          </>
        )}
        <div class="button-group">
          <Button>保存</Button>
          <a href="/admin/surveys">取消</a>
        </div>
      </PostForm>
    </AdminLayout>
  );
};

export const SurveyAdminPage: FC<{
  shell: Shell;
  data: StaffSurvey;
  canEdit: boolean;
  canPublish: boolean;
  done?: SurveyDone;
  summary?: string;
  errors?: FieldErrors;
}> = (p) => {
  const s = p.data.survey;
  const csrf = p.shell.csrf ?? '';
  return (
    <AdminLayout {...p.shell} title={s.title} hasErrors={!!p.errors}>
      <ErrorSummary lang="zh" errors={p.errors} />
      <Breadcrumbs lang="zh" items={[crumbs, { label: s.title }]} />
      {p.done ? (
        <div class="notice notice-success" role="status">
          <p>{DONE_TEXT[p.done]}</p>
        </div>
      ) : null}
      <h1>{s.title}</h1>
      <SummaryList
        rows={[
          { key: '发起单位', value: s.agencyName },
          { key: '状态', value: SURVEY_PHASE_LABELS[s.phase] },
          { key: '调查时间', value: surveyPeriod(s) },
          { key: '答卷数', value: `${s.responses} 份` },
          { key: '结果公布时间', value: formatDateTime('zh', s.resultsPublishedAt) },
        ]}
      />
      {s.intro ? <p class="pre-line">{s.intro}</p> : null}
      <div class="button-group">
        {p.canEdit ? (
          <a class="button button-secondary" href={`/admin/surveys/${s.id}/edit`}>
            修改
          </a>
        ) : null}
        {p.canPublish && s.state === 'draft' ? (
          <PostForm action={`/admin/surveys/${s.id}/open`} csrf={csrf} class="inline-form">
            <Button>开始调查</Button>
          </PostForm>
        ) : null}
        {p.canPublish && s.state === 'open' ? (
          <PostForm action={`/admin/surveys/${s.id}/close`} csrf={csrf} class="inline-form">
            <Button variant="secondary">结束调查</Button>
          </PostForm>
        ) : null}
        {s.state !== 'draft' ? <a href={`/surveys/${s.id}`}>在门户网站查看</a> : null}
      </div>
      {p.canPublish && s.state !== 'draft' ? (
        <section>
          <h2>{s.state === 'results_published' ? '更新结果说明' : '公布调查结果'}</h2>
          <p class="hint">公布后，门户网站显示各题的人数和比例以及下面的结果说明；文字回答不公开。</p>
          <PostForm action={`/admin/surveys/${s.id}/publish`} csrf={csrf}>
            <TextArea
              name="summary"
              label="结果说明"
              value={p.summary ?? s.resultSummary ?? ''}
              rows={5}
              errors={p.errors}
            />
            <Button>{s.state === 'results_published' ? '更新' : '公布结果'}</Button>
          </PostForm>
        </section>
      ) : null}
      <h2>统计（共 {p.data.tally.responses} 份答卷）</h2>
      {s.questions.length === 0 ? <p>还没有题目。</p> : null}
      {p.data.tally.questions.map((t, i) => (
        <>
          <TallyTable n={i + 1} t={t} />
          {t.question.type === 'text' && (p.data.textAnswers[t.question.id] ?? []).length ? (
            <details class="text-answers">
              <summary>最近的文字回答（仅后台可见）</summary>
              <ul>
                {(p.data.textAnswers[t.question.id] ?? []).map((a) => (
                  <li class="pre-line">{a}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ))}
      {s.opensOn ? <p class="hint">开始日期：{formatDate('zh', s.opensOn)}</p> : null}
    </AdminLayout>
  );
};
