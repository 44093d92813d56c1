// 办理情况统计: per month and unit — 留言数, 答复数, 答复率, 平均答复用时 (working days) and 满意度 — for a
// year (and optionally a month and a mailbox), as the public display rules ask. How each figure is
// counted is stated under the table.
import type { FC } from 'hono/jsx';
import { Select } from '../components/forms.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import { INTERACTION_PATH, LETTER_STATS_PATH, LETTERS_PATH } from './letter-parts.js';

export interface LetterStatsLine {
  month: number;
  agencyName: string;
  received: number;
  replied: number;
  replyRate: number | null;
  avgReplyWorkdays: number | null;
  rated: number;
  satisfactionRate: number | null;
}

export interface LetterStatisticsView {
  shell: Omit<ShellProps, 'title'>;
  filter: { year: string; month: string; mailbox: string };
  years: { value: string; label: string }[];
  mailboxes: { value: string; label: string }[];
  rows: LetterStatsLine[];
  total: Omit<LetterStatsLine, 'month' | 'agencyName'>;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}月` }));

export const percent = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const days = (v: number | null): string => (v === null ? '—' : `${v.toFixed(1)} 个工作日`);

const Figures: FC<{ r: Omit<LetterStatsLine, 'month' | 'agencyName'> }> = ({ r }) => (
  <>
    <td class="num">{r.received}</td>
    <td class="num">{r.replied}</td>
    <td class="num">{percent(r.replyRate)}</td>
    <td class="num nowrap">{days(r.avgReplyWorkdays)}</td>
    <td class="num">{r.rated}</td>
    <td class="num">{percent(r.satisfactionRate)}</td>
  </>
);

export const LetterStatisticsPage: FC<LetterStatisticsView> = (p) => (
  <PortalLayout {...p.shell} title="留言办理情况统计">
    <p>
      <a href={INTERACTION_PATH}>政民互动</a>
    </p>
    <h1>留言办理情况统计</h1>
    <p>
      <a href={LETTERS_PATH}>留言选登</a>
    </p>
    <form method="get" action={LETTER_STATS_PATH} class="filters">
      <Select name="year" label="年份" value={p.filter.year} options={p.years} />
      <Select name="month" label="月份" value={p.filter.month} options={MONTHS} includeBlank="全年" />
      <Select
        name="mailbox"
        label="信箱"
        value={p.filter.mailbox}
        options={p.mailboxes}
        includeBlank="全部"
      />
      <button type="submit" class="button button-secondary">
        查看
      </button>
    </form>
    {p.rows.length === 0 ? (
      <p>所选期间没有留言。</p>
    ) : (
      <div class="table-wrap">
        <table>
          <caption>按月份、单位统计</caption>
          <thead>
            <tr>
              <th scope="col">月份</th>
              <th scope="col">单位</th>
              <th scope="col" class="num">
                留言数
              </th>
              <th scope="col" class="num">
                答复数
              </th>
              <th scope="col" class="num">
                答复率
              </th>
              <th scope="col" class="num">
                平均答复用时
              </th>
              <th scope="col" class="num">
                评价数
              </th>
              <th scope="col" class="num">
                满意率
              </th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr>
                <td class="nowrap">{r.month}月</td>
                <td>{r.agencyName}</td>
                <Figures r={r} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan={2}>
                合计
              </th>
              <Figures r={p.total} />
            </tr>
          </tfoot>
        </table>
      </div>
    )}
    <h2>统计口径</h2>
    <ul class="hint">
      <li>
        留言按提交日期计入月份，按承办单位统计；无效留言不计入。不予受理、重复的留言已答复说明理由，计入。
      </li>
      <li>答复数是该月留言中已答复的件数；答复率 = 答复数 ÷ 留言数。</li>
      <li>平均答复用时：从提交次日到答复之日的工作日数的平均值。</li>
      <li>满意率 =（非常满意 + 满意 + 基本满意）÷ 评价数。</li>
    </ul>
  </PortalLayout>
);
