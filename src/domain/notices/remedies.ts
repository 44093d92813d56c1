// The remedies paragraph that ends every reply deciding an application. Which route applies comes
// from the calendar module (remediesFor: from 2024-01-01 a refusal to disclose goes to 行政复议
// first), and the periods from STATUTE, so a notice cannot disagree with the /deadlines page.
import { STATUTE } from '../calendar/clock-rules.js';
import type { IsoDate } from '../calendar/iso-date.js';
import { remediesFor, type DecisionKind } from '../calendar/other-deadlines.js';
import { buildWorkCalendar } from '../calendar/work-calendar.js';
import { OUTCOME_RULES, type Outcome } from '../applications/outcomes.js';

/** 不予公开, and the withheld part of a 部分公开 (第三十七条), are refusals; every other reply is not. */
export function remedyKindOf(outcome: Outcome | null): DecisionKind {
  const group = outcome === null ? null : OUTCOME_RULES[outcome].group;
  return group === 'denied' || group === 'partial' ? 'refusal' : 'other';
}

export interface RemediesInput {
  /** The decision's outcome; null for a notice that is not one (e.g. 告知有权机关). */
  outcome: Outcome | null;
  /** The date of the reply. */
  decidedOn: IsoDate;
  /** 行政复议机关, e.g. 江南市人民政府; when unknown 「有管辖权的行政复议机关」. */
  reconsiderationBody?: string | null;
  /** The court, e.g. 江南市中级人民法院; when unknown 「有管辖权的人民法院」. */
  court?: string | null;
}

/** The remedies paragraph of a reply, in the words of a notice (「如对本答复不服，……」). */
export function remediesParagraph(input: RemediesInput): string {
  const kind = remedyKindOf(input.outcome);
  // The deadlines of remediesFor depend on the day the applicant learns of the reply, which a notice
  // does not know: it states the periods instead, so any calendar will do here.
  const routes = remediesFor(buildWorkCalendar([], []), {
    kind,
    decidedOn: input.decidedOn,
    knewOn: input.decidedOn,
  });
  const body = input.reconsiderationBody?.trim() || '有管辖权的行政复议机关';
  const court = input.court?.trim() || '有管辖权的人民法院';
  const reconsider = `自收到本答复之日起${STATUTE.reconsiderationDays}日内向${body}申请行政复议`;
  const choice = `可以${reconsider}，也可以自收到本答复之日起${STATUTE.lawsuitDirectMonths}个月内向${court}提起行政诉讼`;
  const first =
    `应当先${reconsider}；对行政复议决定不服的，可以自收到行政复议决定书之日起` +
    `${STATUTE.lawsuitAfterReconsiderationDays}日内依法向人民法院提起行政诉讼` +
    '（《中华人民共和国行政复议法》第二十三条第一款第（四）项）';
  if (!routes.reconsiderationFirst) return `如对本答复不服，${choice}。`;
  if (input.outcome !== null && OUTCOME_RULES[input.outcome].group === 'partial')
    return `如对本答复中不予公开的部分不服，${first}；如对本答复的其他内容不服，${choice}。`;
  return `如对本答复不服，${first}。`;
}
