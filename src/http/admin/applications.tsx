// 依申请公开 in the back office: the inbox, registering an application received on paper, in person,
// by post or by fax (第三十一条), and the case page with every handling action. Each step posts
// {type, version, <type>.<field>…} to /admin/applications/:id/events → recordApplicationEvent, then
// Post/Redirect/Get with 「已记录：…」. A stale version (another officer acted first) shows the case
// again with the officer's input kept; a case outside the actor's subtree answers 404 everywhere.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { assignApplication } from '../../commands/applications/assign.js';
import { recordApplicationEvent } from '../../commands/applications/record.js';
import { revealPersonalData, type PersonalData } from '../../commands/applications/reveal-personal-data.js';
import { parseApplication } from '../../commands/applications/fields.js';
import { submitApplication, type Receipt } from '../../commands/applications/submit.js';
import { isWithin } from '../../domain/agencies/agency.js';
import { computeFee, feeMonth, type FeeMethod } from '../../domain/applications/fees.js';
import { isOutcome, OUTCOME_RULES, type Outcome } from '../../domain/applications/outcomes.js';
import { TRANSITIONS, type CaseAction } from '../../domain/applications/transitions.js';
import {
  isReceiptChannel,
  RECEIPT_CHANNEL_LABELS,
  receiptDay,
  type ReceiptEvents,
} from '../../domain/calendar/receipt.js';
import { Conflict, InvalidInput, InvalidTransition, NotAllowed } from '../../domain/errors.js';
import { localDate } from '../../lib/time.js';
import { can, authorizeAction, scopePath } from '../../policies/policy.js';
import { listAgencies, toTree, type AgencyNode } from '../../queries/agencies.js';
import { applicationAttachment } from '../../queries/application-attachment.js';
import { applicationCase, type CaseDetail } from '../../queries/application-case.js';
import {
  applicationInbox,
  INBOX_VIEW_LABELS,
  INBOX_VIEWS,
  type InboxView,
} from '../../queries/application-inbox.js';
import { listUsers } from '../../queries/users.js';
import type { FeeCalculation, PostedAction } from '../../views/admin/application-actions.js';
import { ApplicationCasePage } from '../../views/admin/application-case.js';
import { NoticesSection } from '../../views/admin/notices-section.js';
import { AppealsSection } from '../../views/admin/appeals-section.js';
import { appealsOfApplication } from '../../queries/appeals.js';
import { ApplicationRegisteredPage, RegisterApplicationPage } from '../../views/admin/application-new.js';
import { ApplicationInboxPage, type InboxFilterValues } from '../../views/admin/applications.js';
import type { FieldErrors } from '../../views/components/forms.js';
import { ACTION_LABELS } from '../../views/models/application-labels.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { agencyOptions, actorOf, commandContext, formBody, idParam, queryOf } from './helpers.js';
import type { FeeSchedule } from '../../domain/applications/fees.js';
import { installationRules } from '../../queries/application-rules.js';

const CONFLICT_MESSAGE = '该申请已被他人更新：下面显示的是最新情况，您填写的内容已保留，请核对后重新提交。';

const ACTIONS = TRANSITIONS.map((t) => t.action);

/** Steps whose notice prints the officer's note: it may not be empty. */
const NOTE_REQUIRED: Partial<Record<CaseAction, string>> = {
  correctionRequested: '请列明需要补正的全部事项（第三十条：一次性告知）',
  feeNotified: '请填写计费说明，收费通知将载明（可先「计算费用」自动填入）',
  reasonablePeriodNotified: '请说明理由（申请的数量、频次等事实），告知书将载明',
  transferred: '请填写有权机关的联系方式，告知书将载明（第三十六条第（五）项）',
};
const isAction = (v: string): v is CaseAction => (ACTIONS as readonly string[]).includes(v);

function today(deps: AppDeps): string {
  return localDate(deps.now());
}

/** The agencies of the actor's subtree as <select> options valued by code (what the command takes). */
function agencyCodeOptions(roots: AgencyNode[]) {
  const out: { value: string; label: string }[] = [];
  const walk = (n: AgencyNode) => {
    if (n.active) out.push({ value: n.code, label: `${'　'.repeat(n.depth)}${n.name}` });
    n.children.forEach(walk);
  };
  roots.forEach(walk);
  return out;
}

