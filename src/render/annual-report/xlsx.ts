// An annual report as an XLSX workbook (exceljs): one sheet per table (表二, 表三, 表四) in the
// official layout with merged cells, and a formula in every total cell so that the workbook
// recomputes when a figure is changed: table 三's 总计 column (B2: the six applicant columns) and
// its （七）总计 row (B1: the outcome rows); table 四's three 总计 cells (B3). Each formula carries
// the figure of the report as its cached result, so a reader that does not compute sees it too.
import ExcelJS from 'exceljs';
import { TABLE3_COLUMNS, TABLE3_LINES } from '../../domain/reports/table3-schema.js';
import { TABLE4_COLUMNS } from '../../domain/reports/table4-schema.js';
import type { CellRef } from '../../domain/reports/types.js';
import { place, reportGrids, type Grid } from './layout.js';
import type { RenderableReport } from './model.js';

const SHEET_NAMES: Record<Grid['table'], string> = {
  table2: '表二 主动公开',
  table3: '表三 申请',
  table4: '表四 复议诉讼',
};

/** A1-style column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const key = (c: CellRef) => `${c.row}|${c.column}`;

/**
 * The total cells of a table and the cells each one sums. Table 三: every row's 总计 = its six
 * applicant columns; the （七）总计 row's applicant columns = the outcome rows. Table 四: each group's
 * 总计 = 维持 + 纠正 + 其他 + 尚未审结.
 */
export function totalFormulas(
  r: Pick<RenderableReport, 'format'>,
  table: Grid['table'],
): Map<string, CellRef[]> {
  const out = new Map<string, CellRef[]>();
  if (table === 'table3') {
    const lines = TABLE3_LINES[r.format].filter((l) => l.key !== null);
    for (const line of lines) {
      out.set(
        key({ table, row: line.key as string, column: 'total' }),
        TABLE3_COLUMNS.slice(0, 6).map((column) => ({ table, row: line.key as string, column })),
      );
    }
    const outcomes = lines.filter((l) => l.role === 'outcome').map((l) => l.key as string);
    for (const column of TABLE3_COLUMNS.slice(0, 6))
      out.set(
        key({ table, row: 'total', column }),
        outcomes.map((row) => ({ table, row, column })),
      );
  }
  if (table === 'table4') {
    for (const group of ['review', 'suitDirect', 'suitAfterReview'])
      out.set(
        key({ table, row: group, column: 'total' }),
        TABLE4_COLUMNS.slice(0, 4).map((column) => ({ table, row: group, column })),
      );
  }
  return out;
}

/** A SUM over cells: contiguous runs as ranges (C8:C15), the rest listed. */
export function sumFormula(addresses: { row: number; col: number }[]): string {
  const sorted = [...addresses].sort((a, b) => a.col - b.col || a.row - b.row);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const start = sorted[i] as { row: number; col: number };
    let j = i;
    while (j + 1 < sorted.length) {
      const a = sorted[j] as { row: number; col: number };
      const b = sorted[j + 1] as { row: number; col: number };
      const down = b.col === a.col && b.row === a.row + 1 && start.col === a.col;
      const across = b.row === a.row && b.col === a.col + 1 && start.row === a.row;
      if (!down && !across) break;
      j++;
    }
    const end = sorted[j] as { row: number; col: number };
    const at = (p: { row: number; col: number }) => `${columnLetter(p.col)}${p.row + 1}`;
    parts.push(i === j ? at(start) : `${at(start)}:${at(end)}`);
    i = j + 1;
  }
  return `SUM(${parts.join(',')})`;
}

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function addSheet(book: ExcelJS.Workbook, r: RenderableReport, grid: Grid): void {
  const sheet = book.addWorksheet(SHEET_NAMES[grid.table], {
    pageSetup: {
      paperSize: 9,
      orientation: grid.table === 'table2' ? 'portrait' : 'landscape',
      fitToPage: true,
    },
  });
  const TOP = 2; // row 1: the title; row 2: blank
  sheet.mergeCells(1, 1, 1, grid.columns);
  const title = sheet.getCell(1, 1);
  title.value = `${r.title} ${grid.caption}`;
  title.font = { bold: true, size: 14, name: 'SimSun' };
  title.alignment = { horizontal: 'center' };
  const placed = place(grid);
  const address = new Map<string, { row: number; col: number }>();
  for (const p of placed) if (p.cell.ref) address.set(key(p.cell.ref), { row: p.row + TOP, col: p.col });
  const formulas = totalFormulas(r, grid.table);
  for (const { row, col, cell } of placed) {
    const rs = cell.rowSpan ?? 1;
    const cs = cell.colSpan ?? 1;
    const top = row + TOP + 1;
    if (rs > 1 || cs > 1) sheet.mergeCells(top, col + 1, top + rs - 1, col + cs);
    const target = sheet.getCell(top, col + 1);
    const sums = cell.ref ? formulas.get(key(cell.ref)) : undefined;
    if (sums && sums.every((c) => address.has(key(c)))) {
      const formula = sumFormula(sums.map((c) => address.get(key(c)) as { row: number; col: number }));
      target.value = typeof cell.value === 'number' ? { formula, result: cell.value } : { formula };
    } else {
      target.value = cell.kind === 'data' && cell.value !== undefined ? cell.value : cell.text;
    }
    target.font = { name: 'SimSun', size: 10, bold: cell.kind === 'head' };
    target.alignment = {
      vertical: 'middle',
      horizontal: cell.kind === 'row' && grid.table === 'table3' ? 'left' : 'center',
      wrapText: true,
    };
    for (let i = 0; i < rs; i++)
      for (let j = 0; j < cs; j++) sheet.getCell(top + i, col + 1 + j).border = BORDER;
  }
  const total = grid.widths.reduce((s, w) => s + w, 0);
  const characters = grid.table === 'table3' ? 110 : grid.table === 'table4' ? 120 : 80;
  grid.widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = Math.max(6, Math.round((w / total) * characters));
  });
  if (grid.headRows > 0) sheet.views = [{ state: 'frozen', ySplit: TOP + grid.headRows }];
}

/** The workbook as bytes. */
export async function renderAnnualReportXlsx(r: RenderableReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = r.agencyName;
  book.title = r.title;
  const grids = reportGrids(r);
  addSheet(book, r, grids.table2);
  addSheet(book, r, grids.table3);
  addSheet(book, r, grids.table4);
  return Buffer.from(await book.xlsx.writeBuffer());
}
