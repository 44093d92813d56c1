// The dated steps of a letter (its history, table letter_event): the state, the due date and the
// warnings are derived from them (view.ts), never stored as facts of their own.
import type { IsoDate } from '../calendar/iso-date.js';
import type { DeclineOutcome, LetterKind, Satisfaction } from './kinds.js';

export const LETTER_EVENT_TYPES = [
  'submitted',
  'accepted',
  'declined',
  'assigned',
  'transferred',
  'escalated',
  'instructed',
  'replyDrafted',
  'reviewApproved',
  'reviewReturned',
  'replied',
  'extensionRequested',
  'extensionApproved',
  'extensionRefused',
  'supervised',
  'rated',
  'published',
  'withheld',
  'archived',
] as const;
export type LetterEventType = (typeof LETTER_EVENT_TYPES)[number];

interface Dated {
  /** The local day of the step. */
  on: IsoDate;
}

/** The letter arrived (its receivedOn); kind decides the time limit. */
export interface SubmittedEvent extends Dated {
  type: 'submitted';
  kind: LetterKind;
  channel?: string;
}
/** 受理 (the clock starts); agencyId: the 承办单位 when the office names one at once. */
export interface AcceptedEvent extends Dated {
  type: 'accepted';
  agencyId?: number | null;
}
/** 不予受理 / 无效件 / 重复件: answered with the reason (replyText) and closed at once. */
export interface DeclinedEvent extends Dated {
  type: 'declined';
  triage: DeclineOutcome;
  reason: string;
  /** The earlier letter a duplicate repeats (its id). */
  duplicateOf?: number | null;
  replyText?: string;
}
export interface AssignedEvent extends Dated {
  type: 'assigned';
  agencyId: number;
  userId?: number | null;
}
/** 转办: to another agency, which then handles (or triages) it. */
export interface TransferredEvent extends Dated {
  type: 'transferred';
  fromAgencyId: number;
  toAgencyId: number;
  reason: string;
}
/** 呈办: handed up to a leader for instructions. */
export interface EscalatedEvent extends Dated {
  type: 'escalated';
  leader: string;
  note?: string | null;
}
/** 交办: the leader's instruction, handed down to the unit that answers. */
export interface InstructedEvent extends Dated {
  type: 'instructed';
  instruction: string;
  agencyId: number;
}
export interface ReplyDraftedEvent extends Dated {
  type: 'replyDrafted';
  text: string;
  qaIds?: number[];
}
export interface ReviewApprovedEvent extends Dated {
  type: 'reviewApproved';
}
export interface ReviewReturnedEvent extends Dated {
  type: 'reviewReturned';
  comment: string;
}
/** The reply as sent to the writer (the clock stops). */
export interface RepliedEvent extends Dated {
  type: 'replied';
  text: string;
  agencyId?: number | null;
}
export interface ExtensionRequestedEvent extends Dated {
  type: 'extensionRequested';
  days: number;
  reason: string;
}
export interface ExtensionApprovedEvent extends Dated {
  type: 'extensionApproved';
  days: number;
}
export interface ExtensionRefusedEvent extends Dated {
  type: 'extensionRefused';
  reason: string;
}
/** 督办 */
export interface SupervisedEvent extends Dated {
  type: 'supervised';
  comment: string;
}
export interface RatedEvent extends Dated {
  type: 'rated';
  satisfaction: Satisfaction;
  comment?: string | null;
}
export interface PublishedEvent extends Dated {
  type: 'published';
}
export interface WithheldEvent extends Dated {
  type: 'withheld';
  reason: string;
}
export interface ArchivedEvent extends Dated {
  type: 'archived';
}

export type LetterEvent =
  | SubmittedEvent
  | AcceptedEvent
  | DeclinedEvent
  | AssignedEvent
  | TransferredEvent
  | EscalatedEvent
  | InstructedEvent
  | ReplyDraftedEvent
  | ReviewApprovedEvent
  | ReviewReturnedEvent
  | RepliedEvent
  | ExtensionRequestedEvent
  | ExtensionApprovedEvent
  | ExtensionRefusedEvent
  | SupervisedEvent
  | RatedEvent
  | PublishedEvent
  | WithheldEvent
  | ArchivedEvent;

/** Steps the writer is told of in the lookup (internal ones — assignments, reviews — are not). */
export const WRITER_VISIBLE_EVENTS: readonly LetterEventType[] = [
  'submitted',
  'accepted',
  'declined',
  'transferred',
  'replied',
  'extensionApproved',
  'rated',
];
