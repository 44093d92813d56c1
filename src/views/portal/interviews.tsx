// 在线访谈 on the portal: the list (预告, 正在直播, 已结束) and one interview — the announcement with
// its guests and time, the question form before and during (no JavaScript), the answered questions
// (askers by their masked names only), the questions still open after the end with the day they will
// be answered by, and the transcript once published.
import type { FC } from 'hono/jsx';
import { INTERVIEW_PHASE_LABELS, type InterviewPhase } from '../../domain/interviews/interview.js';
import type { InterviewDetail, InterviewQuestionItem, InterviewSummary } from '../../queries/interviews.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button, ErrorSummary, Input, PostForm, TextArea, type FieldErrors } from '../components/forms.js';
import { SummaryList } from '../components/summary-list.js';
import { formatDate, formatDateTime, formatTime, SHELL } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';

const TITLE = '在线访谈';
const home = { label: SHELL.home.zh, href: '/' };

const PHASE_TAG: Record<InterviewPhase, string> = {
  draft: 'tag tag-grey',
  upcoming: 'tag tag-amber',
  live: 'tag tag-green',
  ended: 'tag tag-grey',
};

export const InterviewPhaseTag: FC<{ phase: InterviewPhase }> = ({ phase }) => (
  <span class={PHASE_TAG[phase]}>{INTERVIEW_PHASE_LABELS[phase]}</span>
);

/** 2026年12月10日 09:30—10:30 (the configured zone, Asia/Shanghai by default). */
export function interviewTime(i: { startsAt: Date; endsAt: Date }): string {
  return `${formatDateTime('zh', i.startsAt)}—${formatTime(i.endsAt)}`;
}

/** 12月9日 (for 「将于X月X日前答复」). */
export function monthDay(iso: string): string {
  const [, m, d] = iso.split('-').map(Number);
  return `${m}月${d}日`;
}

export const InterviewListPage: FC<{ shell: Omit<ShellProps, 'title'>; interviews: InterviewSummary[] }> = (
  p,
) => (
  <PortalLayout {...p.shell} title={TITLE}>
    <Breadcrumbs lang="zh" items={[home, { label: TITLE }]} />
    <h1>{TITLE}</h1>
    <p class="lead">
      政府部门负责人做客访谈，介绍工作、回应关切。访谈预告发布后即可提问，访谈中来不及答复的问题在规定时间内答复。
    </p>
    {p.interviews.length === 0 ? (
      <p>目前没有访谈。</p>
    ) : (
      <ul class="doc-list">
        {p.interviews.map((i) => (
          <li>
            <a class="doc-title" href={`/interviews/${i.id}`}>
              {i.title}
            </a>
            <p class="doc-meta">
              <InterviewPhaseTag phase={i.phase} /> <span class="nowrap">{interviewTime(i)}</span>
            </p>
            <p class="doc-meta">嘉宾：{i.guests.map((g) => `${g.title}${g.name}`).join('、')}</p>
          </li>
        ))}
      </ul>
    )}
  </PortalLayout>
);

export interface InterviewPageView {
  shell: Omit<ShellProps, 'title'>;
  interview: InterviewDetail;
  answered: InterviewQuestionItem[];
  open: InterviewQuestionItem[];
  csrf: string;
  values?: { name?: string; content?: string };
  errors?: FieldErrors;
  /** Just asked (after the redirect). */
  asked?: boolean;
}

const Question: FC<{ q: InterviewQuestionItem }> = ({ q }) => (
  <>
    <p>
      <strong>{q.askerNameMasked}</strong> 问：{q.content}
    </p>
  </>
);

export const InterviewPage: FC<InterviewPageView> = (p) => {
  const i = p.interview;
  const askable = i.phase === 'upcoming' || i.phase === 'live';
  return (
    <PortalLayout {...p.shell} title={i.title} hasErrors={!!p.errors}>
      <ErrorSummary lang="zh" errors={p.errors} />
      <Breadcrumbs lang="zh" items={[home, { label: TITLE, href: '/interviews' }, { label: i.title }]} />
      {p.asked ? (
        <div class="notice notice-success" role="status">
          <p>
            您的问题已提交。嘉宾将在访谈中选择回答；访谈中来不及回答的问题，访谈结束后由主办单位答复并在本页公布。
          </p>
        </div>
      ) : null}
      <h1>{i.title}</h1>
      <SummaryList
        rows={[
          { key: '访谈时间', value: <span class="nowrap">{interviewTime(i)}</span> },
          { key: '主办单位', value: i.agencyName },
          { key: '状态', value: <InterviewPhaseTag phase={i.phase} /> },
        ]}
      />
      <h2>访谈嘉宾</h2>
      <ul class="interview-guests">
        {i.guests.map((g) => (
          <li>
            <strong>{g.name}</strong> {g.title}
          </li>
        ))}
      </ul>
      {i.intro ? (
        <>
          <h2>访谈简介</h2>
          <p class="pre-line">{i.intro}</p>
        </>
      ) : null}
      {askable ? (
        <section>
          <h2>我要提问</h2>
          <PostForm action={`/interviews/${i.id}/questions`} csrf={p.csrf}>
            <Input
              name="name"
              label="称呼（选填）"
              hint="公开时只显示姓氏等部分文字，例如「张*丰」；不填则显示为「网友」"
              value={p.values?.name}
              errors={p.errors}
              width="medium"
            />
            <TextArea
              name="content"
              label="问题"
              hint="500 字以内。请勿填写电话、身份证号等个人信息。"
              value={p.values?.content}
              rows={5}
              errors={p.errors}
            />
            <Button>提交问题</Button>
          </PostForm>
        </section>
      ) : null}
      {p.answered.length ? (
        <section>
          <h2>网友提问与答复（{p.answered.length}）</h2>
          <ol class="interview-questions">
            {p.answered.map((q) => (
              <li>
                <Question q={q} />
                <div class="interview-answer">
                  <p>
                    <strong>{q.answeredBy}</strong> 答：
                  </p>
                  <p class="pre-line">{q.answer}</p>
                  {q.answeredAt && q.answeredAt.getTime() >= i.endsAt.getTime() ? (
                    <p class="hint">访谈后答复，{formatDate('zh', q.answeredAt)}</p>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {p.open.length && i.openQuestionsDue ? (
        <section>
          <h2>待答复的提问（{p.open.length}）</h2>
          <p>以下问题访谈中未及答复，将于{monthDay(i.openQuestionsDue)}前答复。</p>
          <ol class="interview-questions">
            {p.open.map((q) => (
              <li>
                <Question q={q} />
                <p class="hint">将于{monthDay(i.openQuestionsDue!)}前答复</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {i.transcript.length ? (
        <section>
          <h2>文字实录</h2>
          <div class="transcript">
            {i.transcript.map((l) => (
              <p>
                <span class="transcript-speaker">{l.speaker}：</span>
                {l.text}
              </p>
            ))}
          </div>
        </section>
      ) : i.phase === 'ended' ? (
        <p class="notice">文字实录整理后将在本页公布。</p>
      ) : null}
    </PortalLayout>
  );
};
