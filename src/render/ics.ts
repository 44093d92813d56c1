// iCalendar (RFC 5545) export of a year's holidays and make-up working days: CRLF line endings, lines
// folded at 75 octets (never inside a UTF-8 character), TEXT values escaped, all-day VALUE=DATE events.
import { addDays } from '../domain/calendar/index.js';
import type { CalendarEvent } from '../queries/calendar-year-view.js';

const CRLF = '\r\n';

export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line: at most 75 octets per line, continuation lines start with one space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = parts.length === 0 ? 75 : 74; // the leading space of a continuation counts
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const icsDate = (iso: string) => iso.replace(/-/g, '');
const icsStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function summary(e: CalendarEvent): string {
  switch (e.kind) {
    case 'holiday':
      return `${e.name ?? '法定节假日'}（放假）`;
    case 'makeup':
      return e.name ? `调休上班（${e.name}）` : '调休上班';
    default:
      return e.label;
  }
}

export interface IcsOptions {
  year: number;
  official: boolean;
  /** DTSTAMP of every event. */
  stamp: Date;
  /** Host part of the event UIDs. */
  host: string;
}

export function calendarIcs(events: CalendarEvent[], o: IcsOptions): string {
  const name = `${o.year}年工作日历（法定节假日与调休）`;
  const desc = o.official
    ? `${o.year}年国务院节假日安排：放假与调休上班日期`
    : `${o.year}年尚无国务院办公厅的节假日安排数据：本日历只含《全国年节及纪念日放假办法》规定的法定节假日，不含调休上班日和补假`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Gongkai//Working-day calendar//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-CALDESC:${escapeText(desc)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.from}-${e.kind}@${o.host}`,
      `DTSTAMP:${icsStamp(o.stamp)}`,
      `DTSTART;VALUE=DATE:${icsDate(e.from)}`,
      `DTEND;VALUE=DATE:${icsDate(addDays(e.to, 1))}`,
      `SUMMARY:${escapeText(summary(e))}`,
      `DESCRIPTION:${escapeText(`${e.label}${e.source ? `。依据：${e.source}` : ''}`)}`,
      `CATEGORIES:${e.kind === 'makeup' || e.kind === 'other-work' ? '调休上班' : '放假'}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
