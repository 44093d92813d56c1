// 月度统计 of letters in the back office: per unit and month 留言数, 答复数, 答复率, 平均答复用时
// (working days) and 满意度, for the actor's subtree, one year or one month, one mailbox or all.
import type { FC } from 'hono/jsx';
import type { LetterStats } from '../../queries/letter-stats.js';
import { Select } from '../components/forms.js';
import { Table } from '../components/table.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';

export interface LetterStatsView {
  shell: Omit<AdminShellProps, 'title'>;
  stats: LetterStats;
  filter: { year: string; month: string; mailbox: string };
  yearOptions: { value: string; label: string }[];
  mailboxOptions: { value: string; label: string }[];
}

const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const days = (d: number | null) => (d === null ? '—' : `${d.toFixed(1)}个工作日`);

export const LetterStatsPage: FC<LetterStatsView> = (p) => {
  const s = p.stats;
  const title = '信件办理月度统计';
  return (
    <AdminLayout {...p.shell} title={title}>
      <p>
        <a href="/admin/letters">返回信件办理</a>
      </p>
      <h1>{title}</h1>
      <p class="hint">
        按来信月份和责任单位统计（无效件不计）。答复率 = 答复数 ÷
        留言数；平均答复用时按工作日计，自收到来信的次日起至答复之日；满意率 =（非常满意 + 满意 + 基本满意）÷
        评价数。
      </p>
      <form method="get" action="/admin/letters/statistics" class="filters">
        <Select name="year" label="年份" value={p.filter.year} options={p.yearOptions} />
        <Select
          name="month"
          label="月份"
          value={p.filter.month}
          includeBlank="全年"
          options={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}月` }))}
        />
        <Select
          name="mailbox"
          label="信箱"
          value={p.filter.mailbox}
          includeBlank="全部"
          options={p.mailboxOptions}
        />
        <button type="submit" class="button button-secondary">
          统计
        </button>
      </form>
      {s.rows.length === 0 ? (
        <p>所选期间没有来信。</p>
      ) : (
        <Table
          caption={`共 ${s.rows.length} 行`}
          head={['月份', '单位', '留言数', '答复数', '答复率', '平均答复用时', '评价数', '满意率', '不满意']}
          rows={[
            ...s.rows.map((r) => [
              <span class="nowrap">{`${r.year}年${r.month}月`}</span>,
              r.agencyName,
              String(r.received),
              String(r.replied),
              percent(r.replyRate),
              days(r.avgReplyWorkdays),
              String(r.rated),
              percent(r.satisfactionRate),
              String(r.dissatisfied),
            ]),
            [
              <strong>合计</strong>,
              '',
              String(s.total.received),
              String(s.total.replied),
              percent(s.total.replyRate),
              days(s.total.avgReplyWorkdays),
              String(s.total.rated),
              percent(s.total.satisfactionRate),
              String(s.total.dissatisfied),
            ],
          ]}
        />
      )}
    </AdminLayout>
  );
};
