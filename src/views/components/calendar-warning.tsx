// The per-year guard made visible (design rule 3): years whose official holiday arrangement is not
// loaded although it is needed — the current year, and next year from 1 November.
import type { FC } from 'hono/jsx';
import type { Lang } from '../i18n.js';

export const CalendarDataWarning: FC<{ lang: Lang; years: number[]; currentYear: number; link?: boolean }> = (
  p,
) => {
  if (p.years.length === 0) return null;
  const zh = p.lang === 'zh';
  return (
    <div class="notice notice-warning calendar-warning" role="status">
      <h2 class="notice-title">{zh ? '缺少年度节假日官方数据' : 'Official holiday data missing'}</h2>
      <ul>
        {p.years.map((y) => (
          <li>
            {zh
              ? `${y === p.currentYear ? `今年（${y}年）` : `${y}年`}的国务院节假日安排尚未载入：涉及${y}年的期限只按周末和《全国年节及纪念日放假办法》规定的法定节假日推算，调休上班日无法预知，可能不准确。`
              : `The State Council holiday arrangement for ${y} is not loaded: deadlines reaching into ${y} count only weekends and the statutory public holidays, without make-up working days, and may be wrong.`}
          </li>
        ))}
      </ul>
      <p>
        {zh
          ? '国务院办公厅通知发布后，请系统管理员在“工作日历”中录入放假和调休日期并标记为官方数据，或升级内置的节假日数据。'
          : 'Once the State Council notice is published, a system administrator enters its days in the working-day calendar and marks the year official, or upgrades the bundled data.'}
        {p.link ? (
          <>
            {' '}
            <a href="/admin/calendar">{zh ? '前往工作日历' : 'Open the working-day calendar'}</a>
          </>
        ) : null}
      </p>
    </div>
  );
};
