// The XLSX as an office opens it (read back with exceljs): the official labels and figures, merged
// cells, and a SUM formula in every total cell over exactly the cells it totals — evaluated here by a
// small SUM evaluator, it gives the report's figure, and it follows when a figure is changed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { table3Label } from '../../domain/reports/table3-schema.js';
import type { AnnualReport } from '../../domain/reports/types.js';
import { toRenderable } from './model.js';
import { columnLetter, renderAnnualReportXlsx, sumFormula } from './xlsx.js';
import fixture from '../../../test/fixtures/reports/2020-suzhou-city.expected.json' with { type: 'json' };

const report = toRenderable(fixture as unknown as AnnualReport, { scope: 'rollup' });

/** The value of a cell, computing SUM(…) formulas over ranges and single cells, recursively. */
function evaluate(sheet: ExcelJS.Worksheet, address: string, overrides: Map<string, number>): number {
  const hit = overrides.get(address);
  if (hit !== undefined) return hit;
  const v = sheet.getCell(address).value;
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'formula' in v) {
    const m = /^SUM\((.*)\)$/.exec(String(v.formula));
    assert.ok(m, `not a SUM: ${v.formula}`);
    return m[1]!.split(',').reduce((s, part) => {
      const [from = '', to = from] = part.split(':');
      const a = parse(from);
      const b = parse(to);
      let sum = 0;
      for (let r = a.row; r <= b.row; r++)
        for (let c = a.col; c <= b.col; c++) sum += evaluate(sheet, `${columnLetter(c)}${r}`, overrides);
      return s + sum;
    }, 0);
  }
  return 0;
}

function parse(address: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  assert.ok(m, address);
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]), col };
}

async function workbook(): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await renderAnnualReportXlsx(report)) as unknown as ArrayBuffer);
  return book;
}

/** Cells by their printed row label (column C for table 三's sub-rows, else B or A). */
function findRow(sheet: ExcelJS.Worksheet, label: string): number {
  let found = 0;
  sheet.eachRow((row, n) => {
    row.eachCell((cell) => {
      if (found === 0 && cell.value === label) found = n;
    });
  });
  assert.ok(found > 0, `row ${label} not found`);
  return found;
}

describe('the XLSX of the 2020 Suzhou report', () => {
  it('has one sheet per table with the official labels and figures', async () => {
    const book = await workbook();
    assert.deepEqual(
      book.worksheets.map((s) => s.name),
      ['表二 主动公开', '表三 申请', '表四 复议诉讼'],
    );
    const t2 = book.getWorksheet('表二 主动公开')!;
    const r = findRow(t2, '其他对外管理服务事项');
    assert.deepEqual(
      [2, 3, 4].map((c) => t2.getRow(r).getCell(c).value),
      [699, -29, 10569008],
    );
    const t3 = book.getWorksheet('表三 申请')!;
    assert.equal(t3.getCell('A8').value, '三、本年度办理结果');
    assert.ok(t3.getCell('A27').isMerged, 'the 三 label spans the 20 outcome rows');
    assert.equal(t3.getCell('A28').value, '四、结转下年度继续办理');
  });

  it('makes every total of table 三 a SUM that evaluates to the printed figure', async () => {
    const t3 = (await workbook()).getWorksheet('表三 申请')!;
    let formulas = 0;
    for (const [key, cells] of Object.entries(report.table3.rows)) {
      const row = findRow(t3, rowLabel(key));
      const total = t3.getRow(row).getCell(10);
      assert.ok(total.formula, `${key}: 总计 is a formula`);
      assert.equal(total.formula, `SUM(D${row}:I${row})`);
      assert.equal(evaluate(t3, total.address, new Map()), cells[6], key);
      formulas++;
    }
    const totalRow = findRow(t3, '（七）总计');
    for (let c = 4; c <= 9; c++) {
      const cell = t3.getRow(totalRow).getCell(c);
      assert.ok(cell.formula, `（七）总计 column ${c} is a formula`);
      assert.equal(evaluate(t3, cell.address, new Map()), report.table3.rows.total![c - 4]);
      formulas++;
    }
    assert.equal(formulas, Object.keys(report.table3.rows).length + 6);
  });

  it('recomputes the totals when a figure changes', async () => {
    const t3 = (await workbook()).getWorksheet('表三 申请')!;
    const granted = findRow(t3, '（一）予以公开');
    const totalRow = findRow(t3, '（七）总计');
    const changed = new Map([[`D${granted}`, 1044]]);
    assert.equal(evaluate(t3, `J${granted}`, changed), 1134);
    assert.equal(evaluate(t3, `D${totalRow}`, changed), 2643);
    assert.equal(evaluate(t3, `J${totalRow}`, changed), 2815);
  });

  it('makes the three 总计 cells of table 四 SUMs of their four outcomes', async () => {
    const t4 = (await workbook()).getWorksheet('表四 复议诉讼')!;
    const values = t4.getRow(6);
    for (const [col, expected] of [
      [5, 101],
      [10, 79],
      [15, 47],
    ] as const) {
      const cell = values.getCell(col);
      assert.equal(cell.formula, `SUM(${columnLetter(col - 5)}6:${columnLetter(col - 2)}6)`);
      assert.equal(evaluate(t4, cell.address, new Map()), expected);
    }
  });
});

describe('sumFormula', () => {
  it('writes runs as ranges and the rest one by one', () => {
    assert.equal(sumFormula([0, 1, 2].map((c) => ({ row: 4, col: c }))), 'SUM(A5:C5)');
    assert.equal(sumFormula([5, 6, 8].map((r) => ({ row: r, col: 3 }))), 'SUM(D6:D7,D9)');
  });
});

/** The printed label of a table-三 row (a sub-row prints without its group). */
const rowLabel = (key: string): string => table3Label('2019', key);
