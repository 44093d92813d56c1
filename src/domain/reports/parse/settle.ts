// The reader in two steps (issue 11): readReport reads every row into all the readings its own
// text allows; settleReading narrows them with all the evidence jointly — the sum rules across
// tables 三 and 四 and the constraints given from outside the tables (figures quoted in the
// report's text, the reports of neighbouring years) — and builds the canonical result. Both are
// pure and never throw, so that a series can re-settle a reading with more constraints.
import { check, sortViolations } from '../check.js';
import { table3Equations } from '../rules.js';
import { suspectCells } from '../suspects.js';
import { verdictOf } from '../verdict.js';
import type { CellConstraint, ParsedReport, ReadStatus, ReportFormat, Violation } from '../types.js';
import { detectFormat } from './format-detect.js';
import { htmlToText, looksLikeHtml } from './html.js';
import { locateRegions, HEADINGS } from './locate.js';
import { buildDoc, normalizeText, toKey, type Doc } from './normalize.js';
import { quoteViolations } from './quoted-figures.js';
import { buildTables, missingOrder } from './settle-build.js';
import { settleRows, type RuleEquation } from './settle-solve.js';
import { rowId, type TableRows } from './settle-types.js';
import { unreadable, unreadableReport } from './settle-unreadable.js';
import { readTable2 } from './table2-read.js';
import { readTable3, type Table3Rows } from './table3-read.js';
import { table3Linear } from './table3-solve.js';
import { readTable4 } from './table4-read.js';
import { readTitle } from './title.js';

export type ReportInput = string | { html: string };

/** A report read but not yet settled. Only the named fields are meant for other modules. */
export interface ReportReading {
  format: ReportFormat;
  year: number | null;
  agency: string | null;
  title?: string;
  /** The normalised text (HTML turned into text), for the figures quoted in it. */
  text: string;
  /** Internal: every printed row with its readings. */
  readonly rows: { table2: TableRows; table3: Table3Rows; table4: TableRows };
}

export const isReading = (r: ReportReading | ParsedReport): r is ReportReading => !('status' in r);

/** Reads the text; a submission that is not a report comes back as the unreadable result. */
export function readReport(input: ReportInput): ReportReading | ParsedReport {
  try {
    return read(input);
  } catch {
    // A bug must not take a batch of thousands of files down with it.
    return unreadableReport('读取时发生内部错误');
  }
}

/** Settles a reading with the sum rules and `constraints`; never throws. */
export function settleReading(reading: ReportReading, constraints: readonly CellConstraint[]): ParsedReport {
  try {
    return settle(reading, constraints);
  } catch {
    return unreadableReport('读取时发生内部错误');
  }
}

function read(input: ReportInput): ReportReading | ParsedReport {
  const raw = typeof input === 'string' ? input : String(input?.html ?? '');
  const html = typeof input !== 'string' || looksLikeHtml(raw);
  const text = normalizeText(html ? htmlToText(raw) : raw);
  const junk = junkReason(text);
  if (junk) return unreadableReport(junk);
  const doc = buildDoc(text);
  const info = readTitle(text);
  const format = detectFormat(doc, info.year);
  const regions = locateRegions(doc);
  const table2 = readTable2(doc, regions.table2, format);
  const table3 = readTable3(doc, regions.table3, format);
  const table4 = readTable4(doc, regions.table4);
  if (!table2.hasData && !table3.hasData && !table4.hasData && !looksLikeReport(doc)) {
    return unreadable(format, info, '未找到政府信息公开工作年度报告的标题、章节或表格');
  }
  const head = { format, year: info.year, agency: info.agency, ...(info.title ? { title: info.title } : {}) };
  return { ...head, text, rows: { table2, table3, table4 } };
}

const RULES: Record<ReportFormat, RuleEquation[]> = {
  '2019': rulesOf('2019'),
  '2021': rulesOf('2021'),
};

