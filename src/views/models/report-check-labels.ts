// The words of the 年报体检 result, in Chinese and English: names of a report's rows, cells and
// missing parts (from the schemas' canonical labels, which stay Chinese in both languages: they are
// the labels printed on the national form), rule titles, and each violation said in English from
// its data (rule, location, expected, actual). The Chinese sentence is the domain's own `message`.
import {
  cellName as cellNameZh,
  table2ColumnLabel,
  table2RowLabel,
  table3ColumnLabel,
  table3Group,
  table3RowTitle,
  table4ColumnLabel,
  table4GroupLabel,
} from '../../domain/reports/names.js';
import { ruleDef } from '../../domain/reports/rules.js';
import { table2Rows, type Table2Kind } from '../../domain/reports/table2-schema.js';
import { table3Label } from '../../domain/reports/table3-schema.js';
import type {
  CellRef,
  CellValue,
  ParsedReport,
  ReportFormat,
  RuleId,
  TableId,
  Violation,
  ViolationLocation,
} from '../../domain/reports/types.js';
import type { Lang } from '../i18n.js';

export { table3Group as t3Group, table3RowTitle as t3RowTitle };

export const TABLE_NAMES: Record<TableId, { zh: string; en: string }> = {
  table2: { zh: '表二（主动公开政府信息情况）', en: 'table 2 (proactive disclosure)' },
  table3: {
    zh: '表三（收到和处理政府信息公开申请情况）',
    en: 'table 3 (requests received and how they were handled)',
  },
  table4: {
    zh: '表四（政府信息公开行政复议、行政诉讼情况）',
    en: 'table 4 (administrative reviews and lawsuits)',
  },
};

const RULE_TITLES_EN: Record<RuleId, string> = {
  A1: 'Table 3, each applicant column: items one plus two equal items three plus four',
  B1: 'Table 3, each column: (七) total equals the sum of the outcomes',
  B2: 'Table 3, each row: the total equals the sum of the six kinds of applicant',
  B3: 'Table 4, each group: the total equals upheld + corrected + other + pending',
  B4: 'Tables 3 and 4 hold non-negative integers; table 2 counts are non-negative integers (the 2019 「本年增/减」 may be negative)',
  B5: 'A required cell is missing or unreadable (a blank total is only a warning)',
  C1: 'This year’s 「上年结转」 equals last year’s 「结转下年度继续办理」',
  C2: '2021 table 2: the valid count equals last year’s plus made minus repealed',
  C3: '2019 table 2: the previous-year count equals last year’s plus its change',
  C4: 'Figures quoted in the text agree with the tables',
  C5: 'A rollup report equals the sum of its member agencies’ own reports',
};

export const ruleTitle = (rule: RuleId, l: Lang): string =>
  l === 'zh' ? ruleDef(rule).title : RULE_TITLES_EN[rule];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const show = (v: CellValue | undefined): string => (v === null || v === undefined ? '—' : String(v));

/** 「表三「（一）予以公开」行「自然人」列」 / 「table 3, row 「（一）予以公开」, column 「自然人」」. */
export function cellName(format: ReportFormat, c: CellRef, l: Lang): string {
  if (l === 'zh') return cellNameZh(format, c);
  if (c.table === 'table3')
    return `table 3, row 「${table3RowTitle(format, c.row)}」, column 「${table3ColumnLabel(c.column)}」`;
  if (c.table === 'table4')
    return `table 4, 「${table4GroupLabel(c.row)}」, 「${table4ColumnLabel(c.column)}」`;
  return `table 2, row 「${table2RowLabel(format, c.row)}」, column 「${table2ColumnLabel(format, c.row, c.column)}」`;
}

