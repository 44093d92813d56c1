// Moving a library item through draft → review → published → withdrawn (src/domain/documents/
// publication.ts holds the table, src/policies who may take each step). Publishing assigns the 索引号
// once — from the agency's template (agency_setting 'index-number-template', the nearest agency up
// the tree that has one, else the default) and a gap-free counter per agency and year
// (number_sequence 'index-number') — sets the 发布日期, writes the search columns in the same
// transaction (the item is findable in the request that published it) and refreshes the 有效性 of
// the documents it amends or abolishes. Withdrawal needs a reason; the 索引号 stays reserved.
import { and, eq, sql } from 'drizzle-orm';
import {
  formatIndexNumber,
  parseIndexTemplate,
  templateResetsYearly,
} from '../../domain/documents/index-number.js';
import {
  assertPublishable,
  nextPublicationState,
  requiredPermission,
  type PublicationAction,
} from '../../domain/documents/publication.js';
import type { PublicationState } from '../../domain/documents/vocab.js';
import { InvalidInput } from '../../domain/errors.js';
import type { Tx } from '../../db/client.js';
import { agency, agencySetting, numberSequence } from '../../db/schema.js';
import { localDate } from '../../lib/time.js';
import { authorize } from '../../policies/policy.js';
import { applicableIndexTemplate, INDEX_TEMPLATE_SETTING } from '../../queries/document-admin.js';

export { INDEX_TEMPLATE_SETTING };
import { inTransaction, type AuditInput, type CommandContext, type Deps } from '../context.js';
import {
  attachmentsText,
  loadDocument,
  refreshValidity,
  searchColumnsOf,
  updateDocument,
  validityTargetsOf,
  type LoadedDocument,
} from './store.js';

export interface StepInput {
  documentId: number;
  version: number;
}

export interface Stepped {
  id: number;
  version: number;
  state: PublicationState;
}

const AUDIT_ACTIONS: Record<Exclude<PublicationAction, 'edit'>, string> = {
  submit: 'document.submitted',
  return: 'document.returned',
  publish: 'document.published',
  withdraw: 'document.withdrawn',
  reopen: 'document.reopened',
};

/** The audit event of a step: the item, its state before, what it is after, then `extra`. */
function stepEvent(
  action: Exclude<PublicationAction, 'edit'>,
  row: { id: number; agencyId: number; title: string },
  before: string,
  after: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): AuditInput {
  return {
    action: AUDIT_ACTIONS[action],
    subjectType: 'document',
    subjectId: row.id,
    agencyId: row.agencyId,
    data: { title: row.title, before: { state: before }, after, ...extra },
  };
}

/** Loads, authorizes the step for the item's state, and returns the state it leads to. */
async function prepare(deps: Deps, ctx: CommandContext, id: number, action: PublicationAction) {
  const loaded = await loadDocument(deps.db, id);
  const from = loaded.row.state as PublicationState;
  authorize(ctx.actor, requiredPermission(from, action), { agencyPath: loaded.agencyPath });
  return { loaded, to: nextPublicationState(from, action) };
}

/** A step without side effects beyond the state: submit, return, reopen. */
async function simpleStep(
  deps: Deps,
  ctx: CommandContext,
  input: StepInput & { note?: string | null },
  action: 'submit' | 'return' | 'reopen',
): Promise<Stepped> {
  const { loaded, to } = await prepare(deps, ctx, input.documentId, action);
  const note = input.note?.trim().slice(0, 500) || undefined;
  return inTransaction(deps, ctx, async (tx, audit) => {
    const row = await updateDocument(tx, loaded.row.id, input.version, { state: to }, deps.now());
    await audit(stepEvent(action, row, loaded.row.state, { state: to }, note ? { note } : {}));
    return { id: row.id, version: row.version, state: to };
  });
}

/** 提交审核: the officer hands the draft to the reviewer (第十七条: 公开前审查). */
export function submitDocumentForReview(deps: Deps, ctx: CommandContext, input: StepInput) {
  return simpleStep(deps, ctx, input, 'submit');
}

/** 退回修改: the reviewer sends the item back to draft, with what to change. */
export function returnDocumentToDraft(
  deps: Deps,
  ctx: CommandContext,
  input: StepInput & { note?: string | null },
) {
  return simpleStep(deps, ctx, input, 'return');
}

/** 重新编辑: a withdrawn item goes back to draft, to be corrected and published again. */
export function reopenDocument(deps: Deps, ctx: CommandContext, input: StepInput) {
  return simpleStep(deps, ctx, input, 'reopen');
}

/** The template that applies to an agency: its own setting, else the nearest ancestor's, else the default. */
export async function indexTemplateFor(tx: Tx, agencyPath: string): Promise<string> {
  return (await applicableIndexTemplate(tx, agencyPath)).template;
}

/**
 * The next 索引号 of the agency: one statement inserts the counter or moves it on, holding the row
 * lock until the commit — concurrent publications wait, a rolled-back one leaves no gap.
 */
