// The demo city's document library (issue 10 item 7, synthetic): some 4,000 documents of 江南市's
// agencies from 2019 to the day of the first start — 规章 (a few, 市政府令), 行政规范性文件 (with their
// 统一编号 and 有效期 of five years; new versions replace old ones), and ordinary notices, plans,
// 公告 and 通报 — with their 政策解读 (text, 图解, 访谈, video), the city's yearly decisions that
// abolish, amend or declare invalid normative documents, departments' notices implementing the city's,
// the city government's gazette (24 issues a year, each with a stand-in PDF), two withdrawn notices, and the drafts, the item
// under review and the overdue items the demo logins find. Deterministic: the same day gives the same
// library. Loaded by src/commands/demo-documents.ts with the checks of the ordinary commands.
import { addDays, type IsoDate } from '../domain/calendar/iso-date.js';
import type {
  DemoDocumentInput,
  DemoGazetteIssueInput,
  DemoRelationInput,
} from '../commands/demo-documents.js';
import type { InterpretationForm, PublicationState, RelationKind } from '../domain/documents/vocab.js';
import { demoNoticePrefixes } from './applications.js';
import { DEMO_CITY, type DemoAgency } from './city.js';
import {
  cnNumber,
  quoted,
  documentBody,
  interpretationBody,
  normativeTitle,
  otherTitle,
  rng,
  ruleName,
  type Rng,
} from './documents-text.js';
import {
  CITY_SUBJECT,
  DEPARTMENT_SUBJECTS,
  DISTRICT_SUBJECT,
  TOWN_SUBJECT,
  themeCode,
  type Subject,
} from './documents-vocab.js';
import { decisionBody, specialsOf, type Special } from './documents-extra.js';
import { demoGazettePdf } from './gazette-pdf.js';

export const DEMO_DOCUMENTS_FIRST_YEAR = 2019;
const SEED = 20190104;
/** 行政规范性文件 are valid for five years unless a shorter term is set (common local practice). */
export const NORMATIVE_VALID_YEARS = 5;

export interface DemoLibrary {
  documents: DemoDocumentInput[];
  gazette: DemoGazetteIssueInput[];
}

export interface Org {
  code: string;
  name: string;
  kind: DemoAgency['kind'];
  subject: Subject;
  /** 发文字号 代字 of its ordinary and its normative documents. */
  prefix: { other: string; normative: string };
  /** Its number in the 统一编号 of normative documents (JNS07-2024-0003). */
  no: number;
}

/** Internal: a document while the library is built (numbers and some bodies come at the end). */
export interface Doc {
  org: Org;
  issuerCodes: string[];
  kind: 'document' | 'interpretation';
  title: string;
  genre: string;
  level: 'rule' | 'normative' | 'other';
  topic: string;
  ruleName?: string;
  themes: string[];
  category: string | null;
  writtenOn: IsoDate;
  publishedOn: IsoDate | null;
  effectiveOn: IsoDate | null;
  expiresOn: IsoDate | null;
  form?: InterpretationForm;
  mediaUrl?: string;
  body: string | null;
  state: PublicationState;
  createdBy: string | null;
  withdrawnReason?: string;
  relations: DemoRelationInput[];
  /** The day it stopped being in force (replaced, abolished, invalidated), while building. */
  endedOn: IsoDate | null;
  docNumber: string | null;
  unifiedNumber: string | null;
}

function orgsOf(): Org[] {
  const notice = demoNoticePrefixes();
  const out: Org[] = [];
  const walk = (a: DemoAgency) => {
    const dept =
      a.code.startsWith('JN.') &&
      a.kind !== 'district' &&
      a.kind !== 'dispatched' &&
      a.code.split('.').length === 2;
    const subject =
      a.code === 'JN'
        ? CITY_SUBJECT
        : dept
          ? (DEPARTMENT_SUBJECTS[a.code.slice(3)] ?? CITY_SUBJECT)
          : a.kind === 'district' || a.kind === 'dispatched'
            ? DISTRICT_SUBJECT
            : TOWN_SUBJECT;
    const base =
      a.code === 'JN' ? '江府' : a.code === 'JN.BGS' ? '江府办' : (notice[a.code] ?? 'JN').replace(/办$/, '');
    out.push({
      code: a.code,
      name: a.name,
      kind: a.kind,
      subject,
      prefix: { other: a.code === 'JN' || a.code === 'JN.BGS' ? base : `${base}发`, normative: `${base}规` },
      no: out.length + 1,
    });
    for (const c of a.children ?? []) walk(c);
  };
  walk(DEMO_CITY);
  return out;
}