interface CaseExtras {
  done?: string;
  posted?: PostedAction;
  conflict?: string;
  revealed?: PersonalData;
}

/** Officers who may take the case: of its agency or one above it, within the actor's subtree. */
async function officersFor(deps: AppDeps, req: FastifyRequest, detail: CaseDetail) {
  const scope = scopePath(actorOf(req));
  const users = [
    ...(await listUsers(deps.db, scope, { role: 'officer' })),
    ...(await listUsers(deps.db, scope, { role: 'office_head' })),
  ];
  return users
    .filter((u) => !u.disabled && isWithin(detail.agency.path, u.agencyPath))
    .map((u) => ({ value: String(u.id), label: `${u.displayName}（${u.agencyName}）` }));
}

/** The fee calculator of the 收费通知 form (a GET on the case page). */
function feeCalculation(
  q: Record<string, string | undefined>,
  schedule: FeeSchedule,
): FeeCalculation | undefined {
  if (q.feeMethod === undefined && q.feeUnits === undefined) return undefined;
  const values = {
    feeMethod: q.feeMethod ?? 'item',
    feeUnits: q.feeUnits ?? '',
    feeEarlier: q.feeEarlier ?? '0',
  };
  // Counts beyond a million are typing mistakes (and would make the progressive bands long to unroll).
  const tooLarge: FieldErrors = {};
  if (!/^\d{0,6}$/.test(values.feeUnits.trim())) tooLarge.feeUnits = '请填写不超过 999999 的整数';
  if (!/^\d{0,6}$/.test(values.feeEarlier.trim())) tooLarge.feeEarlier = '请填写不超过 999999 的整数';
  if (Object.keys(tooLarge).length > 0) return { values, errors: tooLarge };
  try {
    const result = computeFee(
      {
        method: values.feeMethod as FeeMethod,
        units: Number(values.feeUnits || NaN),
        earlierUnits: Number(values.feeEarlier || 0),
      },
      schedule,
    );
    return { values, result };
  } catch (e) {
    if (!(e instanceof InvalidInput)) throw e;
    const map: Record<string, string> = {
      method: 'feeMethod',
      units: 'feeUnits',
      earlierUnits: 'feeEarlier',
    };
    const errors: FieldErrors = {};
    for (const [k, m] of Object.entries(e.fieldErrors)) errors[map[k] ?? 'feeUnits'] = m;
    return { values, errors };
  }
}

async function renderCase(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  id: number,
  extras: CaseExtras = {},
  status?: number,
) {
  const actor = actorOf(req);
  const t = today(deps);
  const detail = await applicationCase(deps.db, actor, id, t);
  const scoped = { agencyPath: detail.agency.path };
  const handle = can(actor, 'application.handle', scoped);
  const approveExtension = can(actor, 'application.approveExtension', scoped);
  const actions = detail.view.allowed.filter((a) =>
    a === 'extensionApproved' ? approveExtension && detail.view.extensionPending !== null : handle,
  );
  const q = queryOf(req);
  const chosen =
    q.outcome && isOutcome(q.outcome) && OUTCOME_RULES[q.outcome].source === 'decision'
      ? q.outcome
      : undefined;
  const month = feeMonth(detail.receivedOn);
  const feeEarlierDefault = detail.sameApplicant.filter(
    (s) =>
      feeMonth(s.receivedOn) === month &&
      (s.receivedOn < detail.receivedOn || (s.receivedOn === detail.receivedOn && s.id < detail.id)),
  ).length;
  const fees = (await installationRules(deps.db)).fees;
  reply.header('cache-control', 'no-store');
  const shell = adminShell(req, reply, deps);
  return reply.html(
    <ApplicationCasePage
      shell={shell}
      detail={detail}
      today={t}
      can={{ handle, approveExtension, personalData: can(actor, 'application.personalData', scoped) }}
      actions={actions}
      officers={handle ? await officersFor(deps, req, detail) : []}
      decisionOutcome={chosen as Outcome | undefined}
      fee={feeCalculation(q, fees)}
      feeEarlierDefault={feeEarlierDefault}
      feeSchedule={fees}
      noticesSection={
        <NoticesSection
          notices={detail.notices}
          applicationId={detail.id}
          csrf={shell.csrf ?? ''}
          canRecordService={handle}
          canExport={can(actor, 'application.personalData', scoped)}
          today={t}
        />
      }
      appealsSection={
        can(actor, 'appeal.view', scoped) ? (
          <AppealsSection
            appeals={await appealsOfApplication(deps.db, actor, detail.id)}
            applicationId={detail.id}
            canManage={can(actor, 'appeal.manage', scoped)}
          />
        ) : null
      }
      {...extras}
    />,
    status,
  );
}

