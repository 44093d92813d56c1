// Loads the demo city's 2020 appeals register in one go (issue 12 item 8; src/demo/annual-load.ts):
// some two hundred 行政复议 and 行政诉讼 against the 2019–2020 demo applications. Registering each
// through createAppeal costs a transaction each and slows the first start; this command checks
// every appeal as the register's command does (appealProblems: dates, result and its date,
// 复议后起诉 only for a lawsuit) and that it was filed after the reply it contests, then writes the
// rows in one transaction with one audit event. Only the system loads demo data.
import { appealProblems, type AppealKind, type AppealResult } from '../domain/appeals/appeals.js';
import { isSystem } from '../domain/agencies/actor.js';
import type { IsoDate } from '../domain/calendar/iso-date.js';
import { InvalidInput, NotAllowed } from '../domain/errors.js';
import { appeal } from '../db/schema.js';
import { localDate } from '../lib/time.js';
import { inTransaction, type CommandContext, type Deps } from './context.js';

export interface DemoAppealRow {
  /** The respondent: the agency of the contested application. */
  agencyId: number;
  applicationId: number;
  /** The day the contested application was answered. */
  answeredOn: IsoDate;
  appellant: string;
  kind: AppealKind;
  body: string;
  caseNumber: string;
  filedOn: IsoDate;
  afterReconsideration: boolean;
  result: AppealResult;
  decidedOn: IsoDate | null;
  note: string | null;
}

export async function loadDemoAppeals(
  deps: Deps,
  ctx: CommandContext,
  rows: readonly DemoAppealRow[],
): Promise<number> {
  if (!isSystem(ctx.actor)) throw new NotAllowed('演示复议诉讼只能由系统加载');
  const today = localDate(deps.now());
  const values = rows.map(({ answeredOn, ...row }) => {
    const problems = appealProblems(row, today);
    if (row.filedOn <= answeredOn) problems.filedOn = '申请（起诉）日期应晚于被诉答复的日期';
    if (Object.keys(problems).length > 0)
      throw new InvalidInput({
        appeal: `演示复议诉讼 ${row.caseNumber}：${Object.values(problems).join('；')}`,
      });
    return row;
  });
  await inTransaction(deps, ctx, async (tx, audit) => {
    for (let k = 0; k < values.length; k += CHUNK) await tx.insert(appeal).values(values.slice(k, k + CHUNK));
    await audit({ action: 'appeal.demoLoaded', subjectType: 'appeal', data: { appeals: values.length } });
  });
  return values.length;
}

const CHUNK = 200;