async function nextIndexNumber(tx: Tx, d: LoadedDocument, publishedOn: string): Promise<string> {
  const template = await indexTemplateFor(tx, d.agencyPath);
  const parsed = parseIndexTemplate(template);
  if ('error' in parsed)
    throw new InvalidInput({ _form: `索引号模板设置有误（${parsed.error}），请联系管理员修改后再发布` });
  const year = Number(publishedOn.slice(0, 4));
  const [counter] = await tx
    .insert(numberSequence)
    .values({
      agencyId: d.row.agencyId,
      name: 'index-number',
      year: templateResetsYearly(template) ? year : 0,
      last: 1,
    })
    .onConflictDoUpdate({
      target: [numberSequence.agencyId, numberSequence.name, numberSequence.year],
      set: { last: sql`${numberSequence.last} + 1` },
    })
    .returning({ last: numberSequence.last });
  return formatIndexNumber(template, {
    agencyCode: d.agencyCode,
    year,
    themeCode: d.themes[0] ?? null,
    serial: counter!.last,
  });
}

/** 发布: by the office head or the publisher, from 待审核. */
export async function publishDocument(
  deps: Deps,
  ctx: CommandContext,
  input: StepInput,
): Promise<Stepped & { indexNumber: string }> {
  const { loaded, to } = await prepare(deps, ctx, input.documentId, 'publish');
  // 第十九条、第二十条: only 主动公开 items reach the platform.
  assertPublishable(loaded.row.disclosureMethod);
  const now = deps.now();
  const today = localDate(now);
  const search = searchColumnsOf(loaded.row, await attachmentsText(deps.db, loaded.row.id));
  return inTransaction(deps, ctx, async (tx, audit) => {
    const publishedOn = loaded.row.publishedOn ?? today;
    const indexNumber = loaded.row.indexNumber ?? (await nextIndexNumber(tx, loaded, publishedOn));
    const row = await updateDocument(
      tx,
      loaded.row.id,
      input.version,
      {
        state: to,
        indexNumber,
        publishedOn,
        publishedAt: loaded.row.publishedAt ?? now,
        withdrawnAt: null,
        withdrawnReason: null,
        ...search,
      },
      now,
    );
    const changed = await refreshValidity(tx, [row.id, ...(await validityTargetsOf(tx, row.id))], today);
    await audit(
      stepEvent(
        'publish',
        row,
        loaded.row.state,
        { state: to, indexNumber, publishedOn },
        changed.length > 0 ? { validityChanged: changed.map((c) => c.id) } : {},
      ),
    );
    return { id: row.id, version: row.version, state: to, indexNumber };
  });
}

/** 撤回: a published item leaves the portal, with the reason (audited); its 索引号 stays reserved. */
export async function withdrawDocument(
  deps: Deps,
  ctx: CommandContext,
  input: StepInput & { reason?: string | null },
): Promise<Stepped> {
  const reason = input.reason?.trim() ?? '';
  const { loaded, to } = await prepare(deps, ctx, input.documentId, 'withdraw');
  if (reason === '') throw new InvalidInput({ reason: '请填写撤回理由' });
  if (reason.length > 500) throw new InvalidInput({ reason: '撤回理由不能超过 500 个字符' });
  const now = deps.now();
  return inTransaction(deps, ctx, async (tx, audit) => {
    const row = await updateDocument(
      tx,
      loaded.row.id,
      input.version,
      { state: to, withdrawnAt: now, withdrawnReason: reason },
      now,
    );
    // What it amended or abolished is no longer so on the portal's word.
    await refreshValidity(tx, await validityTargetsOf(tx, row.id), localDate(now));
    await audit(stepEvent('withdraw', row, loaded.row.state, { state: to }, { reason }));
    return { id: row.id, version: row.version, state: to };
  });
}

/**
 * Sets (or, with an empty template, removes) the 索引号 template of an agency; it applies to the
 * agencies below it that have none of their own. Numbers already assigned never change.
 */
export async function setIndexNumberTemplate(
  deps: Deps,
  ctx: CommandContext,
  input: { agencyId: number; template?: string | null },
): Promise<void> {
  const template = input.template?.trim() ?? '';
  if (template !== '') {
    const parsed = parseIndexTemplate(template);
    if ('error' in parsed) throw new InvalidInput({ indexTemplate: parsed.error });
  }
  const [target] = await deps.db
    .select({ id: agency.id, path: agency.path })
    .from(agency)
    .where(eq(agency.id, input.agencyId));
  if (!target) throw new InvalidInput({ agencyId: '所选机构不存在' });
  authorize(ctx.actor, 'document.configure', { agencyPath: target.path });
  await inTransaction(deps, ctx, async (tx, audit) => {
    const where = and(eq(agencySetting.agencyId, target.id), eq(agencySetting.key, INDEX_TEMPLATE_SETTING));
    const [row] = await tx.select({ value: agencySetting.value }).from(agencySetting).where(where);
    const before = typeof row?.value === 'string' ? row.value : null;
    const after = template === '' ? null : template;
    if (before === after) return;
    if (after === null) await tx.delete(agencySetting).where(where);
    else
      await tx
        .insert(agencySetting)
        .values({ agencyId: target.id, key: INDEX_TEMPLATE_SETTING, value: after })
        .onConflictDoUpdate({
          target: [agencySetting.agencyId, agencySetting.key],
          set: { value: after, updatedAt: deps.now() },
        });
    await audit({
      action: 'document.template-set',
      subjectType: 'agency',
      subjectId: target.id,
      agencyId: target.id,
      data: { before: { template: before }, after: { template: after } },
    });
  });
}