/** The fields of one action's form, without the `<type>.` prefix; the note apart. */
function eventOf(type: string, form: Record<string, string>) {
  const event: Record<string, string> = { type };
  let note: string | null = null;
  const prefix = `${type}.`;
  for (const [k, v] of Object.entries(form)) {
    if (!k.startsWith(prefix)) continue;
    const field = k.slice(prefix.length);
    if (field === 'note') note = v;
    else event[field] = v;
  }
  return { event, note };
}

/** Errors keyed by the command's field names → the prefixed names of the posted form. */
function postedErrors(type: string, form: Record<string, string>, e: InvalidInput): PostedAction {
  const errors: FieldErrors = {};
  const other: string[] = [];
  for (const [k, m] of Object.entries(e.fieldErrors)) {
    const name = `${type}.${k}`;
    if (name in form) errors[name] ??= m;
    // The clock checks dates against each other, the notice its text (the note): place them there.
    else {
      const order = /On$|By$|date/i.test(k) ? ['on', 'note'] : ['note', 'on'];
      const near = order.map((f) => `${type}.${f}`).find((f) => f in form && !(f in errors));
      if (near) errors[near] = m;
      else other.push(m);
    }
  }
  return {
    action: type,
    values: form,
    errors: Object.keys(errors).length > 0 ? errors : undefined,
    message: other.length > 0 ? other.join('；') : undefined,
  };
}

function versionOf(form: Record<string, string>): number {
  const v = form.version ?? '';
  if (!/^\d{1,9}$/.test(v)) throw new Conflict(CONFLICT_MESSAGE);
  return Number(v);
}