function rulesOf(format: ReportFormat): RuleEquation[] {
  return table3Equations(format).map((eq) => ({
    ...table3Linear(eq, (k) => rowId('table3', k)),
    rule: eq.rule,
  }));
}

function settle(reading: ReportReading, constraints: readonly CellConstraint[]): ParsedReport {
  const { format, rows } = reading;
  const parts = [rows.table2, rows.table3, rows.table4];
  const vars = parts.flatMap((p) => p.vars);
  // A 2021 report printing the 2019 single 「（六）其他处理」 row: the 2019 equations hold for it.
  const mixed = rows.table3.mixed;
  const settlement = settleRows(vars, RULES[mixed ? '2019' : format], constraints);
  const built = buildTables(format, vars, settlement, mixed);
  const tables = { format, table2: built.table2, table3: built.table3, table4: built.table4 };
  const order = missingOrder(format);
  const readMissing = parts.flatMap((p) => p.missing);
  const missing = [...new Set([...expandOther(readMissing, mixed), ...built.missing])].sort(
    (a, b) => order(a) - order(b),
  );
  const reader = [...parts.flatMap((p) => p.violations), ...built.violations].sort(
    (a, b) => order(rowEntry(a)) - order(rowEntry(b)),
  );
  const checked = check(tables).filter(
    (v) => !(v.rule === 'B5' && reader.some((f) => covers(f.where, v.where))),
  );
  const quoted = quoteViolations(reading.text, { ...tables, violations: reader });
  const violations = sortViolations([...reader, ...checked, ...quoted]);
  const suspects = suspectCells({ ...tables, violations });
  const status = statusOf(missing, violations);
  const verdict = verdictOf({ status, missing, violations, suspects });
  const looseLabels = parts.flatMap((p) => p.looseLabels);
  const { year, agency, title } = reading;
  return {
    format,
    year,
    agency,
    ...(title ? { title } : {}),
    table2: tables.table2,
    table3: tables.table3,
    table4: tables.table4,
    violations,
    status,
    missing,
    suspects,
    verdict,
    ...(built.settled.length > 0 ? { settled: built.settled } : {}),
    ...(looseLabels.length > 0 ? { looseLabels } : {}),
  };
}

/** In a mixed report, the missing 2019 row stands for its three 2021 sub-rows. */
function expandOther(missing: string[], mixed: boolean): string[] {
  if (!mixed) return missing;
  return missing.flatMap((m) =>
    m === 'table3.other' ? ['table3.other.noCorrection', 'table3.other.feeUnpaid', 'table3.other.misc'] : [m],
  );
}

const rowEntry = (v: Violation): string => {
  const { table, row } = v.location;
  return table === 'table4' || row === null ? table : `${table}.${row}`;
};

const covers = (outer: string, inner: string): boolean =>
  inner === outer || inner.startsWith(`${outer} `) || inner.startsWith(`${outer}.`);

function statusOf(missing: string[], violations: Violation[]): ReadStatus {
  if (missing.length > 0) return 'incomplete';
  return violations.some((v) => v.severity === 'error') ? 'violations' : 'ok';
}

const REPORT_WORDS = ['政府信息公开', '年度报告', '主动公开', '依申请公开'].map(toKey);

function looksLikeReport(doc: Doc): boolean {
  const headings = [HEADINGS.table2, HEADINGS.table3, HEADINGS.table4].flat();
  return [...REPORT_WORDS, ...headings].some((k) => doc.key.includes(k));
}

// eslint-disable-next-line no-control-regex
const BAD_CHAR = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd]/;

/** Binary data decoded as text is full of control and replacement characters. */
function junkReason(text: string): string | null {
  if (text.trim() === '') return '内容为空';
  if (!BAD_CHAR.test(text)) return null;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x0a && c !== 0x09) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) bad++;
  }
  return bad > 8 && bad / text.length > 0.01 ? '不是文本文件（可能是二进制数据或编码错误）' : null;
}
