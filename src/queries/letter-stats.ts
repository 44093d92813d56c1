// Monthly statistics of letters (政民互动) per unit, the figures the public display rules ask for
// (湖北 rule, Beijing inspections: 留言数, 答复数, 答复率, 平均答复用时, 满意度), shown on the portal's
// /letters/statistics and in the back office. One SQL GROUP BY over stored facts:
// - the unit is the letter's responsible agency (letter.agency_id: the mailbox's agency until the
//   letter is assigned, the 承办单位 after);
// - a letter counts in the month of its receipt (received_on); 无效 letters (triage 'invalid': spam,
//   empty, abusive) are not counted — 不予受理 and 重复 are, since they are answered with the reason;
// - 答复数: of those letters, the ones replied by now; 答复率 = 答复数 / 留言数 (so never above 100%);
// - 平均答复用时: working days after the day of receipt up to the day of the reply (the city's
//   working-day calendar; a reply on the day of receipt takes 0), and the same in calendar days,
//   averaged over the replied ones (one decimal);
// - 满意度: the writers' ratings; 满意率 = (非常满意 + 满意 + 基本满意) / 评价数.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agency, letter } from '../db/schema.js';
import { addDays, countWorkdays } from '../domain/calendar/index.js';
import { loadWorkCalendar } from './calendar.js';
import { rows } from './sql-rows.js';

export interface LetterStatsFilter {
  /** Only units whose agency path starts with this (a scope, e.g. '/1/4/'); all when absent. */
  scopePath?: string;
  year: number;
  /** 1–12: one month; the whole year otherwise. */
  month?: number;
  mailboxId?: number;
}

export interface LetterStatsRow {
  year: number;
  month: number;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  /** 留言数 */
  received: number;
  /** 答复数 (of the letters received in the month) */
  replied: number;
  /** 答复率 0–1; null when nothing was received. */
  replyRate: number | null;
  /** 平均答复用时 in working days, one decimal; null when nothing was replied. */
  avgReplyWorkdays: number | null;
  /** The same in calendar days. */
  avgReplyDays: number | null;
  /** 评价数 and per level */
  rated: number;
  verySatisfied: number;
  satisfied: number;
  neutral: number;
  dissatisfied: number;
  /** 满意率 0–1 ((非常满意 + 满意 + 基本满意) / 评价数); null when nobody rated. */
  satisfactionRate: number | null;
}

export interface LetterStats {
  /** One row a unit and month, by month then unit name. */
  rows: LetterStatsRow[];
  /** The same figures over every row. */
  total: Omit<LetterStatsRow, 'year' | 'month' | 'agencyId' | 'agencyCode' | 'agencyName'>;
}

type Raw = {
  y: number | string;
  m: number | string;
  agency_id: number;
  code: string;
  name: string;
  received: number | string;
  replied: number | string;
  reply_days: number | string | null;
  rated: number | string;
  very_satisfied: number | string;
  satisfied: number | string;
  neutral: number | string;
  dissatisfied: number | string;
};

const n = (v: number | string | null): number => (v === null ? 0 : Number(v));
const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
const oneDecimal = (v: number): number => Math.round(v * 10) / 10;

function figures(
  received: number,
  replied: number,
  replyDays: number,
  replyWorkdays: number,
  levels: { verySatisfied: number; satisfied: number; neutral: number; dissatisfied: number },
): LetterStats['total'] {
  const rated = levels.verySatisfied + levels.satisfied + levels.neutral + levels.dissatisfied;
  return {
    received,
    replied,
    replyRate: ratio(replied, received),
    avgReplyWorkdays: replied === 0 ? null : oneDecimal(replyWorkdays / replied),
    avgReplyDays: replied === 0 ? null : oneDecimal(replyDays / replied),
    rated,
    ...levels,
    satisfactionRate: ratio(levels.verySatisfied + levels.satisfied + levels.neutral, rated),
  };
}

