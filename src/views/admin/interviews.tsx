// 在线访谈 in the back office: the list, the form (guests one a line 「姓名，职务」, date and times in
// the configured zone), and one interview — the short-notice warning, announce, the questions with
// their answer forms (and, after the end, the day open ones are due), the transcript editor (a
// textarea, 「发言人：内容」 one line each) and its publication.
import type { FC } from 'hono/jsx';
import {
  INTERVIEW_PHASE_LABELS,
  QUESTION_PHASE_LABELS,
  QUESTION_STATUS_LABELS,
  transcriptText,
} from '../../domain/interviews/interview.js';
import type { InterviewQuestionItem, InterviewSummary, StaffInterview } from '../../queries/interviews.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import {
  Button,
  ErrorSummary,
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
import { interviewTime } from '../portal/interviews.js';

type Shell = Omit<AdminShellProps, 'title'>;
type Option = { value: string; label: string };
const TITLE = '在线访谈';
const crumbs = { label: TITLE, href: '/admin/interviews' };

export type InterviewDone =
  'created' | 'updated' | 'announced' | 'announced-short' | 'answered' | 'transcript' | 'published';
const DONE_TEXT: Record<InterviewDone, string> = {
  created: '访谈已保存为草稿。',
  updated: '访谈已保存。',
  announced: '访谈预告已发布，公众可以在门户网站提问。',
  'announced-short': '访谈预告已发布。注意：预告距访谈开始不足规定天数，公众提问的时间较短。',
  answered: '提问的处理已保存。',
  transcript: '文字实录已保存。',
  published: '文字实录已公布。',
};

export const InterviewAdminListPage: FC<{
  shell: Shell;
  interviews: InterviewSummary[];
  canEdit: boolean;
}> = (p) => (
  <AdminLayout {...p.shell} title={TITLE}>
    <h1>{TITLE}</h1>
    <p class="lead">
      准备访谈和嘉宾，发布预告后公众可以提问；访谈中记录嘉宾的答复，结束后答复遗留问题、公布文字实录。
    </p>
    <p class="button-group">
      {p.canEdit ? (
        <a class="button button-secondary" href="/admin/interviews/new">
          新建访谈
        </a>
      ) : null}
      <a href="/interviews">在门户网站查看</a>
    </p>
    {p.interviews.length === 0 ? (
      <p>还没有访谈。</p>
    ) : (
      <Table
        caption={`共 ${p.interviews.length} 场访谈`}
        head={['主题', '主办单位', '访谈时间', '状态', '提问', '待答复']}
        rows={p.interviews.map((i) => [
          <a href={`/admin/interviews/${i.id}`}>{i.title}</a>,
          i.agencyName,
          <span class="nowrap">{interviewTime(i)}</span>,
          i.state === 'transcript_published' ? '实录已公布' : INTERVIEW_PHASE_LABELS[i.phase],
          `${i.questions} 条`,
          i.openQuestions ? <span class="tag tag-amber">{i.openQuestions} 条</span> : '—',
        ])}
      />
    )}
  </AdminLayout>
);

export type InterviewFormValues = Partial<
  Record<
    | 'agencyId'
    | 'title'
    | 'intro'
    | 'date'
    | 'startTime'
    | 'endTime'
    | 'answerWithinDays'
    | 'guests'
    | 'version',
    string
  >
>;

