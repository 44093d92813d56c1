// 复议诉讼 (the appeals register, the source of table 四): the list, 登记 (optionally from an
// application's case page: ?application=ID), one appeal with its result form, and the table 四
// preview of a year with the installation's counting rule (which the system administrator sets).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createAppeal, setAppealYearRule, updateAppeal } from '../../commands/appeals.js';
import {
  isAppealKind,
  isAppealResult,
  table4ForYear,
  type AppealKind,
  type AppealResult,
} from '../../domain/appeals/appeals.js';
import { Conflict } from '../../domain/errors.js';
import { authorizeAction, can, scopePath } from '../../policies/policy.js';
import {
  APPEAL_LIST_LIMIT,
  appealDetail,
  appealsForTable4,
  appealYearRule,
  applicationForAppeal,
  listAppeals,
  type AppealItem,
} from '../../queries/appeals.js';
import { AppealListPage } from '../../views/admin/appeals.js';
import {
  AppealDetailPage,
  type AppealDone,
  type AppealResultValues,
} from '../../views/admin/appeals-detail.js';
import { AppealFormPage, type AppealFormValues } from '../../views/admin/appeals-form.js';
import { AppealTable4Page } from '../../views/admin/appeals-table4.js';
import type { FieldErrors } from '../../views/components/forms.js';
import { withFormErrors } from '../forms.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import {
  actorOf,
  commandContext,
  currentYear,
  doneFlag,
  formBody,
  idParam,
  offered,
  scopeAgencyOptions,
  yearOptions,
} from './helpers.js';

/** The first year offered in the year filters (the first annual report in the current format family). */
const FIRST_YEAR = 2019;

const appealYears = (deps: AppDeps) => yearOptions(currentYear(deps), FIRST_YEAR);

function resultValues(a: AppealItem): AppealResultValues {
  return {
    result: a.result,
    decidedOn: a.decidedOn ?? '',
    caseNumber: a.caseNumber ?? '',
    note: a.note ?? '',
    version: String(a.version),
  };
}

async function renderNew(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  values: AppealFormValues,
  errors?: FieldErrors,
) {
  const options = await scopeAgencyOptions(deps, req);
  return reply.html(
    <AppealFormPage
      shell={adminShell(req, reply, deps)}
      values={values}
      agencyOptions={options}
      errors={errors}
      back={values.applicationId ? `/admin/applications/${values.applicationId}` : '/admin/appeals'}
    />,
    errors ? 422 : undefined,
  );
}

