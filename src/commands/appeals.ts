// The appeals register (复议诉讼, the source of table 四): record a 行政复议 or 行政诉讼 against an
// agency of the actor's scope, optionally linked to an application of that agency; record its result
// later (optimistic lock on `version`); and set the installation's rule for cases spanning years.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  APPEAL_KIND_LABELS,
  APPEAL_KINDS,
  APPEAL_RESULT_LABELS,
  APPEAL_RESULTS,
  APPEAL_YEAR_RULE_LABELS,
  APPEAL_YEAR_RULES,
  appealProblems,
  isAppealKind,
  isAppealResult,
  type AppealKind,
  type AppealResult,
} from '../domain/appeals/appeals.js';
import { normaliseTrackingNumber } from '../domain/applications/tracking.js';
import { isSystem } from '../domain/agencies/actor.js';
import { Conflict, InvalidInput, NotFound } from '../domain/errors.js';
import type { Executor } from '../db/client.js';
import { agency, appeal, application, appSetting } from '../db/schema.js';
import { localDate } from '../lib/time.js';
import { authorize, authorizeAction, inScope } from '../policies/policy.js';
import { APPEAL_YEAR_RULE_KEY, appealYearRule } from '../queries/appeals.js';
import { diff, inTransaction, type CommandContext, type Deps } from './context.js';
import { parseInput } from './validation.js';

/** A blank form field is "not given". */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalText = (max: number, message: string) =>
  z.preprocess(blank, z.string().trim().max(max, message).optional());
const optionalId = z.preprocess(blank, z.coerce.number().int().positive().optional());
/** A checkbox: present ('on', 'true', 'yes') or absent. */
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === 'yes', z.boolean());
const dateText = (message: string) => z.preprocess(blank, z.string({ error: message }).trim());
const optionalDate = z.preprocess(blank, z.string().trim().optional());

const ResultFields = {
  result: z.preprocess(blank, z.enum(APPEAL_RESULTS, { error: '请选择审理结果' }).default('pending')),
  decidedOn: optionalDate,
  caseNumber: optionalText(60, '案号不能超过 60 个字符'),
  note: optionalText(2000, '备注不能超过 2000 个字符'),
};

export const AppealFields = z.object({
  /** The respondent agency (被申请人 / 被告); defaults to the linked application's agency. */
  agencyId: optionalId,
  /** Link to an application: by id (from its case page) or by the tracking number people see. */
  applicationId: optionalId,
  trackingNumber: optionalText(40, '申请编号不能超过 40 个字符'),
  kind: z.enum(APPEAL_KINDS, { error: '请选择案件类型：行政复议或行政诉讼' }),
  afterReconsideration: checkbox,
  body: z.preprocess(
    (v) => v ?? '',
    z.string().trim().min(1, '请填写复议机关或受理法院').max(100, '复议机关或受理法院不能超过 100 个字符'),
  ),
  /** Defaults to the applicant's name of the linked application. */
  appellant: optionalText(100, '申请人（原告）不能超过 100 个字符'),
  filedOn: dateText('请填写申请（起诉）日期'),
  ...ResultFields,
});
export type AppealInput = z.input<typeof AppealFields>;

export const AppealUpdateFields = z.object({
  id: z.coerce.number().int().positive(),
  version: z.coerce.number({ error: '缺少版本号，请刷新页面后重试' }).int(),
  ...ResultFields,
});
export type AppealUpdateInput = z.input<typeof AppealUpdateFields>;

/**
 * Parses the form and checks the rules between its fields in one go, so that the person sees every
 * problem at once: a field's own message (zod) wins over a rule about it.
 */
function parseAll<S extends z.ZodType>(schema: S, input: unknown, today: string): z.output<S> {
  const raw = (input ?? {}) as Record<string, unknown>;
  let problems: Record<string, string> = {};
  try {
    parseInput(schema, input);
  } catch (e) {
    if (!(e instanceof InvalidInput)) throw e;
    problems = e.fieldErrors;
  }
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const kind = text(raw.kind);
  const result = text(raw.result) || 'pending';
  if ((kind === '' || isAppealKind(kind)) && isAppealResult(result)) {
    const rules = appealProblems(
      {
        kind: (kind || 'litigation') as AppealKind,
        filedOn: text(raw.filedOn),
        afterReconsideration:
          raw.afterReconsideration === true || ['on', 'true', 'yes'].includes(text(raw.afterReconsideration)),
        result,
        decidedOn: text(raw.decidedOn) || null,
      },
      today,
    );
    if (!text(raw.filedOn)) delete rules.filedOn;
    problems = { ...rules, ...problems };
  }
  if (Object.keys(problems).length) throw new InvalidInput(problems);
  return parseInput(schema, input);
}

