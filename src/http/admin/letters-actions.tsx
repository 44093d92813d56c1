// The handling actions of the letter case page → the letters commands (src/commands/letters): which
// actions the actor may take now (the step allowed in the letter's state, canTake, and the right of
// the policy on the letter's scope), and the posted fields turned into each command's input. The
// commands parse and check again; this only decides what forms to offer.
import type { CommandContext } from '../../commands/context.js';
import { assignLetter, transferLetter } from '../../commands/letters/assign.js';
import { escalateLetter, recordInstruction } from '../../commands/letters/instruct.js';
import { reviewReply, submitReply } from '../../commands/letters/reply.js';
import { acceptLetter, declineLetter } from '../../commands/letters/triage.js';
import { archiveLetter } from '../../commands/letters/archive.js';
import { decideExtension, requestExtension } from '../../commands/letters/extension.js';
import { decidePublication } from '../../commands/letters/publication.js';
import { revealLetterPersonalData } from '../../commands/letters/reveal-personal-data.js';
import { superviseLetter } from '../../commands/letters/supervise.js';
import type { AnyActor } from '../../domain/agencies/actor.js';
import type { LetterEventType } from '../../domain/letters/events.js';
import { canTake } from '../../domain/letters/view.js';
import { NotFound } from '../../domain/errors.js';
import { can, type Action } from '../../policies/policy.js';
import type { LetterCase } from '../../queries/letter-case.js';
import type { LetterAction } from '../../views/admin/letter-actions.js';
import type { RevealedContact } from '../../views/admin/letter-case.js';
import type { AppDeps } from '../types.js';

type Input = { letterId: number; version: number; fields: Record<string, string> };
type Run = (deps: AppDeps, ctx: CommandContext, input: Input) => Promise<unknown>;

/** The step each action records (its state check) and the right it needs. */
const RULES: Record<LetterAction, { step: LetterEventType; right: Action }> = {
  accept: { step: 'accepted', right: 'letter.handle' },
  decline: { step: 'declined', right: 'letter.handle' },
  assign: { step: 'assigned', right: 'letter.handle' },
  transfer: { step: 'transferred', right: 'letter.handle' },
  escalate: { step: 'escalated', right: 'letter.handle' },
  instruct: { step: 'instructed', right: 'letter.handle' },
  reply: { step: 'replyDrafted', right: 'letter.handle' },
  review: { step: 'reviewApproved', right: 'letter.review' },
  extension: { step: 'extensionRequested', right: 'letter.handle' },
  extensionDecision: { step: 'extensionApproved', right: 'letter.review' },
  supervise: { step: 'supervised', right: 'letter.review' },
  publication: { step: 'published', right: 'letter.publish' },
  archive: { step: 'archived', right: 'letter.handle' },
};

/** An optional choice: nothing chosen is null (the commands coerce the rest and say what is wrong). */
const opt = (v: string | undefined) => (v && v.trim() ? v : null);
/**
 * An id as typed: a number too large for the database is sent as 0, which the command refuses with
 * its own words (a lookup with it would be a database error, not the officer's).
 */
const id = (v: string | undefined) => (v !== undefined && /^\s*\d{10,}\s*$/.test(v) ? '0' : v);
const optId = (v: string | undefined) => id(opt(v) ?? undefined) ?? null;
const base = (i: Input) => ({ letterId: i.letterId, version: i.version });

