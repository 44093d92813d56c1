// One notice served on the applicant, for the public lookup's PDF download: only with the right
// tracking number and query code (checked again on every download), only a notice of that
// application that was served on the applicant (letters to third parties are never shown).
// null otherwise — the same answer for an unknown number, a wrong code and a foreign notice.
import { and, eq } from 'drizzle-orm';
import type { IsoDate } from '../domain/calendar/iso-date.js';
import type { NoticeDocument } from '../domain/notices/document.js';
import type { Executor } from '../db/client.js';
import { agency, application, notice } from '../db/schema.js';
import { lookupApplication } from './application-case.js';

export interface ApplicantNotice {
  trackingNumber: string;
  title: string;
  document: NoticeDocument;
}

export async function applicantNotice(
  db: Executor,
  trackingNumber: string,
  queryCode: string,
  noticeId: number,
  today: IsoDate,
): Promise<ApplicantNotice | null> {
  const found = await lookupApplication(db, trackingNumber, queryCode, today);
  if (!found || !found.notices.some((n) => n.id === noticeId && n.toApplicant)) return null;
  const [row] = await db
    .select({ notice, agencyName: agency.name })
    .from(notice)
    .innerJoin(application, eq(application.id, notice.applicationId))
    .innerJoin(agency, eq(agency.id, application.agencyId))
    .where(
      and(
        eq(notice.id, noticeId),
        eq(application.trackingNumber, found.trackingNumber),
        eq(notice.toApplicant, true),
      ),
    );
  if (!row) return null;
  const n = row.notice;
  return {
    trackingNumber: found.trackingNumber,
    title: n.title,
    document: {
      ...(n.number ? { number: n.number } : {}),
      title: n.title,
      addressee: n.addressee,
      paragraphs: n.paragraphs,
      signature: { agency: row.agencyName, date: n.issuedOn },
      footer: [`申请编号：${found.trackingNumber}`],
    },
  };
}
