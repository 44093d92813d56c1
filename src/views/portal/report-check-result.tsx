// 年报体检 result: the verdict in plain words, what the report is, what is missing, every violation
// explained, and the rebuilt tables with the wrong cells flagged — in Chinese or English. A
// submission from which nothing was read gets one sentence, without empty tables. Rendered straight
// from the POST; nothing is stored.
import type { FC } from 'hono/jsx';
import type { ReadStatus } from '../../domain/reports/types.js';
import { SummaryList } from '../components/summary-list.js';
import type { Lang } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import { RC, REPORT_CHECK_PATH, ReportCheckForm } from './report-check.js';
import { SeveralResults } from './report-check-results.js';
import { Table2View, Table3View, Table4View } from './report-check-tables.js';
import type { ReportCheckModel, ViolationView } from '../models/report-check.js';

const T = {
  title: { zh: '年报体检结果', en: 'Report check result' },
  status: { zh: '体检结论', en: 'Result' },
  facts: { zh: '报告信息', en: 'The report' },
  reportTitle: { zh: '标题', en: 'Title' },
  agency: { zh: '机关', en: 'Agency' },
  year: { zh: '年度', en: 'Year' },
  format: { zh: '表格格式', en: 'Table format' },
  source: { zh: '来源', en: 'Source' },
  pasted: { zh: '粘贴的内容', en: 'Pasted text' },
  missing: { zh: '缺少或无法确定的内容', en: 'Missing or undetermined' },
  violations: { zh: '检查发现的问题', en: 'Problems found' },
  violationsLead: {
    zh: '表格中用 ⚠ 标出的单元格，点击其规则编号即可跳到这里的说明。',
    en: 'Cells marked ⚠ in the tables link to these explanations by their rule ids.',
  },
  noViolations: { zh: '未发现问题。', en: 'No problems found.' },
  again: { zh: '检查另一份报告', en: 'Check another report' },
  againHint: {
    zh: '粘贴的内容已保留在下方，修改后可重新体检；上传的文件需重新选择。',
    en: 'The pasted text is kept below; an uploaded file has to be chosen again.',
  },
  readings: { zh: '可能的读法', en: 'Possible readings' },
  settled: { zh: '由其他依据确定的单元格', en: 'Cells settled by other evidence' },
  settledLead: {
    zh: '这些单元格的数字在报告中连写或无法逐一对应，由下列依据唯一确定；表格中用 ⓘ 标出，鼠标悬停可查看依据。',
    en: 'The figures of these cells ran together or could not be matched one by one in the report; each was settled by the evidence given. They are marked ⓘ in the tables: hover to see the basis.',
  },
  series: { zh: '年度系列', en: 'Series of years' },
  previous: { zh: '上一年', en: 'year before' },
  next: { zh: '下一年', en: 'year after' },
  reading: { zh: '读法', en: 'Reading' },
  rule: { zh: '规则', en: 'Rule' },
  error: { zh: '错误', en: 'Error' },
  warning: { zh: '提示', en: 'Warning' },
};

export const STATUS_LABEL: Record<ReadStatus, { zh: string; en: string }> = {
  ok: { zh: '通过', en: 'Passed' },
  violations: { zh: '有错误', en: 'Errors found' },
  incomplete: { zh: '不完整', en: 'Incomplete' },
  unreadable: { zh: '无法读取', en: 'Not readable' },
};
const STATUS_TAG: Record<ReadStatus, string> = {
  ok: 'tag-green',
  violations: 'tag-red',
  incomplete: 'tag-amber',
  unreadable: 'tag-grey',
};
const FORMAT_TEXT = {
  '2019': {
    zh: '2019 年试行格式（国办公开办函〔2019〕60号）',
    en: '2019 trial format (国办公开办函〔2019〕60号)',
  },
  '2021': { zh: '2021 年格式（国办公开办函〔2021〕30号）', en: '2021 format (国办公开办函〔2021〕30号）' },
} as const;

