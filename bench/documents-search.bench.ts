// Document search (issue 10: target p95 ≤ 50 ms on PostgreSQL at 1,000,000 documents, ≥ 20× faster
// than ILIKE '%…%', recall ≥ 0.95 against exact substring matches).
//
// Setup (not timed as a result; its rate is printed): a fresh database — PGlite in a temporary data
// dir with 100,000 documents, then PostgreSQL (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the
// local server; a new database bench_docs_…) with 1,000,000 — migrated, 41 agencies, then synthetic
// documents in multi-row INSERTs with their tokens computed by documentSearchColumns, as every
// writer does. The text comes from a government vocabulary: ~350 real policy words (subjects and
// the management words that follow them) combined into ~4,000 terms, drawn with a Zipf law (s = 1)
// into sentences of real document phrasing (为进一步加强…，根据《…》，结合本市实际，制定本办法。).
// Each document has a 文号 (代字〔年〕序号号), one or two themes, a year 2012–2026, an 效力级别 and a
// 有效性; 3 % are drafts. The GIN index is dropped during the load and built after it (timed apart).
//
// Then 50 fixed queries — 15 two-character words, 10 three-character, 10 four-character, 5 quoted
// phrases, 5 文号 in loose forms, 5 with filters — each run through searchDocuments (warm-up, then
// BENCH_DOCS_RUNS runs): p50/p95 over all runs. Beside it, in the same run on the same rows,
// `(title ILIKE '%w%' OR body_text ILIKE '%w%')` for the word and phrase queries (BENCH_DOCS_ILIKE_RUNS
// runs each), and recall: the ids whose title or body contains the word (ILIKE, exact substring)
// against the ids the tsquery matches without LIMIT.
//
// `npm run bench -- documents-search`. BENCH_DOCS (documents; default 100000 on PGlite, 1000000 on
// PostgreSQL, or one number for both), BENCH_DOCS_ENGINE (pglite | postgres | both, default both),
// BENCH_DOCS_RUNS (10), BENCH_DOCS_ILIKE_RUNS (1), BENCH_DOCS_KEEP=1 keeps the PostgreSQL database
// and prints its URL; BENCH_DOCS_URL=<url> reuses such a database (no load); BENCH_DOCS_LOAD_ONLY=1
// only loads it (with BENCH_DOCS_KEEP=1, to measure it later); BENCH_DOCS_PGLITE_DIR=<dir> keeps
// PGlite's data dir there and reuses it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { createBenchDatabase, percentile, serverUrl } from './applications-support.js';
import { openPglite, openPostgres, type Database, type Executor } from '../src/db/client.js';
import { agency, document, documentIssuer, documentTheme } from '../src/db/schema.js';
import { normalizeDocNumber } from '../src/domain/documents/doc-number.js';
import { facetTokens } from '../src/domain/search/facets.js';
import { THEMES } from '../src/domain/documents/themes.js';
import { parseSearchQuery } from '../src/domain/search/query.js';
import { documentSearchColumns } from '../src/lib/chinese-tokens.js';
import {
  jiebaQueryTokenizer,
  searchDocuments,
  type SearchDocumentsInput,
} from '../src/queries/search-documents.js';

export const title = 'document search: jieba tsvector + GIN vs ILIKE, 100k (PGlite) and 1M (PostgreSQL)';

const ENGINE = process.env.BENCH_DOCS_ENGINE ?? 'both';
const RUNS = Number(process.env.BENCH_DOCS_RUNS ?? 10);
const ILIKE_RUNS = Number(process.env.BENCH_DOCS_ILIKE_RUNS ?? 1);
const WARMUP = 2;
const BATCH = 500;

// ------------------------------------------------------------------------------------------------
// Vocabulary