function check(
  f: { kind: AppealKind; filedOn: string; afterReconsideration: boolean; result: AppealResult },
  decidedOn: string | undefined,
  today: string,
) {
  const problems = appealProblems({ ...f, decidedOn: decidedOn ?? null }, today);
  if (f.filedOn === '') problems.filedOn = '请填写申请（起诉）日期';
  if (Object.keys(problems).length) throw new InvalidInput(problems);
}

async function linkedApplication(db: Executor, ctx: CommandContext, f: z.output<typeof AppealFields>) {
  if (f.applicationId != null) {
    const [row] = await db
      .select({
        id: application.id,
        agencyId: application.agencyId,
        name: application.name,
        path: agency.path,
        trackingNumber: application.trackingNumber,
      })
      .from(application)
      .innerJoin(agency, eq(agency.id, application.agencyId))
      .where(eq(application.id, f.applicationId));
    if (!row || !inScope(ctx.actor, { agencyPath: row.path })) throw new NotFound('未找到该申请');
    return row;
  }
  if (f.trackingNumber) {
    const [row] = await db
      .select({
        id: application.id,
        agencyId: application.agencyId,
        name: application.name,
        path: agency.path,
        trackingNumber: application.trackingNumber,
      })
      .from(application)
      .innerJoin(agency, eq(agency.id, application.agencyId))
      .where(eq(application.trackingNumber, normaliseTrackingNumber(f.trackingNumber)));
    // Outside the scope reads like "no such application".
    if (!row || !inScope(ctx.actor, { agencyPath: row.path }))
      throw new InvalidInput({ trackingNumber: '未找到该申请编号的申请，请核对后重新填写' });
    return row;
  }
  return null;
}

/** What the audit log keeps of an appeal (the appellant's name is personal data: not kept). */
function auditFields(a: {
  kind?: AppealKind;
  afterReconsideration?: boolean;
  body?: string;
  caseNumber?: string | null;
  filedOn?: string;
  result?: string;
  decidedOn?: string | null;
  note?: string | null;
}) {
  return {
    kind: a.kind && APPEAL_KIND_LABELS[a.kind],
    afterReconsideration: a.kind === 'litigation' ? a.afterReconsideration : undefined,
    body: a.body,
    caseNumber: a.caseNumber,
    filedOn: a.filedOn,
    result: a.result && (APPEAL_RESULT_LABELS[a.result as AppealResult] ?? a.result),
    decidedOn: a.decidedOn,
    note: a.note,
  };
}

export async function createAppeal(
  deps: Deps,
  ctx: CommandContext,
  input: AppealInput | Record<string, unknown>,
) {
  authorizeAction(ctx.actor, 'appeal.manage');
  const f = parseAll(AppealFields, input, localDate(deps.now()));
  const linked = await linkedApplication(deps.db, ctx, f);
  const agencyId = f.agencyId ?? linked?.agencyId;
  if (agencyId == null) throw new InvalidInput({ agencyId: '请选择被申请（被诉）机关' });
  const [target] = await deps.db
    .select({ id: agency.id, path: agency.path })
    .from(agency)
    .where(eq(agency.id, agencyId));
  if (!target || !inScope(ctx.actor, { agencyPath: target.path }))
    throw new InvalidInput({ agencyId: '请选择您管辖范围内的机关' });
  authorize(ctx.actor, 'appeal.manage', { agencyPath: target.path });
  const errors: Record<string, string> = {};
  if (linked && linked.agencyId !== agencyId)
    errors.agencyId = '被申请（被诉）机关须与所关联申请的办理机关一致';
  const appellant = f.appellant ?? linked?.name;
  if (!appellant) errors.appellant = '请填写申请人（原告）';
  if (Object.keys(errors).length) throw new InvalidInput(errors);
  const afterReconsideration = f.kind === 'litigation' && f.afterReconsideration;
  check({ ...f, afterReconsideration: f.afterReconsideration }, f.decidedOn, localDate(deps.now()));
  return inTransaction(deps, ctx, async (tx, audit) => {
    const [row] = await tx
      .insert(appeal)
      .values({
        agencyId,
        applicationId: linked?.id ?? null,
        kind: f.kind,
        body: f.body,
        caseNumber: f.caseNumber ?? null,
        appellant: appellant!,
        filedOn: f.filedOn,
        afterReconsideration,
        result: f.result,
        decidedOn: f.decidedOn ?? null,
        note: f.note ?? null,
        createdBy: isSystem(ctx.actor) ? null : ctx.actor.userId,
      })
      .returning({ id: appeal.id, version: appeal.version });
    await audit({
      action: 'appeal.created',
      subjectType: 'appeal',
      subjectId: row!.id,
      agencyId,
      data: {
        ...(linked ? { trackingNumber: linked.trackingNumber } : {}),
        after: auditFields({ ...f, afterReconsideration, caseNumber: f.caseNumber ?? null }),
      },
    });
    return { id: row!.id, version: row!.version };
  });
}

