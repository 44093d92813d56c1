// Whitelisted output of the letters API: each presenter names every field it sends, from read models
// that do not hold a writer's contact details (src/queries/letter-public.ts, letter-lookup.ts).
import type { z } from 'zod';
import { LETTER_STATE_LABELS } from '../../views/models/letter-labels.js';
import type { PublicMailbox, PublishedLetter } from '../../queries/letter-public.js';
import type { WriterLetter as WriterLetterView } from '../../queries/letter-lookup.js';
import { timeLimitsOf } from '../../domain/letters/kinds.js';
import type { Mailbox, PublishedLetterSchema, WriterLetter } from './letter-schemas.js';

export function presentMailbox(m: PublicMailbox): z.input<typeof Mailbox> {
  return {
    code: m.code,
    name: m.name,
    kind: m.kind as z.input<typeof Mailbox>['kind'],
    agencyCode: m.agencyCode,
    agencyName: m.agencyName,
    timeLimits: timeLimitsOf(m.timeLimits),
    nameRequired: m.nameRequired,
    phoneRequired: m.phoneRequired,
    emailRequired: m.emailRequired,
  };
}

export function presentWriterLetter(l: WriterLetterView): z.input<typeof WriterLetter> {
  return {
    trackingNumber: l.trackingNumber,
    mailboxName: l.mailboxName,
    kind: l.kind,
    title: l.title,
    content: l.content,
    receivedOn: l.receivedOn,
    state: l.state,
    stateLabel: LETTER_STATE_LABELS[l.state],
    dueDate: l.dueDate,
    reply: l.replyText ? { text: l.replyText, repliedOn: l.repliedOn, agencyName: l.replyAgencyName } : null,
    satisfaction: l.satisfaction,
    canRate: l.canRate,
  };
}

export function presentPublishedLetter(
  l: PublishedLetter,
  absolute: (path: string) => string,
): z.input<typeof PublishedLetterSchema> {
  return {
    trackingNumber: l.trackingNumber,
    mailbox: { code: l.mailboxCode, name: l.mailboxName },
    kind: l.kind as z.input<typeof PublishedLetterSchema>['kind'],
    title: l.title,
    content: l.content,
    writer: l.writerNameMasked,
    acceptedOn: l.acceptedOn,
    repliedOn: l.repliedOn,
    replyAgency:
      l.replyAgencyCode && l.replyAgencyName ? { code: l.replyAgencyCode, name: l.replyAgencyName } : null,
    reply: l.reply,
    url: absolute(`/letters/${encodeURIComponent(l.trackingNumber)}`),
  };
}
