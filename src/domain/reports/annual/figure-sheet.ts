// A sheet of table-二 figures (CSV or the first worksheet of an XLSX) in its rows of cells: one
// figure a line — 机关代码, 项目, 栏目, 数值 — with 项目 and 栏目 given as keys (licensing, decisions)
// or as printed (行政许可, 处理决定数量). The header line names the columns; 机关代码 may be left
// out when the file is for one agency. Pure: the caller has turned the file into rows of strings.
import { table2Rows } from '../table2-schema.js';
import type { ReportFormat } from '../types.js';

export interface SheetFigure {
  /** 1-based line of the sheet, for messages. */
  line: number;
  agencyCode: string | null;
  row: string;
  column: string;
  value: string;
}

const HEADERS = {
  agency: ['机关代码', '机关', 'agency', 'agencycode', 'code'],
  row: ['项目', '信息内容', '行', 'row'],
  column: ['栏目', '列', 'column'],
  value: ['数值', '数量', '值', 'value'],
} as const;

const norm = (s: string) => s.replace(/[\s\u3000（）()：:]/g, '').toLowerCase();

/** The figures of the sheet, or the problems (Chinese, with the line) when any line is wrong. */
export function figuresFromSheet(
  format: ReportFormat,
  rows: readonly (readonly string[])[],
): { figures: SheetFigure[]; problems: string[] } {
  const problems: string[] = [];
  const headerAt = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  const header = (rows[headerAt] ?? []).map(norm);
  const index = (names: readonly string[]) => header.findIndex((h) => names.some((n) => norm(n) === h));
  const at = {
    agency: index(HEADERS.agency),
    row: index(HEADERS.row),
    column: index(HEADERS.column),
    value: index(HEADERS.value),
  };
  if (at.row < 0 || at.column < 0 || at.value < 0)
    return { figures: [], problems: ['第一行应为表头：机关代码（可省略）、项目、栏目、数值'] };
  const defs = table2Rows(format);
  const figures: SheetFigure[] = [];
  rows.forEach((cells, i) => {
    if (i <= headerAt || cells.every((c) => c.trim() === '')) return;
    const line = i + 1;
    const get = (k: number) => (k >= 0 ? (cells[k] ?? '').trim() : '');
    const rowText = norm(get(at.row));
    const def = defs.find((d) => norm(d.key) === rowText || norm(d.label) === rowText);
    if (!def)
      return void problems.push(`第 ${line} 行：表二没有「${get(at.row)}」这一项（${format} 年版格式）`);
    const columnText = norm(get(at.column));
    const col = def.columns.find((c) => norm(c.key) === columnText || norm(c.label) === columnText);
    if (!col) return void problems.push(`第 ${line} 行：「${def.label}」没有「${get(at.column)}」这一栏`);
    figures.push({
      line,
      agencyCode: get(at.agency) || null,
      row: def.key,
      column: col.key,
      value: get(at.value),
    });
  });
  return { figures, problems };
}

/** Rows of a CSV text (RFC 4180 quotes; a BOM and CRLF are accepted). */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      endRow();
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}
