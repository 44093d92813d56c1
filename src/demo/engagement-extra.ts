// The demo city's 网上调查 and 在线访谈 (synthetic): one survey of the city government with five
// questions and a few hundred responses, its results published; one interview of the education
// bureau a few days ago with two guests, ten questions (most answered live, two after the end, one
// still open within its time) and its published transcript. Dates follow today; the answers are drawn
// from a seeded generator, so every load is the same.
import type { CommandContext, Deps } from '../commands/context.js';
import { loadDemoSurvey } from '../commands/surveys/demo.js';
import { loadDemoInterview } from '../commands/interviews/demo.js';
import { addDays, isWeekend, type IsoDate } from '../domain/calendar/iso-date.js';
import type { SurveyAnswers } from '../domain/surveys/survey.js';
import { startOfLocalDay } from '../lib/time.js';

export interface DemoEngagementLoaded {
  surveys: number;
  surveyResponses: number;
  interviews: number;
  interviewQuestions: number;
}

/** A small deterministic generator (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An index drawn with the given weights. */
function pick(rand: () => number, weights: number[]): number {
  const total = weights.reduce((s, w) => s + w, 0);
  let r = rand() * total;
  for (const [i, w] of weights.entries()) {
    if ((r -= w) < 0) return i;
  }
  return weights.length - 1;
}

const at = (day: IsoDate, hh: number, mm = 0) =>
  new Date(startOfLocalDay(day).getTime() + (hh * 60 + mm) * 60_000);

const SURVEY_RESPONSES = 412;
const TEXTS = [
  '希望网站搜索能按文号查找文件。',
  '手机上看政策文件字太小，希望改进。',
  '办事指南最好写清楚需要带哪些材料。',
  '12345热线接通很快，点赞。',
  '希望政策解读多用图解，通俗易懂。',
  '留言答复有时较慢，希望缩短时间。',
];

export function demoSurvey(today: IsoDate) {
  const rand = seeded(20261130);
  const opensOn = addDays(today, -75);
  const closesOn = addDays(today, -45);
  const responses: { answers: SurveyAnswers; submittedAt: Date }[] = [];
  for (let i = 0; i < SURVEY_RESPONSES; i++) {
    const answers: SurveyAnswers = {
      q1: pick(rand, [3, 38, 46, 13]),
      q2: pick(rand, [28, 44, 21, 7]),
    };
    const channels = [0.72, 0.58, 0.25, 0.18, 0.3].flatMap((p, k) => (rand() < p ? [k] : []));
    answers.q3 = channels.length ? channels : [0];
    const wishes = [0.4, 0.47, 0.36, 0.31, 0.44].flatMap((p, k) => (rand() < p ? [k] : []));
    if (wishes.length) answers.q4 = wishes;
    if (rand() < 0.08) answers.q5 = TEXTS[Math.floor(rand() * TEXTS.length)]!;
    const day = addDays(opensOn, Math.floor(rand() * 31));
    responses.push({ answers, submittedAt: at(day, 8 + Math.floor(rand() * 13), Math.floor(rand() * 60)) });
  }
  return {
    agencyCode: 'JN',
    title: '江南市政府网站和政务服务满意度调查',
    intro:
      '为进一步办好政府网站、提升政务服务水平，市政府办公室开展本次网上调查。调查不记录您的身份，约需 3 分钟。',
    opensOn,
    closesOn,
    questions: [
      { text: '您的年龄段', type: 'single', options: '18岁以下\n18—35岁\n36—60岁\n60岁以上', required: true },
      {
        text: '您对本市政务服务的总体评价',
        type: 'single',
        options: '非常满意\n满意\n基本满意\n不满意',
        required: true,
      },
      {
        text: '您通过哪些渠道了解政府信息',
        type: 'multiple',
        options: '政府网站\n政务新媒体（微信、微博等）\n报纸、电视\n社区公告栏\n12345热线',
        required: true,
      },
      {
        text: '您最希望政府网站改进哪些方面',
        type: 'multiple',
        options: '信息更新及时\n搜索更好用\n办事指南更清楚\n手机上更好用\n留言回应更快',
        required: false,
      },
      { text: '其他意见和建议', type: 'text', options: '', required: false },
    ],
    responses,
    summary:
      '本次调查共收到有效答卷 412 份。超过七成的受访者对本市政务服务表示满意或非常满意；政府网站和政务新媒体是了解政府信息的主要渠道。受访者最希望改进的是搜索功能和留言回应速度，市政府办公室将据此优化网站检索，并督促各单位按时答复网民留言。',
    resultsPublishedAt: at(addDays(today, -40), 10),
  };
}

/** The last weekday at least `back` days before today. */
function weekdayBefore(today: IsoDate, back: number): IsoDate {
  let d = addDays(today, -back);
  while (isWeekend(d)) d = addDays(d, -1);
  return d;
}

