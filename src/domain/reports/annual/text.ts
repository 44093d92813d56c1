// The texts of an annual report that people write (第五十条; 国办公开办函〔2021〕30号): 一、总体情况 in
// its five parts, 五 and 六. Sections 二–四 are the tables. A text may hold placeholders for the
// tables' figures — 「{{本年新收申请}}」 or 「{{table3.granted.total}}」 — filled in from the tables
// when the report is shown, so a figure in the text can never drift from its table.
import { cellName } from '../names.js';
import { table2Rows } from '../table2-schema.js';
import { TABLE3_COLUMNS, table3RowKeys } from '../table3-schema.js';
import { TABLE4_COLUMNS, TABLE4_GROUPS } from '../table4-schema.js';
import type { CellRef, ReportFormat, Table2, Table3, Table4 } from '../types.js';

/** The parts people write, in print order. */
export const TEXT_PARTS = [
  { key: 'overviewProactive', section: '一', heading: '（一）主动公开' },
  { key: 'overviewApplications', section: '一', heading: '（二）依申请公开' },
  { key: 'overviewManagement', section: '一', heading: '（三）政府信息管理' },
  { key: 'overviewPlatform', section: '一', heading: '（四）政府信息公开平台建设' },
  { key: 'overviewSupervision', section: '一', heading: '（五）监督保障' },
  { key: 'problems', section: '五', heading: '五、存在的主要问题及改进情况' },
  { key: 'other', section: '六', heading: '六、其他需要报告的事项' },
] as const;

export type TextPartKey = (typeof TEXT_PARTS)[number]['key'];
export type ReportTexts = Record<TextPartKey, string>;

export const TEXT_PART_KEYS: readonly TextPartKey[] = TEXT_PARTS.map((p) => p.key);

/** The longest text of one part (characters). */
export const MAX_TEXT_LENGTH = 20_000;

export function textPartHeading(key: TextPartKey): string {
  return TEXT_PARTS.find((p) => p.key === key)?.heading ?? key;
}

export function emptyTexts(): ReportTexts {
  return Object.fromEntries(TEXT_PART_KEYS.map((k) => [k, ''])) as ReportTexts;
}

/** Whatever was stored (a JSON object) as the seven texts; anything else is blank. */
export function textsOf(stored: unknown): ReportTexts {
  const out = emptyTexts();
  if (stored && typeof stored === 'object')
    for (const k of TEXT_PART_KEYS) {
      const v = (stored as Record<string, unknown>)[k];
      if (typeof v === 'string') out[k] = v;
    }
  return out;
}

/** What placeholders are filled from. */
export interface TextFigures {
  format: ReportFormat;
  table2: Table2;
  table3: Table3;
  table4: Table4;
  /** 信息处理费 actually collected in the year, in yuan (null: not known). */
  feesCollected: number | null;
  /** 政民互动 figures of the year (absent or null: not known, e.g. an imported report). */
  interaction?: InteractionTextFigures | null;
}

/**
 * The 政民互动 figures a report's text may quote (docs/interaction.md): letters to the mailboxes
 * (无效件 left out) and 意见征集 of the year, counted from the cases like the tables.
 */
export interface InteractionTextFigures {
  lettersReceived: number;
  lettersReplied: number;
  /** 0–1, null when nothing was received. */
  letterReplyRate: number | null;
  consultations: number;
  opinions: number;
  /** 采纳, including 部分采纳. */
  opinionsAdopted: number;
  interviews: number;
  qaPublished: number;
}

const c = (table: CellRef['table'], row: string, column: string): CellRef => ({ table, row, column });

/** A named placeholder: the sum of its cells (one cell mostly), the fees collected, or a 政民互动 figure. */
export interface NamedPlaceholder {
  name: string;
  cells: CellRef[];
  fees?: true;
  interaction?: { key: keyof InteractionTextFigures; meaning: string };
}

const ix = (name: string, key: keyof InteractionTextFigures, meaning: string): NamedPlaceholder => ({
  name,
  cells: [],
  interaction: { key, meaning },
});

export const NAMED_PLACEHOLDERS: readonly NamedPlaceholder[] = [
  { name: '本年新收申请', cells: [c('table3', 'newReceived', 'total')] },
  { name: '自然人申请', cells: [c('table3', 'newReceived', 'natural')] },
  {
    name: '法人或其他组织申请',
    cells: ['commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'].map((col) =>
      c('table3', 'newReceived', col),
    ),
  },
  { name: '上年结转申请', cells: [c('table3', 'carriedOver', 'total')] },
  { name: '本年办结申请', cells: [c('table3', 'total', 'total')] },
  { name: '予以公开', cells: [c('table3', 'granted', 'total')] },
  { name: '部分公开', cells: [c('table3', 'partial', 'total')] },
  { name: '结转下年度申请', cells: [c('table3', 'carriedForward', 'total')] },
  { name: '行政复议', cells: [c('table4', 'review', 'total')] },
  { name: '行政诉讼', cells: [c('table4', 'suitDirect', 'total'), c('table4', 'suitAfterReview', 'total')] },
  {
    name: '复议诉讼合计',
    cells: [
      c('table4', 'review', 'total'),
      c('table4', 'suitDirect', 'total'),
      c('table4', 'suitAfterReview', 'total'),
    ],
  },
  { name: '信息处理费', cells: [], fees: true },
  ix('收到留言', 'lettersReceived', '本年领导信箱、部门信箱和公众监督收到的留言（无效件除外）'),
  ix('答复留言', 'lettersReplied', '其中已答复的留言'),
  ix('留言答复率', 'letterReplyRate', '已答复留言 ÷ 收到留言（百分比）'),
  ix('意见征集', 'consultations', '本年开始的意见征集'),
  ix('收到意见', 'opinions', '这些意见征集收到的意见'),
  ix('采纳意见', 'opinionsAdopted', '其中采纳和部分采纳的意见'),
  ix('在线访谈', 'interviews', '本年举行的在线访谈'),
  ix('发布政策问答', 'qaPublished', '本年发布的答问知识库条目'),
];

