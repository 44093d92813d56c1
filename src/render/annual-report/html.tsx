// An annual report as HTML in the official layout: title, the six sections, tables 二, 三 and 四
// with the official row and column spans and labels of the report's format, and the charts.
// `AnnualReportView` goes inside a page of the portal or the back office (which serve
// ANNUAL_REPORT_CSS as a stylesheet); `annualReportDocument` is a complete standalone page with the same
// stylesheet inlined (downloads, `gongkai report build --format html`).
import type { FC } from 'hono/jsx';
import { raw } from 'hono/html';
import { reportCharts } from './charts.js';
import { reportGrids, type Grid, type GridCell } from './layout.js';
import { bylineText, importedNote, sectionTable, type RenderableReport } from './model.js';
import { ANNUAL_REPORT_CSS } from './styles.js';

const cellClass = (c: GridCell): string | undefined => {
  const classes = [
    c.kind === 'data' ? 'num' : '',
    c.kind === 'note' ? 'ar-note' : '',
    c.vertical ? 'ar-vertical' : '',
    c.kind === 'row' && c.scope === 'row' && !c.colSpan ? 'ar-sub' : '',
  ].filter(Boolean);
  return classes.length ? classes.join(' ') : undefined;
};

/** One table of the grid; ids prefixed so that several reports can share a page. */
export const GridTable: FC<{ grid: Grid; prefix: string; label: string }> = ({ grid, prefix, label }) => {
  const id = (s: string | undefined) => (s ? `${prefix}-${s}` : undefined);
  const span = (n: number | undefined) => (n && n > 1 ? n : undefined);
  const row = (cells: GridCell[]) => (
    <tr>
      {cells.map((c) =>
        c.kind === 'head' || c.kind === 'row' ? (
          <th
            id={id(c.id)}
            scope={c.scope}
            rowspan={span(c.rowSpan)}
            colspan={span(c.colSpan)}
            class={cellClass(c)}
          >
            {c.text}
          </th>
        ) : (
          <td
            rowspan={span(c.rowSpan)}
            colspan={span(c.colSpan)}
            class={cellClass(c)}
            headers={c.headers?.map((h) => `${prefix}-${h}`).join(' ')}
          >
            {c.text}
          </td>
        ),
      )}
    </tr>
  );
  return (
    <div class="ar-table-wrap" role="region" aria-label={label} tabindex={0}>
      <table class={`ar-table ar-${grid.table}`}>
        <caption>{label}</caption>
        <colgroup>
          {grid.widths.map((_, i) => (
            <col class={`ar-col-${i + 1}`} />
          ))}
        </colgroup>
        {grid.headRows > 0 ? <thead>{grid.rows.slice(0, grid.headRows).map(row)}</thead> : null}
        <tbody>{grid.rows.slice(grid.headRows).map(row)}</tbody>
      </table>
    </div>
  );
};

const Paragraphs: FC<{ ps: string[] }> = ({ ps }) => (
  <>
    {ps.map((p) => (
      <p>{p}</p>
    ))}
  </>
);

/** Who and when, under the title, and why a corrected version was made. */
const Byline: FC<{ r: RenderableReport }> = ({ r }) => (
  <div class="ar-byline">
    <p>{bylineText(r)}</p>
    {r.correctionNote ? <p class="ar-correction">更正说明：{r.correctionNote}</p> : null}
  </div>
);

export interface ViewOptions {
  /** Charts after the tables (the portal page); false for print-like output. Default true. */
  charts?: boolean;
  /** Prefix of the ids in the tables (unique per page). Default 'ar'. */
  idPrefix?: string;
}

export const AnnualReportView: FC<{ r: RenderableReport; options?: ViewOptions }> = ({ r, options = {} }) => {
  const grids = reportGrids(r);
  const prefix = options.idPrefix ?? 'ar';
  const charts = options.charts === false ? [] : reportCharts(r);
  const chart = (key: string) =>
    charts
      .filter((c) => c.key === key)
      .map((c) => (
        <figure class="ar-chart">
          {raw(c.svg)}
          <figcaption>
            <strong>{c.title}</strong>
            <span class="ar-chart-desc">{c.description}</span>
          </figcaption>
        </figure>
      ));
  return (
    <article class="annual-report" lang="zh-CN" aria-labelledby={`${prefix}-title`}>
      <header class="ar-head">
        <h1 id={`${prefix}-title`} class="ar-title">
          {r.title}
        </h1>
        <Byline r={r} />
      </header>
      {r.sections.map((s) => {
        const table = sectionTable(s.number);
        const note = s.number === '三' ? importedNote(r) : null;
        return (
          <section class="ar-section" aria-labelledby={`${prefix}-s${s.number}`}>
            <h2 id={`${prefix}-s${s.number}`}>{s.heading}</h2>
            <Paragraphs ps={s.paragraphs} />
            {(s.parts ?? []).map((p) => (
              <>
                <h3>{p.heading}</h3>
                <Paragraphs ps={p.paragraphs} />
              </>
            ))}
            {table ? (
              <GridTable
                grid={grids[table]}
                prefix={`${prefix}-${table}`}
                label={s.heading.replace(/^.、/, '')}
              />
            ) : null}
            {note ? <p class="ar-remark">{note}</p> : null}
            {s.number === '三' ? [chart('outcomes'), chart('applicants'), chart('history')] : null}
            {s.number === '四' ? chart('appeals') : null}
          </section>
        );
      })}
    </article>
  );
};

/** A complete standalone HTML page of the report, its stylesheet inlined. */
export async function annualReportDocument(r: RenderableReport, options: ViewOptions = {}): Promise<string> {
  const page = (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{r.title}</title>
        <style>{raw(ANNUAL_REPORT_CSS)}</style>
      </head>
      <body class="ar-page">
        <main>
          <AnnualReportView r={r} options={options} />
        </main>
      </body>
    </html>
  );
  return '<!doctype html>' + (await page.toString());
}