export function demoInterview(today: IsoDate) {
  const day = weekdayBefore(today, 2);
  const startsAt = at(day, 9, 30);
  const endsAt = at(day, 10, 30);
  const before = (h: number) => new Date(startsAt.getTime() - h * 3_600_000);
  const during = (m: number) => new Date(startsAt.getTime() + m * 60_000);
  const live = (m: number, text: string, by = '陈晓东') => ({ text, by, at: during(m) });
  const later = (text: string) => ({ text, by: '市教育局', at: at(day, 16, 30) });
  const q = (
    name: string | null,
    content: string,
    askedAt: Date,
    answer: ReturnType<typeof live> | null,
  ) => ({
    name,
    content,
    askedAt,
    phase: askedAt.getTime() < startsAt.getTime() ? ('before' as const) : ('during' as const),
    answer,
  });
  return {
    agencyCode: 'JN.JYJ',
    title: '聚焦义务教育招生入学：政策解读与答疑',
    intro: '市教育局负责同志做客在线访谈，介绍今年义务教育阶段招生入学政策，回答网友关心的问题。',
    startsAt,
    endsAt,
    answerWithinDays: 5,
    guests: '陈晓东，市教育局副局长\n林芳，市教育局基础教育处处长',
    questions: [
      q(
        '王建华',
        '随迁子女入学需要准备哪些材料？',
        before(50),
        live(
          12,
          '需要户口簿、居住证、父母一方的就业或经营证明以及住房证明，具体以各区公布的细则为准。',
          '林芳',
        ),
      ),
      q(
        null,
        '学区划分什么时候公布？',
        before(30),
        live(18, '各区将在招生报名前一个月公布学区划分，可在各区政府网站查询。'),
      ),
      q(
        '李梅',
        '民办学校还实行摇号吗？',
        before(20),
        live(24, '民办义务教育学校报名人数超过招生计划的，继续实行电脑随机录取。'),
      ),
      q(
        '赵磊',
        '二孩家庭能否安排到同一所学校？',
        during(5),
        live(31, '符合条件的多孩家庭可以申请就近安排到同一学校，报名时勾选即可。', '林芳'),
      ),
      q(
        null,
        '户籍和房产不在一起怎么报名？',
        during(10),
        live(37, '按房产所在学区报名的，需要提供房产证明和居住证明，具体按各区规定审核。', '林芳'),
      ),
      q(
        '孙悦',
        '今年新建学校有哪些？',
        during(15),
        live(44, '今年秋季新增三所公办小学、两所初中，名单已在市教育局网站公布。'),
      ),
      q(
        '周强',
        '报名系统几点开放？',
        during(22),
        live(50, '网上报名系统每天8:00至20:00开放，报名期内不分先后。', '林芳'),
      ),
      q(
        '吴婷',
        '延迟退休对教师招聘有影响吗？',
        during(35),
        later('今年教师招聘计划已按学位需求测算，与退休政策调整无直接关系，招聘公告将另行发布。'),
      ),
      q(
        '郑海',
        '学校课后服务收费标准是多少？',
        during(42),
        later('课后服务按成本补偿原则收费，具体标准由各区报价格主管部门核定后公布。'),
      ),
      q('冯晨', '转学手续在哪里办理？', during(55), null),
    ],
    transcript: [
      '主持人：各位网友，大家好！欢迎参加本期在线访谈。今天我们邀请到市教育局副局长陈晓东、基础教育处处长林芳，为大家解读义务教育招生入学政策。',
      '陈晓东：主持人好，各位网友好。今年义务教育招生继续坚持免试就近入学，公办、民办学校同步招生。',
      '主持人：今年的招生政策有哪些新变化？',
      '陈晓东：主要有三点：一是进一步优化学区划分；二是推行网上报名，材料"一次提交"；三是完善随迁子女入学保障。',
      '林芳：网上报名系统将在报名期内每天8:00至20:00开放，家长不必抢时间，报名不分先后。',
      '主持人：感谢两位嘉宾的解读。访谈中未及回答的问题，市教育局将在5个工作日内答复并在本页公布。本期访谈到此结束，谢谢大家！',
    ].join('\n'),
    transcriptPublishedAt: at(day, 17),
  };
}

/** Loads the survey and the interview (after the agencies and users exist). */
export async function loadDemoEngagementExtra(
  deps: Deps,
  ctx: CommandContext,
  today: IsoDate,
): Promise<DemoEngagementLoaded> {
  const survey = await loadDemoSurvey(deps, ctx, demoSurvey(today));
  const interview = await loadDemoInterview(deps, ctx, demoInterview(today));
  return {
    surveys: 1,
    surveyResponses: survey.responses,
    interviews: 1,
    interviewQuestions: interview.questions,
  };
}
