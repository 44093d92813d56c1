// Loads the demo city's 行政复议 and 行政诉讼 records (src/demo/applications.ts demoAppeals) into the
// appeals register, each linked to the refused application it is about: the respondent is that
// application's agency and the appellant its applicant. One transaction, one audit event.
import { inArray } from 'drizzle-orm';
import { isSystem } from '../domain/agencies/actor.js';
import { isIsoDate, type IsoDate } from '../domain/calendar/iso-date.js';
import { InvalidInput, NotAllowed } from '../domain/errors.js';
import { appeal, application } from '../db/schema.js';
import { localDate } from '../lib/time.js';
import { inTransaction, type CommandContext, type Deps } from './context.js';

export const APPEAL_KINDS = ['reconsideration', 'litigation'] as const;
export const APPEAL_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;

export interface DemoAppealInput {
  applicationId: number;
  kind: (typeof APPEAL_KINDS)[number];
  body: string;
  caseNumber: string | null;
  filedOn: IsoDate;
  afterReconsideration: boolean;
  result: (typeof APPEAL_RESULTS)[number];
  decidedOn: IsoDate | null;
  note: string | null;
}

export async function loadDemoAppeals(
  deps: Deps,
  ctx: CommandContext,
  appeals: readonly DemoAppealInput[],
): Promise<{ appeals: number }> {
  if (!isSystem(ctx.actor)) throw new NotAllowed('演示数据只能由系统加载');
  if (appeals.length === 0) return { appeals: 0 };
  const today = localDate(deps.now());
  const apps = new Map(
    (
      await deps.db
        .select({
          id: application.id,
          agencyId: application.agencyId,
          name: application.name,
          concludedOn: application.concludedOn,
          outcome: application.outcome,
        })
        .from(application)
        .where(
          inArray(
            application.id,
            appeals.map((a) => a.applicationId),
          ),
        )
    ).map((a) => [a.id, a]),
  );
  const rows = appeals.map((a) => {
    const app = apps.get(a.applicationId);
    if (!app) throw new InvalidInput({ applicationId: '未找到复议或诉讼所涉的申请' });
    // Appeals are brought against a reply: the application is concluded before the filing.
    if (!app.concludedOn || !app.outcome || app.concludedOn > a.filedOn)
      throw new InvalidInput({ filedOn: '复议或诉讼应在申请答复之后提起' });
    if (!APPEAL_KINDS.includes(a.kind)) throw new InvalidInput({ kind: '请选择行政复议或行政诉讼' });
    if (!APPEAL_RESULTS.includes(a.result)) throw new InvalidInput({ result: '请选择审理结果' });
    if (!isIsoDate(a.filedOn) || a.filedOn > today)
      throw new InvalidInput({ filedOn: '立案日期不能晚于今天' });
    const decided = a.result !== 'pending';
    if (
      decided !== (a.decidedOn !== null) ||
      (a.decidedOn && (a.decidedOn < a.filedOn || a.decidedOn > today))
    )
      throw new InvalidInput({ decidedOn: '已审结的案件应有审结日期，且不早于立案日期、不晚于今天' });
    if (a.afterReconsideration && a.kind !== 'litigation')
      throw new InvalidInput({ afterReconsideration: '只有行政诉讼才有“经复议后起诉”' });
    return {
      agencyId: app.agencyId,
      applicationId: app.id,
      kind: a.kind,
      body: a.body,
      caseNumber: a.caseNumber,
      appellant: app.name,
      filedOn: a.filedOn,
      afterReconsideration: a.afterReconsideration,
      result: a.result,
      decidedOn: a.decidedOn,
      note: a.note,
    };
  });
  return inTransaction(deps, ctx, async (tx, audit) => {
    await tx.insert(appeal).values(rows);
    await audit({
      action: 'appeal.demoLoaded',
      subjectType: 'appeal',
      data: { appeals: rows.length },
    });
    return { appeals: rows.length };
  });
}