export function registerAdminAppealRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/admin/appeals', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    authorizeAction(actor, 'appeal.view');
    const q = req.query as Record<string, string | undefined>;
    const agencies = await scopeAgencyOptions(deps, req);
    const years = appealYears(deps);
    const filter = {
      kind: isAppealKind(q.kind ?? '') ? q.kind! : '',
      result: isAppealResult(q.result ?? '') ? q.result! : '',
      year: offered(q.year, years),
      agency: offered(q.agency, agencies),
    };
    const appeals = await listAppeals(deps.db, actor, {
      kind: (filter.kind || undefined) as AppealKind | undefined,
      result: (filter.result || undefined) as AppealResult | undefined,
      year: filter.year ? Number(filter.year) : undefined,
      agencyId: filter.agency ? Number(filter.agency) : undefined,
    });
    return reply.html(
      <AppealListPage
        shell={adminShell(req, reply, deps)}
        appeals={appeals}
        truncated={appeals.length >= APPEAL_LIST_LIMIT}
        agencyOptions={agencies}
        yearOptions={years}
        filter={filter}
        canCreate={can(actor, 'appeal.manage')}
      />,
    );
  });

  app.get('/admin/appeals/new', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    authorizeAction(actor, 'appeal.manage');
    const raw = (req.query as { application?: string }).application ?? '';
    const values: AppealFormValues = { result: 'pending' };
    if (/^\d{1,9}$/.test(raw)) {
      const a = await applicationForAppeal(deps.db, actor, Number(raw));
      Object.assign(values, {
        applicationId: String(a.id),
        trackingNumber: a.trackingNumber,
        agencyId: String(a.agencyId),
        appellant: a.name,
      });
    }
    return renderNew(deps, req, reply, values);
  });

  app.post('/admin/appeals/new', { preHandler: [requireStaff, app.csrfProtection] }, async (req, reply) => {
    const actor = actorOf(req);
    authorizeAction(actor, 'appeal.manage');
    const form = formBody(req);
    return withFormErrors(
      async () => {
        const created = await createAppeal(deps, commandContext(req), form);
        return reply.redirect(`/admin/appeals/${created.id}?done=created`, 303);
      },
      async (errors) => {
        // A linked application keeps showing its tracking number.
        const values: AppealFormValues = { ...form };
        if (/^\d{1,9}$/.test(form.applicationId ?? '')) {
          const a = await applicationForAppeal(deps.db, actor, Number(form.applicationId));
          values.trackingNumber = a.trackingNumber;
        }
        return renderNew(deps, req, reply, values, errors);
      },
    );
  });

  app.get('/admin/appeals/table4', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    authorizeAction(actor, 'appeal.view');
    const q = req.query as { year?: string; agency?: string; done?: string };
    const years = appealYears(deps);
    const year = Number(offered(q.year, years) || years[0]!.value);
    const agencies = await scopeAgencyOptions(deps, req);
    const agency = offered(q.agency, agencies);
    const rule = await appealYearRule(deps.db);
    const appeals = await appealsForTable4(deps.db, actor, year, agency ? Number(agency) : undefined);
    return reply.html(
      <AppealTable4Page
        shell={adminShell(req, reply, deps)}
        year={year}
        agencyName={agency ? agencies.find((o) => o.value === agency)!.label.trim() : null}
        scopeName={scopePath(actor) === '/' ? '全部机关' : actor.agencyName}
        table={table4ForYear(appeals, year, rule)}
        rule={rule}
        yearOptions={years}
        agencyOptions={agencies}
        agency={agency}
        canConfigure={can(actor, 'appeal.configure')}
        ruleSaved={q.done === 'rule'}
      />,
    );
  });

  app.post(
    '/admin/appeals/table4/rule',
    { preHandler: [requireStaff, app.csrfProtection] },
    async (req, reply) => {
      const form = formBody(req);
      await setAppealYearRule(deps, commandContext(req), { rule: form.rule as never });
      const year = /^\d{4}$/.test(form.year ?? '') ? `year=${form.year}&` : '';
      return reply.redirect(`/admin/appeals/table4?${year}done=rule`, 303);
    },
  );

  app.get('/admin/appeals/:id', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    const appeal = await appealDetail(deps.db, actor, idParam(req));
    return reply.html(
      <AppealDetailPage
        shell={adminShell(req, reply, deps)}
        appeal={appeal}
        canManage={can(actor, 'appeal.manage', { agencyPath: appeal.agency.path })}
        values={resultValues(appeal)}
        done={doneFlag<AppealDone>(req, ['created', 'updated'])}
      />,
    );
  });

  app.post('/admin/appeals/:id', { preHandler: [requireStaff, app.csrfProtection] }, async (req, reply) => {
    const actor = actorOf(req);
    const id = idParam(req);
    const appeal = await appealDetail(deps.db, actor, id);
    const form = formBody(req);
    const show = async (p: { errors?: FieldErrors; conflict?: string }, status: number) => {
      const current = p.conflict ? await appealDetail(deps.db, actor, id) : appeal;
      return reply.html(
        <AppealDetailPage
          shell={adminShell(req, reply, deps)}
          appeal={current}
          canManage
          values={p.conflict ? resultValues(current) : form}
          errors={p.errors}
          conflict={p.conflict}
        />,
        status,
      );
    };
    try {
      return await withFormErrors(
        async () => {
          await updateAppeal(deps, commandContext(req), { ...form, id });
          return reply.redirect(`/admin/appeals/${id}?done=updated`, 303);
        },
        (errors) => show({ errors }, 422),
      );
    } catch (e) {
      if (!(e instanceof Conflict)) throw e;
      return show({ conflict: e.message }, 409);
    }
  });
}