/**
 * Records the result (and its date), the case number or a note. Conflict when someone changed the
 * appeal since `version` was read; NotFound outside the actor's scope.
 */
export async function updateAppeal(
  deps: Deps,
  ctx: CommandContext,
  input: AppealUpdateInput | Record<string, unknown>,
) {
  const f = parseInput(AppealUpdateFields, input);
  const [current] = await deps.db
    .select({ appeal, path: agency.path })
    .from(appeal)
    .innerJoin(agency, eq(agency.id, appeal.agencyId))
    .where(eq(appeal.id, f.id));
  if (!current) throw new NotFound();
  authorize(ctx.actor, 'appeal.manage', { agencyPath: current.path });
  const a = current.appeal;
  const kind = a.kind as AppealKind;
  check(
    { kind, filedOn: a.filedOn, afterReconsideration: a.afterReconsideration, result: f.result },
    f.decidedOn,
    localDate(deps.now()),
  );
  const next = {
    result: f.result,
    decidedOn: f.decidedOn ?? null,
    caseNumber: f.caseNumber ?? null,
    note: f.note ?? null,
  };
  return inTransaction(deps, ctx, async (tx, audit) => {
    const [row] = await tx
      .update(appeal)
      .set({ ...next, version: f.version + 1, updatedAt: deps.now() })
      .where(and(eq(appeal.id, f.id), eq(appeal.version, f.version)))
      .returning({ version: appeal.version });
    if (!row) throw new Conflict('该记录已被他人修改，请刷新页面查看最新内容后重新填写');
    const change = diff(
      { result: a.result, decidedOn: a.decidedOn, caseNumber: a.caseNumber, note: a.note },
      next,
    );
    if (Object.keys(change.after).length)
      await audit({
        action: 'appeal.updated',
        subjectType: 'appeal',
        subjectId: a.id,
        agencyId: a.agencyId,
        data: {
          before: auditFields(change.before),
          after: auditFields(change.after),
        },
      });
    return { id: a.id, version: row.version };
  });
}

const RuleFields = z.object({ rule: z.enum(APPEAL_YEAR_RULES, { error: '请选择统计规则' }) });

/** Sets how table 四 counts a case that spans years, for the whole installation. */
export async function setAppealYearRule(deps: Deps, ctx: CommandContext, input: z.input<typeof RuleFields>) {
  authorizeAction(ctx.actor, 'appeal.configure');
  const f = parseInput(RuleFields, input);
  const before = await appealYearRule(deps.db);
  if (before === f.rule) return { rule: f.rule };
  return inTransaction(deps, ctx, async (tx, audit) => {
    await tx
      .insert(appSetting)
      .values({ key: APPEAL_YEAR_RULE_KEY, value: f.rule })
      .onConflictDoUpdate({ target: appSetting.key, set: { value: f.rule, updatedAt: deps.now() } });
    await audit({
      action: 'appeal.rule-changed',
      subjectType: 'setting',
      subjectId: APPEAL_YEAR_RULE_KEY,
      data: {
        before: { rule: APPEAL_YEAR_RULE_LABELS[before].name },
        after: { rule: APPEAL_YEAR_RULE_LABELS[f.rule].name },
      },
    });
    return { rule: f.rule };
  });
}
