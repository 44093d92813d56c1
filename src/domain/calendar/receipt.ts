// 收到申请之日 by channel (第三十一条, docs/legal.md §1.7). The reply clock runs from this day, so it is
// derived from recorded events rather than typed in.
import { InvalidInput } from '../errors.js';
import { parseIsoDate, type IsoDate } from './iso-date.js';

export const RECEIPT_CHANNELS = [
  'in-person', // 当面提交: the day of submission
  'signed-post', // 邮寄, signature required (挂号/EMS): the day the agency signs for it
  'ordinary-post', // 平常信函: the day the agency confirms with the applicant
  'online', // 互联网渠道 (portal, email): the day both sides confirm
  'fax', // 工作机构的传真: the day both sides confirm
] as const;
export type ReceiptChannel = (typeof RECEIPT_CHANNELS)[number];

export const RECEIPT_CHANNEL_LABELS: Record<ReceiptChannel, string> = {
  'in-person': '当面提交',
  'signed-post': '邮寄（需签收）',
  'ordinary-post': '平常信函',
  online: '互联网渠道',
  fax: '传真',
};

/** What was recorded about the arrival of an application. */
export type ReceiptEvents =
  | { channel: 'in-person'; submittedOn: IsoDate }
  | { channel: 'signed-post'; signedOn: IsoDate }
  | { channel: 'ordinary-post' | 'online' | 'fax'; arrivedOn: IsoDate; confirmedOn: IsoDate | null };

export function isReceiptChannel(value: string): value is ReceiptChannel {
  return (RECEIPT_CHANNELS as readonly string[]).includes(value);
}

/**
 * The 第三十一条 receipt day, or null while a confirmation is still missing (ordinary post, online,
 * fax): until both sides confirm, the application has not legally been received and no clock runs.
 */
export function receiptDay(events: ReceiptEvents): IsoDate | null {
  switch (events.channel) {
    case 'in-person':
      return parseIsoDate(events.submittedOn, 'submittedOn');
    case 'signed-post':
      return parseIsoDate(events.signedOn, 'signedOn');
    case 'ordinary-post':
    case 'online':
    case 'fax':
      return confirmedDay(events.arrivedOn, events.confirmedOn);
    default:
      throw new InvalidInput({ channel: '申请渠道无效' });
  }
}

function confirmedDay(arrivedOn: IsoDate, confirmedOn: IsoDate | null): IsoDate | null {
  parseIsoDate(arrivedOn, 'arrivedOn');
  if (confirmedOn === null) return null;
  parseIsoDate(confirmedOn, 'confirmedOn');
  if (confirmedOn < arrivedOn) throw new InvalidInput({ confirmedOn: '确认日期不能早于申请到达日期' });
  return confirmedOn;
}
