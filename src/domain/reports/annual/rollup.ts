// A 汇总 report's tables as the sum of its members' 本级 tables (rule C5), and the table-二
// figures entered at the 汇总 level added on top. Pure.
import { table2Rows } from '../table2-schema.js';
import { TABLE3_COLUMNS, table3RowKeys } from '../table3-schema.js';
import { TABLE4_GROUPS } from '../table4-schema.js';
import { emptyTable2, emptyTable3, emptyTable4 } from '../shape.js';
import type { CellValue, ReportFormat, Table2, Table3, Table4 } from '../types.js';

type Tables = { table2: Table2; table3: Table3; table4: Table4 };

/** Σ of the known values; null when none is known. Decimals are kept to 6 places (万元). */
export function sumCells(values: readonly (CellValue | undefined)[]): number | null {
  let sum: number | null = null;
  for (const v of values) if (typeof v === 'number') sum = (sum ?? 0) + v;
  return sum === null ? null : Math.round(sum * 1e6) / 1e6;
}

/** An amount as printed (2019 采购总金额) in 万元: 「12.5万元」, 「3000元」, 「1.2亿元」, 「8」 (万元). */
export function amountInWan(value: CellValue | undefined): number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return null;
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*(亿元|万元|元)?\s*$/.exec(value.replace(/[,，]/g, ''));
  if (!m) return null;
  const n = Number(m[1]);
  return m[2] === '亿元' ? n * 10_000 : m[2] === '元' ? n / 10_000 : n;
}

/** Adds the table-二 rows cell by cell (amounts printed with a unit are added in 万元). */
export function sumTable2(format: ReportFormat, parts: readonly Table2[]): Table2 {
  const out = emptyTable2(format);
  for (const row of table2Rows(format)) {
    for (const col of row.columns) {
      if (col.kind === 'amountText') {
        const wan = sumCells(parts.map((p) => amountInWan(p[row.key]?.[col.key])));
        out[row.key]![col.key] = wan === null ? null : `${wan}万元`;
      } else out[row.key]![col.key] = sumCells(parts.map((p) => p[row.key]?.[col.key]));
    }
  }
  return out;
}

export function sumTable3(format: ReportFormat, parts: readonly Table3[]): Table3 {
  const out = emptyTable3(format);
  for (const key of table3RowKeys(format))
    out.rows[key] = TABLE3_COLUMNS.map((_, i) => sumCells(parts.map((p) => p.rows[key]?.[i])));
  return out;
}

export function sumTable4(parts: readonly Table4[]): Table4 {
  const out = emptyTable4();
  for (const group of TABLE4_GROUPS)
    out[group] = out[group].map((_, i) => sumCells(parts.map((p) => p[group][i])));
  return out;
}

/** The three tables summed over the members. */
export function sumTables(format: ReportFormat, parts: readonly Tables[]): Tables {
  return {
    table2: sumTable2(
      format,
      parts.map((p) => p.table2),
    ),
    table3: sumTable3(
      format,
      parts.map((p) => p.table3),
    ),
    table4: sumTable4(parts.map((p) => p.table4)),
  };
}
