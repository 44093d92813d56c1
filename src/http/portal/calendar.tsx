// Public pages of the statutory calendar: the working-day calendar of a year (national data only),
// its iCalendar export, and "期限如何计算" with a no-JavaScript deadline calculator.
import type { FastifyInstance } from 'fastify';
import { InvalidInput, NotFound } from '../../domain/errors.js';
import { chinaToday, loadWorkCalendar } from '../../queries/calendar.js';
import { calendarYearEvents, calendarYearView } from '../../queries/calendar-year-view.js';
import { calculateDeadline } from '../../queries/deadline-calculator.js';
import { calendarIcs } from '../../render/ics.js';
import { PortalCalendarPage } from '../../views/portal/calendar.js';
import { PortalDeadlinesPage, type DeadlinesView } from '../../views/portal/deadlines.js';
import { listAgencies } from '../../queries/agencies.js';
import { portalShell } from '../page.js';
import type { AppDeps } from '../types.js';
import { calculatorValues, parseCalculator } from './deadline-form.js';
import { installationRules } from '../../queries/application-rules.js';

const MIN_YEAR = 2000;
const MAX_YEAR = 2099;

function yearParam(params: unknown): number {
  const raw = (params as { year?: string }).year ?? '';
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || year < MIN_YEAR || year > MAX_YEAR) throw new NotFound();
  return year;
}

export function registerPortalCalendarRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/calendar', async (_req, reply) =>
    reply.redirect(`/calendar/${chinaToday(deps.now()).slice(0, 4)}`, 302),
  );

  app.get('/calendar/:year(^\\d{4}).ics', async (req, reply) => {
    const year = yearParam(req.params);
    const cal = await loadWorkCalendar(deps.db);
    const host = req.hostname.replace(/:\d+$/, '') || 'gongkai';
    const body = calendarIcs(calendarYearEvents(cal, year), {
      year,
      official: cal.hasOfficialData(year),
      stamp: deps.now(),
      host,
    });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="gongkai-calendar-${year}.ics"`)
      .send(body);
  });

  app.get('/calendar/:year(^\\d{4})', { config: { pageCache: true } }, async (req, reply) => {
    const year = yearParam(req.params);
    const view = calendarYearView(await loadWorkCalendar(deps.db), year);
    return reply.html(<PortalCalendarPage shell={portalShell(req, deps)} view={view} />);
  });

  app.get(
    '/deadlines',
    { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const values = calculatorValues(req.query);
      const agencies = (await listAgencies(deps.db, { activeOnly: true })).map((a) => ({
        code: a.code,
        name: a.name,
        path: a.path,
      }));
      const options = agencies.map((a) => ({ value: a.code, label: a.name }));
      const shell = portalShell(req, deps);
      const today = chinaToday(deps.now());
      const clock = (await installationRules(deps.db)).clock;
      const page = (more: Partial<DeadlinesView>, status = 200) =>
        reply.html(
          <PortalDeadlinesPage
            shell={shell}
            values={values}
            agencies={options}
            today={today}
            clockRules={clock}
            {...more}
          />,
          status,
        );
      if (Object.keys(values).length === 0) return page({ values: {} });
      const parsed = parseCalculator(values);
      if ('errors' in parsed) return page({ errors: parsed.errors }, 422);
      const agency = parsed.agency ? agencies.find((a) => a.code === parsed.agency) : undefined;
      if (parsed.agency && !agency) return page({ errors: { agency: '请从列表中选择机构' } }, 422);
      try {
        // An agency's own calendar: national days plus the closures of the agency and its ancestors.
        const result = calculateDeadline(
          await loadWorkCalendar(deps.db, agency?.path),
          parsed.input,
          today,
          clock,
        );
        return page({ result, agencyName: agency?.name ?? null });
      } catch (e) {
        if (!(e instanceof InvalidInput)) throw e;
        return page({ errors: { received: Object.values(e.fieldErrors)[0] ?? e.message } }, 422);
      }
    },
  );
}