/** The verdict in plain words; a submission from which nothing was read gets only this sentence. */
function statusSummary(m: ReportCheckModel): string {
  const zh = m.lang === 'zh';
  if (m.status === 'unreadable')
    return zh
      ? `这不是可以读取的政府信息公开工作年度报告${m.reason ? `：${m.reason}` : ''}。请确认粘贴的是报告全文，或上传的是报告文件。`
      : `This is not an annual disclosure report that can be read${m.reason ? `: ${m.reason}` : ''}. Please paste the full text of the report, or upload its file.`;
  if (m.nothingRead)
    return zh
      ? '提交的内容中没有找到年度报告的表二、表三、表四：这可能不是年度报告的全文，或者表格是图片。请粘贴含表格的报告全文，或上传报告文件。'
      : 'No table 2, 3 or 4 of an annual report was found in the submission: it may not be the full report, or its tables are images. Please paste the full report with its tables, or upload its file.';
  const warnings =
    m.warnings === 0
      ? ''
      : zh
        ? `另有 ${m.warnings} 条提示，见下方说明。`
        : ` There are also ${m.warnings} warnings, explained below.`;
  switch (m.status) {
    case 'ok':
      return zh
        ? `已读出表二、表三、表四，各项勾稽关系均成立，未发现错误。${warnings}`
        : `Tables 2, 3 and 4 were read and every consistency rule holds: no errors.${warnings}`;
    case 'violations':
      return zh
        ? `已读出全部表格，但发现 ${m.errors} 个错误：数字之间的勾稽关系不成立或填报不符合要求。有问题的单元格已在表中用 ⚠ 标出，并在下方逐条说明。${warnings}`
        : `Every table was read, but ${m.errors} ${m.errors === 1 ? 'error was' : 'errors were'} found: figures that do not add up, or cells that break the rules. The cells are marked ⚠ in the tables and explained below.${warnings}`;
    case 'incomplete':
      return zh
        ? `报告不完整：部分表格、行或单元格缺失、被截断或无法唯一确定（见下方清单）。已读出的部分照常核对，共发现 ${m.errors} 个错误。${warnings}`
        : `The report is incomplete: some tables, rows or cells are missing, cut off or cannot be settled (listed below). What was read was checked: ${m.errors} ${m.errors === 1 ? 'error' : 'errors'}.${warnings}`;
  }
}

