// What the consultation API shows: a whitelist of fields (masked names only, never a contact).
import type { z } from 'zod';
import { periodText } from '../../domain/consultations/index.js';
import type { ConsultationSummary as Summary, PublicConsultation } from '../../queries/consultations.js';
import type { ConsultationDetail, ConsultationSummary } from './consultation-schemas.js';

type Abs = (path: string) => string;

export function presentConsultationSummary(c: Summary, abs: Abs): z.input<typeof ConsultationSummary> {
  return {
    id: c.id,
    title: c.title,
    agency: { code: c.agency.code, name: c.agency.name },
    decisionType: c.decisionType,
    concernsMarket: c.concernsMarket,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    status: c.status === 'draft' ? 'upcoming' : c.status,
    opinions: c.opinions,
    url: abs(`/consultations/${c.id}`),
  };
}

export function presentConsultation(c: PublicConsultation, abs: Abs): z.input<typeof ConsultationDetail> {
  const f = c.feedback;
  return {
    ...presentConsultationSummary(c, abs),
    description: c.description,
    rule: {
      days: c.rule.days,
      unit: c.rule.unit,
      text: `不少于${periodText(c.rule)}`,
      source: c.rule.source,
    },
    daysLeft: c.daysLeft,
    email: c.email,
    postalAddress: c.postalAddress,
    document: c.document
      ? {
          id: c.document.id,
          title: c.document.title,
          docNumber: c.document.docNumber,
          url: abs(`/documents/${c.document.id}`),
        }
      : null,
    feedback: f
      ? {
          publishedAt: c.feedbackPublishedAt ? c.feedbackPublishedAt.toISOString() : null,
          summary: c.feedbackSummary,
          opensOn: f.opensOn,
          closesOn: f.closesOn,
          received: f.received,
          adopted: f.adopted + f.partly,
          partly: f.partly,
          notAdopted: f.notAdopted,
          rows: f.rows.map((r) => ({
            number: r.number,
            name: r.name,
            clause: r.clause,
            content: r.content,
            adoption: r.adoption,
            reason: r.reason,
          })),
        }
      : null,
  };
}
