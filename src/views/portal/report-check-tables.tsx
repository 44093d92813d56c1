// Tables 二, 三 and 四 of a checked report in the national layout (canonical labels and column
// order). A flagged cell carries a class, a visible ⚠ with the rule ids linking to the
// violations' explanations, and aria-describedby to them: colour is never the only signal.
import type { FC } from 'hono/jsx';
import { REPORT_SECTIONS } from '../../domain/reports/sections.js';
import { TABLE2_CONTENT_HEADER } from '../../domain/reports/table2-schema.js';
import { TABLE3_COLUMN_LABELS, TABLE3_COLUMNS, TABLE3_NOTE } from '../../domain/reports/table3-schema.js';
import {
  TABLE4_COLUMN_LABELS,
  TABLE4_COLUMNS,
  TABLE4_GROUP_LABELS,
  TABLE4_SUIT_LABEL,
} from '../../domain/reports/table4-schema.js';
import type { Lang } from '../i18n.js';
import type { CellView, ReportCheckModel, ViolationRef } from '../models/report-check.js';

const T = {
  seeAlso: { zh: '有问题，见', en: 'A problem, see' },
  rowNotRead: { zh: '未读出此行，见', en: 'This row was not read, see' },
  tableNotRead: {
    zh: '未能从提交的内容中读出此表。',
    en: 'This table could not be read from the submission.',
  },
  explained: { zh: '说明见', en: 'see' },
  couldBe: { zh: '可能为', en: 'could be' },
  basis: { zh: '依据：', en: 'Basis: ' },
  or: { zh: ' 或 ', en: ' or ' },
};

const HEADING_EN = {
  proactive: 'Table 2: proactive disclosure',
  applications: 'Table 3: requests received and how they were handled',
  appeals: 'Table 4: administrative reviews and lawsuits',
};

/** The section heading of the national form; in English, a translation before it. */
const heading = (key: 'proactive' | 'applications' | 'appeals', l: Lang) => {
  const zh = REPORT_SECTIONS.find((s) => s.key === key)?.heading ?? key;
  return l === 'zh' ? zh : `${HEADING_EN[key]} (${zh})`;
};

const Marks: FC<{ violations: ViolationRef[]; text: string }> = ({ violations, text }) =>
  violations.length === 0 ? null : (
    <span class="cell-mark">
      <span aria-hidden="true">⚠</span>
      <span class="visually-hidden">{text}</span>
      {violations.map((n) => (
        <>
          {' '}
          <a href={`#${n.id}`}>{n.rule}</a>
        </>
      ))}
    </span>
  );

/**
 * A cell settled by other evidence: the basis on hover (title) and, for keyboards and screen
 * readers, a link to its line in the list of settled cells with the basis as its text.
 */
const SettledMark: FC<{ c: CellView; l: Lang }> = ({ c, l }) =>
  c.settled ? (
    <a class="settled-mark" href={`#${c.settled.id}`} title={c.settled.basis}>
      <span aria-hidden="true">ⓘ</span>
      <span class="visually-hidden">
        {T.basis[l]}
        {c.settled.basis}
      </span>
    </a>
  ) : null;

const Cell: FC<{ c: CellView; l: Lang; colspan?: number }> = ({ c, l, colspan }) => {
  const span = colspan && colspan > 1 ? colspan : undefined;
  if (!c.flagged && c.settled) {
    return (
      <td class="num cell-settled" colspan={span} title={c.settled.basis} aria-describedby={c.settled.id}>
        <span class="cell-value">{c.text}</span>
        <SettledMark c={c} l={l} />
      </td>
    );
  }
  if (!c.flagged) {
    return (
      <td class="num" colspan={span}>
        {c.text}
      </td>
    );
  }
  const cls = ['num', 'cell-flag', c.suspect ? 'cell-suspect' : '', c.warning ? 'cell-warn' : '']
    .filter(Boolean)
    .join(' ');
  const ambiguous = c.candidates.length > 0;
  const described = [...c.violations.map((n) => n.id), ...(c.settled ? [c.settled.id] : [])].join(' ');
  return (
    <td class={cls} colspan={span} aria-describedby={described} title={c.settled?.basis}>
      <span class="cell-value">{ambiguous ? '？' : c.text}</span>
      {ambiguous ? (
        <span class="cell-candidates">
          {T.couldBe[l]} {c.candidates.join(T.or[l])}
        </span>
      ) : null}
      <SettledMark c={c} l={l} />
      <Marks violations={c.violations} text={T.seeAlso[l]} />
    </td>
  );
};

/** A whole table that could not be read: said in words, with its violation. */
const TableNotice: FC<{ violations: ViolationRef[]; l: Lang }> = ({ violations, l }) =>
  violations.length === 0 ? null : (
    <p class="notice notice-warning">
      {T.tableNotRead[l]}
      <Marks violations={violations} text={T.explained[l]} />
    </p>
  );