/** A day in [from, to], uniformly. */
const dayIn = (r: Rng, from: IsoDate, to: IsoDate) => {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDays(from, r.int(0, Math.max(0, span)));
};
const min = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
/** The same day n years later (29 February → 28 February outside leap years). */
export const addYears = (d: IsoDate, n: number) => {
  const y = Number(d.slice(0, 4)) + n;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}${d.slice(4) === '-02-29' && !leap ? '-02-28' : d.slice(4)}`;
};

function alive(d: Doc, on: IsoDate): boolean {
  return (
    d.state === 'published' &&
    d.kind === 'document' &&
    (d.effectiveOn === null || d.effectiveOn <= on) &&
    (d.endedOn === null || d.endedOn > on) &&
    (d.expiresOn === null || d.expiresOn >= on)
  );
}

/** The demo library for a first start on `today`. */
export function demoDocuments(today: IsoDate): DemoLibrary {
  const r = rng(SEED);
  const orgs = orgsOf();
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  const docs: Doc[] = [];
  const thisYear = Number(today.slice(0, 4));

  const base = (org: Org, writtenOn: IsoDate, lag = r.chance(0.03) ? r.int(30, 45) : r.int(1, 12)): Doc => ({
    org,
    issuerCodes: [],
    kind: 'document',
    title: '',
    genre: '通知',
    level: 'other',
    topic: '',
    themes: [
      themeCode(org.subject.themes[0]!),
      ...(r.chance(0.3) ? [themeCode(r.pick(org.subject.themes))] : []),
    ].filter((t, i, all) => all.indexOf(t) === i),
    category: org.subject.category,
    writtenOn,
    publishedOn: min(addDays(writtenOn, lag), today),
    effectiveOn: null,
    expiresOn: null,
    body: null,
    state: 'published',
    createdBy: null,
    relations: [],
    endedOn: null,
    docNumber: null,
    unifiedNumber: null,
  });

  const addInterpretation = (target: number) => {
    const d = docs[target]!;
    const form = r.pick<InterpretationForm>([
      'text',
      'text',
      'text',
      'text',
      'graphic',
      'graphic',
      'interview',
      'video',
    ]);
    const short = d.ruleName ?? d.title.replace(d.org.name, '');
    const title =
      form === 'graphic'
        ? `图解：${short}`
        : form === 'interview'
          ? `访谈：${d.org.name.replace(/^江南市/, '市')}负责人解读${quoted(short)}`
          : form === 'video'
            ? `视频解读：${short}`
            : `${quoted(short)}政策解读`;
    const i = base(d.org, d.publishedOn!, 0);
    Object.assign(i, {
      kind: 'interpretation',
      title,
      genre: '其他',
      topic: d.topic,
      themes: d.themes,
      category: d.category,
      publishedOn: min(addDays(d.publishedOn!, r.int(0, 3)), today),
      form,
      mediaUrl:
        form === 'video'
          ? `https://media.jiangnan.example/jiedu/${d.writtenOn.slice(0, 4)}/${docs.length}.mp4`
          : undefined,
      body: interpretationBody(form, short, d.topic, r),
      relations: [{ kind: 'interprets', to: target, effectiveOn: null }],
    } satisfies Partial<Doc>);
    docs.push(i);
  };

  const normative = (org: Org, writtenOn: IsoDate, level: 'rule' | 'normative') => {
    const d = base(org, writtenOn);
    // A new version of an earlier normative document of the agency, now and then.
    const earlier =
      level === 'normative' && r.chance(0.3)
        ? docs
            .map((x, k) => [x, k] as const)
            .filter(
              ([x]) =>
                x.org === org &&
                x.level === 'normative' &&
                x.genre !== '决定' &&
                x.writtenOn.slice(0, 4) < writtenOn.slice(0, 4) &&
                alive(x, writtenOn),
            )
        : [];
    const old = earlier.length > 0 ? r.pick(earlier) : null;
    d.topic = old ? old[0].topic : r.pick(org.subject.topics);
    const named = old?.[0].ruleName ? { name: old[0].ruleName, genre: '办法' } : ruleName(d.topic, r);
    d.level = level;
    d.category = 'a20-01';
    d.effectiveOn = addDays(d.publishedOn!, r.pick([0, 0, 0, 30, 31]));
    if (level === 'rule') {
      Object.assign(d, {
        title: named.name,
        genre: named.genre,
        effectiveOn: addDays(d.publishedOn!, r.pick([30, 45, 61])),
      });
    } else {
      const t = old
        ? { title: old[0].title, genre: old[0].genre }
        : normativeTitle(org.name, named.name, d.topic, r);
      Object.assign(d, t);
      d.expiresOn = addDays(addYears(d.effectiveOn, NORMATIVE_VALID_YEARS), -1);
      // 联合发文: a department's normative document issued with another now and then.
      if (org.code.split('.').length === 2 && org.code !== 'JN.BGS' && r.chance(0.12))
        d.issuerCodes = [
          r.pick(
            orgs.filter(
              (o) => o.code.split('.').length === 2 && o.code !== org.code && o.kind === 'department',
            ),
          ).code,
        ];
    }
    // The 办法 a rule is, or the one a 印发 notice carries (an 意见 carries none).
    d.ruleName = d.title.includes(named.name) ? named.name : undefined;
    d.body = documentBody(
      {
        org: org.name,
        topic: d.topic,
        subject: org.subject,
        genre: d.genre,
        ruleName: d.genre === '通知' ? d.ruleName : undefined,
        effectiveOn: d.effectiveOn,
        validYears: level === 'normative' ? NORMATIVE_VALID_YEARS : undefined,
        year: Number(writtenOn.slice(0, 4)),
      },
      r,
    );
    const at = docs.push(d) - 1;
    if (old) {
      d.relations.push({ kind: 'replaces', to: old[1], effectiveOn: d.effectiveOn });
      old[0].endedOn = d.effectiveOn;
    }
    if (r.chance(0.55)) addInterpretation(at);
    return at;
  };

  const other = (org: Org, writtenOn: IsoDate, special?: Special) => {
    const d = base(org, writtenOn);
    d.topic = r.pick(org.subject.topics);
    const t = special ?? otherTitle(org.name, d.topic, Number(writtenOn.slice(0, 4)), r);
    Object.assign(d, { title: t.title, genre: t.genre });
    if (t.category) d.category = t.category;
    if (special?.themes) d.themes = special.themes.map(themeCode);
    d.body = documentBody(
      {
        org: org.name,
        topic: d.topic,
        subject: org.subject,
        genre: d.genre,
        year: Number(writtenOn.slice(0, 4)),
      },
      r,
    );
    return docs.push(d) - 1;
  };

  for (let year = DEMO_DOCUMENTS_FIRST_YEAR; year <= thisYear; year++) {
    const first = `${year}-01-04`;
    const last = year < thisYear ? `${year}-12-24` : addDays(today, -14);
    if (last < first) continue;
    const share = year < thisYear ? 1 : (Date.parse(last) - Date.parse(first)) / (355 * 86_400_000);
    const times = (n: number) => Math.floor(n * share + r.next());
    for (const org of orgs) {
      const level = org.code.split('.').length;
      const city = org.code === 'JN' || org.code === 'JN.BGS';
      const dept = level === 2 && org.kind !== 'district' && org.kind !== 'dispatched';
      const n = {
        rule: org.code === 'JN' ? times(3) : 0,
        normative: city
          ? times(5)
          : dept
            ? times(r.chance(0.55) ? (r.chance(0.25) ? 2 : 1) : 0)
            : level === 2
              ? times(r.chance(0.6) ? 1 : 0)
              : 0,
        other: city
          ? times(28)
          : dept
            ? times(r.int(4, 7))
            : level === 2
              ? times(6)
              : times(r.chance(0.8) ? 1 : 0),
      };
      for (let k = 0; k < n.rule; k++) normative(org, dayIn(r, first, last), 'rule');
      for (let k = 0; k < n.normative; k++) normative(org, dayIn(r, first, last), 'normative');
      for (let k = 0; k < n.other; k++) other(org, dayIn(r, first, last));
    }
    for (const s of specialsOf(year)) if (s.on <= last) other(byCode.get(s.agencyCode)!, s.on, s);
    decisions(year, last);
    implementing(year, last);
  }

  /** The city's yearly clean-up: abolish and amend (even years), declare invalid (odd years). */
  function decisions(year: number, last: IsoDate) {
    const on = `${year}-11-10`;
    if (year < 2020 || on > last) return;
    const jn = byCode.get('JN')!;
    const d = base(jn, on, 5);
    const abolish = year % 2 === 0;
    Object.assign(d, {
      level: 'normative',
      genre: '决定',
      category: 'a20-01',
      topic: '行政规范性文件清理',
      title: abolish
        ? '江南市人民政府关于废止和修改部分行政规范性文件的决定'
        : '江南市人民政府关于宣布失效一批行政规范性文件的决定',
      effectiveOn: d.publishedOn,
      themes: [themeCode('政务公开')],
    });
    docs.push(d);
    const [before, until] = [addDays(on, -60), addDays(d.effectiveOn!, 30)];
    const candidates = docs
      .map((x, k) => [x, k] as const)
      .filter(
        ([x]) =>
          x.level === 'normative' &&
          x.genre !== '决定' &&
          x.org.code.split('.').length <= 2 &&
          x.org.kind !== 'district' &&
          alive(x, before) &&
          (x.expiresOn ?? '9999') > until,
      )
      .sort(() => r.next() - 0.5);
    const take = (n: number) => candidates.splice(0, n);
    const end = (k: number) => (docs[k]!.endedOn = d.effectiveOn);
    const relate = (kind: RelationKind, n: number, ends: boolean, note?: () => string) => {
      for (const [, k] of take(n)) {
        d.relations.push({ kind, to: k, effectiveOn: d.effectiveOn, ...(note ? { note: note() } : {}) });
        if (ends) end(k);
      }
    };
    if (abolish) {
      relate('abolishes', r.int(4, 6), true);
      relate('amends', 2, false, () => `第${cnNumber(r.int(3, 9))}条`);
    } else {
      relate('invalidates', r.int(3, 4), true);
      relate('invalidates', 1, false, () => '第三章');
    }
    d.body = null; // written once the targets have their numbers (decisionBody)
    if (year % 4 === 3) ruleDecision(year, last);
  }

  /** A 规章 that amends two rules and abolishes one (市政府令). */
  function ruleDecision(year: number, last: IsoDate) {
    const on = `${year}-11-20`;
    if (on > last) return;
    const rules = docs
      .map((x, k) => [x, k] as const)
      .filter(([x]) => x.level === 'rule' && alive(x, on))
      .sort(() => r.next() - 0.5);
    if (rules.length < 3) return;
    const d = base(byCode.get('JN')!, on, 5);
    Object.assign(d, {
      level: 'rule',
      genre: '决定',
      category: 'a20-01',
      topic: '政府规章清理',
      title: '江南市人民政府关于修改和废止部分政府规章的决定',
      effectiveOn: d.publishedOn,
      themes: [themeCode('政务公开')],
    });
    docs.push(d);
    const [a, b, c] = rules;
    d.relations.push({ kind: 'amends', to: a![1], effectiveOn: d.effectiveOn, note: '第八条' });
    d.relations.push({ kind: 'amends', to: b![1], effectiveOn: d.effectiveOn, note: '第十二条' });
    d.relations.push({ kind: 'abolishes', to: c![1], effectiveOn: d.effectiveOn });
    c![0].endedOn = d.effectiveOn;
  }

  /** Departments implement some of the city's normative documents of the year. */
  function implementing(year: number, last: IsoDate) {
    const mine = docs
      .map((x, k) => [x, k] as const)
      .filter(
        ([x]) =>
          x.org.code === 'JN' &&
          x.level === 'normative' &&
          x.genre !== '决定' &&
          x.writtenOn.startsWith(String(year)),
      );
    for (const [x, k] of mine) {
      const on = addDays(x.publishedOn!, r.int(10, 40));
      if (on > last || !r.chance(0.3)) continue;
      const dept = r.pick(orgs.filter((o) => o.kind === 'department' && o.code.split('.').length === 2));
      const d = base(dept, on);
      Object.assign(d, {
        topic: x.topic,
        genre: '通知',
        title: `${dept.name}关于贯彻落实${quoted(x.title)}的通知`,
        themes: x.themes,
        relations: [{ kind: 'implements', to: k, effectiveOn: null }],
      } satisfies Partial<Doc>);
      d.body = documentBody(
        { org: dept.name, topic: x.topic, subject: dept.subject, genre: '通知', year },
        r,
      );
      docs.push(d);
    }
  }

  withdrawTwo(docs, thisYear, r);
  numberAll(docs);
  for (const d of docs) if (d.body === null) d.body = decisionBody(d, docs);
  const demo = demoLoginItems(byCode, today, r);
  docs.push(...demo);
  return { documents: docs.map(inputOf), gazette: gazetteOf(docs, today, r) };
}

