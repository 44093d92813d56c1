// 依申请公开 on the portal: the application form (/apply), the check page, the submission with its
// confirmation, and the applicant's lookup (/apply/lookup) with the notices served online as PDF.
// No JavaScript needed. The answers travel between the pages in hidden fields; attachments are
// chosen on the check page and sent with the submission itself, so nothing is kept on the server
// until the application is stored whole (one transaction, src/commands/applications/submit.ts).
// The query code is shown once. The submission answers 303 to /apply/done and hands the tracking
// number and the code over in a short-lived cookie, encrypted with the personal-data key, HttpOnly,
// SameSite=Strict, for that one path, and cleared when the page is shown: the code never appears in
// an address, a Location header or a log line (bodies and cookies are not logged:
// src/http/logging.ts); reloading the confirmation cannot submit the application twice; nothing is
// kept on the server, so any instance can show the page.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseApplication } from '../../commands/applications/fields.js';
import { submitApplication } from '../../commands/applications/submit.js';
import { OPEN_STATES } from '../../domain/applications/transitions.js';
import { InvalidInput } from '../../domain/errors.js';
import { serviceMethodName } from '../../domain/notices/service.js';
import { localDate } from '../../lib/time.js';
import { agencyDirectory, type DirectoryNode } from '../../queries/agency-directory.js';
import type { NoticeItem } from '../../queries/application-case.js';
import { lookupApplication } from '../../queries/application-lookup.js';
import { noticeForApplicant } from '../../queries/notices.js';
import { renderNoticePdf } from '../../render/notice-pdf.js';
import type { FieldErrors } from '../../views/components/forms.js';
import { formatDate } from '../../views/i18n.js';
import { ApplyPage } from '../../views/portal/apply.js';
import { ApplyCheckPage } from '../../views/portal/apply-check.js';
import { ApplyDoneGonePage, ApplyDonePage } from '../../views/portal/apply-done.js';
import {
  APPLICATION_FIELDS,
  applicationValues,
  APPLY_CHECK_PATH,
  APPLY_DONE_PATH,
  APPLY_EDIT_PATH,
  APPLY_PATH,
  APPLY_SUBMIT_PATH,
  ATTACHMENT_LIMITS,
  ATTACHMENTS_FIELD,
  LOOKUP_PATH,
  type AgencyChoice,
  type ApplicationValues,
} from '../../views/portal/apply-parts.js';
import {
  LOOKUP_NOT_FOUND,
  LookupPage,
  LookupResultPage,
  type LookupNotice,
} from '../../views/portal/lookup.js';
import { portalShell } from '../page.js';
import type { AppDeps } from '../types.js';
import { checkAttachments, flattenMultipartForm, uploadsOf } from '../form-attachments.js';
import { oneTimeHandoff } from '../handoff.js';
import { refuseOversizedUploads, uploadOptions } from '../uploads.js';

/** Per client address and minute: generous for a person, a wall for a script. */
export const APPLY_RATE_LIMITS = {
  /** The form's steps (check, edit): no write. */
  steps: { max: 60, timeWindow: '1 minute' },
  /** Submissions: each stores an application. */
  submit: { max: 10, timeWindow: '1 minute' },
  /** Lookups and notice downloads: each checks a query code (against guessing). */
  lookup: { max: 20, timeWindow: '1 minute' },
} as const;

const SUBMITTER = { system: true as const, label: '政府信息公开平台（网上申请）' };

const MAX_QUERY = 50;

/** What a page holding personal data or the query code must never be kept as. */
function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store');
}

/** The active agencies in directory order (with depth), narrowed to the names matching `q`. */
function choices(root: DirectoryNode | null, q: string): AgencyChoice[] {
  const out: AgencyChoice[] = [];
  const walk = (n: DirectoryNode, depth: number) => {
    if (n.match) out.push({ code: n.code, name: n.name, depth: q ? 0 : depth });
    for (const c of n.children) walk(c, depth + 1);
  };
  if (root) walk(root, 0);
  return out;
}

/** The field errors in the order of the form (so the summary reads top to bottom). */
function ordered(errors: FieldErrors): FieldErrors {
  const order = [...APPLICATION_FIELDS, ATTACHMENTS_FIELD] as readonly string[];
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

function servedText(n: NoticeItem): string | null {
  if (!n.servedOn) return null;
  return `${serviceMethodName(n.servedMethod) ?? '已送达'}，${formatDate('zh', n.servedOn)}`;
}

function lookupFields(body: unknown): { trackingNumber: string; queryCode: string } {
  const b = (body ?? {}) as Record<string, unknown>;
  const s = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 100) : '');
  return { trackingNumber: s(b.trackingNumber), queryCode: s(b.queryCode) };
}

