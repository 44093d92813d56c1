// 年报体检 of several files at once (a series of years of one agency): an overview — each file with
// its year and result, linking to its section — then every report in full, one after another,
// each with ids of its own (the model's prefix).
import type { FC } from 'hono/jsx';
import type { Lang } from '../i18n.js';
import type { ReportCheckModel } from '../models/report-check.js';
import { ReportResult, STATUS_LABEL } from './report-check-result.js';

const T = {
  overview: { zh: '各份报告的结论', en: 'The reports at a glance' },
  file: { zh: '文件', en: 'File' },
  agency: { zh: '机关', en: 'Agency' },
  year: { zh: '年度', en: 'Year' },
  result: { zh: '结论', en: 'Result' },
  settled: { zh: '由其他依据确定', en: 'Settled by other evidence' },
  seriesNote: {
    zh: '同一机关相邻年度的报告已按年度系列互相核对（C1 上年结转、C2 现行有效件数、C3 上一年项目数量），并用相邻年度的数字确定了单份报告无法确定的单元格。',
    en: 'Reports of one agency in consecutive years were checked against each other (C1 carried over, C2 documents in force, C3 previous-year counts), and their figures settled cells that one report alone leaves open.',
  },
};

export interface ResultItem {
  model: ReportCheckModel;
  file: string | null;
}

export const SeveralResults: FC<{ results: ResultItem[]; l: Lang }> = ({ results, l }) => (
  <>
    <section aria-labelledby="overview-title">
      <h2 id="overview-title">{T.overview[l]}</h2>
      {results.some((r) => r.model.series) ? <p class="hint">{T.seriesNote[l]}</p> : null}
      <div class="table-wrap">
        <table class="report-overview">
          <thead>
            <tr>
              <th scope="col">{T.file[l]}</th>
              <th scope="col">{T.agency[l]}</th>
              <th scope="col" class="num">
                {T.year[l]}
              </th>
              <th scope="col">{T.result[l]}</th>
              <th scope="col" class="num">
                {T.settled[l]}
              </th>
            </tr>
          </thead>
          <tbody>
            {results.map(({ model: m, file }) => (
              <tr>
                <th scope="row">
                  <a href={`#${m.prefix}report`}>{file ?? ''}</a>
                </th>
                <td>{m.agency ?? ''}</td>
                <td class="num">{m.year ?? ''}</td>
                <td>{STATUS_LABEL[m.status][l]}</td>
                <td class="num">{m.settled.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
    {results.map(({ model: m, file }) => (
      <section id={`${m.prefix}report`} class="report-result" aria-labelledby={`${m.prefix}report-title`}>
        <h2 id={`${m.prefix}report-title`}>{file ?? ''}</h2>
        <ReportResult m={m} file={file} />
      </section>
    ))}
  </>
);