/** Subjects of government work (what a document is about). */
const SUBJECTS = `政府信息 政务 行政复议 行政诉讼 行政执法 行政许可 行政处罚 营商环境 市场主体 中小企业 民营经济
个体工商户 外商投资 招商引资 产业 制造业 服务业 数字经济 科技 创新 人才 高校毕业生 就业 创业 职业技能 社会保险
养老保险 医疗保险 失业保险 工伤保险 住房公积金 医保 医疗 卫生 公共卫生 疾病预防 疫苗 药品 食品 食品安全
特种设备 产品质量 计量 标准化 知识产权 商标 专利 价格 收费 税收 财政 预算 政府采购 国有资产 政府债务
审计 统计 金融 信用 社会信用 诚信 数据 公共数据 政务数据 电子政务 网络 信息化 人工智能 大数据 教育 义务教育
学前教育 职业教育 学校 校园 教师 学生 文化 文物 旅游 体育 全民健身 广播电视 新闻出版 民政 社会救助 最低生活保障
特困人员 养老服务 居家养老 养老机构 儿童 未成年人 妇女 残疾人 老年人 退役军人 优抚 婚姻登记 殡葬 社会组织
慈善 志愿服务 社区 城乡社区 物业 住房 保障性住房 租赁住房 房地产 棚户区 老旧小区 城市更新 建筑 建筑工地
工程建设 招标投标 城市管理 市容 环境卫生 垃圾分类 生活垃圾 园林绿化 市政设施 供水 排水 污水 燃气 道路
交通 公共交通 出租汽车 道路运输 港口 航道 公路 铁路 机场 物流 农业 农村 农民 乡村振兴 耕地 高标准农田 粮食
畜牧 渔业 种业 农产品 农村集体 宅基地 水利 河湖 水资源 防汛 抗旱 水土保持 林业 森林 湿地 自然资源 国土空间
土地 不动产 矿产 测绘 生态环境 大气 水环境 土壤 固体废物 危险废物 噪声 排污 碳排放 节能 新能源 能源 电力
安全生产 应急 消防 危险化学品 自然灾害 地震 气象 公安 治安 户籍 出入境 道路交通安全 司法 法治 公共法律服务
人民调解 法律援助 信访 民族 宗教 外事 侨务 档案 保密 机关事务 公务用车 人防 统战 工会 共青团 妇联 商务 外贸
消费 电子商务 市场 市场监管 广告 网络交易 反垄断 价格监督 营业执照 企业登记 证照 审批 政务服务 便民服务
一网通办 放管服 减税降费 惠企政策 稳就业 重点项目 基础设施 新基建 开发区 产业园区 工业园区 高新区`;

/** What is done about a subject: joined to it to make a term (养老服务 + 管理 → 养老服务管理). */
const ACTIONS = `管理 工作 服务 改革 建设 发展 保障 监管 监督 检查 安全 规划 政策 体系 制度 机制 标准 考核 评价 资金
补贴 项目 试点 示范 专项 整治 治理 保护 促进 提升 办法 规定 细则 方案 清单 目录 指南 标准化 信息化 数字化
统计 调查 登记 备案 审批 许可 执法 处罚 奖励 培训 宣传 督查 应急 预警 防控 整改 验收 认定 申报 补助 救助
保险 基金 市场 平台 中心 网格 责任 能力 质量 效能 风险 隐患 信用`;

/** Words of document phrasing around the terms. */
const VERBS = `加强 推进 深化 完善 健全 落实 优化 规范 强化 提高 加快 推动 实施 开展 组织 建立 统筹 做好 抓好 持续`;
const GENRES = [
  '通知',
  '意见',
  '办法',
  '规定',
  '实施细则',
  '实施方案',
  '决定',
  '通告',
  '公告',
  '批复',
  '函',
  '规划',
];
const LAWS = [
  '中华人民共和国政府信息公开条例',
  '中华人民共和国行政许可法',
  '中华人民共和国行政处罚法',
  '中华人民共和国安全生产法',
  '优化营商环境条例',
  '中华人民共和国预算法',
  '中华人民共和国行政复议法',
  '中华人民共和国社会保险法',
  '江苏省人民政府关于深化放管服改革的意见',
  '国务院办公厅关于加快推进一网通办的指导意见',
];

