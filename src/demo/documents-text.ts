// Titles and bodies of the demo documents (synthetic): built from the policy vocabulary of
// documents-vocab.ts in the forms real documents take — 关于印发…的通知, …管理办法, …实施意见,
// 公告, 通报, 批复 — with numbered articles for 办法 and tasks for 意见. Nothing here is a real text.
import { bookTitle } from '../domain/documents/book-title.js';
import { RULE_CLAUSES, TASKS, VILLAGES, type Subject } from './documents-vocab.js';

export interface Rng {
  next(): number;
  int(lo: number, hi: number): number;
  pick<T>(xs: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32, seeded: the same library for the same day, whatever the machine. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    chance: (p) => next() < p,
  };
}

const CN = '〇一二三四五六七八九';
/** 1 → 一, 12 → 十二, 23 → 二十三 (article numbers). */
export function cnNumber(n: number): string {
  if (n < 10) return CN[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN[tens]}十${ones === 0 ? '' : CN[ones]}`;
}

/** A title in book-title marks; marks inside it become the inner ones (《关于印发〈…〉的通知》). */
export const quoted = bookTitle;

/** 2026-03-05 → 2026年3月5日 */
export function cnDate(d: string): string {
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}

const fill = (s: string, v: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_m, k: string) => v[k] ?? '');
const p = (text: string) => `<p>${text}</p>`;

export interface TitleParts {
  title: string;
  genre: string;
  /** The 第二十条 category when the title decides it (plans, statistics …). */
  category?: string;
}

/** The name of a 规章 or normative document on a topic: 江南市学前教育管理办法. */
export function ruleName(topic: string, r: Rng): { name: string; genre: string } {
  const form = r.pick([
    ['管理办法', '办法'],
    ['管理办法', '办法'],
    ['管理规定', '规定'],
    ['实施办法', '办法'],
    ['实施细则', '细则'],
  ] as const);
  return { name: `江南市${topic}${form[0]}`, genre: form[1] };
}

/** A 行政规范性文件's title: the 印发 notice of a 办法, or an 意见 of the agency. */
export function normativeTitle(org: string, name: string, topic: string, r: Rng): TitleParts {
  if (r.chance(0.65)) return { title: `${org}关于印发《${name}》的通知`, genre: '通知' };
  return r.pick([
    { title: `${org}关于进一步加强${topic}工作的实施意见`, genre: '实施意见' },
    { title: `${org}关于推进${topic}高质量发展的若干意见`, genre: '意见' },
    { title: `${org}关于规范${topic}管理的通知`, genre: '通知' },
  ]);
}

/** An ordinary document's title (工作要点, 专项检查, 公告, 通报, 批复 …). */
export function otherTitle(org: string, topic: string, year: number, r: Rng): TitleParts {
  const forms: TitleParts[] = [
    { title: `${org}关于印发${year}年${topic}工作要点的通知`, genre: '通知', category: 'a20-03' },
    { title: `${org}关于开展${topic}专项检查的通知`, genre: '通知' },
    { title: `${org}关于做好${year}年${topic}工作的通知`, genre: '通知' },
    { title: `${org}关于${year - 1}年度${topic}工作情况的通报`, genre: '通报' },
    { title: `${org}关于公布${year}年${topic}示范单位名单的公告`, genre: '公告' },
    { title: `${org}关于${topic}有关事项的公告`, genre: '公告' },
    {
      title: `${org}关于印发${topic}三年行动方案（${year}—${year + 2}年）的通知`,
      genre: '通知',
      category: 'a20-03',
    },
    { title: `${org}关于同意${r.pick(VILLAGES)}${topic}项目实施方案的批复`, genre: '批复' },
    { title: `${org}${year - 1}年${topic}工作总结`, genre: '报告' },
    { title: `${org}关于征求《江南市${topic}工作方案（征求意见稿）》意见的函`, genre: '函' },
  ];
  return r.pick(forms);
}

export interface BodyInput {
  org: string;
  topic: string;
  subject: Subject;
  genre: string;
  /** The 办法 a 印发 notice carries, or the rule itself. */
  ruleName?: string;
  effectiveOn?: string | null;
  /** 有效期 of a normative document, in years. */
  validYears?: number;
  year: number;
}

/** The articles of a 办法 / 规定: purpose, scope, who is responsible, clauses, entry into force. */
export function ruleArticles(b: BodyInput, r: Rng): string[] {
  const v = { org: b.org.replace(/^江南市/, '市'), topic: b.topic };
  const clauses = [...RULE_CLAUSES].sort(() => r.next() - 0.5).slice(0, r.int(4, 7));
  const articles = [
    `为了加强${b.topic}管理，规范${b.topic}工作，保障公民、法人和其他组织的合法权益，根据《${b.subject.law}》等法律、法规和规章，结合本市实际，制定本办法。`,
    `本办法适用于本市行政区域内的${b.topic}及其监督管理活动。`,
    `${v.org}负责本市${b.topic}的统筹协调和监督管理工作。各区（县级市）人民政府负责本行政区域内的${b.topic}工作。`,
    ...clauses.map((c) => fill(c, v)),
    b.effectiveOn
      ? `本办法自${cnDate(b.effectiveOn)}起施行${b.validYears ? `，有效期${cnNumber(b.validYears)}年` : ''}。`
      : '本办法自发布之日起施行。',
  ];
  return articles.map((a, i) => p(`第${cnNumber(i + 1)}条\u3000${a}`));
}

/** The body of a document of this genre, as sanitisable HTML paragraphs. */
export function documentBody(b: BodyInput, r: Rng): string {
  const addressees = b.org.startsWith('江南市人民政府')
    ? '各区（县级市）人民政府，市各委办局，各直属单位：'
    : b.org.startsWith('江南市')
      ? '各区（县级市）有关部门，局属各单位：'
      : '各有关单位：';
  const tasks = () =>
    [...TASKS]
      .sort(() => r.next() - 0.5)
      .slice(0, r.int(3, 5))
      .map((t, i) => p(`（${cnNumber(i + 1)}）${fill(t, { topic: b.topic })}。`));
  switch (b.genre) {
    case '办法':
    case '规定':
    case '细则':
      return ruleArticles(b, r).join('');
    case '通知':
      if (b.ruleName)
        return [
          p(addressees),
          p(`《${b.ruleName}》已经${b.org}研究同意，现印发给你们，请认真贯彻执行。`),
          p(`<strong>${b.ruleName}</strong>`),
          ...ruleArticles(b, r),
        ].join('');
      return [
        p(addressees),
        p(`为做好${b.year}年${b.topic}工作，根据《${b.subject.law}》和上级有关要求，现将有关事项通知如下：`),
        p('一、工作目标'),
        p(`到${b.year}年底，${b.topic}工作机制更加健全，服务水平明显提升，群众满意度进一步提高。`),
        p('二、主要任务'),
        ...tasks(),
        p('三、工作要求'),
        p(`各单位要高度重视，明确分管领导和具体工作人员，于每季度末将${b.topic}工作进展情况报送${b.org}。`),
      ].join('');
    case '意见':
    case '实施意见':
      return [
        p(`为深入贯彻落实《${b.subject.law}》，进一步推进${b.topic}工作，结合本市实际，现提出如下意见。`),
        p('一、总体要求'),
        p(`坚持以人民为中心，坚持问题导向，着力补短板、强弱项，推动${b.topic}工作取得新成效。`),
        p('二、重点任务'),
        ...tasks(),
        p('三、保障措施'),
        p(`加强组织领导，落实工作责任，将${b.topic}工作纳入年度绩效考核。`),
        ...(b.effectiveOn ? [p(`本意见自${cnDate(b.effectiveOn)}起施行。`)] : []),
      ].join('');
    case '公告':
      return [
        p(`根据《${b.subject.law}》等有关规定，现将${b.topic}有关事项公告如下：`),
        ...tasks(),
        p(`联系电话：0510-8${r.int(1000000, 9999999)}（演示号码）。`),
        p('特此公告。'),
      ].join('');
    case '通报':
      return [
        p(addressees),
        p(
          `${b.year - 1}年，各地各部门认真落实${b.topic}工作部署，取得了积极成效，但仍存在一些问题。现将有关情况通报如下：`,
        ),
        p(
          `一、总体情况。全年共检查单位${r.int(40, 400)}家，发现问题${r.int(10, 90)}个，已整改${r.int(10, 90)}个。`,
        ),
        p('二、存在问题。部分单位工作推进不平衡，资料台账不够规范，整改落实不够到位。'),
        p('三、下一步要求。各单位要对照问题清单逐项整改，整改情况于一个月内报送。'),
      ].join('');
    case '批复':
      return [
        p('你单位关于项目实施方案的请示收悉。经研究，批复如下：'),
        p(`一、同意该${b.topic}项目实施方案，项目总投资约${r.int(50, 900)}万元。`),
        p('二、请严格按照有关规定组织实施，加强资金监管，确保工程质量和安全。'),
      ].join('');
    case '函':
      return [
        p('各有关单位：'),
        p(
          `为提高政策制定的科学性，现就《江南市${b.topic}工作方案（征求意见稿）》公开征求意见，请于十五个工作日内反馈。`,
        ),
        ...tasks(),
      ].join('');
    default:
      return [
        p(`${b.year - 1}年，${b.org}围绕${b.topic}中心工作，认真履行职责，各项工作有序推进。`),
        p('一、主要工作'),
        ...tasks(),
        p('二、下一步工作打算'),
        p(`继续深化${b.topic}改革，加强统筹协调，推动各项工作再上新台阶。`),
      ].join('');
  }
}

/** The body of a 政策解读, in its form: text, 图解 (the graphic described), 访谈, video. */
export function interpretationBody(form: string, docTitle: string, topic: string, r: Rng): string {
  const qa = [
    [
      `问：出台${quoted(docTitle)}的背景是什么？`,
      `答：为进一步规范${topic}工作，回应群众关切，有必要制定本文件。`,
    ],
    [
      '问：主要内容有哪些？',
      `答：文件共${cnNumber(r.int(3, 6))}个部分，明确了${topic}的适用范围、工作职责、办理程序和监督管理。`,
    ],
    ['问：与以往相比有哪些新变化？', '答：一是简化了办理材料，二是压缩了办理时限，三是推行网上办理。'],
    ['问：群众如何咨询？', '答：可拨打12345政务服务便民热线，或到政务服务中心窗口咨询。'],
  ];
  const head =
    form === 'graphic'
      ? p(`【图解】一图读懂${docTitle}（图片说明：以下为图解的文字版）`)
      : form === 'interview'
        ? p(`【访谈】主要负责人就${docTitle}答记者问`)
        : form === 'video'
          ? p(`【视频解读】${docTitle}（视频链接见本页）`)
          : p(`近日，${docTitle}正式印发。为便于理解和执行，现就有关内容解读如下。`);
  return [head, ...qa.flatMap(([q, a]) => [p(q!), p(a!)])].join('');
}