export async function registerPortalApplicationRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const today = () => localDate(deps.now());
  /** The tracking number and query code, from the submission to the confirmation page. */
  const handoff = oneTimeHandoff(deps, 'gk_apply_done', APPLY_DONE_PATH);

  const formPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: ApplicationValues,
    opts: { q?: string; errors?: FieldErrors } = {},
  ) => {
    const q = opts.q ?? '';
    const directory = await agencyDirectory(deps.db, q);
    const errors = opts.errors && Object.keys(opts.errors).length ? ordered(opts.errors) : undefined;
    return noStore(reply).html(
      <ApplyPage
        shell={portalShell(req, deps)}
        csrf={reply.generateCsrf()}
        agencies={choices(directory.root, q)}
        q={q}
        values={values}
        errors={errors}
      />,
      errors ? 422 : undefined,
    );
  };

  /** Every problem of the answers (the command's own checks, and the agency among the active ones). */
  const problemsOf = async (
    values: ApplicationValues,
  ): Promise<{ errors: FieldErrors; agencyName: string }> => {
    const errors: FieldErrors = {};
    try {
      parseApplication(values, today());
    } catch (e) {
      if (!(e instanceof InvalidInput)) throw e;
      Object.assign(errors, e.fieldErrors);
    }
    const agencies = choices((await agencyDirectory(deps.db)).root, '');
    const chosen = agencies.find((a) => a.code === (values.agencyCode ?? '').trim());
    if (!chosen && !errors.agencyCode && values.agencyCode)
      errors.agencyCode = '所选受理机关不存在或已停用，请重新选择';
    return { errors, agencyName: chosen?.name ?? '' };
  };

  const checkPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    values: ApplicationValues,
    agencyName: string,
    errors?: FieldErrors,
  ) =>
    noStore(reply).html(
      <ApplyCheckPage
        shell={portalShell(req, deps)}
        csrf={reply.generateCsrf()}
        values={values}
        agencyName={agencyName}
        errors={errors}
      />,
      errors ? 422 : undefined,
    );

  app.get(APPLY_PATH, async (req, reply) => {
    const query = req.query as { q?: unknown; agency?: unknown };
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, MAX_QUERY) : '';
    const agency = typeof query.agency === 'string' ? query.agency.trim().slice(0, MAX_QUERY) : '';
    const values: ApplicationValues = agency ? { agencyCode: agency } : {};
    // One match of a search is chosen at once.
    if (q && !agency) {
      const found = choices((await agencyDirectory(deps.db, q)).root, q);
      if (found.length === 1) values.agencyCode = found[0]!.code;
    }
    return formPage(req, reply, values, { q });
  });

  // The steps are POST-only; an address typed or bookmarked goes back to the start.
  for (const path of [APPLY_CHECK_PATH, APPLY_EDIT_PATH, APPLY_SUBMIT_PATH])
    app.get(path, async (_req, reply) => reply.redirect(APPLY_PATH, 303));

  app.post(
    APPLY_CHECK_PATH,
    { preHandler: app.csrfProtection, config: { rateLimit: APPLY_RATE_LIMITS.steps } },
    async (req, reply) => {
      const values = applicationValues(req.body);
      const { errors, agencyName } = await problemsOf(values);
      if (Object.keys(errors).length) return formPage(req, reply, values, { errors });
      return checkPage(req, reply, values, agencyName);
    },
  );

  app.post(
    APPLY_EDIT_PATH,
    { preHandler: app.csrfProtection, config: { rateLimit: APPLY_RATE_LIMITS.steps } },
    async (req, reply) => formPage(req, reply, applicationValues(req.body)),
  );

  await app.register(async (scope) => {
    const base = uploadOptions({
      maxFileBytes: ATTACHMENT_LIMITS.maxFileBytes,
      fields: APPLICATION_FIELDS.length + 4,
      maxFieldBytes: 16 * 1024,
    });
    // One file more than allowed is read, so that 「最多 5 个」 can be said; more is refused outright.
    const files = ATTACHMENT_LIMITS.files + 1;
    refuseOversizedUploads(scope, files * ATTACHMENT_LIMITS.maxFileBytes + 256 * 1024);
    await scope.register(multipart, {
      ...base,
      limits: { ...base.limits, files, parts: (base.limits?.fields ?? 0) + files },
    });
    scope.post(
      APPLY_SUBMIT_PATH,
      {
        preHandler: [flattenMultipartForm(ATTACHMENTS_FIELD), scope.csrfProtection],
        config: { rateLimit: APPLY_RATE_LIMITS.submit },
      },
      async (req, reply) => {
        const values = applicationValues(req.body);
        const { errors, agencyName } = await problemsOf(values);
        if (Object.keys(errors).length) return formPage(req, reply, values, { errors });
        const attached = checkAttachments(uploadsOf(req.body, ATTACHMENTS_FIELD), ATTACHMENT_LIMITS);
        if (!attached.ok)
          return checkPage(req, reply, values, agencyName, { [ATTACHMENTS_FIELD]: attached.message });
        let done;
        try {
          done = await submitApplication(
            deps,
            { actor: SUBMITTER, requestId: req.id },
            { ...values },
            { attachments: attached.files },
          );
        } catch (e) {
          if (!(e instanceof InvalidInput)) throw e;
          return formPage(req, reply, values, { errors: e.fieldErrors });
        }
        handoff.give(reply, { trackingNumber: done.trackingNumber, queryCode: done.queryCode });
        return noStore(reply).redirect(APPLY_DONE_PATH, 303);
      },
    );
  });

  app.get(APPLY_DONE_PATH, async (req, reply) => {
    const given = handoff.take(req, reply);
    const day = today();
    const found = given ? await lookupApplication(deps.db, given.trackingNumber, given.queryCode, day) : null;
    if (!given || !found) return noStore(reply).html(<ApplyDoneGonePage shell={portalShell(req, deps)} />);
    return noStore(reply).html(
      <ApplyDonePage
        shell={portalShell(req, deps)}
        trackingNumber={found.trackingNumber}
        queryCode={given.queryCode}
        agencyName={found.agencyName}
        receivedOn={found.receivedOn}
        deadline={found.view.deadline}
        today={day}
      />,
    );
  });

  // ——— 申请查询 ———

  const lookupPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: { trackingNumber?: string; errors?: FieldErrors; notFound?: boolean } = {},
  ) =>
    noStore(reply).html(
      <LookupPage
        shell={portalShell(req, deps)}
        csrf={reply.generateCsrf()}
        trackingNumber={opts.trackingNumber}
        errors={opts.errors}
        message={opts.notFound ? LOOKUP_NOT_FOUND : undefined}
      />,
      opts.notFound ? 404 : opts.errors ? 422 : undefined,
    );

  app.get(LOOKUP_PATH, async (req, reply) => lookupPage(req, reply));

  app.post(
    LOOKUP_PATH,
    { preHandler: app.csrfProtection, config: { rateLimit: APPLY_RATE_LIMITS.lookup } },
    async (req, reply) => {
      const f = lookupFields(req.body);
      const errors: FieldErrors = {};
      if (!f.trackingNumber) errors.trackingNumber = '请填写申请编号';
      if (!f.queryCode) errors.queryCode = '请填写查询码';
      if (Object.keys(errors).length)
        return lookupPage(req, reply, { trackingNumber: f.trackingNumber, errors });
      const day = today();
      const found = await lookupApplication(deps.db, f.trackingNumber, f.queryCode, day);
      if (!found) return lookupPage(req, reply, { trackingNumber: f.trackingNumber, notFound: true });
      const notices: LookupNotice[] = found.notices.map((n) => ({
        id: n.id,
        title: n.title,
        number: n.number,
        issuedOn: n.issuedOn,
        served: servedText(n),
      }));
      return noStore(reply).html(
        <LookupResultPage
          shell={portalShell(req, deps)}
          csrf={reply.generateCsrf()}
          today={day}
          credentials={f}
          result={{
            trackingNumber: found.trackingNumber,
            agencyName: found.agencyName,
            receivedOn: found.receivedOn,
            stateLabel: found.view.label,
            deadline: found.view.deadline,
            open: OPEN_STATES.includes(found.view.state),
            outcomeLabel: found.outcomeLabel,
            concludedOn: found.view.concludedOn,
            history: found.history,
            notices,
          }}
        />,
      );
    },
  );

  app.post<{ Params: { file: string } }>(
    `${LOOKUP_PATH}/notices/:file`,
    { preHandler: app.csrfProtection, config: { rateLimit: APPLY_RATE_LIMITS.lookup } },
    async (req, reply) => {
      const f = lookupFields(req.body);
      const m = /^(\d{1,9})\.pdf$/.exec(req.params.file);
      const found =
        m && f.trackingNumber && f.queryCode
          ? await noticeForApplicant(deps.db, f.trackingNumber, f.queryCode, Number(m[1]))
          : null;
      if (!found) return lookupPage(req, reply, { trackingNumber: f.trackingNumber, notFound: true });
      const pdf = await renderNoticePdf(found.document, { font: deps.config.NOTICE_FONT ?? null });
      return noStore(reply)
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="notice-${found.notice.id}.pdf"; filename*=UTF-8''${encodeURIComponent(`${found.fileStem}.pdf`)}`,
        )
        .send(pdf);
    },
  );
}
