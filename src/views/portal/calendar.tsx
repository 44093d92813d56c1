// 工作日历 (public): the working days of a year as 12 month tables, holidays and 调休 make-up working
// days marked in words (a legend that does not rely on colour), and a loud notice for a year without
// official data (design rule 3).
import type { FC } from 'hono/jsx';
import type {
  CalendarCell,
  CalendarMonth,
  CalendarYearView,
  CellKind,
} from '../../queries/calendar-year-view.js';
import type { Lang } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';

const WEEK = [
  ['一', '星期一', 'Mon'],
  ['二', '星期二', 'Tue'],
  ['三', '星期三', 'Wed'],
  ['四', '星期四', 'Thu'],
  ['五', '星期五', 'Fri'],
  ['六', '星期六', 'Sat'],
  ['日', '星期日', 'Sun'],
] as const;

/** The short visible mark of a day (explained by the legend); the full label is read out too. */
const MARK: Record<CellKind, string> = {
  workday: '',
  weekend: '休',
  holiday: '假',
  makeup: '班',
  'other-rest': '休',
  'other-work': '班',
};

const T = {
  title: { zh: '{y}年工作日历', en: 'Working-day calendar {y}' },
  lead: {
    zh: '政府信息公开的各项期限按工作日计算。工作日不等于周一至周五：法定节假日不计，调休上班的周六、周日计入。',
    en: 'Disclosure deadlines count working days — not simply Monday to Friday: public holidays do not count, make-up working weekends do.',
  },
  missingTitle: { zh: '{y}年尚无官方节假日数据', en: 'No official holiday data for {y}' },
  missing: {
    zh: '国务院办公厅尚未公布（或本站尚未载入）{y}年的节假日安排。下表只标出周末和《全国年节及纪念日放假办法》规定的法定节假日，不含该年的调休上班日和补假，不能据此确定期限。',
    en: 'The State Council arrangement for {y} is not published or not loaded yet. The table below only shows weekends and the public holidays fixed by the national holiday regulations, without make-up working days, and cannot be relied on for deadlines.',
  },
  source: {
    zh: '依据国务院办公厅每年发布的部分节假日安排通知。全年工作日 {n} 天。',
    en: 'Based on the annual State Council holiday notice. {n} working days in the year.',
  },
  legend: { zh: '图例', en: 'Legend' },
  legendItems: {
    zh: [
      ['', '无标记：工作日'],
      ['休', '休息日（周末）'],
      ['假', '法定节假日，格内注明节日名称'],
      ['班', '调休上班日：周六或周日照常上班，计为工作日'],
    ],
    en: [
      ['', 'no mark: working day'],
      ['休', 'rest day (weekend)'],
      ['假', 'public holiday, named in the cell'],
      ['班', 'make-up working day: a Saturday or Sunday that is a working day'],
    ],
  },
  ics: { zh: '下载 {y} 年节假日日历（iCalendar 格式）', en: 'Download the {y} holidays (iCalendar)' },
  prev: { zh: '上一年', en: 'Previous year' },
  next: { zh: '下一年', en: 'Next year' },
  how: { zh: '期限如何计算', en: 'How deadlines are counted' },
  month: { zh: '{y}年{m}月', en: '{m}/{y}' },
};

const fill = (s: string, v: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));

const DayCell: FC<{ cell: CalendarCell | null }> = ({ cell }) => {
  if (!cell) return <td class="cal-pad"></td>;
  const mark = MARK[cell.kind];
  const showName = cell.kind !== 'workday' && cell.kind !== 'weekend' && cell.name;
  return (
    <td class={`cal-day cal-${cell.kind}`} data-date={cell.date}>
      <span class="cal-num">{cell.day}</span>
      {mark ? (
        <span class="cal-mark" aria-hidden="true">
          {mark}
        </span>
      ) : null}
      {showName ? (
        <span class="cal-name" aria-hidden="true">
          {cell.kind === 'makeup' ? '调休' : cell.name}
        </span>
      ) : null}
      <span class="visually-hidden">{cell.label}</span>
    </td>
  );
};

const MonthTable: FC<{ lang: Lang; year: number; month: CalendarMonth }> = ({ lang, year, month }) => (
  <table class="cal-month">
    <caption>{fill(T.month[lang], { y: year, m: month.month })}</caption>
    <thead>
      <tr>
        {WEEK.map(([short, full, en]) => (
          <th scope="col">{lang === 'zh' ? <abbr title={full}>{short}</abbr> : en}</th>
        ))}
      </tr>
    </thead>
    <tbody>
      {month.weeks.map((w) => (
        <tr>
          {w.map((c) => (
            <DayCell cell={c} />
          ))}
        </tr>
      ))}
    </tbody>
  </table>
);

export const PortalCalendarPage: FC<{ shell: Omit<ShellProps, 'title'>; view: CalendarYearView }> = ({
  shell,
  view,
}) => {
  const l = shell.lang;
  const y = view.year;
  const title = fill(T.title[l], { y });
  return (
    <PortalLayout {...shell} title={title}>
      <h1>{title}</h1>
      <p class="lead">{T.lead[l]}</p>
      {view.official ? (
        <p>{fill(T.source[l], { n: view.workdays })}</p>
      ) : (
        <div class="notice notice-warning notice-loud" role="alert">
          <h2 class="notice-title">{fill(T.missingTitle[l], { y })}</h2>
          <p>{fill(T.missing[l], { y })}</p>
        </div>
      )}
      <nav class="cal-nav" aria-label={l === 'zh' ? '年份' : 'Years'}>
        <a href={`/calendar/${y - 1}`} rel="prev">
          {T.prev[l]}（{y - 1}）
        </a>
        <a href={`/calendar/${y + 1}`} rel="next">
          {T.next[l]}（{y + 1}）
        </a>
        <a href={`/calendar/${y}.ics`}>{fill(T.ics[l], { y })}</a>
        <a href="/deadlines">{T.how[l]}</a>
      </nav>
      <h2>{T.legend[l]}</h2>
      <ul class="cal-legend">
        {T.legendItems[l].map(([mark, text], i) => (
          <li class={`cal-legend-${['workday', 'weekend', 'holiday', 'makeup'][i]}`}>
            <span class="cal-mark" aria-hidden="true">
              {mark || '　'}
            </span>{' '}
            {mark ? `${mark}：` : ''}
            {text}
          </li>
        ))}
      </ul>
      <div class="cal-year">
        {view.months.map((m) => (
          <MonthTable lang={l} year={y} month={m} />
        ))}
      </div>
    </PortalLayout>
  );
};
