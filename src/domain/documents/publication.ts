// Publication of a library item: draft → review → published → withdrawn, as actions (each action
// names the permission it needs, src/policies decides who holds it), and the 第二十六条 time limit:
// information to be disclosed proactively is published within 20 working days of the day it was
// formed or changed, unless a law or regulation sets another period. The working days are those of
// the statutory calendar (src/domain/calendar, proactiveDisclosureDue).
import { InvalidTransition } from '../errors.js';
import type { IsoDate } from '../calendar/iso-date.js';
import type { ClockRules } from '../calendar/clock-rules.js';
import { proactiveDisclosureDue, type WorkdayDeadline } from '../calendar/other-deadlines.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { DisclosureMethod, PublicationState } from './vocab.js';

export const PUBLICATION_ACTIONS = [
  'edit', // 编辑: a draft, or a published item (the command keeps a revision)
  'submit', // 提交审核 (第十七条: 公开前审查)
  'return', // 退回修改
  'publish', // 审核发布 (assigns the 索引号 the first time)
  'withdraw', // 撤回 (with a reason; the 索引号 stays reserved)
  'reopen', // 重新编辑 a withdrawn item, to publish it again
] as const;
export type PublicationAction = (typeof PUBLICATION_ACTIONS)[number];

/** From each state, the actions allowed and the state they lead to. */
const PUBLICATION_TRANSITIONS: Record<
  PublicationState,
  Partial<Record<PublicationAction, PublicationState>>
> = {
  draft: { edit: 'draft', submit: 'review' },
  review: { return: 'draft', publish: 'published' },
  published: { edit: 'published', withdraw: 'withdrawn' },
  withdrawn: { reopen: 'draft' },
};

export type DocumentPermission = 'document.edit' | 'document.publish' | 'document.withdraw';

/** The policy permission each action needs (rows in src/policies/policy.ts). */
const PUBLICATION_ACTION_PERMISSION: Record<PublicationAction, DocumentPermission> = {
  edit: 'document.edit',
  submit: 'document.edit',
  reopen: 'document.edit',
  return: 'document.publish',
  publish: 'document.publish',
  withdraw: 'document.withdraw',
};

/**
 * The permission for an action from a state: changing what is already public is a publication act
 * (the reviewer's, 第十七条), so editing a published item needs 'document.publish'.
 */
export function requiredPermission(from: PublicationState, action: PublicationAction): DocumentPermission {
  if (action === 'edit' && from === 'published') return 'document.publish';
  return PUBLICATION_ACTION_PERMISSION[action];
}

const STATE_NAMES: Record<PublicationState, string> = {
  draft: '草稿',
  review: '待审核',
  published: '已发布',
  withdrawn: '已撤回',
};
const ACTION_NAMES: Record<PublicationAction, string> = {
  edit: '编辑',
  submit: '提交审核',
  return: '退回修改',
  publish: '发布',
  withdraw: '撤回',
  reopen: '重新编辑',
};

export function canTransition(from: PublicationState, action: PublicationAction): boolean {
  return PUBLICATION_TRANSITIONS[from]?.[action] !== undefined;
}

/** The state after the action, or InvalidTransition with a Chinese message. */
export function nextPublicationState(from: PublicationState, action: PublicationAction): PublicationState {
  const to = PUBLICATION_TRANSITIONS[from]?.[action];
  if (to === undefined) {
    throw new InvalidTransition(
      `${STATE_NAMES[from] ?? from}状态的文件不能${ACTION_NAMES[action] ?? action}`,
    );
  }
  return to;
}

/**
 * 条例 第十九条、第二十条: the platform publishes 主动公开 information only. An item recorded as
 * 依申请公开 (第二十七条) or 不予公开 (第十四—十六条) stays in the agency's inventory in the back office
 * and is never published; why, in Chinese, or null for an item that may be published.
 */
export function publicationRefusal(disclosureMethod: string): string | null {
  if (disclosureMethod === 'proactive') return null;
  if (disclosureMethod === 'on_request')
    return '公开方式为“依申请公开”的信息不在平台发布：平台只发布主动公开的政府信息（条例第十九条、第二十条）。该信息保留在本机关的目录中，依申请提供。如需发布，请先将公开方式改为“主动公开”。';
  if (disclosureMethod === 'not_disclosed')
    return '公开方式为“不予公开”的信息不能发布（条例第十四条至第十六条）：平台只发布主动公开的政府信息。该信息仅保留在本机关的目录中。';
  return '公开方式不明的信息不能发布：平台只发布主动公开的政府信息。';
}

/** Publishing an item that is not 主动公开 is refused (InvalidTransition, with the reason). */
export function assertPublishable(disclosureMethod: string): void {
  const refusal = publicationRefusal(disclosureMethod);
  if (refusal !== null) throw new InvalidTransition(refusal);
}

/** The actions open from a state, in display order. */
export function availableActions(from: PublicationState): PublicationAction[] {
  return PUBLICATION_ACTIONS.filter((a) => canTransition(from, a));
}

/** 第二十六条: the due date and its explanation (day by day segments, calendar warnings). */
export function publicationDeadline(
  formedOn: IsoDate,
  calendar: WorkCalendar,
  rules: Partial<ClockRules> = {},
): WorkdayDeadline {
  return proactiveDisclosureDue(calendar, formedOn, rules);
}

/** 第二十六条: the last day to publish information formed or changed on `formedOn`. */
export function publicationDueDate(
  formedOn: IsoDate,
  calendar: WorkCalendar,
  rules: Partial<ClockRules> = {},
): IsoDate {
  return publicationDeadline(formedOn, calendar, rules).dueDate;
}

export type PublicationTimeliness =
  | 'not_applicable' // no 形成日期, not 主动公开, or withdrawn before publication
  | 'pending' // not yet published, due date not passed
  | 'overdue' // not yet published, due date passed
  | 'on_time' // published on or before the due date
  | 'late'; // published after the due date

export interface PublicationFacts {
  state: PublicationState;
  formedOn: IsoDate | null;
  publishedOn: IsoDate | null;
  disclosureMethod?: DisclosureMethod;
}

export function publicationTimeliness(
  doc: PublicationFacts,
  calendar: WorkCalendar,
  today: IsoDate,
  rules: Partial<ClockRules> = {},
): { status: PublicationTimeliness; dueDate: IsoDate | null } {
  if (!doc.formedOn || (doc.disclosureMethod && doc.disclosureMethod !== 'proactive')) {
    return { status: 'not_applicable', dueDate: null };
  }
  const dueDate = publicationDueDate(doc.formedOn, calendar, rules);
  if (doc.publishedOn) return { status: doc.publishedOn <= dueDate ? 'on_time' : 'late', dueDate };
  if (doc.state === 'withdrawn' || doc.state === 'published') return { status: 'not_applicable', dueDate };
  return { status: today > dueDate ? 'overdue' : 'pending', dueDate };
}

/** An item to be disclosed proactively, still unpublished after its 第二十六条 due date. */
export function isPublicationOverdue(
  doc: PublicationFacts,
  calendar: WorkCalendar,
  today: IsoDate,
  rules: Partial<ClockRules> = {},
): boolean {
  return publicationTimeliness(doc, calendar, today, rules).status === 'overdue';
}