const words = (s: string) => s.split(/\s+/).filter((w) => w !== '');

/** A seeded generator (mulberry32): the same corpus in every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Terms ranked for a Zipf law: subjects alone, then subject + action compounds, shuffled by seed. */
function buildTerms(r: () => number): string[] {
  const subjects = words(SUBJECTS);
  const actions = words(ACTIONS);
  const terms = new Set<string>(subjects);
  for (const s of subjects) {
    // Each subject takes about a fifth of the actions: ~4,000 terms in all.
    for (const a of actions) if (r() < 0.2 && !s.endsWith(a)) terms.add(s + a);
  }
  const list = [...terms];
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/** Draws from ranked items with probability ∝ 1 / rank (Zipf, s = 1). */
function zipf<T>(items: readonly T[], r: () => number): () => T {
  const cum: number[] = [];
  let sum = 0;
  for (let i = 0; i < items.length; i++) cum.push((sum += 1 / (i + 1)));
  return () => {
    const x = r() * sum;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]!;
  };
}

interface Agency {
  id: number;
  name: string;
  prefix: string;
}

const DEPARTMENTS = words(`发展和改革委员会 教育局 科学技术局 工业和信息化局 公安局 民政局 司法局 财政局
人力资源和社会保障局 自然资源和规划局 生态环境局 住房和城乡建设局 交通运输局 水务局 农业农村局 商务局
文化广电和旅游局 卫生健康委员会 退役军人事务局 应急管理局 审计局 市场监督管理局 统计局 医疗保障局
城市管理局 信访局 体育局 机关事务管理局 数据局 行政审批局`);
const DISTRICTS = words('东城区 西城区 江北区 湖滨区 新港区 南湖区 梅山市 青溪市 临江市 云阳县');

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

interface GeneratedDoc {
  row: typeof document.$inferInsert;
  themes: string[];
  coIssuer: number | null;
}

