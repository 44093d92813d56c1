// Dates in the consultation messages, written out in Chinese (2026年6月1日) without the time zone
// machinery: an IsoDate is already a local day.
import type { IsoDate } from '../calendar/index.js';

export function formatDayZh(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