/** Two notices of the city office, withdrawn after publication (with the reason). */
function withdrawTwo(docs: Doc[], thisYear: number, r: Rng) {
  const pool = docs.filter(
    (d) =>
      d.org.code === 'JN.BGS' &&
      d.level === 'other' &&
      d.kind === 'document' &&
      d.writtenOn.startsWith(String(thisYear - 1)),
  );
  for (const d of pool.sort(() => r.next() - 0.5).slice(0, 2)) {
    d.state = 'withdrawn';
    d.withdrawnReason = '文件附件内容有误，已撤回，更正后将重新发布。';
  }
}

/** 发文字号 by 代字 and year in the order written; 令 numbers running; 统一编号 by agency and year. */
function numberAll(docs: Doc[]) {
  const order = docs
    .map((d, k) => [d, k] as const)
    .sort(([a, i], [b, j]) => (a.writtenOn < b.writtenOn ? -1 : a.writtenOn > b.writtenOn ? 1 : i - j));
  const serials = new Map<string, number>();
  const next = (key: string) => {
    const n = (serials.get(key) ?? 0) + 1;
    serials.set(key, n);
    return n;
  };
  let decree = 150;
  for (const [d] of order) {
    if (d.kind !== 'document') continue;
    const year = d.writtenOn.slice(0, 4);
    if (d.level === 'rule') d.docNumber = `江南市人民政府令第${++decree}号`;
    else {
      const prefix = d.level === 'normative' ? d.org.prefix.normative : d.org.prefix.other;
      // Reports and 公示 carry no 文号 now and then; everything else does.
      if (d.genre !== '报告') d.docNumber = `${prefix}〔${year}〕${next(`${prefix} ${year}`)}号`;
    }
    if (d.level === 'normative')
      d.unifiedNumber = `JNS${String(d.org.no).padStart(3, '0')}-${year}-${String(next(`u ${d.org.code} ${year}`)).padStart(4, '0')}`;
  }
}