export const InterviewFormPage: FC<{
  shell: Shell;
  action: string;
  values: InterviewFormValues;
  agencyOptions: Option[];
  errors?: FieldErrors;
}> = (p) => {
  const title = p.values.version ? `修改访谈：${p.values.title ?? ''}` : '新建访谈';
  return (
    <AdminLayout {...p.shell} title={title} hasErrors={!!p.errors}>
      <ErrorSummary lang="zh" errors={p.errors} />
      <Breadcrumbs lang="zh" items={[crumbs, { label: title }]} />
      <h1>{title}</h1>
      <PostForm action={p.action} csrf={p.shell.csrf ?? ''}>
        <input type="hidden" name="version" value={p.values.version ?? ''} />
        <Select
          name="agencyId"
          label="主办单位"
          value={p.values.agencyId}
          options={p.agencyOptions}
          errors={p.errors}
        />
        <Input name="title" label="访谈主题" value={p.values.title} errors={p.errors} />
        <TextArea name="intro" label="访谈简介（选填）" value={p.values.intro} rows={4} errors={p.errors} />
        <TextArea
          name="guests"
          label="嘉宾"
          hint="每行一位：「姓名，职务」，例如「张明，市教育局局长」"
          value={p.values.guests}
          rows={3}
          errors={p.errors}
        />
        <Input
          name="date"
          label="访谈日期"
          hint="格式：年-月-日，例如 2026-12-10；预告应在访谈前至少 3 天发布"
          value={p.values.date}
          errors={p.errors}
          width="short"
        />
        <Input
          name="startTime"
          label="开始时间"
          hint="北京时间，例如 09:30"
          value={p.values.startTime}
          errors={p.errors}
          width="short"
        />
        <Input
          name="endTime"
          label="结束时间"
          hint="例如 10:30（访谈一般约 60 分钟）"
          value={p.values.endTime}
          errors={p.errors}
          width="short"
        />
        <Input
          name="answerWithinDays"
          label="遗留问题答复期限（工作日）"
          hint="访谈中未及答复的问题，自访谈结束次日起在这些工作日内答复"
          value={p.values.answerWithinDays}
          errors={p.errors}
          width="short"
        />
        <div class="button-group">
          <Button>保存</Button>
          <a href="/admin/interviews">取消</a>
        </div>
      </PostForm>
    </AdminLayout>
  );
};

const AnswerForm: FC<{
  interviewId: number;
  q: InterviewQuestionItem;
  guests: Option[];
  csrf: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
}> = (p) => {
  const prefix = `q${p.q.id}`;
  const errors = p.errors;
  return (
    <details class="answer-form" open={!!p.errors || undefined}>
      <summary>{p.q.status === 'pending' ? '记录答复' : '修改'}</summary>
      <PostForm action={`/admin/interviews/${p.interviewId}/questions/${p.q.id}`} csrf={p.csrf}>
        <TextArea
          name={`${prefix}-answer`}
          label="答复内容"
          value={p.values?.answer ?? p.q.answer ?? ''}
          rows={4}
          errors={errors}
        />
        <Input
          name={`${prefix}-answeredBy`}
          label="答复人"
          hint={`嘉宾或答复单位，例如：${p.guests.map((g) => g.label).join('、') || '市教育局'}`}
          value={p.values?.answeredBy ?? p.q.answeredBy ?? p.guests[0]?.label ?? ''}
          errors={errors}
          width="medium"
        />
        <div class="button-group">
          <Button name="decision" value="answer">
            保存答复
          </Button>
          <Button name="decision" value="decline" variant="secondary">
            不予答复（不公开）
          </Button>
        </div>
      </PostForm>
    </details>
  );
};

