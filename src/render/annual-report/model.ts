// What every renderer of an annual report (HTML, PDF, DOCX, XLSX, charts) draws from: the title,
// the six sections of the national format (第五十条; docs/legal.md §2.2) with their texts, and the
// three statistical tables in the canonical shape (docs/report-json.md). The renderers never look
// anything up: the caller (the CLI, the back office, the portal) fills this once.
import type { AnnualReport, ReportFormat, Table2, Table3, Table4 } from '../../domain/reports/types.js';

export type SectionNumber = '一' | '二' | '三' | '四' | '五' | '六';

export const SECTION_NUMBERS: readonly SectionNumber[] = ['一', '二', '三', '四', '五', '六'];

export interface RenderablePart {
  /** As printed, with its number: 「（一）主动公开」. */
  heading: string;
  paragraphs: string[];
}

export interface RenderableSection {
  number: SectionNumber;
  /** As printed, with its number: 「一、总体情况」 (SECTION_HEADINGS). */
  heading: string;
  paragraphs: string[];
  /** 一 only: its five parts (主动公开 … 监督保障) in the national order. */
  parts?: RenderablePart[];
}

export interface RenderableReport {
  /** e.g. 苏州市人民政府2020年政府信息公开工作年度报告 (reportTitle). */
  title: string;
  agencyName: string;
  year: number;
  format: ReportFormat;
  /** own = 本级, rollup = 汇总 (the agency and its subtree). */
  scope: 'own' | 'rollup';
  /** 一 … 六 in the national order. Tables 二, 三 and 四 are printed after the texts of 二, 三, 四. */
  sections: RenderableSection[];
  table2: Table2;
  table3: Table3;
  table4: Table4;
  /** New applications (table 三 一、本年新收, 总计) per year, oldest first, for the chart. */
  history?: { year: number; newReceived: number }[];
  /** YYYY-MM-DD in Asia/Shanghai; null or absent = not published (a draft or a preview). */
  publishedOn?: string | null;
  /** Version number; versions after 1 are corrections. */
  version?: number;
  /** Why this version corrects the previous one (printed under the title). */
  correctionNote?: string | null;
  /** Names of the members of a 汇总 report whose imported published report stands in for them. */
  importedMembers?: string[];
}

/**
 * The section headings printed with each format. The 2021 wording is the one of real 2021-format
 * reports (docs/legal.md §2.2). The 2019 试行 format's own wording of 五 is not verified; reports of
 * that era use 「政府信息公开工作存在的主要问题及改进情况」 as often as the 2021 wording, which
 * 第五十条 also uses, so both formats print the 2021 wording until a verified copy says otherwise.
 */
export const SECTION_HEADINGS: Record<ReportFormat, Record<SectionNumber, string>> = {
  '2019': {
    一: '一、总体情况',
    二: '二、主动公开政府信息情况',
    三: '三、收到和处理政府信息公开申请情况',
    四: '四、政府信息公开行政复议、行政诉讼情况',
    五: '五、存在的主要问题及改进情况',
    六: '六、其他需要报告的事项',
  },
  '2021': {
    一: '一、总体情况',
    二: '二、主动公开政府信息情况',
    三: '三、收到和处理政府信息公开申请情况',
    四: '四、政府信息公开行政复议、行政诉讼情况',
    五: '五、存在的主要问题及改进情况',
    六: '六、其他需要报告的事项',
  },
};

/** The five parts of 一、总体情况, in the order the 2021 notice lists them. */
export const OVERVIEW_PARTS = [
  { key: 'proactive', heading: '（一）主动公开' },
  { key: 'onRequest', heading: '（二）依申请公开' },
  { key: 'management', heading: '（三）政府信息管理' },
  { key: 'platform', heading: '（四）政府信息公开平台建设' },
  { key: 'oversight', heading: '（五）监督保障' },
] as const;

export type OverviewPartKey = (typeof OVERVIEW_PARTS)[number]['key'];

/** The texts of a report as edited in the back office (each a list of paragraphs). */
export interface ReportTexts {
  /** Opening paragraphs of 一 before its parts. */
  overview?: string[];
  parts?: Partial<Record<OverviewPartKey, string[]>>;
  /** Optional narrative before tables 二, 三, 四. */
  proactive?: string[];
  applications?: string[];
  appeals?: string[];
  /** 五 and 六. */
  problems?: string[];
  other?: string[];
}