/** The drafts, the item under review and the overdue items the demo logins find. */
function demoLoginItems(byCode: Map<string, Org>, today: IsoDate, r: Rng): Doc[] {
  const item = (
    code: string,
    login: string,
    state: PublicationState,
    formedDaysAgo: number,
    title: string,
    genre: string,
    level: Doc['level'],
  ): Doc => {
    const org = byCode.get(code)!;
    const topic = org.subject.topics[0]!;
    const writtenOn = addDays(today, -formedDaysAgo);
    return {
      org,
      issuerCodes: [],
      kind: 'document',
      title,
      genre,
      level,
      topic,
      themes: [themeCode(org.subject.themes[0]!)],
      category: level === 'other' ? org.subject.category : 'a20-01',
      writtenOn,
      publishedOn: null,
      effectiveOn: level === 'other' ? null : addDays(today, 30),
      expiresOn:
        level === 'normative' ? addDays(addYears(addDays(today, 30), NORMATIVE_VALID_YEARS), -1) : null,
      body: documentBody(
        {
          org: org.name,
          topic,
          subject: org.subject,
          genre,
          year: Number(today.slice(0, 4)),
          effectiveOn: addDays(today, 30),
        },
        r,
      ),
      state,
      createdBy: login,
      relations: [],
      endedOn: null,
      docNumber: null,
      unifiedNumber: null,
    };
  };
  const y = today.slice(0, 4);
  return [
    item(
      'JN',
      'jn.officer',
      'draft',
      3,
      '江南市人民政府关于进一步优化营商环境的若干意见（送审稿）',
      '意见',
      'normative',
    ),
    item(
      'JN',
      'jn.officer',
      'review',
      4,
      `江南市人民政府办公室关于做好${y}年冬季安全生产工作的通知`,
      '通知',
      'other',
    ),
    item(
      'JN.JYJ',
      'jyj.officer',
      'draft',
      2,
      `江南市教育局关于公布${y}年校外培训机构白名单的公告`,
      '公告',
      'other',
    ),
    item(
      'JN.JYJ',
      'jyj.officer',
      'draft',
      45,
      `江南市教育局关于${y}年学生资助资金分配情况的公示`,
      '公示',
      'other',
    ),
    item(
      'JN.ZGJ',
      'zgj.officer',
      'review',
      42,
      `江南市自然资源和规划局关于${y}年度第三批次建设用地审批情况的公告`,
      '公告',
      'other',
    ),
    item(
      'JN.DC',
      'dc.officer',
      'draft',
      50,
      `江南市东城区人民政府关于${y}年民生实事项目进展情况的通报`,
      '通报',
      'other',
    ),
  ];
}