export const Table2View: FC<{ m: ReportCheckModel }> = ({ m }) => {
  const width = 1 + Math.max(...m.table2.map((b) => b.columns.length));
  return (
    <section aria-labelledby={`${m.prefix}t2-title`}>
      <h2 id={`${m.prefix}t2-title`}>{heading('proactive', m.lang)}</h2>
      <TableNotice violations={m.tableViolations.table2} l={m.lang} />
      <div class="table-wrap">
        <table class="report-table t2" aria-labelledby={`${m.prefix}t2-title`}>
          {m.table2.map((b) => (
            <tbody>
              <tr>
                <th colspan={width} scope="colgroup" class="t2-block">
                  {b.header}
                </th>
              </tr>
              <tr>
                <th scope="col">{TABLE2_CONTENT_HEADER}</th>
                {b.columns.map((c, i) => (
                  <th
                    scope="col"
                    class="num"
                    colspan={
                      i === b.columns.length - 1 && width - 1 > b.columns.length
                        ? width - b.columns.length
                        : undefined
                    }
                  >
                    {c}
                  </th>
                ))}
              </tr>
              {b.rows.map((row) => (
                <tr>
                  <th scope="row">
                    {row.label}
                    <Marks violations={row.violations} text={T.rowNotRead[m.lang]} />
                  </th>
                  {row.cells.map((c, i) => (
                    <Cell
                      c={c}
                      l={m.lang}
                      colspan={i === row.cells.length - 1 ? width - row.cells.length : undefined}
                    />
                  ))}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
};

export const Table3View: FC<{ m: ReportCheckModel }> = ({ m }) => (
  <section aria-labelledby={`${m.prefix}t3-title`}>
    <h2 id={`${m.prefix}t3-title`}>{heading('applications', m.lang)}</h2>
    <TableNotice violations={m.tableViolations.table3} l={m.lang} />
    <div class="table-wrap">
      <table class="report-table t3" aria-labelledby={`${m.prefix}t3-title`}>
        <thead>
          <tr>
            <td rowspan={3} class="t3-note">
              {TABLE3_NOTE}
            </td>
            <th colspan={7} scope="colgroup">
              申请人情况
            </th>
          </tr>
          <tr>
            <th rowspan={2} scope="col" class="num">
              {TABLE3_COLUMN_LABELS.natural}
            </th>
            <th colspan={5} scope="colgroup">
              法人或其他组织
            </th>
            <th rowspan={2} scope="col" class="num">
              {TABLE3_COLUMN_LABELS.total}
            </th>
          </tr>
          <tr>
            {TABLE3_COLUMNS.slice(1, 6).map((c) => (
              <th scope="col" class="num">
                {TABLE3_COLUMN_LABELS[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {m.table3.map((line) =>
            line.kind === 'group' ? (
              <tr class="t3-group">
                <td colspan={8}>{line.label}</td>
              </tr>
            ) : (
              <tr>
                <th scope="row" class={line.group ? 't3-sub' : undefined}>
                  {line.group ? <span class="visually-hidden">{line.group} </span> : null}
                  {line.label}
                  <Marks violations={line.violations} text={T.rowNotRead[m.lang]} />
                </th>
                {line.cells.map((c) => (
                  <Cell c={c} l={m.lang} />
                ))}
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  </section>
);

export const Table4View: FC<{ m: ReportCheckModel }> = ({ m }) => (
  <section aria-labelledby={`${m.prefix}t4-title`}>
    <h2 id={`${m.prefix}t4-title`}>{heading('appeals', m.lang)}</h2>
    <TableNotice violations={m.tableViolations.table4} l={m.lang} />
    <div class="table-wrap">
      <table class="report-table t4" aria-labelledby={`${m.prefix}t4-title`}>
        <thead>
          <tr>
            <th colspan={5} rowspan={2} scope="colgroup">
              {TABLE4_GROUP_LABELS.review}
            </th>
            <th colspan={10} scope="colgroup">
              {TABLE4_SUIT_LABEL}
            </th>
          </tr>
          <tr>
            <th colspan={5} scope="colgroup">
              {TABLE4_GROUP_LABELS.suitDirect}
            </th>
            <th colspan={5} scope="colgroup">
              {TABLE4_GROUP_LABELS.suitAfterReview}
            </th>
          </tr>
          <tr>
            {m.table4.flatMap((g) =>
              TABLE4_COLUMNS.map((c) => (
                <th scope="col" class="num">
                  <span class="visually-hidden">{g.label}</span>
                  {TABLE4_COLUMN_LABELS[c]}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          <tr>{m.table4.flatMap((g) => g.cells.map((c) => <Cell c={c} l={m.lang} />))}</tr>
        </tbody>
      </table>
    </div>
  </section>
);