export const InterviewAdminPage: FC<{
  shell: Shell;
  data: StaffInterview;
  canEdit: boolean;
  canPublish: boolean;
  done?: InterviewDone;
  errors?: FieldErrors;
  /** Which form the errors belong to: 'transcript', 'page', or a question id. */
  errorsFor?: string;
  transcript?: string;
  answerValues?: Record<string, string>;
}> = (p) => {
  const i = p.data.interview;
  const csrf = p.shell.csrf ?? '';
  const guests = i.guests.map((g) => ({ value: g.name, label: g.name }));
  const pending = p.data.questions.filter((q) => q.status === 'pending').length;
  return (
    <AdminLayout {...p.shell} title={i.title} hasErrors={!!p.errors}>
      <ErrorSummary lang="zh" errors={p.errors} />
      <Breadcrumbs lang="zh" items={[crumbs, { label: i.title }]} />
      {p.done ? (
        <div class="notice notice-success" role="status">
          <p>{DONE_TEXT[p.done]}</p>
        </div>
      ) : null}
      <h1>{i.title}</h1>
      {p.data.shortNotice && i.phase !== 'ended' ? (
        <div class="notice notice-warning" role="note">
          <p>
            {p.data.announcedAt ? '预告发布时' : '现在发布预告'}距访谈开始不足 {p.data.minAnnounceDays}{' '}
            天：按惯例应至少提前 {p.data.minAnnounceDays} 天发布预告，方便公众提问。
          </p>
        </div>
      ) : null}
      <SummaryList
        rows={[
          { key: '主办单位', value: i.agencyName },
          { key: '访谈时间', value: <span class="nowrap">{interviewTime(i)}</span> },
          { key: '嘉宾', value: i.guests.map((g) => `${g.name}（${g.title}）`).join('、') },
          {
            key: '状态',
            value:
              i.state === 'transcript_published' ? '已结束，文字实录已公布' : INTERVIEW_PHASE_LABELS[i.phase],
          },
          { key: '预告发布时间', value: formatDateTime('zh', p.data.announcedAt) },
          { key: '遗留问题答复期限', value: `访谈结束后 ${i.answerWithinDays} 个工作日内` },
          ...(i.openQuestionsDue
            ? [
                {
                  key: '遗留问题答复截止日期',
                  value: <span class="nowrap">{formatDate('zh', i.openQuestionsDue)}</span>,
                },
              ]
            : []),
        ]}
      />
      <div class="button-group">
        {p.canEdit ? (
          <a class="button button-secondary" href={`/admin/interviews/${i.id}/edit`}>
            修改
          </a>
        ) : null}
        {p.canPublish && i.state === 'draft' ? (
          <PostForm action={`/admin/interviews/${i.id}/announce`} csrf={csrf} class="inline-form">
            <Button>发布预告</Button>
          </PostForm>
        ) : null}
        {i.state !== 'draft' ? <a href={`/interviews/${i.id}`}>在门户网站查看</a> : null}
      </div>

      <h2>网友提问（{p.data.questions.length}）</h2>
      {i.phase === 'ended' && pending > 0 && i.openQuestionsDue ? (
        <p class="notice notice-warning">
          还有 {pending} 条提问未答复，应于 <span class="nowrap">{formatDate('zh', i.openQuestionsDue)}</span>{' '}
          前答复。
        </p>
      ) : null}
      {p.data.questions.length === 0 ? (
        <p>还没有提问。</p>
      ) : (
        <ol class="interview-questions">
          {p.data.questions.map((q) => (
            <li id={`question-${q.id}`}>
              <p>
                <strong>{q.askerName ?? q.askerNameMasked}</strong>（公开显示为「{q.askerNameMasked}」）·{' '}
                {QUESTION_PHASE_LABELS[q.phase]} ·{' '}
                <span class="nowrap">{formatDateTime('zh', q.askedAt)}</span> ·{' '}
                <span
                  class={
                    q.status === 'pending'
                      ? 'tag tag-amber'
                      : q.status === 'answered'
                        ? 'tag tag-green'
                        : 'tag tag-grey'
                  }
                >
                  {QUESTION_STATUS_LABELS[q.status]}
                </span>
                {q.status === 'pending' && i.openQuestionsDue ? (
                  <span class="nowrap"> 应于{formatDate('zh', i.openQuestionsDue)}前答复</span>
                ) : null}
              </p>
              <p class="pre-line">{q.content}</p>
              {q.status === 'answered' ? (
                <div class="interview-answer">
                  <p>
                    <strong>{q.answeredBy}</strong> 答（{formatDateTime('zh', q.answeredAt)}）：
                  </p>
                  <p class="pre-line">{q.answer}</p>
                </div>
              ) : null}
              {p.canEdit && i.state !== 'draft' ? (
                <AnswerForm
                  interviewId={i.id}
                  q={q}
                  guests={guests}
                  csrf={csrf}
                  errors={p.errorsFor === String(q.id) ? p.errors : undefined}
                  values={p.errorsFor === String(q.id) ? p.answerValues : undefined}
                />
              ) : null}
            </li>
          ))}
        </ol>
      )}

      <h2>文字实录</h2>
      {i.transcriptPublishedAt ? <p>已于 {formatDateTime('zh', i.transcriptPublishedAt)} 公布。</p> : null}
      {p.canEdit && i.state !== 'draft' ? (
        <PostForm action={`/admin/interviews/${i.id}/transcript`} csrf={csrf}>
          <input type="hidden" name="version" value={String(i.version)} />
          <div class="field">
            <TextArea
              name="transcript"
              label="实录内容"
              hint="每行一段发言，写成「发言人：内容」，例如「主持人：各位网友大家好」"
              value={p.transcript ?? transcriptText(i.transcript)}
              rows={16}
              errors={p.errorsFor === 'transcript' ? p.errors : undefined}
            />
          </div>
          <Button variant="secondary">保存实录</Button>
        </PostForm>
      ) : i.transcript.length === 0 ? (
        <p>还没有录入实录。</p>
      ) : null}
      {p.canPublish && i.state === 'announced' && i.phase === 'ended' && i.transcript.length > 0 ? (
        <PostForm action={`/admin/interviews/${i.id}/publish`} csrf={csrf}>
          <Button>公布文字实录</Button>
        </PostForm>
      ) : null}
    </AdminLayout>
  );
};
