// The report reader: a published report's text or HTML → the canonical JSON with a status.
// Pure and deterministic (no language model, no I/O, no clock), so that the same function can
// later import the figures of agencies that do not use Gongkai. It never throws.
import { check, sortViolations } from '../check.js';
import { place } from '../location.js';
import { emptyTable2, emptyTable3, emptyTable4 } from '../shape.js';
import { suspectCells } from '../suspects.js';
import { UNREADABLE_PREFIX, verdictOf } from '../verdict.js';
import type { ParsedReport, ReadStatus, ReportFormat, Violation } from '../types.js';
import { detectFormat } from './format-detect.js';
import { htmlToText, looksLikeHtml } from './html.js';
import { locateRegions, HEADINGS } from './locate.js';
import { buildDoc, normalizeText, toKey, type Doc } from './normalize.js';
import { quotedFigureViolations } from './quoted-figures.js';
import { readTable2 } from './table2-read.js';
import { readTable3 } from './table3-read.js';
import { readTable4 } from './table4-read.js';
import { readTitle, type TitleInfo } from './title.js';

export type ReportInput = string | { html: string };

export function parseReport(input: ReportInput): ParsedReport {
  try {
    return parse(input);
  } catch {
    // A bug must not take a batch of thousands of files down with it.
    return unreadableReport('读取时发生内部错误');
  }
}

/** The result for input that is not a report at all (also used by the file readers). */
export function unreadableReport(reason: string): ParsedReport {
  return unreadable('2021', { year: null, agency: null }, reason);
}

function parse(input: ReportInput): ParsedReport {
  const raw = typeof input === 'string' ? input : String(input?.html ?? '');
  const html = typeof input !== 'string' || looksLikeHtml(raw);
  const text = normalizeText(html ? htmlToText(raw) : raw);
  const junk = junkReason(text);
  if (junk) return unreadableReport(junk);
  const doc = buildDoc(text);
  const info = readTitle(text);
  const format = detectFormat(doc, info.year);
  const regions = locateRegions(doc);
  const t2 = readTable2(doc, regions.table2, format);
  const t3 = readTable3(doc, regions.table3, format);
  const t4 = readTable4(doc, regions.table4);
  if (!t2.hasData && !t3.hasData && !t4.hasData && !looksLikeReport(doc)) {
    return unreadable(format, info, '未找到政府信息公开工作年度报告的标题、章节或表格');
  }
  const tables = { format, table2: t2.table, table3: t3.table, table4: t4.table };
  const reader = [...t2.violations, ...t3.violations, ...t4.violations];
  const rules = check(tables).filter(
    (v) => !(v.rule === 'B5' && reader.some((f) => covers(f.where, v.where))),
  );
  const violations = sortViolations([...reader, ...rules, ...quotedFigureViolations(text, t3.table)]);
  const missing = [...t2.missing, ...t3.missing, ...t4.missing];
  const suspects = suspectCells({ ...tables, violations });
  const status = statusOf(missing, violations);
  const verdict = verdictOf({ status, missing, violations, suspects });
  return { ...head(format, info), ...tables, violations, status, missing, suspects, verdict };
}

function head(format: ReportFormat, info: TitleInfo) {
  return { format, year: info.year, agency: info.agency, ...(info.title ? { title: info.title } : {}) };
}

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

/** Binary data decoded as text is full of control and replacement characters. */
function junkReason(text: string): string | null {
  if (text.trim() === '') return '内容为空';
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x0a && c !== 0x09) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) bad++;
  }
  return bad > 8 && bad / text.length > 0.01 ? '不是文本文件（可能是二进制数据或编码错误）' : null;
}

function unreadable(format: ReportFormat, info: TitleInfo, reason: string): ParsedReport {
  const facts = {
    violations: [
      {
        rule: 'B5' as const,
        severity: 'error' as const,
        ...place.report(),
        message: `${UNREADABLE_PREFIX}${reason}。`,
      },
    ],
    status: 'unreadable' as const,
    missing: ['table2', 'table3', 'table4'],
    suspects: [],
  };
  return {
    ...head(format, info),
    table2: emptyTable2(format),
    table3: emptyTable3(format),
    table4: emptyTable4(),
    ...facts,
    verdict: verdictOf(facts),
  };
}