const PLACEHOLDER = /\{\{\s*([^{}]{1,80}?)\s*\}\}/g;

/** The cell of a generic placeholder 「table3.granted.total」 (the row key may hold dots), else null. */
export function placeholderCell(format: ReportFormat, name: string): CellRef | null {
  const parts = name.split('.');
  if (parts.length < 3) return null;
  const table = parts[0]!;
  const column = parts[parts.length - 1]!;
  const row = parts.slice(1, -1).join('.');
  if (table === 'table3')
    return table3RowKeys(format).includes(row) && (TABLE3_COLUMNS as readonly string[]).includes(column)
      ? c('table3', row, column)
      : null;
  if (table === 'table4')
    return (TABLE4_GROUPS as readonly string[]).includes(row) &&
      (TABLE4_COLUMNS as readonly string[]).includes(column)
      ? c('table4', row, column)
      : null;
  if (table === 'table2') {
    const def = table2Rows(format).find((r) => r.key === row);
    return def?.columns.some((col) => col.key === column) ? c('table2', row, column) : null;
  }
  return null;
}

/** The names between 「{{ }}」 that are neither a named placeholder nor a cell of the format. */
export function unknownPlaceholders(format: ReportFormat, text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1]!;
    if (!NAMED_PLACEHOLDERS.some((p) => p.name === name) && !placeholderCell(format, name)) out.add(name);
  }
  return [...out];
}

function cellValue(f: TextFigures, ref: CellRef): number | string | null {
  if (ref.table === 'table3') {
    const i = (TABLE3_COLUMNS as readonly string[]).indexOf(ref.column);
    return f.table3.rows[ref.row]?.[i] ?? null;
  }
  if (ref.table === 'table4') {
    const i = (TABLE4_COLUMNS as readonly string[]).indexOf(ref.column);
    return f.table4[ref.row as (typeof TABLE4_GROUPS)[number]]?.[i] ?? null;
  }
  return f.table2[ref.row]?.[ref.column] ?? null;
}

/** 「1234.5」 yuan as people write it: no trailing zeros, at most two decimals. */
export function formatYuan(yuan: number): string {
  return String(Math.round(yuan * 100) / 100);
}

/** The value a placeholder stands for, as printed; null when a cell it needs is missing. */
export function placeholderValue(f: TextFigures, name: string): string | null {
  const named = NAMED_PLACEHOLDERS.find((p) => p.name === name);
  if (named?.fees) return f.feesCollected === null ? null : formatYuan(f.feesCollected);
  if (named?.interaction) {
    const v = f.interaction?.[named.interaction.key] ?? null;
    if (v === null) return null;
    return named.interaction.key === 'letterReplyRate' ? `${Math.round(v * 1000) / 10}%` : String(v);
  }
  const cells = named ? named.cells : [placeholderCell(f.format, name)].filter((x) => x !== null);
  if (cells.length === 0) return null;
  if (cells.length === 1) {
    const v = cellValue(f, cells[0]!);
    return v === null ? null : String(v);
  }
  let sum = 0;
  for (const ref of cells) {
    const v = cellValue(f, ref);
    if (typeof v !== 'number') return null;
    sum += v;
  }
  return String(sum);
}

/** The text with every placeholder replaced by its figure (「—」 when the figure is missing). */
export function fillPlaceholders(f: TextFigures, text: string): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!NAMED_PLACEHOLDERS.some((p) => p.name === name) && !placeholderCell(f.format, name)) return whole;
    return placeholderValue(f, name) ?? '—';
  });
}

/** The text with placeholders blanked out: what is left are the figures people typed. */
export function typedOnly(text: string): string {
  return text.replace(PLACEHOLDER, '〔〕');
}

/** The placeholders offered on the form: each name with what it stands for. */
export function placeholderGuide(format: ReportFormat): { name: string; meaning: string }[] {
  return NAMED_PLACEHOLDERS.map((p) => ({
    name: p.name,
    meaning: p.fees
      ? '本年实际收取的信息处理费（元），据收费通知计算'
      : p.interaction
        ? `政民互动：${p.interaction.meaning}`
        : p.cells.map((ref) => cellName(format, ref)).join(' + '),
  }));
}

/** Paragraphs of a text: one per non-blank line. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