/** 「苏州市人民政府2020年政府信息公开工作年度报告」; a 汇总 report of a department says so. */
export function reportTitle(agencyName: string, year: number, scope: 'own' | 'rollup' = 'own'): string {
  const base = `${agencyName}${year}年政府信息公开工作年度报告`;
  return scope === 'rollup' && !/人民政府/.test(agencyName) ? `${base}（汇总）` : base;
}

/** The six sections with the headings of the format and the given texts (empty where none). */
export function buildSections(format: ReportFormat, texts: ReportTexts = {}): RenderableSection[] {
  const h = SECTION_HEADINGS[format];
  const clean = (ps: string[] | undefined) => (ps ?? []).map((p) => p.trim()).filter((p) => p !== '');
  return [
    {
      number: '一',
      heading: h.一,
      paragraphs: clean(texts.overview),
      parts: OVERVIEW_PARTS.map((p) => ({ heading: p.heading, paragraphs: clean(texts.parts?.[p.key]) })),
    },
    { number: '二', heading: h.二, paragraphs: clean(texts.proactive) },
    { number: '三', heading: h.三, paragraphs: clean(texts.applications) },
    { number: '四', heading: h.四, paragraphs: clean(texts.appeals) },
    { number: '五', heading: h.五, paragraphs: clean(texts.problems) },
    { number: '六', heading: h.六, paragraphs: clean(texts.other) },
  ];
}

/**
 * A renderable report from the canonical tables (a computed, imported or checked report) and
 * whatever else the caller knows. Without texts the sections carry their headings only.
 */
export function toRenderable(
  report: Pick<AnnualReport, 'format' | 'year' | 'agency' | 'title' | 'table2' | 'table3' | 'table4'>,
  extra: Partial<Omit<RenderableReport, 'sections'>> & { texts?: ReportTexts; year?: number } = {},
): RenderableReport {
  const { texts, ...rest } = extra;
  const agencyName = rest.agencyName ?? report.agency ?? '';
  const year = rest.year ?? report.year ?? new Date().getFullYear();
  const scope = rest.scope ?? 'own';
  return {
    ...rest,
    title: rest.title ?? report.title ?? reportTitle(agencyName, year, scope),
    agencyName,
    year,
    format: rest.format ?? report.format,
    scope,
    sections: buildSections(rest.format ?? report.format, texts),
    table2: rest.table2 ?? report.table2,
    table3: rest.table3 ?? report.table3,
    table4: rest.table4 ?? report.table4,
  };
}

/** The file name of a download: 「苏州市人民政府2020年政府信息公开工作年度报告.pdf」. */
export function reportFileName(r: Pick<RenderableReport, 'title' | 'version'>, ext: string): string {
  const safe = r.title.replace(/[\\/:*?"<>|\s]+/g, '');
  const version = r.version && r.version > 1 ? `（第${r.version}版）` : '';
  return `${safe}${version}.${ext}`;
}

/** 2021-03-31 → 2021年3月31日. */
export function dateText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** An ideographic space between the parts of the byline. */
const GAP = '\u3000';

/** The line under the title: 「苏州市人民政府（汇总） 2021年1月29日发布」, with the version if corrected. */
export function bylineText(r: RenderableReport): string {
  const scope = r.scope === 'rollup' ? '汇总' : '本级';
  const published = r.publishedOn ? `${dateText(r.publishedOn)}发布` : '未发布（预览）';
  const version = r.version && r.version > 1 ? `${GAP}第${r.version}版（更正）` : '';
  return `${r.agencyName}（${scope}）${GAP}${published}${version}`;
}

/** The note under table 三 of a 汇总 report that counts imported reports. */
export function importedNote(r: RenderableReport): string | null {
  return r.importedMembers && r.importedMembers.length > 0
    ? `注：本表为汇总数据，其中${r.importedMembers.join('、')}的数据取自其已公开发布的年度报告。`
    : null;
}

/** The table printed after a section's text, if any. */
export function sectionTable(n: SectionNumber): 'table2' | 'table3' | 'table4' | null {
  return n === '二' ? 'table2' : n === '三' ? 'table3' : n === '四' ? 'table4' : null;
}

/**
 * The title as printed on paper: a title longer than a line (about 20 characters at 二号) breaks
 * after the agency's name, not in the middle of a word: 「苏州市人民政府」「2020年政府信息公开工作年度报告」.
 */
export function titleLines(r: Pick<RenderableReport, 'title' | 'agencyName'>): string[] {
  if (r.title.length <= 20 || !r.agencyName || !r.title.startsWith(r.agencyName)) return [r.title];
  return [r.agencyName, r.title.slice(r.agencyName.length)];
}
