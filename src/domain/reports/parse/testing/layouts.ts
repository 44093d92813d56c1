// Test support: prints a report in each layout that copying from real sites produces, so that
// tests can read it back and compare with the tables it was printed from.
//   a  one cell per line, each ending with " |" (the Suzhou fixture)
//   b  one row per line, cells between pipes
//   c  one cell per line, blank lines between cells, empty cells left out or printed as 0
//   d  cells run together with no separator at all
//   e  an HTML page with rowspan/colspan and &nbsp; in empty cells
import {
  table2Grid,
  table3Grid,
  table4Grid,
  varyLabel,
  type GridRow,
  type LabelOptions,
  type Tables,
} from './table-grid.js';

export type Layout = 'a' | 'b' | 'c' | 'd' | 'e';

export interface DocumentOptions extends LabelOptions {
  /** Zeros in tables 三/四: blank cells (a, b, e) or "0" (c, d) unless set. */
  zeros?: 'blank' | 'print';
  /** (c): empty cells are left out instead of printed as blank lines. */
  omitEmpty?: boolean;
  blankTotals?: boolean;
  extraRows?: boolean;
  /** (b): a leading pipe and padded cells. */
  padded?: boolean;
  title?: string;
}

const OVERVIEW =
  '2020年，本机关认真贯彻《中华人民共和国政府信息公开条例》，全年主动公开政府信息1234条，办理依申请公开答复179件，政府信息公开行政复议、行政诉讼案件15件。';
const PROBLEMS = '一是公开深度有待拓展，二是政策解读有待加强。下一步，将重点做好3项工作。';

const HEADINGS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
];

export function renderDocument(t: Tables, layout: Layout, opts: DocumentOptions = {}): string {
  const zeros = opts.zeros ?? (layout === 'c' || layout === 'd' ? 'print' : 'blank');
  const val = { zeros, blankTotals: opts.blankTotals ?? false, extraRows: opts.extraRows ?? false };
  const grids = [table2Grid(t, opts, val), table3Grid(t, opts, val), table4Grid(t, opts, val)];
  const headings = HEADINGS.map((h) =>
    varyLabel(h, { misprints: opts.misprints ?? false, halfWidth: opts.halfWidth ?? false }),
  );
  if (layout === 'e') return html(opts.title, headings, grids);
  const tables = grids.map((g) => printGrid(g, layout, opts));
  const parts = [
    opts.title ?? '',
    headings[0],
    OVERVIEW,
    headings[1],
    tables[0],
    headings[2],
    tables[1],
    headings[3],
    tables[2],
    headings[4],
    PROBLEMS,
  ];
  return parts.filter((p) => p !== '').join('\n') + '\n';
}

function printGrid(rows: GridRow[], layout: Exclude<Layout, 'e'>, opts: DocumentOptions): string {
  if (layout === 'a') return rows.map(cellPerLine).join('\n');
  if (layout === 'b') return rows.map((r) => rowPerLine(r, opts.padded ?? false)).join('\n');
  if (layout === 'c') return rows.map((r) => blankLineSeparated(r, opts.omitEmpty ?? false)).join('\n\n');
  return rows.map((r) => r.map((c) => c.text).join('')).join('');
}

/** Like the fixture: "text |" or a lone "|" per cell, and stray pipes after rows. */
function cellPerLine(row: GridRow): string {
  const lines = row.map((c) => (c.text === '' ? '|' : `${c.text} |`));
  const hasValues = row.some((c) => c.kind === 'value');
  const allValues = row.every((c) => c.kind === 'value');
  if (allValues) lines.unshift('|||||');
  else if (hasValues) lines.push('||');
  else if (row.length === 1 && (row[0]?.colspan ?? 1) >= 4) lines.push('|||');
  return lines.join('\n');
}

function rowPerLine(row: GridRow, padded: boolean): string {
  const cells = row.map((c) => (padded && c.kind === 'value' ? c.text.padStart(6) : c.text));
  return `${padded ? '| ' : ''}${cells.join(' | ')} |`;
}

function blankLineSeparated(row: GridRow, omitEmpty: boolean): string {
  return row
    .filter((c) => !(omitEmpty && c.kind === 'value' && c.text === ''))
    .map((c) => c.text)
    .join('\n\n');
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function html(title: string | undefined, headings: string[], grids: GridRow[][]): string {
  const table = (rows: GridRow[]) =>
    '<table border="1" cellspacing="0">\n' +
    rows
      .map((r) => {
        const cells = r.map((c) => {
          const span = `${c.rowspan && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}${c.colspan && c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}`;
          return `<td${span}><p style="text-align:center">${c.text === '' ? '&nbsp;' : escape(c.text)}</p></td>`;
        });
        return `  <tr>\n    ${cells.join('\n    ')}\n  </tr>`;
      })
      .join('\n') +
    '\n</table>';
  const h = (s: string | undefined) => `<h2>${escape(s ?? '')}</h2>`;
  const body = [
    title ? `<h1>${escape(title)}</h1>` : '',
    h(headings[0]),
    `<p>${escape(OVERVIEW)}</p>`,
    h(headings[1]),
    table(grids[0] ?? []),
    h(headings[2]),
    table(grids[1] ?? []),
    h(headings[3]),
    table(grids[2] ?? []),
    h(headings[4]),
    `<p>${escape(PROBLEMS)}</p>`,
  ];
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escape(title ?? '')}</title></head><body>\n${body.join('\n')}\n</body></html>\n`;
}

/** Cuts the text right after the first occurrence of `marker` plus `extra` characters. */
export function cutAfter(text: string, marker: string, extra = 0): string {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`marker not found: ${marker}`);
  return text.slice(0, at + marker.length + extra);
}