export function registerAdminApplicationRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/admin/applications', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    authorizeAction(actor, 'application.view');
    const q = queryOf(req);
    const filter: InboxFilterValues = {
      view: (INBOX_VIEWS as readonly string[]).includes(q.view ?? '') ? (q.view as InboxView) : 'open',
      agency: /^\d{1,9}$/.test(q.agency ?? '') ? q.agency! : '',
      assigned: q.assigned === 'me' || q.assigned === 'none' ? q.assigned : '',
      q: (q.q ?? '').trim().slice(0, 100),
      sort: q.sort === 'received' ? 'received' : 'due',
    };
    const page = /^\d{1,6}$/.test(q.page ?? '') ? Math.max(1, Number(q.page)) : 1;
    const scope = scopePath(actor);
    const result = await applicationInbox(
      deps.db,
      actor,
      {
        view: filter.view,
        agencyId: filter.agency ? Number(filter.agency) : null,
        assigned: filter.assigned || null,
        q: filter.q || null,
        sort: filter.sort,
        page,
        pageSize: 50,
      },
      today(deps),
    );
    return reply.html(
      <ApplicationInboxPage
        shell={adminShell(req, reply, deps)}
        page={result}
        filter={filter}
        views={INBOX_VIEWS.map((v) => ({ value: v, label: INBOX_VIEW_LABELS[v] }))}
        agencyOptions={agencyOptions(toTree(await listAgencies(deps.db, { rootPath: scope })))}
        canRegister={can(actor, 'application.handle')}
        canBeAssigned={can(actor, 'application.handle')}
      />,
    );
  });

  const renderRegister = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors?: FieldErrors,
  ) => {
    const roots = toTree(await listAgencies(deps.db, { rootPath: scopePath(actorOf(req)) }));
    // By default the officer's own agency (when it is in the list).
    const options = agencyCodeOptions(roots);
    const own = roots.length === 1 && roots[0]!.id === actorOf(req).agencyId ? roots[0]!.code : '';
    return reply.html(
      <RegisterApplicationPage
        shell={adminShell(req, reply, deps)}
        values={{ ...values, agencyCode: values.agencyCode ?? own }}
        errors={errors}
        agencyOptions={options}
        today={today(deps)}
      />,
      errors ? 422 : undefined,
    );
  };

  app.get('/admin/applications/new', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    authorizeAction(actor, 'application.handle');
    const t = today(deps);
    return renderRegister(req, reply, {
      channel: 'in-person',
      submittedOn: t,
      form: 'paper',
      delivery: 'post',
    });
  });

  app.post(
    '/admin/applications/new',
    {
      preHandler: [requireStaff, app.csrfProtection],
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      authorizeAction(actor, 'application.handle');
      const form = formBody(req);
      // The receipt facts are checked here too, so the officer sees every problem at once.
      const receiptErrors: FieldErrors = {};
      const receipt: Receipt = { channel: form.channel as Receipt['channel'] };
      if (!isReceiptChannel(form.channel ?? '')) receiptErrors.channel = '请选择申请渠道';
      else {
        const c = form.channel!;
        if (c === 'in-person') receipt.submittedOn = form.submittedOn ?? '';
        else if (c === 'signed-post') receipt.signedOn = form.signedOn ?? '';
        else {
          receipt.arrivedOn = form.arrivedOn ?? '';
          receipt.confirmedOn = form.confirmedOn || null;
        }
        try {
          const day = receiptDay({ ...receipt, confirmedOn: receipt.confirmedOn ?? null } as ReceiptEvents);
          if (!day)
            receiptErrors.confirmedOn =
              '以平常信函、互联网或传真提交的申请，以双方确认之日为收到申请之日（第三十一条）：请先与申请人确认，再登记确认日期';
          else if (day > today(deps)) {
            const field =
              c === 'in-person' ? 'submittedOn' : c === 'signed-post' ? 'signedOn' : 'confirmedOn';
            receiptErrors[field] = '收到申请的日期不能晚于今天';
          }
        } catch (e) {
          if (!(e instanceof InvalidInput)) throw e;
          Object.assign(receiptErrors, e.fieldErrors);
        }
      }
      try {
        parseApplication(form, today(deps));
      } catch (e) {
        if (!(e instanceof InvalidInput)) throw e;
        Object.assign(receiptErrors, e.fieldErrors);
      }
      if (Object.keys(receiptErrors).length > 0) return renderRegister(req, reply, form, receiptErrors);
      try {
        const s = await submitApplication(deps, commandContext(req), form, { receipt });
        reply.header('cache-control', 'no-store');
        return reply.html(
          <ApplicationRegisteredPage
            shell={adminShell(req, reply, deps)}
            id={s.id}
            trackingNumber={s.trackingNumber}
            queryCode={s.queryCode}
            receivedOn={s.receivedOn}
            dueDate={s.dueDate}
            channelLabel={RECEIPT_CHANNEL_LABELS[receipt.channel]}
          />,
        );
      } catch (e) {
        if (!(e instanceof InvalidInput)) throw e;
        return renderRegister(req, reply, form, { ...receiptErrors, ...e.fieldErrors });
      }
    },
  );

  app.get('/admin/applications/:id', { preHandler: requireStaff }, async (req, reply) => {
    const id = idParam(req);
    const done = queryOf(req).done ?? '';
    const label = isAction(done)
      ? ACTION_LABELS[done]
      : done === 'assigned'
        ? '分配承办人'
        : done === 'service'
          ? '告知书送达'
          : undefined;
    return renderCase(deps, req, reply, id, { done: label });
  });

  const versionNow = async (req: FastifyRequest, id: number) =>
    (await applicationCase(deps.db, actorOf(req), id, today(deps))).version;

  app.post(
    '/admin/applications/:id/events',
    { preHandler: [requireStaff, app.csrfProtection] },
    async (req, reply) => {
      const id = idParam(req);
      const actor = actorOf(req);
      // Scope first: outside the subtree the case does not exist (404), whatever was posted.
      const detail = await applicationCase(deps.db, actor, id, today(deps));
      const form = formBody(req);
      const type = form.type ?? '';
      if (!isAction(type)) throw new InvalidTransition('请选择要记录的办理事项');
      const right = type === 'extensionApproved' ? 'application.approveExtension' : 'application.handle';
      if (!can(actor, right, { agencyPath: detail.agency.path }))
        throw new NotAllowed(
          type === 'extensionApproved'
            ? '延长答复期限须由政府信息公开工作机构负责人批准（第三十三条第二款）'
            : undefined,
        );
      const { event, note } = eventOf(type, form);
      try {
        const version = versionOf(form);
        // Someone recorded a step since this page was read: say so, whatever the step would have met.
        if (version !== detail.version) throw new Conflict(CONFLICT_MESSAGE);
        const missing = NOTE_REQUIRED[type];
        if (missing && !note?.trim()) throw new InvalidInput({ note: missing });
        await recordApplicationEvent(deps, commandContext(req), { applicationId: id, version, event, note });
        return reply.redirect(`/admin/applications/${id}?done=${type}`, 303);
      } catch (e) {
        if (e instanceof Conflict)
          return renderCase(
            deps,
            req,
            reply,
            id,
            { conflict: CONFLICT_MESSAGE, posted: { action: type, values: form } },
            409,
          );
        if (e instanceof InvalidInput)
          return renderCase(deps, req, reply, id, { posted: postedErrors(type, form, e) }, 422);
        // A step recorded by someone else between the check above and ours: the same stale version.
        if (e instanceof InvalidTransition && (await versionNow(req, id)) !== Number(form.version))
          return renderCase(
            deps,
            req,
            reply,
            id,
            { conflict: CONFLICT_MESSAGE, posted: { action: type, values: form } },
            409,
          );
        if (e instanceof InvalidTransition)
          return renderCase(
            deps,
            req,
            reply,
            id,
            { posted: { action: type, values: form, message: e.message } },
            409,
          );
        throw e;
      }
    },
  );

  app.post(
    '/admin/applications/:id/assign',
    { preHandler: [requireStaff, app.csrfProtection] },
    async (req, reply) => {
      const id = idParam(req);
      await applicationCase(deps.db, actorOf(req), id, today(deps));
      const form = formBody(req);
      try {
        await assignApplication(deps, commandContext(req), {
          applicationId: id,
          version: versionOf(form),
          userId: form.userId ? form.userId : null,
        });
        return reply.redirect(`/admin/applications/${id}?done=assigned`, 303);
      } catch (e) {
        if (e instanceof Conflict)
          return renderCase(deps, req, reply, id, { conflict: CONFLICT_MESSAGE }, 409);
        if (e instanceof InvalidInput)
          return renderCase(
            deps,
            req,
            reply,
            id,
            {
              posted: {
                action: 'assign',
                values: form,
                errors: { userId: Object.values(e.fieldErrors)[0] ?? '请选择承办人' },
              },
            },
            422,
          );
        throw e;
      }
    },
  );

  app.post(
    '/admin/applications/:id/personal-data',
    {
      preHandler: [requireStaff, app.csrfProtection],
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const id = idParam(req);
      await applicationCase(deps.db, actorOf(req), id, today(deps));
      const revealed = await revealPersonalData(deps, commandContext(req), { applicationId: id });
      return renderCase(deps, req, reply, id, { revealed });
    },
  );

  app.get('/admin/applications/:id/files/:fileId', { preHandler: requireStaff }, async (req, reply) => {
    const id = idParam(req);
    const raw = (req.params as { fileId?: string }).fileId ?? '';
    const fileId = /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
    const file = await applicationAttachment(deps.db, actorOf(req), id, fileId);
    return reply
      .header('content-type', file.mediaType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(file.bytes);
  });
}
