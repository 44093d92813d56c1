// A new State Council holiday notice, entered before any package release: once its days are in the
// calendar, the system administrator marks the year official, with the notice as the source.
import { and, eq, gte, isNull, lte } from 'drizzle-orm';
import { z } from 'zod';
import { FIRST_CALENDAR_YEAR } from '../domain/calendar/index.js';
import { InvalidInput } from '../domain/errors.js';
import { calendarDay, calendarYear } from '../db/schema.js';
import { authorizeAction } from '../policies/policy.js';
import { LAST_CALENDAR_YEAR, entrySource } from './calendar-entry-fields.js';
import type { StaffContext } from './calendar-entries.js';
import { inTransaction, type Deps } from './context.js';
import { parseInput } from './validation.js';

const YearForm = z.object({
  year: z.coerce
    .number({ error: '请填写年份' })
    .int('年份应为四位数字')
    .min(FIRST_CALENDAR_YEAR, `年份应在 ${FIRST_CALENDAR_YEAR} 年至 ${LAST_CALENDAR_YEAR} 年之间`)
    .max(LAST_CALENDAR_YEAR, `年份应在 ${FIRST_CALENDAR_YEAR} 年至 ${LAST_CALENDAR_YEAR} 年之间`),
  source: entrySource,
});
export type YearInput = Partial<Record<keyof z.input<typeof YearForm>, unknown>>;

export async function markCalendarYearOfficial(deps: Deps, ctx: StaffContext, input: YearInput) {
  authorizeAction(ctx.actor, 'calendar.manageNational');
  const { year, source } = parseInput(YearForm, input);
  return inTransaction(deps, ctx, async (tx, audit) => {
    // A year marked official without its holidays would be counted Mon–Fri with no warning at all.
    const holidays = await tx
      .select({ id: calendarDay.id })
      .from(calendarDay)
      .where(
        and(
          isNull(calendarDay.agencyId),
          eq(calendarDay.kind, 'holiday'),
          gte(calendarDay.date, `${year}-01-01`),
          lte(calendarDay.date, `${year}-12-31`),
        ),
      )
      .limit(1);
    if (holidays.length === 0) {
      throw new InvalidInput({
        year: `${year}年尚未录入任何法定节假日，请先按国务院通知录入放假和调休日期，再标记为官方数据`,
      });
    }
    const [before] = await tx.select().from(calendarYear).where(eq(calendarYear.year, year));
    const values = { official: true, source, loadedAt: deps.now() };
    if (before) await tx.update(calendarYear).set(values).where(eq(calendarYear.year, year));
    else await tx.insert(calendarYear).values({ year, ...values });
    await audit({
      action: 'calendar.year-marked-official',
      subjectType: 'calendar_year',
      subjectId: year,
      data: {
        before: before ? { official: before.official, source: before.source } : null,
        after: { official: true, source },
      },
    });
    return { year, source };
  });
}
