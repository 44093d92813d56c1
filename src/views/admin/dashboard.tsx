import type { FC } from 'hono/jsx';
import type { DashboardData } from '../../queries/dashboard.js';
import { CalendarDataWarning } from '../components/calendar-warning.js';
import { formatDateTime } from '../i18n.js';
import { actionLabel, subjectLabel } from '../models/audit-labels.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { Table } from '../components/table.js';

const T = {
  title: { zh: '工作台', en: 'Dashboard' },
  welcome: { zh: '您好，', en: 'Hello, ' },
  agencies: { zh: '管辖范围内的机构', en: 'Agencies in your scope' },
  users: { zh: '用户', en: 'Users' },
  disabled: { zh: '已停用', en: 'disabled' },
  recent: { zh: '最近操作', en: 'Recent activity' },
  when: { zh: '时间', en: 'When' },
  who: { zh: '操作人', en: 'Who' },
  what: { zh: '操作', en: 'Action' },
  subject: { zh: '对象', en: 'Subject' },
  none: { zh: '暂无记录。', en: 'Nothing yet.' },
};

export const DashboardPage: FC<{
  shell: Omit<AdminShellProps, 'title'>;
  data: DashboardData;
  /** Years whose official holiday data is missing (the 1 November guard). */
  calendar?: { missingYears: number[]; currentYear: number; link: boolean };
}> = ({ shell, data, calendar }) => {
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
      </ul>
      <h2>{T.recent[l]}</h2>
      {data.recentEvents.length === 0 ? (
        <p>{T.none[l]}</p>
      ) : (
        <Table
          head={[T.when[l], T.who[l], T.what[l], T.subject[l]]}
          rows={data.recentEvents.map((e) => [
            formatDateTime(l, e.at),
            e.actorLabel,
            actionLabel(l, e.action) ?? <code>{e.action}</code>,
            `${subjectLabel(l, e.subjectType)} ${e.subjectId ? `#${e.subjectId}` : ''}`,
          ])}
        />
      )}
    </AdminLayout>
  );
};
