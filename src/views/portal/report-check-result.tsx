// 年报体检 result: the status in plain words, what the report is, what is missing, every finding
// explained, and the rebuilt tables with the wrong cells flagged. Rendered straight from the POST;
// nothing is stored.
import type { FC } from 'hono/jsx';
import type { ReadStatus } from '../../domain/reports/types.js';
import { SummaryList } from '../components/summary-list.js';
import type { Lang } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import { RC, REPORT_CHECK_PATH, ReportCheckForm } from './report-check.js';
import { Table2View, Table3View, Table4View } from './report-check-tables.js';
import type { NoteView, ReportCheckModel } from '../models/report-check.js';

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
  findings: { zh: '检查发现的问题', en: 'Findings' },
  findingsLead: {
    zh: '表格中用 ⚠ 标出的单元格，点击其规则编号即可跳到这里的说明。',
    en: 'Cells marked ⚠ in the tables link to these explanations (in Chinese, like the report).',
  },
  noFindings: { zh: '未发现问题。', en: 'No findings.' },
  again: { zh: '检查另一份报告', en: 'Check another report' },
  againHint: {
    zh: '粘贴的内容已保留在下方，修改后可重新体检；上传的文件需重新选择。',
    en: 'The pasted text is kept below; an uploaded file has to be chosen again.',
  },
  readings: { zh: '可能的读法', en: 'Possible readings' },
  reading: { zh: '读法', en: 'Reading' },
};

export const STATUS_LABEL: Record<ReadStatus, string> = {
  ok: '通过',
  violations: '有错误',
  incomplete: '不完整',
  unreadable: '无法读取',
};
const STATUS_TAG: Record<ReadStatus, string> = {
  ok: 'tag-green',
  violations: 'tag-red',
  incomplete: 'tag-amber',
  unreadable: 'tag-grey',
};
const FORMAT_TEXT = {
  '2019': '2019 年试行格式（国办公开办函〔2019〕60号）',
  '2021': '2021 年格式（国办公开办函〔2021〕30号）',
} as const;

function statusSummary(m: ReportCheckModel): string {
  const warnings = m.warnings > 0 ? `另有 ${m.warnings} 条提示，见下方说明。` : '';
  switch (m.status) {
    case 'ok':
      return `已读出表二、表三、表四，各项勾稽关系均成立，未发现错误。${warnings}`;
    case 'violations':
      return `已读出全部表格，但发现 ${m.errors} 个错误：数字之间的勾稽关系不成立或填报不符合要求。有问题的单元格已在表中用 ⚠ 标出，并在下方逐条说明。${warnings}`;
    case 'incomplete':
      return `报告不完整：部分表格、行或单元格缺失、被截断或无法唯一确定（见下方清单）。已读出的部分照常核对，共发现 ${m.errors} 个错误。${warnings}`;
    case 'unreadable':
      return `未能把提交的内容识别为政府信息公开工作年度报告${m.reason ? `（${m.reason}）` : ''}。请确认粘贴的是报告全文，或上传的是报告文件。`;
  }
}

const Note: FC<{ n: NoteView }> = ({ n }) => (
  <li id={n.id} class={`finding finding-${n.severity}`} tabindex={-1}>
    <p class="finding-head">
      <span class={`tag ${n.severity === 'error' ? 'tag-red' : 'tag-amber'}`}>
        {n.severity === 'error' ? '错误' : '提示'}
      </span>{' '}
      <strong>规则 {n.rule}</strong>：{n.ruleTitle}
    </p>
    <p>{n.detail ?? n.message}</p>
    {n.suspects.map((s) => (
      <p class="finding-suspect">{s}</p>
    ))}
    {n.candidates ? (
      <div class="table-wrap">
        <table class="candidates">
          <caption>{T.readings.zh}</caption>
          <thead>
            <tr>
              <th scope="col">{T.reading.zh}</th>
              {n.candidates.headers.map((h) => (
                <th scope="col" class="num">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {n.candidates.rows.map((row, i) => (
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

const Facts: FC<{ l: Lang; m: ReportCheckModel; file: string | null }> = ({ l, m, file }) => (
  <SummaryList
    rows={[
      { key: T.reportTitle[l], value: m.title ?? '' },
      { key: T.agency[l], value: m.agency ?? '' },
      { key: T.year[l], value: m.year === null ? '' : `${m.year}` },
      { key: T.format[l], value: m.status === 'unreadable' ? '' : FORMAT_TEXT[m.format] },
      { key: T.source[l], value: file ?? T.pasted[l] },
    ]}
  />
);

export interface ReportCheckResultView {
  shell: Omit<ShellProps, 'title'>;
  csrf: string;
  model: ReportCheckModel;
  /** The uploaded file's name; null for pasted text. */
  file: string | null;
  /** The pasted text, kept in the form for another try. */
  text: string;
}

export const ReportCheckResultPage: FC<ReportCheckResultView> = ({ shell, csrf, model: m, file, text }) => {
  const l = shell.lang;
  return (
    <PortalLayout {...shell} title={T.title[l]}>
      <p class="breadcrumb-back">
        <a href={REPORT_CHECK_PATH}>{RC.title[l]}</a>
      </p>
      <h1>{T.title[l]}</h1>
      <section class={`check-status check-status-${m.status}`} aria-labelledby="status-title">
        <h2 id="status-title">
          {T.status[l]}：
          <span class={`tag tag-status ${STATUS_TAG[m.status]}`}>{STATUS_LABEL[m.status]}</span>
        </h2>
        <p>{statusSummary(m)}</p>
      </section>
      <p class="notice">{RC.privacy[l]}</p>
      <h2>{T.facts[l]}</h2>
      <Facts l={l} m={m} file={file} />
      {m.missing.length > 0 ? (
        <section aria-labelledby="missing-title">
          <h2 id="missing-title">{T.missing[l]}</h2>
          <ul class="missing-list">
            {m.missing.map((t) => (
              <li>{t}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="findings-title">
        <h2 id="findings-title">{T.findings[l]}</h2>
        {m.notes.length === 0 ? (
          <p>{T.noFindings[l]}</p>
        ) : (
          <>
            {m.status === 'unreadable' ? null : <p class="hint">{T.findingsLead[l]}</p>}
            <ol class="findings">
              {m.notes.map((n) => (
                <Note n={n} />
              ))}
            </ol>
          </>
        )}
      </section>
      {m.status === 'unreadable' ? null : (
        <>
          <Table2View m={m} />
          <Table3View m={m} />
          <Table4View m={m} />
        </>
      )}
      <section aria-labelledby="again-title" class="check-again">
        <h2 id="again-title">{T.again[l]}</h2>
        <p class="hint">{T.againHint[l]}</p>
        <ReportCheckForm lang={l} csrf={csrf} text={text} />
      </section>
    </PortalLayout>
  );
};
