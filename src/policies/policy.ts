// One place for authorization (architecture rule 7). Every right is a row of RULES; handlers and
// commands ask `can`/`authorize`, never compare roles themselves. A record outside the actor's agency
// subtree answers NotFound (404): the actor may not even learn that it exists.
import { isSystem, type AnyActor } from '../domain/agencies/actor.js';
import { isWithin } from '../domain/agencies/agency.js';
import { ROLES, type Role } from '../domain/agencies/roles.js';
import { NotAllowed, NotFound } from '../domain/errors.js';

/** Anything that belongs to an agency: we only need that agency's path. */
export interface Scoped {
  agencyPath: string;
}

const RULES = {
  /** Sees the whole agency tree instead of the subtree of the actor's own agency. */
  'scope.wholeTree': ['system_admin'],
  'agency.view': ['system_admin', 'agency_admin', 'officer', 'office_head', 'publisher', 'auditor'],
  'agency.create': ['system_admin', 'agency_admin'],
  /** A new root of the tree (an agency without a parent): the government the installation serves. */
  'agency.createRoot': ['system_admin'],
  'agency.edit': ['system_admin', 'agency_admin'],
  'user.view': ['system_admin', 'agency_admin', 'auditor'],
  'user.manage': ['system_admin', 'agency_admin'],
  /** Grant the system administrator role, or manage an account that has it. */
  'user.manageSystemAdmin': ['system_admin'],
  /** Read other people's audit events (the log, and the dashboard's 最近操作). */
  'audit.view': ['system_admin', 'agency_admin', 'auditor', 'office_head'],
  /** Check the whole hash chain: it reads every event, including those outside any subtree. */
  'audit.verify': ['system_admin'],
  'token.manage': ['system_admin'],
  // 工作日历: agency overrides (e.g. a local closure) by agency admins; a new State Council notice
  // (national rows, a year marked official) only by the system administrator.
  'calendar.view': ['system_admin', 'agency_admin', 'office_head', 'officer'],
  'calendar.manage': ['system_admin', 'agency_admin'],
  'calendar.manageNational': ['system_admin'],
  // 依申请公开 (docs/applications.md): the case, with the applicant's personal data masked.
  'application.view': ['system_admin', 'agency_admin', 'officer', 'office_head', 'auditor'],
  /** Register, assign, record facts, decide and serve notices. */
  'application.handle': ['officer', 'office_head'],
  /** 第三十三条第二款: an extension is approved by the head of the disclosure office. */
  'application.approveExtension': ['office_head'],
  /** See an applicant's identity number, phone and address in full, and export a case file (audited). */
  'application.personalData': ['office_head', 'officer'],
  /** Edit the notice templates and the 文号 prefix of the agency's notices. */
  'notice.configure': ['office_head', 'agency_admin', 'system_admin'],
  /** 行政复议 and 行政诉讼 register (table 四). */
  'appeal.view': ['system_admin', 'agency_admin', 'officer', 'office_head', 'auditor'],
  'appeal.manage': ['officer', 'office_head'],
  /** How table 四 counts a case that spans years: one rule for the installation. */
  'appeal.configure': ['system_admin'],
  // 主动公开 (docs/documents.md): the document library of the agency's subtree. Officers write
  // drafts and send them for review; the office head or the publisher (信息发布员) checks and
  // publishes (第十七条: 公开前审查), withdraws, and records a relation that abolishes, replaces or
  // declares invalid a document of their subtree.
  'document.view': ['system_admin', 'agency_admin', 'officer', 'office_head', 'publisher', 'auditor'],
  'document.edit': ['officer', 'office_head', 'publisher'],
  'document.publish': ['office_head', 'publisher'],
  'document.withdraw': ['office_head', 'publisher'],
  /** The 索引号 template of the agency and those below it (docs/documents.md). */
  'document.configure': ['office_head', 'agency_admin', 'system_admin'],
  /** 政府公报: issues, their PDF and the documents they hold (compiled by those who publish). */
  'gazette.manage': ['office_head', 'publisher'],
  // 政府信息公开工作年度报告 (docs/annual-report.md, 第四十九、五十条): officers write the texts and the
  // entered table-二 figures; the office head submits to the supervising office, whose office head
  // returns or approves it; the office head or the publisher publishes it on the portal.
  'report.view': ['system_admin', 'agency_admin', 'officer', 'office_head', 'publisher', 'auditor'],
  'report.edit': ['officer', 'office_head'],
  'report.submit': ['office_head'],
  /** Return with comments or approve a report submitted by an agency below the actor's (上级审核). */
  'report.approve': ['office_head'],
  'report.publish': ['office_head', 'publisher'],
  /** The reporting deadlines of the actor's jurisdiction (第四十九、五十条 by default). */
  'report.configure': ['system_admin', 'agency_admin'],
  // 政民互动 (docs/interaction.md). Officers triage, assign, transfer and draft replies; the office
  // head reviews replies, decides extensions and publication, and 督办s overdue letters of the subtree.
  'letter.view': ['system_admin', 'agency_admin', 'officer', 'office_head', 'publisher', 'auditor'],
  'letter.handle': ['officer', 'office_head'],
  /** Review (审核) a drafted reply, approve or refuse an extension, 督办. */
  'letter.review': ['office_head'],
  /** Decide publication and edit the public version (masking checked by a person). */
  'letter.publish': ['office_head', 'publisher'],
  /** See a writer's phone, e-mail and address in full (audited). */
  'letter.personalData': ['office_head', 'officer'],
  /** Mailboxes of the agency and those below it: time limits, warning levels, review, query code. */
  'mailbox.configure': ['office_head', 'agency_admin', 'system_admin'],
  /** 意见征集, 网上调查, 在线访谈: officers prepare and record; the office head or publisher opens and publishes. */
  'engagement.view': ['system_admin', 'agency_admin', 'officer', 'office_head', 'publisher', 'auditor'],
  'engagement.edit': ['officer', 'office_head', 'publisher'],
  'engagement.publish': ['office_head', 'publisher'],
  /** 答问知识库 */
  'qa.view': ['system_admin', 'agency_admin', 'officer', 'office_head', 'publisher', 'auditor'],
  'qa.edit': ['officer', 'office_head', 'publisher'],
  'qa.publish': ['office_head', 'publisher'],
  /** The installation's open rules: clock counting, the transferred row, the fee bands. */
  'rules.manage': ['system_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof RULES;

/**
 * Does the actor hold the right, wherever it is exercised? The system actor (the CLI run by the
 * operator, the demo loader, jobs) holds every right: it acts for whoever runs the installation.
 */
function holds(actor: AnyActor, action: Action): boolean {
  return isSystem(actor) || (RULES[action] as readonly Role[]).includes(actor.role);
}

/** The root path of what the actor may see: the whole tree ('/') or its own agency's subtree. */
export function scopePath(actor: AnyActor): string {
  return isSystem(actor) || holds(actor, 'scope.wholeTree') ? '/' : actor.agencyPath;
}

export function inScope(actor: AnyActor, subject: Scoped): boolean {
  return isWithin(subject.agencyPath, scopePath(actor));
}

/** May the actor do `action` (on `subject`, when given)? */
export function can(actor: AnyActor, action: Action, subject?: Scoped): boolean {
  if (!holds(actor, action)) return false;
  return subject ? inScope(actor, subject) : true;
}

/**
 * Asserts that the actor may do `action` on `subject`. A subject the actor cannot see is NotFound;
 * one it can see but not act on is NotAllowed.
 */
export function authorize<T extends Scoped>(
  actor: AnyActor,
  action: Action,
  subject: T | null | undefined,
): asserts subject is T {
  if (!subject || !inScope(actor, subject)) throw new NotFound();
  if (!can(actor, action, subject)) throw new NotAllowed();
}

/** For actions without a single subject (lists, create forms). */
export function authorizeAction(actor: AnyActor, action: Action, message?: string): void {
  if (!holds(actor, action)) throw new NotAllowed(message);
}

/** Roles an actor may hand out: nobody but a system admin creates system admins. */
export function assignableRoles(actor: AnyActor): Role[] {
  return can(actor, 'user.manageSystemAdmin') ? [...ROLES] : ROLES.filter((r) => r !== 'system_admin');
}