/** A row or a whole table in English: 「table 3, row 「（一）予以公开」」. */
function placeEn(format: ReportFormat, at: ViolationLocation): string {
  const { table, row, column } = at;
  if (table === 'report') return 'the submission';
  if (row !== null && column !== null) return cellName(format, { table, row, column }, 'en');
  if (table === 'table3' && row !== null) return `table 3, row 「${table3RowTitle(format, row)}」`;
  if (table === 'table3' && column !== null) return `table 3, column 「${table3ColumnLabel(column)}」`;
  if (table === 'table4' && row !== null) return `table 4, 「${table4GroupLabel(row)}」`;
  if (table === 'table2' && row !== null) return `table 2, row 「${table2RowLabel(format, row)}」`;
  return TABLE_NAMES[table].en;
}

const KIND_EN: Record<Table2Kind, string> = {
  count: 'a non-negative integer',
  delta: 'an integer',
  amountWan: 'a non-negative amount (in 万元)',
  amountText: 'an amount',
};

function kindEn(format: ReportFormat, c: CellRef | undefined): string {
  if (!c || c.table !== 'table2') return KIND_EN.count;
  const kind = table2Rows(format)
    .find((d) => d.key === c.row)
    ?.columns.find((x) => x.key === c.column)?.kind;
  return KIND_EN[kind ?? 'count'];
}

/** Why a submission is not a report, in English, for the reasons the reader and the file readers give. */
const REASONS_EN: [prefix: string, en: string][] = [
  ['内容为空', 'it is empty'],
  ['不是文本文件', 'it is not a text file (binary data, or a wrong encoding)'],
  ['未找到政府信息公开工作年度报告', 'no heading, section or table of an annual disclosure report was found'],
  [
    '不支持的文件格式',
    'the file type is not supported (use text, HTML, DOCX or PDF; save an old .doc as .docx)',
  ],
  ['无法解析文件内容', 'the file is damaged or cannot be opened'],
  ['文件不存在', 'the file does not exist'],
  ['读取时发生内部错误', 'an internal error occurred while reading it'],
];

export function reasonText(reason: string, l: Lang): string {
  if (l === 'zh') return reason;
  return REASONS_EN.find(([zh]) => reason.startsWith(zh))?.[1] ?? `see the Chinese explanation: ${reason}`;
}

/** The sentence that explains a violation: the domain's Chinese message, or English from its data. */
export function violationText(r: Pick<ParsedReport, 'format'>, v: Violation, l: Lang): string {
  if (l === 'zh') return v.message;
  const f = r.format;
  const where = placeEn(f, v.location);
  const [e, a] = [show(v.expected), show(v.actual)];
  switch (v.rule) {
    case 'A1':
      return `${cap(where)}: new requests plus those carried over make ${e}; they should equal (七) total plus those carried forward, which make ${a}.`;
    case 'B1':
      return `${cap(where)}: the outcomes add up to ${e}, but (七) total is ${a}.`;
    case 'B2':
      return `${cap(where)}: the six kinds of applicant add up to ${e}, but the total is ${a}.`;
    case 'B3':
      return `${cap(where)}: upheld, corrected, other and pending add up to ${e}, but the total is ${a}.`;
    case 'B4':
      return `${cap(where)} should be ${kindEn(f, v.location.cells[0])}; it is ${a}.`;
    case 'B5':
      if (v.location.table === 'report') return 'The submission could not be read as an annual report.';
      if (v.candidates)
        return `The cells of ${where} cannot be matched one by one (digits run together, or blank cells left out): ${v.candidates.length} readings are possible, listed below.`;
      if (v.severity === 'warning') return `${cap(where)} is blank, so the total cannot be checked.`;
      return `${cap(where)} is missing or could not be read.`;
    case 'C1':
      return `${cap(where)}: ${a} carried over, but last year’s report carried ${e} forward.`;
    case 'C2':
      return `${cap(where)}: last year’s valid count plus made minus repealed is ${e}; the valid count printed is ${a}.`;
    case 'C3':
      return `${cap(where)}: last year’s count plus its change is ${e}; this year’s previous-year count is ${a}.`;
    case 'C4': {
      // A figure quoted in the report's own text (one cell, or the sum of several).
      const cells = v.location.cells.map((c) => cellName(f, c, 'en')).join(' plus ');
      return v.actual === null || v.actual === undefined
        ? `The text quotes ${e} for ${cells}, but none of the possible readings of the table is ${e}.`
        : `The text quotes ${e} for ${cells}, but the table says ${a}.`;
    }
    case 'C5':
      return `${cap(where)}: the member agencies add up to ${e}; the rollup report prints ${a}.`;
  }
}

