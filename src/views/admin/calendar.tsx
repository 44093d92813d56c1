// 工作日历 (back office): the status of each year's official data, the staff entries in the actor's
// scope (agency overrides and hand-entered State Council notices) and the actions on them.
import type { FC } from 'hono/jsx';
import { CalendarDataWarning } from '../components/calendar-warning.js';
import { ClockRulesTable } from '../components/clock-rules-table.js';
import { PostForm } from '../components/forms.js';
import { formatDate, formatDateTime, type Lang } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import type { ClockRules } from '../../domain/calendar/clock-rules.js';

const T = {
  title: { zh: '工作日历', en: 'Working-day calendar' },
  lead: {
    zh: '依申请公开等期限按工作日计算（条例第三十三条）。国务院节假日安排为全国数据；各机关可为本机关及下级机关录入停止办公等调整，并注明依据。',
    en: 'Statutory periods count working days. The State Council arrangement applies nationwide; an agency may record local changes (e.g. a closure) for its subtree, with their source.',
  },
  years: { zh: '年度节假日数据', en: 'Official data by year' },
  year: { zh: '年份', en: 'Year' },
  status: { zh: '状态', en: 'Status' },
  source: { zh: '来源', en: 'Source' },
  loadedAt: { zh: '载入时间', en: 'Loaded' },
  official: { zh: '官方数据已载入', en: 'Official data loaded' },
  missing: { zh: '缺少官方数据', en: 'Official data missing' },
  view: { zh: '查看日历', en: 'View' },
  entries: { zh: '日历调整', en: 'Calendar entries' },
  entriesHint: {
    zh: '国务院节假日安排的内置数据不在此列出，也不能删除；手工录入的全国安排优先于内置数据。',
    en: 'The bundled official days are not listed and cannot be deleted; hand-entered national days take precedence over them.',
  },
  add: { zh: '新增调整', en: 'Add an entry' },
  import: { zh: '批量导入', en: 'Import' },
  notice: { zh: '录入新年度国务院通知', en: 'Enter a new State Council notice' },
  markOfficial: { zh: '标记年度官方数据', en: 'Mark a year official' },
  none: { zh: '暂无调整。', en: 'No entries.' },
  date: { zh: '日期', en: 'Date' },
  kind: { zh: '上班/放假', en: 'Work/rest' },
  name: { zh: '名称', en: 'Name' },
  scope: { zh: '适用范围', en: 'Applies to' },
  by: { zh: '录入人', en: 'Entered by' },
  actions: { zh: '操作', en: 'Actions' },
  del: { zh: '删除', en: 'Delete' },
  work: { zh: '上班', en: 'Work' },
  rest: { zh: '放假', en: 'Rest' },
  national: { zh: '全国（国务院通知）', en: 'National (State Council)' },
  system: { zh: '系统', en: 'System' },
  done: {
    saved: { zh: '日历调整已保存。', en: 'The entry was saved.' },
    deleted: { zh: '日历调整已删除。', en: 'The entry was deleted.' },
    imported: { zh: '导入完成。', en: 'Import finished.' },
    official: { zh: '已标记为官方数据。', en: 'The year is marked official.' },
  },
};

export type CalendarDone = keyof typeof T.done;

export interface CalendarEntryRow {
  id: number;
  date: string;
  workday: boolean;
  name: string | null;
  source: string;
  agencyName: string | null;
  createdByName: string | null;
  createdAt: Date;
  canDelete: boolean;
}

export interface AdminCalendarView {
  shell: Omit<AdminShellProps, 'title'>;
  currentYear: number;
  missingYears: number[];
  years: { year: number; official: boolean; source: string | null; loadedAt: Date | null }[];
  entries: CalendarEntryRow[];
  canManage: boolean;
  canManageNational: boolean;
  done?: CalendarDone;
  /** e.g. 导入 3 个日期（其中替换 1 个） */
  doneDetail?: string;
  /** The installation's clock rules in force (the defaults when absent). */
  clockRules?: ClockRules;
}

