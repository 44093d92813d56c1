// What a consultation is today. The stored state moves draft → open → closed → feedback_published
// through commands; an open consultation is 'upcoming' before its first day and takes no more
// opinions after its last (the office then closes it).
import type { IsoDate } from '../calendar/index.js';

export const CONSULTATION_STATES = ['draft', 'open', 'closed', 'feedback_published'] as const;
export type ConsultationState = (typeof CONSULTATION_STATES)[number];

export type ConsultationStatus = 'draft' | 'upcoming' | 'open' | 'ended' | 'closed' | 'feedback_published';

export const STATUS_LABELS: Record<ConsultationStatus, string> = {
  draft: '草稿',
  upcoming: '即将开始',
  open: '正在征集',
  ended: '征集期已满',
  closed: '征集结束',
  feedback_published: '已反馈',
};

export function consultationStatus(
  c: { state: string; opensOn: IsoDate | null; closesOn: IsoDate | null },
  today: IsoDate,
): ConsultationStatus {
  if (c.state === 'open') {
    if (c.opensOn && today < c.opensOn) return 'upcoming';
    if (c.closesOn && today > c.closesOn) return 'ended';
    return 'open';
  }
  if (c.state === 'closed' || c.state === 'feedback_published') return c.state;
  return 'draft';
}

/** Does the portal take an opinion today? */
export function acceptsOpinions(
  c: { state: string; opensOn: IsoDate | null; closesOn: IsoDate | null },
  today: IsoDate,
): boolean {
  return consultationStatus(c, today) === 'open';
}

/** Is the consultation shown on the portal (anything once opened)? */
export function isPublic(state: string): boolean {
  return state !== 'draft';
}