/** 「第（四）项第1行「本机关不掌握相关政府信息」」, 「第（一）项「予以公开」」, 「第一项「本年新收…」」. */
function t3Position(format: ReportFormat, key: string): string {
  const label = table3Label(format, key);
  const group = table3Group(format, key);
  const sub = /^(\d+)\.(.*)$/.exec(label);
  if (group && sub) return `第${/^（.）/.exec(group)?.[0] ?? group}项第${sub[1]}行「${sub[2]}」`;
  const top = /^(（.）|[一二三四]、)(.*)$/.exec(label);
  if (top) return `第${(top[1] as string).replace('、', '')}项「${top[2]}」`;
  return `「${label}」`;
}

type Verb = 'missing' | 'unreadable' | 'ambiguous';
const VERBS: Record<Verb, { zh: string; en: string }> = {
  missing: { zh: '缺少', en: 'Missing' },
  unreadable: { zh: '无法读取', en: 'Could not be read' },
  ambiguous: { zh: '无法唯一确定', en: 'Could not be settled' },
};

/**
 * An entry of `missing` ("table3.unable.notHeld", the contract's form) in words:
 * 「缺少表三第（四）项第1行「本机关不掌握相关政府信息」」, 「Missing: table 3, row 「…」」.
 */
export function missingText(r: Pick<ParsedReport, 'format' | 'violations'>, id: string, l: Lang): string {
  const [table = '', ...rest] = id.split('.');
  const row = rest.length > 0 ? rest.join('.') : null;
  const v = r.violations.find(
    (x) =>
      x.rule === 'B5' && x.location.table === table && x.location.row === row && x.location.column === null,
  );
  // The reader's own B5 for a row it found but could not read says 无法读取 (parse/violations.ts).
  const verb: Verb = v?.candidates ? 'ambiguous' : v?.message.includes('无法读取') ? 'unreadable' : 'missing';
  const name = TABLE_NAMES[table as TableId];
  if (l === 'en') {
    const what =
      row === null
        ? (name?.en ?? table)
        : placeEn(r.format, { table: table as TableId, row, column: null, cells: [] });
    return `${VERBS[verb].en}: ${what}`;
  }
  if (row === null) return `${VERBS[verb].zh}${name?.zh ?? table}`;
  if (table === 'table3') return `${VERBS[verb].zh}表三${t3Position(r.format, row)}`;
  return `${VERBS[verb].zh}表二「${table2RowLabel(r.format, row)}」行`;
}

/** Why a submission cannot be checked, in English (the Chinese is `INPUT_PROBLEM_TEXT` of the input module). */
export const INPUT_PROBLEM_EN = {
  empty: 'Paste the report, or choose the report file to upload',
  type: 'Only .txt, .html, .htm, .docx or .pdf files can be uploaded (save an old .doc as .docx first)',
  size: 'The file or the pasted text cannot be larger than 10 MB',
  emptyFile: 'The uploaded file is empty: please choose it again',
} as const;

/** A reader limit that refused the file (src/extract/refused.ts codes), in English. */
export const REFUSAL_EN: Record<string, string> = {
  FILE_TOO_LARGE: 'The file is too large to be read.',
  CONTENT_TOO_LARGE: 'The file unpacks to more than can be read.',
  FILE_TOO_COMPLEX: 'The file took too long or too much memory to read.',
  READER_BUSY: 'Too many reports are being read right now: please try again in a moment.',
  LENGTH_REQUIRED: 'The upload did not say its size.',
};
