// The explanation of a deadline (design rule 2) as a table: the start day, then every run of days
// counted or skipped with its reason, and the total — so anyone can check it by hand.
import type { FC } from 'hono/jsx';
import { daysBetween, type Explanation } from '../../domain/calendar/index.js';
import { formatDate, type Lang } from '../i18n.js';

const T = {
  caption: { zh: '计算过程', en: 'How the date was counted' },
  days: { zh: '日期', en: 'Dates' },
  length: { zh: '天数', en: 'Days' },
  reason: { zh: '说明', en: 'Reason' },
  counted: { zh: '计入的工作日', en: 'Working days counted' },
  start: { zh: '起算日（第0日）', en: 'Day 0' },
  none: { zh: '不计', en: 'not counted' },
  total: { zh: '合计', en: 'Total' },
  to: { zh: ' 至 ', en: ' to ' },
};

export const DeadlineExplanationTable: FC<{ lang: Lang; explanation: Explanation }> = ({
  lang: l,
  explanation: ex,
}) => (
  <div class="table-wrap">
    <table class="explanation">
      <caption>{T.caption[l]}</caption>
      <thead>
        <tr>
          <th scope="col">{T.days[l]}</th>
          <th scope="col">{T.length[l]}</th>
          <th scope="col">{T.reason[l]}</th>
          <th scope="col">{T.counted[l]}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{formatDate(l, ex.start)}</th>
          <td>{T.start[l]}</td>
          <td>{ex.startReason}</td>
          <td>{T.none[l]}</td>
        </tr>
        {ex.segments.map((s) => (
          <tr class={`seg-${s.kind}`}>
            <th scope="row">
              {s.from === s.to
                ? formatDate(l, s.from)
                : `${formatDate(l, s.from)}${T.to[l]}${formatDate(l, s.to)}`}
            </th>
            <td>{daysBetween(s.from, s.to) + 1}</td>
            <td>{s.reason}</td>
            <td>{s.workdays > 0 ? s.workdays : T.none[l]}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colspan={3}>
            {T.total[l]}
          </th>
          <td>{ex.period}</td>
        </tr>
      </tfoot>
    </table>
  </div>
);
