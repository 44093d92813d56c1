// The official table layouts as a reader meets them: every position of each table covered by
// exactly one cell, the spans of the national forms (「三、本年度办理结果」 over 20 rows in 2019 and
// 22 in 2021, 「（三）不予公开」 over its 8 sub-rows, 「行政诉讼」 over 10 columns), every figure in its
// place and every data cell tied to its headers for screen readers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { table3RowKeys } from '../../domain/reports/table3-schema.js';
import type { AnnualReport, ReportFormat } from '../../domain/reports/types.js';
import { place, reportGrids, type Grid } from './layout.js';
import { toRenderable } from './model.js';

const FIGURE = (row: number, col: number) => row * 10 + col;

/** A report whose every table-三 cell is distinct, so a misplaced figure shows. */
function distinctReport(format: ReportFormat): AnnualReport {
  const rows: Record<string, number[]> = {};
  table3RowKeys(format).forEach((k, i) => (rows[k] = [0, 1, 2, 3, 4, 5, 6].map((c) => FIGURE(i, c))));
  return {
    format,
    year: format === '2019' ? 2020 : 2021,
    agency: '测试市人民政府',
    table2: {},
    table3: { columns: [], columnLabels: [], rows },
    table4: {
      columns: [],
      review: [1, 2, 3, 4, 10],
      suitDirect: [5, 6, 7, 8, 26],
      suitAfterReview: [0, 0, 0, 0, 0],
    },
    violations: [],
  };
}

function coverage(grid: Grid): number[][] {
  const n = grid.rows.map(() => Array<number>(grid.columns).fill(0));
  for (const p of place(grid))
    for (let i = 0; i < (p.cell.rowSpan ?? 1); i++)
      for (let j = 0; j < (p.cell.colSpan ?? 1); j++) (n[p.row + i] as number[])[p.col + j]! += 1;
  return n;
}

for (const format of ['2019', '2021'] as const) {
  describe(`the ${format} format's tables`, () => {
    const r = toRenderable(distinctReport(format));
    const grids = reportGrids(r);

    it('covers every position of every table exactly once', () => {
      for (const grid of Object.values(grids))
        assert.deepEqual(
          coverage(grid)
            .flat()
            .filter((v) => v !== 1),
          [],
          `${grid.table}: holes or overlaps`,
        );
    });

    it('spans 「三、本年度办理结果」 over the outcome rows and the group labels over their sub-rows', () => {
      const cells = grids.table3.rows.flat();
      const span = (text: string) => cells.find((c) => c.text === text)?.rowSpan;
      assert.equal(span('三、本年度办理结果'), format === '2019' ? 20 : 22);
      assert.equal(span('（三）不予公开'), 8);
      assert.equal(span('（四）无法提供'), 3);
      assert.equal(span('（五）不予处理'), 5);
      assert.equal(span('（六）其他处理'), format === '2019' ? undefined : 3);
      assert.equal(grids.table3.rows.length, 3 + table3RowKeys(format).length);
    });

    it('puts each figure in its row and column', () => {
      const keys = table3RowKeys(format);
      for (const p of place(grids.table3).filter((p) => p.cell.ref)) {
        const row = keys.indexOf(p.cell.ref!.row);
        assert.equal(p.cell.text, String(FIGURE(row, p.col - 3)), `${p.cell.ref!.row} ${p.cell.ref!.column}`);
        assert.equal(p.row, 3 + row);
      }
      const t4 = place(grids.table4).filter((p) => p.cell.ref);
      assert.deepEqual(
        t4.map((p) => p.cell.text),
        ['1', '2', '3', '4', '10', '5', '6', '7', '8', '26', '0', '0', '0', '0', '0'],
      );
    });

    it('names every header of a data cell, and only headers that exist', () => {
      for (const grid of Object.values(grids)) {
        const ids = new Set(grid.rows.flat().flatMap((c) => (c.id ? [c.id] : [])));
        for (const c of grid.rows.flat().filter((c) => c.kind === 'data' && c.ref)) {
          assert.ok((c.headers ?? []).length >= 2, `${grid.table} ${c.ref?.row} ${c.ref?.column}`);
          for (const h of c.headers ?? []) assert.ok(ids.has(h), `${grid.table}: unknown header ${h}`);
        }
      }
      const granted = grids.table3.rows
        .flat()
        .find((c) => c.ref?.row === 'granted' && c.ref.column === 'research');
      assert.deepEqual(granted?.headers, [
        't3r-results',
        't3r-granted',
        't3c-applicant',
        't3c-legal',
        't3c-research',
      ]);
    });
  });
}

describe('table 二', () => {
  it('prints the blocks of each format with their own column labels', () => {
    const texts = (format: ReportFormat) =>
      reportGrids(toRenderable({ ...distinctReport(format), table2: {} }))
        .table2.rows.flat()
        .map((c) => c.text);
    assert.ok(texts('2019').includes('第二十条第（九）项'));
    assert.ok(texts('2019').includes('上一年项目数量'));
    assert.ok(!texts('2021').includes('第二十条第（九）项'));
    assert.ok(texts('2021').includes('本年收费金额（单位：万元）'));
  });

  it('prints a negative 本年增/减 and an amount as given, and nothing for a missing figure', () => {
    const r = toRenderable({
      ...distinctReport('2019'),
      table2: {
        otherServices: { label: '其他对外管理服务事项', prevCount: 699, delta: -29, decisions: null },
        procurement: { label: '政府集中采购', projects: 1885, amount: '594417.23万元' },
      },
    });
    const cell = (row: string, column: string) =>
      reportGrids(r)
        .table2.rows.flat()
        .find((c) => c.ref?.row === row && c.ref.column === column)?.text;
    assert.equal(cell('otherServices', 'delta'), '-29');
    assert.equal(cell('otherServices', 'decisions'), '');
    assert.equal(cell('procurement', 'amount'), '594417.23万元');
  });
});