function generator(agencies: Agency[], seed = 20261130) {
  const r = rng(seed);
  const terms = buildTerms(r);
  const term = zipf(terms, r);
  const verbs = words(VERBS);
  const serials = new Map<string, number>();
  const leafThemes = THEMES.filter((t) => t.parent !== null).map((t) => t.code);
  const sentence = (): string => {
    const k = r();
    if (k < 0.25) return `${pick(r, verbs)}${term()}${term()}，${pick(r, verbs)}${term()}`;
    if (k < 0.45) return `各地各部门要${pick(r, verbs)}${term()}，${pick(r, verbs)}${term()}和${term()}`;
    if (k < 0.6) return `对${term()}中发现的问题，由${pick(r, agencies).name}依法${pick(r, verbs)}${term()}`;
    if (k < 0.75) return `${term()}的${term()}按照${term()}有关规定执行`;
    if (k < 0.88) return `到${2025 + Math.floor(r() * 6)}年，${term()}${term()}取得明显成效`;
    return `本${pick(r, GENRES)}所称${term()}，是指${term()}、${term()}等${term()}`;
  };
  return (id: number): GeneratedDoc => {
    const a = agencies[Math.floor(r() * r() * agencies.length)]!; // the city and big bureaus publish more
    const year = 2012 + Math.floor(r() * 15);
    const key = `${a.prefix}|${year}`;
    const serial = (serials.get(key) ?? 0) + 1;
    serials.set(key, serial);
    const genre = pick(r, GENRES);
    const t1 = term();
    const t2 = term();
    const titleKind = r();
    const docTitle =
      titleKind < 0.5
        ? `关于${pick(r, verbs)}${t1}${t2}的${genre}`
        : titleKind < 0.8
          ? `${a.name.replace(/^江南市/, '江南市')}${t1}${genre}`
          : `关于印发江南市${t1}${t2}${pick(r, ['办法', '实施方案', '规定'])}的通知`;
    const law = pick(r, LAWS);
    const parts = [`为${pick(r, verbs)}${t1}${t2}，根据《${law}》，结合本市实际，制定本${genre}`];
    const n = 4 + Math.floor(r() * 9);
    for (let i = 0; i < n; i++) parts.push(sentence());
    parts.push(`本${genre}自${year}年${1 + Math.floor(r() * 12)}月1日起施行`);
    const bodyText = parts.join('。') + '。';
    const docNumber = `${a.prefix}〔${year}〕${serial}号`;
    const month = String(1 + Math.floor(r() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(r() * 28)).padStart(2, '0');
    const e = r();
    const v = r();
    const themes = [pick(r, leafThemes)];
    if (r() < 0.4) themes.push(pick(r, leafThemes));
    return {
      row: {
        id,
        kind: r() < 0.1 ? 'interpretation' : 'document',
        agencyId: a.id,
        title: docTitle,
        docNumber,
        docNumberNorm: normalizeDocNumber(docNumber),
        genre,
        effectLevel: e < 0.05 ? 'rule' : e < 0.3 ? 'normative' : 'other',
        publishedOn: `${year}-${month}-${day}`,
        validity: v < 0.8 ? 'effective' : v < 0.88 ? 'amended' : v < 0.95 ? 'expired' : 'abolished',
        state: r() < 0.03 ? 'draft' : 'published',
        bodyText,
        bodyHtml: '',
        synthetic: true,
        ...documentSearchColumns({ title: docTitle, docNumber, bodyText }),
      },
      themes: [...new Set(themes)],
      coIssuer: r() < 0.03 ? pick(r, agencies).id : null,
    };
  };
}

// ------------------------------------------------------------------------------------------------
// Load

async function loadAgencies(db: Executor): Promise<Agency[]> {
  const rows: { code: string; name: string; kind: string; prefix: string }[] = [
    { code: 'JN', name: '江南市人民政府', kind: 'government', prefix: '江南府' },
    ...DEPARTMENTS.map((d, i) => ({
      code: `JN.D${i}`,
      name: `江南市${d}`,
      kind: 'department',
      prefix: `江南${d.slice(0, 2)}`,
    })),
    ...DISTRICTS.map((d, i) => ({
      code: `JN.Q${i}`,
      name: `${d}人民政府`,
      kind: 'district',
      prefix: `${d.slice(0, 2)}政发`,
    })),
  ];
  const out: Agency[] = [];
  for (const a of rows) {
    const [x] = await db
      .insert(agency)
      .values({ code: a.code, name: a.name, kind: a.kind, path: '/' })
      .returning({ id: agency.id });
    out.push({ id: x!.id, name: a.name, prefix: a.prefix });
  }
  return out;
}

async function exec(db: Executor, q: SQL): Promise<void> {
  await db.execute(q);
}

export async function load(db: Executor, n: number): Promise<void> {
  const agencies = await loadAgencies(db);
  const next = generator(agencies);
  await exec(db, sql`drop index if exists document_search_idx`);
  let tokenMs = 0;
  let insertMs = 0;
  let chars = 0;
  const started = performance.now();
  const insert = async (batch: GeneratedDoc[]) => {
    const t1 = performance.now();
    // facet_tokens as the triggers on document_theme/document_issuer make it: they then change nothing.
    const joint = batch.filter((b) => b.coIssuer !== null && b.coIssuer !== b.row.agencyId);
    await db.insert(document).values(
      batch.map((b) => ({
        ...b.row,
        facetTokens: facetTokens(
          b.themes,
          b.coIssuer !== null && b.coIssuer !== b.row.agencyId ? [b.coIssuer] : [],
        ),
      })),
    );
    await db
      .insert(documentTheme)
      .values(batch.flatMap((b) => b.themes.map((t) => ({ documentId: b.row.id!, themeCode: t }))));
    if (joint.length > 0) {
      await db
        .insert(documentIssuer)
        .values(joint.map((b) => ({ documentId: b.row.id!, agencyId: b.coIssuer!, position: 1 })));
    }
    insertMs += performance.now() - t1;
  };
  // The next batch is generated and tokenised while the database inserts the previous one.
  let pending: Promise<void> = Promise.resolve();
  for (let from = 1; from <= n; from += BATCH) {
    const t0 = performance.now();
    const batch: GeneratedDoc[] = [];
    for (let id = from; id < from + BATCH && id <= n; id++) batch.push(next(id));
    tokenMs += performance.now() - t0;
    for (const b of batch) chars += (b.row.bodyText?.length ?? 0) + b.row.title.length;
    await pending;
    pending = insert(batch);
    if ((from - 1) % 50_000 === 0 && from > 1) {
      const s = (performance.now() - started) / 1000;
      console.log(`  … ${from - 1} documents in ${s.toFixed(0)} s (${((from - 1) / s).toFixed(0)}/s)`);
    }
  }
  await pending;
  await exec(db, sql`select setval('document_id_seq', ${n})`);
  const total = (performance.now() - started) / 1000;
  console.log(
    `loaded ${n} documents (${(chars / 1e6).toFixed(0)} M chars, ${(chars / n).toFixed(0)} per document) in ${total.toFixed(0)} s: ` +
      `${(n / total).toFixed(0)} documents/s; text generation + jieba ${(tokenMs / 1000).toFixed(0)} s, INSERT ${(insertMs / 1000).toFixed(0)} s (overlapping)`,
  );
  const t = performance.now();
  await exec(db, sql`create index document_search_idx on document using gin (search_vector)`);
  console.log(`GIN index built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  await exec(db, sql`analyze`);
}

// ------------------------------------------------------------------------------------------------
// Queries

interface BenchQuery {
  kind: '2-char' | '3-char' | '4-char' | 'phrase' | '文号' | 'filter';
  input: Omit<SearchDocumentsInput, 'page' | 'pageSize'>;
  /** The text compared with ILIKE (word and phrase queries). */
  substring?: string;
}

async function rowsOf<T>(db: Executor, q: SQL): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}

async function queries(db: Executor): Promise<BenchQuery[]> {
  const w = (kind: BenchQuery['kind'], list: string) =>
    words(list).map((q): BenchQuery => ({ kind, input: { q }, substring: q }));
  const out: BenchQuery[] = [
    ...w('2-char', '复议 公开 养老 补贴 审批 疫苗 招标 消防 防汛 救助 统计 燃气 信用 物业 渔业'),
    ...w('3-char', '公积金 残疾人 开发区 不动产 老年人 大数据 服务业 宅基地 新能源 高新区'),
    ...w(
      '4-char',
      '行政复议 营商环境 乡村振兴 安全生产 住房保障 一网通办 政务服务 市场监管 生态环境 垃圾分类',
    ),
  ];
  for (const p of ['优化营商环境', '住房公积金管理', '行政复议工作', '政府信息公开', '安全生产责任']) {
    out.push({ kind: 'phrase', input: { q: `"${p}"` }, substring: p });
  }
  // Five 文号 of loaded documents, typed in loose forms.
  const [{ n }] = (await rowsOf<{ n: string }>(db, sql`select max(id) as n from document`)) as [
    { n: string },
  ];
  const picked: { doc_number: string }[] = [];
  for (const at of [0.001, 0.02, 0.3, 0.44, 0.77]) {
    const from = Math.max(1, Math.floor(Number(n) * at));
    picked.push(
      ...(await rowsOf<{ doc_number: string }>(
        db,
        sql`select doc_number from document where state = 'published' and id >= ${from} order by id limit 1`,
      )),
    );
  }
  const loose = [
    (s: string) => s.replace('〔', '[').replace('〕', ']'),
    (s: string) => s.replace('〔', '（').replace('〕', '）'),
    (s: string) => s.replace('〔', '(').replace('〕', ')'),
    (s: string) => s.replace('〔', '【').replace('〕', '】'),
    (s: string) => s,
  ];
  picked.forEach((p, i) => out.push({ kind: '文号', input: { q: loose[i % 5]!(p.doc_number) } }));
  const [city] = await rowsOf<{ id: number }>(db, sql`select id from agency where code = 'JN.D6'`); // 司法局
  out.push(
    { kind: 'filter', input: { q: '复议', agencyId: city!.id } },
    { kind: 'filter', input: { q: '养老服务', year: 2020 } },
    { kind: 'filter', input: { q: '行政复议', effectLevel: 'normative' } },
    { kind: 'filter', input: { q: '信息公开', validity: 'effective', themeCode: 'T02' } },
    { kind: 'filter', input: { q: '营商环境', kind: 'interpretation' } },
  );
  return out;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

async function measure(name: string, db: Executor, n: number): Promise<void> {
  const qs = await queries(db);
  console.log(
    `${name}: ${n} documents, ${qs.length} queries, ${RUNS} runs each after ${WARMUP} warm-up runs`,
  );
  const all: number[] = [];
  const byKind = new Map<string, number[]>();
  const slow: { q: string; p50: number; total: number }[] = [];
  /** searchDocuments times of the word and phrase queries (the ones ILIKE runs too). */
  const wordTimes: number[] = [];
  for (const bq of qs) {
    const input = { ...bq.input, page: 1, pageSize: 10 };
    let total = 0;
    for (let i = 0; i < WARMUP; i++) total = (await searchDocuments(db, input)).total;
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await searchDocuments(db, input);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    if (bq.substring) wordTimes.push(...times);
    byKind.set(bq.kind, [...(byKind.get(bq.kind) ?? []), ...times]);
    slow.push({ q: JSON.stringify(bq.input), p50: percentile(times, 50), total });
  }
  all.sort((a, b) => a - b);
  console.log(
    `searchDocuments (page of 10, total, 5 facets): p50 ${ms(percentile(all, 50))}, p95 ${ms(percentile(all, 95))}, max ${ms(all.at(-1)!)}`,
  );
  for (const [k, t] of byKind) {
    t.sort((a, b) => a - b);
    console.log(
      `  ${k.padEnd(7)} p50 ${ms(percentile(t, 50)).padStart(9)}  p95 ${ms(percentile(t, 95)).padStart(9)}`,
    );
  }
  slow.sort((a, b) => b.p50 - a.p50);
  console.log('  slowest:');
  for (const s of slow.slice(0, 5)) console.log(`    ${ms(s.p50).padStart(9)}  ${s.total} hits  ${s.q}`);

  // ILIKE over the same rows, and recall (BENCH_DOCS_SKIP_ILIKE=1 leaves them out: a rerun of the search).
  if (process.env.BENCH_DOCS_SKIP_ILIKE) return;
  const likeTimes: number[] = [];
  let found = 0;
  let expected = 0;
  let extra = 0;
  const misses: string[] = [];
  for (const bq of qs.filter((x) => x.substring)) {
    const pattern = `%${bq.substring!}%`;
    const likeQuery = sql`select id from document where state = 'published' and (title ilike ${pattern} or body_text ilike ${pattern})`;
    let likeIds: { id: number }[] = [];
    for (let i = 0; i < ILIKE_RUNS; i++) {
      const t = performance.now();
      likeIds = await rowsOf<{ id: number }>(db, likeQuery);
      likeTimes.push(performance.now() - t);
    }
    const parsed = parseSearchQuery(bq.input.q, jiebaQueryTokenizer);
    const ftsIds = await rowsOf<{ id: number }>(
      db,
      sql`select id from document where state = 'published' and search_vector @@ to_tsquery('simple', ${parsed.tsquery})`,
    );
    const fts = new Set(ftsIds.map((r) => Number(r.id)));
    const like = new Set(likeIds.map((r) => Number(r.id)));
    let hit = 0;
    for (const id of like) if (fts.has(id)) hit++;
    found += hit;
    expected += like.size;
    extra += [...fts].filter((id) => !like.has(id)).length;
    const recall = like.size === 0 ? 1 : hit / like.size;
    if (recall < 0.99) misses.push(`${bq.input.q} ${hit}/${like.size}`);
  }
  likeTimes.sort((a, b) => a - b);
  wordTimes.sort((a, b) => a - b);
  const likeP50 = percentile(likeTimes, 50);
  const likeP95 = percentile(likeTimes, 95);
  console.log(
    `ILIKE '%…%' over title + body (${likeTimes.length / ILIKE_RUNS} word and phrase queries): p50 ${ms(likeP50)}, p95 ${ms(likeP95)}`,
  );
  console.log(
    `  searchDocuments on the same queries: p50 ${ms(percentile(wordTimes, 50))}, p95 ${ms(percentile(wordTimes, 95))}: ` +
      `${(likeP50 / percentile(wordTimes, 50)).toFixed(0)}× faster at p50, ${(likeP95 / percentile(wordTimes, 95)).toFixed(0)}× at p95`,
  );
  console.log(
    `recall against exact substring matches: ${(found / expected).toFixed(4)} (${found} of ${expected} ids); ` +
      `tsquery ids without the substring: ${extra}`,
  );
  if (misses.length > 0) console.log(`  queries under 0.99: ${misses.join('; ')}`);
}

// ------------------------------------------------------------------------------------------------

function docsFor(engine: 'pglite' | 'postgres'): number {
  if (process.env.BENCH_DOCS) return Number(process.env.BENCH_DOCS);
  return engine === 'pglite' ? 100_000 : 1_000_000;
}

async function onPglite(): Promise<void> {
  const n = docsFor('pglite');
  // BENCH_DOCS_PGLITE_DIR keeps the loaded data dir (and reuses it when it holds documents).
  const kept = process.env.BENCH_DOCS_PGLITE_DIR;
  const dir = kept ?? mkdtempSync(join(tmpdir(), 'gk-bench-docs-'));
  let database: Database | undefined;
  try {
    database = await openPglite(join(dir, 'pgdata'));
    await database.migrate();
    const [c] = await rowsOf<{ n: string }>(database.db, sql`select count(*) as n from document`);
    if (Number(c!.n) === 0) await load(database.db, n);
    if (!process.env.BENCH_DOCS_LOAD_ONLY) await measure('PGlite', database.db, Number(c!.n) || n);
  } finally {
    await database?.close();
    if (!kept) rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(): Promise<void> {
  const n = docsFor('postgres');
  const reuse = process.env.BENCH_DOCS_URL;
  if (reuse) {
    const database = await openPostgres(reuse);
    try {
      // A kept database follows the schema: newer migrations are applied (timed) before measuring.
      const t0 = performance.now();
      await database.migrate();
      console.log(`migrations brought up to date in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      const [c] = await rowsOf<{ n: string }>(database.db, sql`select count(*) as n from document`);
      await measure('PostgreSQL (reused database)', database.db, Number(c!.n));
    } finally {
      await database.close();
    }
    return;
  }
  const created = await createBenchDatabase(serverUrl(), 'bench_docs');
  if ('skip' in created) {
    console.log(`PostgreSQL skipped: ${created.skip}`);
    return;
  }
  const database = await openPostgres(created.url);
  try {
    await database.migrate();
    await load(database.db, n);
    if (!process.env.BENCH_DOCS_LOAD_ONLY) await measure('PostgreSQL', database.db, n);
  } finally {
    await database.close();
    if (process.env.BENCH_DOCS_KEEP) console.log(`kept: BENCH_DOCS_URL=${created.url}`);
    else await created.drop();
  }
}

export async function run(): Promise<void> {
  if (ENGINE === 'pglite' || ENGINE === 'both') await onPglite();
  if (ENGINE === 'postgres' || ENGINE === 'both') await onPostgres();
}
