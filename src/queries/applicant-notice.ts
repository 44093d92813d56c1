// One notice served on the applicant, for a PDF download with the tracking number and the query code
// (the public API's notice route). The check and the document are `noticeForApplicant`'s (one
// implementation: only a notice of that application served on the applicant; null — the same
// answer — for an unknown number, a wrong code, a foreign notice or a letter to a third party).
import type { IsoDate } from '../domain/calendar/iso-date.js';
import type { NoticeDocument } from '../domain/notices/document.js';
import type { Executor } from '../db/client.js';
import { noticeForApplicant } from './notices.js';

export interface ApplicantNotice {
  trackingNumber: string;
  title: string;
  document: NoticeDocument;
  /** File name without extension, e.g. 江南府办依复〔2026〕12号-政府信息公开申请答复书. */
  fileStem: string;
}

export async function applicantNotice(
  db: Executor,
  trackingNumber: string,
  queryCode: string,
  noticeId: number,
  _today?: IsoDate,
): Promise<ApplicantNotice | null> {
  const found = await noticeForApplicant(db, trackingNumber, queryCode, noticeId);
  if (!found) return null;
  return {
    trackingNumber: found.trackingNumber,
    title: found.notice.title,
    document: found.document,
    fileStem: found.fileStem,
  };
}
