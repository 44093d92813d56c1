// The dashboard's 信件办理 panel: open letters past their due date with their warning level (黄牌 /
// 红牌, in words), and the valid letters near or past three months without an answer — the red line
// of the website inspection — each linking to its case page.
import type { FC } from 'hono/jsx';
import type { DashboardLetter, LetterDashboard } from '../../queries/letter-dashboard.js';
import { Table } from '../components/table.js';
import { formatDate } from '../i18n.js';
import { SupervisedBadge, VetoBadge, WarningBadge } from './letter-badges.js';

const LetterRows: FC<{ letters: DashboardLetter[]; caption: string; veto?: boolean }> = (p) => (
  <Table
    caption={p.caption}
    head={
      p.veto
        ? ['信件编号', '标题', '承办单位', '来信日期', '三个月期满', '情况']
        : ['信件编号', '标题', '承办单位', '办理期限', '预警级别']
    }
    rows={p.letters.map((x) => [
      <a href={`/admin/letters/${x.id}`} class="nowrap">
        {x.trackingNumber}
      </a>,
      x.title,
      x.handlingAgencyName,
      ...(p.veto
        ? [
            <span class="nowrap">{formatDate('zh', x.receivedOn)}</span>,
            <span class="nowrap">{formatDate('zh', x.vetoOn)}</span>,
            <>
              <VetoBadge risk={x.vetoRisk} /> <SupervisedBadge supervised={x.supervised} />
            </>,
          ]
        : [
            <span class="nowrap">{x.dueDate ? formatDate('zh', x.dueDate) : '—'}</span>,
            <>
              <WarningBadge level={x.warningLevel} /> <SupervisedBadge supervised={x.supervised} />
            </>,
          ]),
    ])}
  />
);

export const LetterDashboardPanel: FC<{ data: LetterDashboard }> = ({ data }) => (
  <section aria-labelledby="letters-panel-title" class="letter-panel">
    <h2 id="letters-panel-title">信件办理</h2>
    <p>
      逾期未办结 {data.overdueCount} 件（黄牌 {data.levels.yellow} 件，红牌 {data.levels.red}{' '}
      件）；即将到期（预警） {data.levels.warn} 件。 <a href="/admin/letters?overdue=1">查看逾期信件</a>
    </p>
    {data.overdue.length > 0 ? (
      <LetterRows letters={data.overdue} caption="逾期信件（最早到期在前）" />
    ) : (
      <p class="hint">没有逾期未办结的信件。</p>
    )}
    <h3>三个月未答复风险</h3>
    <p class="hint">
      有效来信超过三个月未答复的，政府网站检查单项否决。超过三个月 {data.vetoCounts.past} 件，临近三个月{' '}
      {data.vetoCounts.near} 件。
    </p>
    {data.veto.length > 0 ? (
      <LetterRows letters={data.veto} caption="临近或超过三个月未答复的信件" veto />
    ) : (
      <p class="hint">没有临近或超过三个月未答复的信件。</p>
    )}
  </section>
);