const Violation: FC<{ v: ViolationView; l: Lang }> = ({ v, l }) => (
  <li id={v.id} class={`violation violation-${v.severity}`} tabindex={-1}>
    <p class="violation-head">
      <span class={`tag ${v.severity === 'error' ? 'tag-red' : 'tag-amber'}`}>
        {v.severity === 'error' ? T.error[l] : T.warning[l]}
      </span>{' '}
      <strong>
        {T.rule[l]} {v.rule}
      </strong>
      {l === 'zh' ? '：' : ': '}
      {v.ruleTitle}
    </p>
    <p>{v.detail ?? v.message}</p>
    {v.suspects.map((s) => (
      <p class="violation-suspect">{s}</p>
    ))}
    {v.candidates ? (
      <div class="table-wrap">
        <table class="candidates">
          <caption>{T.readings[l]}</caption>
          <thead>
            <tr>
              <th scope="col">{T.reading[l]}</th>
              {v.candidates.headers.map((h) => (
                <th scope="col" class="num">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {v.candidates.rows.map((row, i) => (
              <tr>
                <th scope="row">{i + 1}</th>
                {row.map((c) => (
                  <td class="num">{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    ) : null}
  </li>
);

/** 「某市人民政府 2021、2022、2023 年（上一年：a.txt；下一年：c.txt）」. */
function seriesText(m: ReportCheckModel, l: Lang): string {
  if (!m.series) return '';
  const { agency, years, previous, next } = m.series;
  const sep = l === 'zh' ? '：' : ': ';
  const near = [previous ? `${T.previous[l]}${sep}${previous}` : '', next ? `${T.next[l]}${sep}${next}` : '']
    .filter(Boolean)
    .join(l === 'zh' ? '；' : '; ');
  const list = l === 'zh' ? `${years.join('、')} 年` : years.join(', ');
  return `${agency ? `${agency} ` : ''}${list}${near ? (l === 'zh' ? `（${near}）` : ` (${near})`) : ''}`;
}

const Facts: FC<{ l: Lang; m: ReportCheckModel; file: string | null }> = ({ l, m, file }) => (
  <SummaryList
    rows={[
      { key: T.reportTitle[l], value: m.title ?? '' },
      { key: T.agency[l], value: m.agency ?? '' },
      { key: T.year[l], value: m.year === null ? '' : `${m.year}` },
      { key: T.format[l], value: m.nothingRead ? '' : FORMAT_TEXT[m.format][l] },
      { key: T.source[l], value: file ?? T.pasted[l] },
      ...(m.series ? [{ key: T.series[l], value: seriesText(m, l) }] : []),
    ].filter((row) => !m.nothingRead || row.value !== '')}
  />
);

const SettledList: FC<{ m: ReportCheckModel; l: Lang }> = ({ m, l }) =>
  m.settled.length === 0 ? null : (
    <section aria-labelledby={`${m.prefix}settled-title`}>
      <h2 id={`${m.prefix}settled-title`}>{T.settled[l]}</h2>
      <p class="hint">{T.settledLead[l]}</p>
      <ol class="settled-list">
        {m.settled.map((s) => (
          <li id={s.id} tabindex={-1}>
            <strong>{s.cell}</strong> = {s.value}
            {l === 'zh' ? '：' : ': '}
            {s.basis}
          </li>
        ))}
      </ol>
    </section>
  );

/** One checked report: the verdict, what it is, what is missing, the problems, the settled cells, the tables. */
export const ReportResult: FC<{ m: ReportCheckModel; file: string | null }> = ({ m, file }) => {
  const l = m.lang;
  const p = m.prefix;
  return (
    <>
      <section class={`check-status check-status-${m.status}`} aria-labelledby={`${p}status-title`}>
        <h2 id={`${p}status-title`}>
          {T.status[l]}
          {l === 'zh' ? '：' : ': '}
          <span class={`tag tag-status ${STATUS_TAG[m.status]}`}>{STATUS_LABEL[m.status][l]}</span>
        </h2>
        <p>{statusSummary(m)}</p>
      </section>
      <h2>{T.facts[l]}</h2>
      <Facts l={l} m={m} file={file} />
      {m.nothingRead ? null : (
        <>
          {m.missing.length > 0 ? (
            <section aria-labelledby={`${p}missing-title`}>
              <h2 id={`${p}missing-title`}>{T.missing[l]}</h2>
              <ul class="missing-list">
                {m.missing.map((t) => (
                  <li>{t}</li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby={`${p}violations-title`}>
            <h2 id={`${p}violations-title`}>{T.violations[l]}</h2>
            {m.violations.length === 0 ? (
              <p>{T.noViolations[l]}</p>
            ) : (
              <>
                <p class="hint">{T.violationsLead[l]}</p>
                <ol class="violations">
                  {m.violations.map((v) => (
                    <Violation v={v} l={l} />
                  ))}
                </ol>
              </>
            )}
          </section>
          <SettledList m={m} l={l} />
          <Table2View m={m} />
          <Table3View m={m} />
          <Table4View m={m} />
        </>
      )}
    </>
  );
};

export interface ReportCheckResultView {
  shell: Omit<ShellProps, 'title'>;
  csrf: string;
  /** One checked report per file (several when a series of years was uploaded). */
  results: { model: ReportCheckModel; file: string | null }[];
  /** The pasted text, kept in the form for another try. */
  text: string;
}

export const ReportCheckResultPage: FC<ReportCheckResultView> = ({ shell, csrf, results, text }) => {
  const l = shell.lang;
  const [only] = results;
  return (
    <PortalLayout {...shell} title={T.title[l]}>
      <p class="breadcrumb-back">
        <a href={REPORT_CHECK_PATH}>{RC.title[l]}</a>
      </p>
      <h1>{T.title[l]}</h1>
      <p class="notice">{RC.privacy[l]}</p>
      {results.length === 1 && only ? (
        <ReportResult m={only.model} file={only.file} />
      ) : (
        <SeveralResults results={results} l={l} />
      )}
      <section aria-labelledby="again-title" class="check-again">
        <h2 id="again-title">{T.again[l]}</h2>
        <p class="hint">{T.againHint[l]}</p>
        <ReportCheckForm lang={l} csrf={csrf} text={text} />
      </section>
    </PortalLayout>
  );
};