function inputOf(d: Doc): DemoDocumentInput {
  return {
    agencyCode: d.org.code,
    issuerCodes: d.issuerCodes,
    fields: {
      kind: d.kind,
      title: d.title,
      docNumber: d.docNumber ?? '',
      genre: d.genre,
      effectLevel: d.kind === 'interpretation' ? 'other' : d.level,
      unifiedNumber: d.unifiedNumber ?? '',
      themes: d.themes,
      writtenOn: d.writtenOn,
      effectiveOn: d.effectiveOn ?? '',
      expiresOn: d.expiresOn ?? '',
      formedOn: d.writtenOn,
      disclosureMethod: 'proactive',
      category: d.category ?? '',
      interpretationForm: d.form ?? '',
      mediaUrl: d.mediaUrl ?? '',
      bodyHtml: d.body ?? '',
    },
    state: d.state,
    publishedOn: d.state === 'published' || d.state === 'withdrawn' ? d.publishedOn : null,
    createdBy: d.createdBy,
    ...(d.withdrawnReason ? { withdrawnReason: d.withdrawnReason } : {}),
    relations: d.relations,
  };
}

/** The city government's gazette: 24 issues a year (the 10th and the 25th), with its documents. */
function gazetteOf(docs: Doc[], today: IsoDate, r: Rng): DemoGazetteIssueInput[] {
  const out: DemoGazetteIssueInput[] = [];
  const thisYear = Number(today.slice(0, 4));
  let previous = `${DEMO_DOCUMENTS_FIRST_YEAR - 1}-12-25`;
  const held = (d: Doc) =>
    d.kind === 'document' &&
    d.state === 'published' &&
    (d.org.code === 'JN' || d.org.code === 'JN.BGS'
      ? d.level !== 'other' || r.chance(0.5)
      : d.level !== 'other' && d.org.kind === 'department');
  for (let year = DEMO_DOCUMENTS_FIRST_YEAR; year <= thisYear; year++) {
    for (let number = 1; number <= 24; number++) {
      const month = String(Math.ceil(number / 2)).padStart(2, '0');
      const on = `${year}-${month}-${number % 2 === 1 ? '10' : '25'}`;
      if (on > today) return out;
      const [from, to] = [addDays(previous, -5), addDays(on, -5)];
      const documents = docs
        .map((d, k) => [d, k] as const)
        .filter(([d]) => d.publishedOn !== null && d.publishedOn > from && d.publishedOn <= to && held(d))
        .sort(([a], [b]) =>
          a.level === b.level
            ? a.publishedOn! < b.publishedOn!
              ? -1
              : 1
            : a.level === 'rule'
              ? -1
              : b.level === 'rule'
                ? 1
                : a.level === 'normative'
                  ? -1
                  : 1,
        )
        .map(([, k]) => k);
      const totalNumber = 300 + (year - DEMO_DOCUMENTS_FIRST_YEAR) * 24 + number;
      out.push({
        agencyCode: 'JN',
        year,
        number,
        totalNumber,
        publishedOn: on,
        documents,
        pdf: demoGazettePdf({ year, number, totalNumber, documents: documents.length }),
      });
      previous = on;
    }
  }
  return out;
}
