import type { FC } from 'hono/jsx';
import type { DashboardData } from '../../queries/dashboard.js';
import { CalendarDataWarning } from '../components/calendar-warning.js';
import { formatDate, formatDateTime } from '../i18n.js';
import { actionLabel, subjectDetail, subjectLabel } from '../models/audit-labels.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { Table } from '../components/table.js';
import type { LetterDashboard } from '../../queries/letter-dashboard.js';
import { LetterDashboardPanel } from './letter-dashboard.js';

const T = {
  title: { zh: '工作台', en: 'Dashboard' },
  welcome: { zh: '您好，', en: 'Hello, ' },
  agencies: { zh: '管辖范围内的机构', en: 'Agencies in your scope' },
  users: { zh: '用户', en: 'Users' },
  disabled: { zh: '已停用', en: 'disabled' },
  recent: { zh: '最近操作', en: 'Recent activity' },
  recentOwn: { zh: '我的最近操作', en: 'My recent activity' },
  when: { zh: '时间', en: 'When' },
  who: { zh: '操作人', en: 'Who' },
  what: { zh: '操作', en: 'Action' },
  subject: { zh: '对象', en: 'Subject' },
  none: { zh: '暂无记录。', en: 'Nothing yet.' },
};

/** 用户：张三（zhangsan） — the type, and the name when it is known; never an id. */
function subjectText(
  l: 'zh' | 'en',
  e: DashboardData['recentEvents'][number],
  names: Record<string, string>,
): string {
  const name = names[`${e.subjectType}:${e.subjectId}`] ?? null;
  const detail = subjectDetail(l, { ...e, subjectName: name }, (iso) => formatDate(l, iso));
  const type = subjectLabel(l, e.subjectType);
  return detail ? `${type}${l === 'zh' ? '：' : ': '}${detail}` : type;
}

export const DashboardPage: FC<{
  shell: Omit<AdminShellProps, 'title'>;
  data: DashboardData;
  /** Current names of the agencies and users the events are about: `user:17` → 张三（zhangsan）. */
  names?: Record<string, string>;
  /** Years whose official holiday data is missing (the 1 November guard). */
  calendar?: { missingYears: number[]; currentYear: number; link: boolean };
  /** 主动公开 items still unpublished after their 第二十六条 due date (for those who see the library). */
  overduePublications?: number;
  /** 信件办理: overdue letters and those near or past three months unanswered (letter.view). */
  letters?: LetterDashboard;
}> = ({ shell, data, names = {}, calendar, overduePublications, letters }) => {
  const l = shell.lang;
  return (
    <AdminLayout {...shell} title={T.title[l]}>
      <h1>{T.title[l]}</h1>
      <p class="lead">
        {T.welcome[l]}
        {shell.user?.displayName}（{shell.user?.agencyName}）
      </p>
      {calendar ? (
        <CalendarDataWarning
          lang={l}
          years={calendar.missingYears}
          currentYear={calendar.currentYear}
          link={calendar.link}
        />
      ) : null}
      <ul class="cards">
        <li class="card">
          <h2>{T.agencies[l]}</h2>
          <span class="stat">{data.agencyCount}</span>
        </li>
        <li class="card">
          <h2>{T.users[l]}</h2>
          <span class="stat">{data.userCount}</span>
          {data.disabledUserCount > 0 ? (
            <span class="hint">
              {data.disabledUserCount} {T.disabled[l]}
            </span>
          ) : null}
        </li>
        {overduePublications !== undefined ? (
          <li class="card">
            <h2>逾期未发布的主动公开信息</h2>
            <span class="stat">{overduePublications}</span>
            {overduePublications > 0 ? (
              <span class="hint">
                <span class="tag tag-red">已逾期</span> 超过第二十六条规定的 20 个工作日仍未发布。{' '}
                <a href="/admin/documents?state=overdue">查看逾期文件</a>
              </span>
            ) : (
              <span class="hint">没有逾期未发布的文件。</span>
            )}
          </li>
        ) : null}
      </ul>
      {letters ? <LetterDashboardPanel data={letters} /> : null}
      <h2>{data.recentEventsOf === 'own' ? T.recentOwn[l] : T.recent[l]}</h2>
      {data.recentEvents.length === 0 ? (
        <p>{T.none[l]}</p>
      ) : (
        <Table
          head={[T.when[l], T.who[l], T.what[l], T.subject[l]]}
          rows={data.recentEvents.map((e) => [
            <span class="nowrap">{formatDateTime(l, e.at)}</span>,
            e.actorLabel,
            actionLabel(l, e.action),
            subjectText(l, e, names),
          ])}
        />
      )}
    </AdminLayout>
  );
};