const YearsTable: FC<{ lang: Lang; years: AdminCalendarView['years'] }> = ({ lang: l, years }) => (
  <div class="table-wrap">
    <table>
      <caption class="visually-hidden">{T.years[l]}</caption>
      <thead>
        <tr>
          <th scope="col">{T.year[l]}</th>
          <th scope="col">{T.status[l]}</th>
          <th scope="col">{T.source[l]}</th>
          <th scope="col">{T.loadedAt[l]}</th>
        </tr>
      </thead>
      <tbody>
        {years.map((y) => (
          <tr>
            <th scope="row">
              <a href={`/calendar/${y.year}`}>{y.year}</a>
            </th>
            <td>
              <span class={`tag ${y.official ? 'tag-green' : 'tag-red'}`}>
                {y.official ? T.official[l] : T.missing[l]}
              </span>
            </td>
            <td>{y.source ?? '—'}</td>
            <td>{y.loadedAt ? formatDateTime(l, y.loadedAt) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

const EntriesTable: FC<{ lang: Lang; csrf: string; entries: CalendarEntryRow[] }> = ({
  lang: l,
  csrf,
  entries,
}) => (
  <div class="table-wrap">
    <table>
      <caption class="visually-hidden">{T.entries[l]}</caption>
      <thead>
        <tr>
          <th scope="col">{T.date[l]}</th>
          <th scope="col">{T.kind[l]}</th>
          <th scope="col">{T.name[l]}</th>
          <th scope="col">{T.scope[l]}</th>
          <th scope="col">{T.source[l]}</th>
          <th scope="col">{T.by[l]}</th>
          <th scope="col">{T.actions[l]}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr>
            <td>{formatDate(l, e.date)}</td>
            <td>{e.workday ? T.work[l] : T.rest[l]}</td>
            <td>{e.name ?? '—'}</td>
            <td>{e.agencyName ?? T.national[l]}</td>
            <td>{e.source}</td>
            <td>
              {e.createdByName ?? T.system[l]}
              <br />
              <span class="hint">{formatDateTime(l, e.createdAt)}</span>
            </td>
            <td>
              {e.canDelete ? (
                <PostForm action={`/admin/calendar/days/${e.id}/delete`} csrf={csrf} class="inline-form">
                  <button type="submit" class="link-button">
                    {T.del[l]}
                    <span class="visually-hidden">
                      {' '}
                      {e.date} {e.name ?? ''}
                    </span>
                  </button>
                </PostForm>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

export const AdminCalendarPage: FC<AdminCalendarView> = (p) => {
  const l = p.shell.lang;
  return (
    <AdminLayout {...p.shell} title={T.title[l]}>
      {p.done ? (
        <div class="notice notice-success" role="status">
          {T.done[p.done][l]}
          {p.doneDetail ? ` ${p.doneDetail}` : ''}
        </div>
      ) : null}
      <h1>{T.title[l]}</h1>
      <p class="lead">{T.lead[l]}</p>
      <CalendarDataWarning lang={l} years={p.missingYears} currentYear={p.currentYear} />
      <h2>{T.years[l]}</h2>
      <YearsTable lang={l} years={p.years} />
      {p.canManageNational ? (
        <p class="button-group">
          <a class="button button-secondary" href="/admin/calendar/new?scope=national">
            {T.notice[l]}
          </a>
          <a class="button button-secondary" href="/admin/calendar/official">
            {T.markOfficial[l]}
          </a>
        </p>
      ) : null}
      <h2>{T.entries[l]}</h2>
      <p class="hint">{T.entriesHint[l]}</p>
      {p.canManage ? (
        <p class="button-group">
          <a class="button button-secondary" href="/admin/calendar/new">
            {T.add[l]}
          </a>
          <a class="button button-secondary" href="/admin/calendar/import">
            {T.import[l]}
          </a>
        </p>
      ) : null}
      {p.entries.length === 0 ? (
        <p>{T.none[l]}</p>
      ) : (
        <EntriesTable lang={l} csrf={p.shell.csrf ?? ''} entries={p.entries} />
      )}
      <ClockRulesTable lang={l} rules={p.clockRules} />
    </AdminLayout>
  );
};