/** The conditions on `letter` (aliased l) and `agency` (aliased a) of a filter. */
function conditions(f: LetterStatsFilter): SQL {
  const from = f.month ? `${f.year}-${String(f.month).padStart(2, '0')}-01` : `${f.year}-01-01`;
  const to = f.month
    ? f.month === 12
      ? `${f.year + 1}-01-01`
      : `${f.year}-${String(f.month + 1).padStart(2, '0')}-01`
    : `${f.year + 1}-01-01`;
  const parts: SQL[] = [
    sql`${letter.triage} <> 'invalid'`,
    sql`${letter.receivedOn} >= ${from}::date`,
    sql`${letter.receivedOn} < ${to}::date`,
  ];
  if (f.mailboxId !== undefined) parts.push(sql`${letter.mailboxId} = ${f.mailboxId}`);
  if (f.scopePath && f.scopePath !== '/') parts.push(sql`${agency.path} like ${`${f.scopePath}%`}`);
  return sql.join(parts, sql` and `);
}

const key = (y: number, m: number, agencyId: number) => `${y}-${m}-${agencyId}`;

/** The working days each replied letter took, summed per year, month and unit. */
async function replyWorkdays(db: Db, f: LetterStatsFilter): Promise<Map<string, number>> {
  const replied = await rows<{
    y: number | string;
    m: number | string;
    agency_id: number;
    received: string;
    replied: string;
  }>(
    db,
    sql`select extract(year from ${letter.receivedOn})::int as y, extract(month from ${letter.receivedOn})::int as m,
          ${letter.agencyId} as agency_id, ${letter.receivedOn}::text as received, ${letter.repliedOn}::text as replied
        from ${letter} join ${agency} on ${agency.id} = ${letter.agencyId}
        where ${conditions(f)} and ${letter.repliedOn} is not null`,
  );
  const out = new Map<string, number>();
  if (replied.length === 0) return out;
  const calendar = await loadWorkCalendar(db);
  for (const r of replied) {
    const k = key(n(r.y), n(r.m), r.agency_id);
    const days = r.replied > r.received ? countWorkdays(calendar, addDays(r.received, 1), r.replied) : 0;
    out.set(k, (out.get(k) ?? 0) + days);
  }
  return out;
}

export async function letterMonthlyStats(db: Db, f: LetterStatsFilter): Promise<LetterStats> {
  const replied = sql`${letter.repliedOn} is not null`;
  const raw = await rows<Raw>(
    db,
    sql`select extract(year from ${letter.receivedOn})::int as y,
          extract(month from ${letter.receivedOn})::int as m,
          ${agency.id} as agency_id, ${agency.code} as code, ${agency.name} as name,
          count(*)::int as received,
          count(*) filter (where ${replied})::int as replied,
          coalesce(sum(${letter.repliedOn} - ${letter.receivedOn}) filter (where ${replied}), 0)::int as reply_days,
          count(${letter.satisfaction})::int as rated,
          count(*) filter (where ${letter.satisfaction} = 'very_satisfied')::int as very_satisfied,
          count(*) filter (where ${letter.satisfaction} = 'satisfied')::int as satisfied,
          count(*) filter (where ${letter.satisfaction} = 'neutral')::int as neutral,
          count(*) filter (where ${letter.satisfaction} = 'dissatisfied')::int as dissatisfied
        from ${letter} join ${agency} on ${agency.id} = ${letter.agencyId}
        where ${conditions(f)}
        group by 1, 2, ${agency.id}, ${agency.code}, ${agency.name}, ${agency.sortOrder}
        order by 1, 2, ${agency.sortOrder}, ${agency.name}`,
  );
  const workdays = await replyWorkdays(db, f);
  const out: LetterStatsRow[] = raw.map((r) => ({
    year: n(r.y),
    month: n(r.m),
    agencyId: r.agency_id,
    agencyCode: r.code,
    agencyName: r.name,
    ...figures(
      n(r.received),
      n(r.replied),
      n(r.reply_days),
      workdays.get(key(n(r.y), n(r.m), r.agency_id)) ?? 0,
      {
        verySatisfied: n(r.very_satisfied),
        satisfied: n(r.satisfied),
        neutral: n(r.neutral),
        dissatisfied: n(r.dissatisfied),
      },
    ),
  }));
  const sum = (k: Exclude<keyof Raw, 'code' | 'name'>) => raw.reduce((s, r) => s + n(r[k]), 0);
  const allWorkdays = [...workdays.values()].reduce((a, b) => a + b, 0);
  const total = figures(sum('received'), sum('replied'), sum('reply_days'), allWorkdays, {
    verySatisfied: sum('very_satisfied'),
    satisfied: sum('satisfied'),
    neutral: sum('neutral'),
    dissatisfied: sum('dissatisfied'),
  });
  return { rows: out, total };
}