/** The commands that exist, by action (an action without one is not offered). */
const COMMANDS: Partial<Record<LetterAction, Run>> = {
  accept: (deps, ctx, i) =>
    acceptLetter(deps, ctx, { ...base(i), agencyId: optId(i.fields.agencyId), note: opt(i.fields.note) }),
  decline: (deps, ctx, i) =>
    declineLetter(deps, ctx, {
      ...base(i),
      triage: (i.fields.triage ?? '') as never,
      reason: i.fields.reason ?? '',
      duplicateOfTracking: i.fields.triage === 'duplicate' ? opt(i.fields.duplicateOfTracking) : null,
      replyText: i.fields.replyText ?? '',
    }),
  assign: (deps, ctx, i) =>
    assignLetter(deps, ctx, {
      ...base(i),
      agencyId: id(i.fields.agencyId) ?? '',
      userId: optId(i.fields.userId),
    }),
  transfer: (deps, ctx, i) =>
    transferLetter(deps, ctx, {
      ...base(i),
      agencyId: id(i.fields.agencyId) ?? '',
      reason: i.fields.reason ?? '',
    }),
  escalate: (deps, ctx, i) =>
    escalateLetter(deps, ctx, { ...base(i), leader: i.fields.leader ?? '', note: opt(i.fields.note) }),
  instruct: (deps, ctx, i) =>
    recordInstruction(deps, ctx, {
      ...base(i),
      instruction: i.fields.instruction ?? '',
      agencyId: id(i.fields.agencyId) ?? '',
    }),
  reply: (deps, ctx, i) =>
    submitReply(deps, ctx, {
      ...base(i),
      text: i.fields.text ?? '',
      qaIds: optId(i.fields.qaIds) ?? undefined,
    }),
  extension: (deps, ctx, i) =>
    requestExtension(deps, ctx, { ...base(i), days: i.fields.days ?? '', reason: i.fields.reason ?? '' }),
  extensionDecision: (deps, ctx, i) =>
    decideExtension(deps, ctx, {
      ...base(i),
      approve: i.fields.approve ?? '',
      days: i.fields.approve === 'yes' ? opt(i.fields.days) : null,
      reason: opt(i.fields.reason),
    }),
  supervise: (deps, ctx, i) => superviseLetter(deps, ctx, { ...base(i), comment: i.fields.comment ?? '' }),
  publication: (deps, ctx, i) =>
    decidePublication(deps, ctx, {
      ...base(i),
      publish: i.fields.publish ?? '',
      publicTitle: opt(i.fields.publicTitle),
      publicContent: opt(i.fields.publicContent),
      publicReply: opt(i.fields.publicReply),
      reason: opt(i.fields.reason),
    }),
  archive: (deps, ctx, i) => archiveLetter(deps, ctx, base(i)),
  review: (deps, ctx, i) =>
    reviewReply(deps, ctx, {
      ...base(i),
      decision: (i.fields.decision ?? '') as never,
      comment: opt(i.fields.comment),
    }),
};

/** Whether the audited reveal of a writer's contact details is available. */
export const REVEAL_AVAILABLE = true;

/** The writer's contact details in full (letter.personalData; the command writes the audit event). */
export async function revealContact(
  deps: AppDeps,
  ctx: CommandContext,
  letterId: number,
): Promise<RevealedContact> {
  return revealLetterPersonalData(deps, ctx, { letterId });
}

/** The actions to offer on the case page now, in the order of the page. */
export function actionsFor(
  actor: AnyActor,
  d: LetterCase,
  opts: { ignoreRights?: boolean } = {},
): LetterAction[] {
  const scoped = { agencyPath: d.scopePath };
  const out: LetterAction[] = [];
  for (const [action, rule] of Object.entries(RULES) as [LetterAction, (typeof RULES)[LetterAction]][]) {
    if (!COMMANDS[action]) continue;
    if (!canTake(d.view, rule.step)) continue;
    if (!opts.ignoreRights && !can(actor, rule.right, scoped)) continue;
    // 督办 is for letters at a warning level (预警 or past the due date) or near the three months.
    if (action === 'supervise' && d.view.warningLevel === null && d.vetoRisk === 'none') continue;
    // The publication is decided once (the public version can then be seen in 公开).
    if (action === 'publication' && d.publication.state !== 'pending') continue;
    out.push(action);
  }
  return out;
}

export async function runLetterAction(
  deps: AppDeps,
  ctx: CommandContext,
  action: LetterAction,
  input: Input,
): Promise<void> {
  const run = COMMANDS[action];
  if (!run) throw new NotFound();
  await run(deps, ctx, input);
}
