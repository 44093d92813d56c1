// Warnings shown next to a deadline. They never change the date; they tell the user why it may be
// wrong (missing calendar data, design rule 3) or that a legal step came late.
import type { IsoDate } from './iso-date.js';
import type { ClockFacts } from './clock-facts.js';
import { STATUTE } from './clock-rules.js';

export type ClockWarning =
  | { code: 'NO_OFFICIAL_CALENDAR'; year: number; message: string }
  | { code: 'CORRECTION_NOTICE_LATE'; due: IsoDate; message: string }
  | { code: 'EXTENSION_LATE'; due: IsoDate; message: string };

/** One warning per year the computation crosses that has no official holiday arrangement. */
export function noCalendarWarnings(years: number[]): ClockWarning[] {
  return years.map((year) => ({
    code: 'NO_OFFICIAL_CALENDAR',
    year,
    message: `${year}年尚无国务院办公厅的节假日安排数据：该年只按周末和《全国年节及纪念日放假办法》规定的法定节假日推算，调休上班日和补假无法预知，期限可能不准确`,
  }));
}

/** 第三十条: the 补正 notice is due within 7 working days of receipt. */
export function correctionLateWarning(facts: ClockFacts, due: IsoDate): ClockWarning[] {
  const sent = facts.correction?.requestedOn;
  if (!sent || sent <= due) return [];
  const message = `补正告知应在收到申请之日起${STATUTE.correctionNoticeWorkdays}个工作日内（${due}前）发出（第三十条），实际发出日期为${sent}`;
  return [{ code: 'CORRECTION_NOTICE_LATE', due, message }];
}

/**
 * 第三十三条第二款: an extension approved after the original period had already run out. It is
 * recorded and shown, but extends nothing: the case stays overdue (docs/legal.md §1.14).
 */
export function extensionLateWarning(facts: ClockFacts, originalDue: IsoDate): ClockWarning[] {
  const approved = facts.extension?.approvedOn;
  if (!approved || approved <= originalDue) return [];
  const message = `延长答复期限于${approved}批准，晚于原答复期限届满日${originalDue}（第三十三条第二款）：期限届满后批准的延长不产生延长效果`;
  return [{ code: 'EXTENSION_LATE', due: originalDue, message }];
}
