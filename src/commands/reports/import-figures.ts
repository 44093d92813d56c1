// Imports table-二 figures from a CSV or XLSX file (issue 12, item 1): one figure a line —
// 机关代码, 项目, 栏目, 数值 (src/domain/reports/annual/figure-sheet.ts). Every line is checked first;
// one wrong line refuses the whole file (InvalidInput, each problem with its line). The figures are
// stored with source `file` and the file's name as their note, in one transaction.
import ExcelJS from 'exceljs';
import { eq, inArray } from 'drizzle-orm';
import { reportFormatForYear } from '../../domain/applications/outcomes.js';
import { figuresFromSheet, csvRows } from '../../domain/reports/annual/figure-sheet.js';
import { parseFigure } from '../../domain/reports/annual/figures.js';
import { InvalidInput } from '../../domain/errors.js';
import { agency } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { writeFigures, type ParsedCell } from './figures.js';

export interface ImportFiguresInput {
  /** The agency of lines without 机关代码 (and the only one allowed when the file has none). */
  agencyId: number;
  year: number;
  scope?: 'own' | 'rollup';
  fileName: string;
  bytes: Uint8Array;
}

export interface ImportFiguresResult {
  /** Per agency: its name and the number of figures stored. */
  agencies: { id: number; name: string; saved: number }[];
  saved: number;
}

/** The first worksheet of an XLSX, or the CSV text (UTF-8, else GB18030), as rows of strings. */
export async function sheetRows(bytes: Uint8Array): Promise<string[][]> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder('gb18030').decode(bytes);
    }
    return csvRows(text);
  }
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new InvalidInput({ file: '无法读取该 XLSX 文件' });
  }
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[c - 1] = cell.text ?? '';
    });
    rows[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

export async function importFigures(
  deps: Deps,
  ctx: CommandContext,
  input: ImportFiguresInput,
): Promise<ImportFiguresResult> {
  const format = reportFormatForYear(input.year);
  const scope = input.scope ?? 'own';
  const { figures, problems } = figuresFromSheet(format, await sheetRows(input.bytes));
  if (problems.length === 0 && figures.length === 0) problems.push('文件中没有数字');
  const codes = [...new Set(figures.map((f) => f.agencyCode).filter((c): c is string => c !== null))];
  const columns = { id: agency.id, code: agency.code, name: agency.name, path: agency.path };
  const agencies =
    codes.length > 0 ? await deps.db.select(columns).from(agency).where(inArray(agency.code, codes)) : [];
  const [fallback] = await deps.db.select(columns).from(agency).where(eq(agency.id, input.agencyId));
  const byAgency = new Map<number, { name: string; cells: ParsedCell[] }>();
  for (const f of figures) {
    const target = f.agencyCode === null ? fallback : agencies.find((a) => a.code === f.agencyCode);
    if (!target) {
      problems.push(`第 ${f.line} 行：没有机关代码为「${f.agencyCode}」的机关`);
      continue;
    }
    authorize(ctx.actor, 'report.edit', { agencyPath: target.path });
    const stored = f.value === '' ? null : parseFigure(format, f.row, f.column, f.value);
    if (stored !== null && 'problem' in stored) {
      problems.push(`第 ${f.line} 行：${stored.problem}`);
      continue;
    }
    const entry = byAgency.get(target.id) ?? { name: target.name, cells: [] };
    entry.cells.push({ row: f.row, column: f.column, stored });
    byAgency.set(target.id, entry);
  }
  if (problems.length > 0)
    throw new InvalidInput({ file: problems.join('\n') }, `未导入：${problems.join('；')}`);
  return inTransaction(deps, ctx, async (tx, audit) => {
    const out: ImportFiguresResult = { agencies: [], saved: 0 };
    for (const [id, { name, cells }] of byAgency) {
      const r = await writeFigures(
        tx,
        audit,
        ctx,
        { agencyId: id, year: input.year, scope, source: 'file', sourceNote: input.fileName },
        cells,
      );
      out.agencies.push({ id, name, saved: r.saved });
      out.saved += r.saved;
    }
    return out;
  });
}
