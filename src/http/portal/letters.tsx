// 政民互动 letters on the portal: the mailboxes (/mailboxes), one mailbox with its rules and the
// writing form (/mailboxes/:code), the confirmation (/letters/done), the writer's lookup with the
// rating (/letters/lookup), the published letters (/letters, /letters/:trackingNumber) and the
// monthly statistics (/letters/statistics). No JavaScript needed.
//
// Writing is one multipart POST (fields and up to 3 attachments, the application form's upload
// handling and file types), CSRF-checked and rate-limited; submitLetter runs the spam check. The
// answer is 303 to /letters/done with the tracking number and the query code handed over in a
// short-lived cookie encrypted with the personal-data key, HttpOnly, SameSite=Strict, for that one
// path and cleared when the page is shown — as the application form does (src/http/portal/applications.tsx):
// the code is never in an address or a log line, and reloading cannot submit the letter twice.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { rateLetter } from '../../commands/letters/rate.js';
import { LetterFields } from '../../commands/letters/fields.js';
import { submitLetter } from '../../commands/letters/submit.js';
import { InvalidInput, NotFound } from '../../domain/errors.js';
import { isLetterKind, OPEN_LETTER_STATES, type Satisfaction } from '../../domain/letters/kinds.js';
import { localDate } from '../../lib/time.js';
import { findAgencyByCode } from '../../queries/agencies.js';
import { lookupLetter } from '../../queries/letter-lookup.js';
import {
  findPublicMailbox,
  findPublishedLetter,
  listPublicMailboxes,
  listPublishedLetters,
  publishedLetterFacets,
  type PublicMailbox,
  type PublishedLetter,
} from '../../queries/letter-public.js';
import { letterMonthlyStats } from '../../queries/letter-stats.js';
import type { FieldErrors } from '../../views/components/forms.js';
import {
  LETTER_EVENT_LABELS,
  LETTER_KIND_LABELS,
  LETTER_STATE_LABELS,
  MAILBOX_KIND_LABELS,
  SATISFACTION_LABELS,
} from '../../views/models/letter-labels.js';
import { LetterPage } from '../../views/portal/letter.js';
import { LetterDoneGonePage, LetterDonePage } from '../../views/portal/letter-done.js';
import {
  LETTER_LOOKUP_NOT_FOUND,
  LetterLookupPage,
  LetterLookupResultPage,
  type LetterLookupResult,
} from '../../views/portal/letter-lookup.js';
import {
  LETTER_ATTACHMENT_LIMITS,
  LETTER_ATTACHMENTS_FIELD,
  LETTER_DONE_PATH,
  LETTER_FORM_FIELDS,
  LETTER_LOOKUP_PATH,
  LETTER_RATE_PATH,
  LETTER_STATS_PATH,
  letterFormValues,
  LETTERS_PATH,
  MAILBOXES_PATH,
  type LetterFormField,
  type LetterFormValues,
} from '../../views/portal/letter-parts.js';
import { LetterStatisticsPage } from '../../views/portal/letter-statistics.js';
import { LettersPage, type PublishedLetterItem } from '../../views/portal/letters.js';
import { MailboxPage } from '../../views/portal/mailbox.js';
import { MailboxesPage } from '../../views/portal/mailboxes.js';
import { portalShell } from '../page.js';
import type { AppDeps } from '../types.js';
import { checkAttachments, flattenMultipartForm, uploadsOf } from '../form-attachments.js';
import { oneTimeHandoff, type HandoffBase } from '../handoff.js';
import { refuseOversizedUploads, uploadOptions } from '../uploads.js';

/** Per client address and minute: generous for a person, a wall for a script. */
export const LETTER_RATE_LIMITS = {
  /** Submissions: each stores a letter. */
  submit: { max: 10, timeWindow: '1 minute' },
  /** Lookups and ratings: each checks a query code (against guessing). */
  lookup: { max: 20, timeWindow: '1 minute' },
} as const;

/** Who submits through the portal: the platform, on the writer's behalf. */
const PORTAL_WRITER = { system: true as const, label: '政民互动（网上写信）' };

/** What the confirmation page shows besides the tracking number and query code. */
interface Handoff extends HandoffBase {
  mailboxName: string;
  receivedOn: string;
  dueDate: string | null;
}

function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store');
}

/** The problems of the typed fields, as submitLetter would report them (without storing anything). */
function formProblems(mailbox: PublicMailbox, values: LetterFormValues): FieldErrors {
  const errors: FieldErrors = {};
  const parsed = LetterFields.safeParse({ ...values, mailboxCode: mailbox.code });
  if (!parsed.success)
    for (const issue of parsed.error.issues) errors[issue.path.join('.') || '_form'] ??= issue.message;
  const given = (k: LetterFormField) => (values[k] ?? '').trim() !== '';
  if (mailbox.nameRequired && !given('name')) errors.name ??= '请填写姓名';
  if (mailbox.phoneRequired && !given('phone')) errors.phone ??= '请填写联系电话';
  if (mailbox.emailRequired && !given('email')) errors.email ??= '请填写电子邮箱';
  return errors;
}

/** The field errors in the order of the form (so the summary reads top to bottom). */
function ordered(errors: FieldErrors): FieldErrors {
  const order = [...LETTER_FORM_FIELDS, LETTER_ATTACHMENTS_FIELD] as readonly string[];
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}

function lookupFields(body: unknown): { trackingNumber: string; queryCode: string } {
  const b = (body ?? {}) as Record<string, unknown>;
  const s = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 100) : '');
  return { trackingNumber: s(b.trackingNumber), queryCode: s(b.queryCode) };
}

const str = (v: unknown, max = 50): string => (typeof v === 'string' ? v.trim().slice(0, max) : '');

/** A published letter as the list and its page show it (labels, not codes). */
function publishedItem(l: PublishedLetter): PublishedLetterItem {
  return {
    trackingNumber: l.trackingNumber,
    mailboxName: l.mailboxName,
    kindLabel: isLetterKind(l.kind) ? LETTER_KIND_LABELS[l.kind] : '留言',
    title: l.title,
    content: l.content,
    acceptedOn: l.acceptedOn,
    repliedOn: l.repliedOn,
    replyAgencyName: l.replyAgencyName,
    reply: l.reply,
    writerNameMasked: l.writerNameMasked,
  };
}

const mailboxOption = (m: PublicMailbox) => ({
  value: m.code,
  label: `${m.name}（${MAILBOX_KIND_LABELS[m.kind as keyof typeof MAILBOX_KIND_LABELS] ?? '信箱'}）`,
});

export async function registerPortalLetterRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const today = () => localDate(deps.now());
  /** The tracking number and query code, from the submission to the confirmation page. */
  const handoff = oneTimeHandoff<Handoff>(deps, 'gk_letter_done', LETTER_DONE_PATH);

  // ——— 写信 ———

  app.get(MAILBOXES_PATH, async (req, reply) => {
    const mailboxes = await listPublicMailboxes(deps.db);
    return reply.html(<MailboxesPage shell={portalShell(req, deps)} mailboxes={mailboxes} />);
  });

  const mailboxPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    mailbox: PublicMailbox,
    values: LetterFormValues,
    errors?: FieldErrors,
  ) =>
    noStore(reply).html(
      <MailboxPage
        shell={portalShell(req, deps)}
        csrf={reply.generateCsrf()}
        mailbox={mailbox}
        values={values}
        errors={errors && Object.keys(errors).length ? ordered(errors) : undefined}
      />,
      errors && Object.keys(errors).length ? 422 : undefined,
    );

  const mailboxOr404 = async (code: string): Promise<PublicMailbox> => {
    const m = await findPublicMailbox(deps.db, code.slice(0, 60));
    if (!m) throw new NotFound('没有找到该信箱，或信箱已停用');
    return m;
  };

  app.get<{ Params: { code: string } }>(`${MAILBOXES_PATH}/:code`, async (req, reply) =>
    mailboxPage(req, reply, await mailboxOr404(req.params.code), {}),
  );

  // The form posts to …/submit; an address typed or bookmarked goes back to the form.
  app.get<{ Params: { code: string } }>(`${MAILBOXES_PATH}/:code/submit`, async (req, reply) =>
    reply.redirect(`${MAILBOXES_PATH}/${encodeURIComponent(req.params.code)}`, 303),
  );

  await app.register(async (scope) => {
    const base = uploadOptions({
      maxFileBytes: LETTER_ATTACHMENT_LIMITS.maxFileBytes,
      fields: LETTER_FORM_FIELDS.length + 4,
      maxFieldBytes: 32 * 1024,
    });
    // One file more than allowed is read, so that 「最多 3 个」 can be said; more is refused outright.
    const files = LETTER_ATTACHMENT_LIMITS.files + 1;
    refuseOversizedUploads(scope, files * LETTER_ATTACHMENT_LIMITS.maxFileBytes + 256 * 1024);
    await scope.register(multipart, {
      ...base,
      limits: { ...base.limits, files, parts: (base.limits?.fields ?? 0) + files },
    });
    scope.post<{ Params: { code: string } }>(
      `${MAILBOXES_PATH}/:code/submit`,
      {
        preHandler: [flattenMultipartForm(LETTER_ATTACHMENTS_FIELD), scope.csrfProtection],
        config: { rateLimit: LETTER_RATE_LIMITS.submit },
      },
      async (req, reply) => {
        const mailbox = await mailboxOr404(req.params.code);
        const values = letterFormValues(req.body);
        values.publicConsent = values.publicConsent === 'yes' ? 'yes' : 'no';
        const attached = checkAttachments(
          uploadsOf(req.body, LETTER_ATTACHMENTS_FIELD),
          LETTER_ATTACHMENT_LIMITS,
        );
        // A refused attachment is reported with every other problem of the form, and nothing is stored.
        if (!attached.ok)
          return mailboxPage(req, reply, mailbox, values, {
            ...formProblems(mailbox, values),
            [LETTER_ATTACHMENTS_FIELD]: attached.message,
          });
        let done;
        try {
          done = await submitLetter(
            deps,
            { actor: PORTAL_WRITER, requestId: req.id },
            { ...values, mailboxCode: mailbox.code, channel: 'web', files: attached.files },
          );
        } catch (e) {
          if (!(e instanceof InvalidInput)) throw e;
          return mailboxPage(req, reply, mailbox, values, e.fieldErrors);
        }
        handoff.give(reply, {
          trackingNumber: done.trackingNumber,
          queryCode: done.queryCode,
          mailboxName: mailbox.name,
          receivedOn: done.receivedOn,
          dueDate: done.dueDate,
        });
        return noStore(reply).redirect(LETTER_DONE_PATH, 303);
      },
    );
  });

  app.get(LETTER_DONE_PATH, async (req, reply) => {
    const h = handoff.take(req, reply);
    if (!h) return noStore(reply).html(<LetterDoneGonePage shell={portalShell(req, deps)} />);
    return noStore(reply).html(
      <LetterDonePage
        shell={portalShell(req, deps)}
        trackingNumber={h.trackingNumber}
        queryCode={h.queryCode}
        mailboxName={typeof h.mailboxName === 'string' ? h.mailboxName : ''}
        receivedOn={typeof h.receivedOn === 'string' ? h.receivedOn : today()}
        dueDate={typeof h.dueDate === 'string' ? h.dueDate : null}
      />,
    );
  });

  // ——— 留言查询与评价 ———

  const lookupPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: { trackingNumber?: string; errors?: FieldErrors; notFound?: boolean } = {},
  ) =>
    noStore(reply).html(
      <LetterLookupPage
        shell={portalShell(req, deps)}
        csrf={reply.generateCsrf()}
        trackingNumber={opts.trackingNumber}
        errors={opts.errors}
        message={opts.notFound ? LETTER_LOOKUP_NOT_FOUND : undefined}
      />,
      opts.notFound ? 404 : opts.errors ? 422 : undefined,
    );

  /** The writer's view of the letter, or null (unknown number and wrong code alike). */
  const writerView = async (f: { trackingNumber: string; queryCode: string }) => {
    const found = await lookupLetter(deps.db, f.trackingNumber, f.queryCode, today());
    if (!found) return null;
    const state = found.state;
    const result: LetterLookupResult = {
      trackingNumber: found.trackingNumber,
      mailboxName: found.mailboxName,
      kindLabel: LETTER_KIND_LABELS[found.kind] ?? '留言',
      title: found.title,
      content: found.content,
      receivedOn: found.receivedOn,
      stateLabel: LETTER_STATE_LABELS[state] ?? '办理中',
      open: OPEN_LETTER_STATES.includes(state),
      dueDate: found.dueDate,
      replyText: found.replyText,
      repliedOn: found.repliedOn,
      replyAgencyName: found.replyAgencyName,
      satisfactionLabel: found.satisfaction ? (SATISFACTION_LABELS[found.satisfaction] ?? null) : null,
      canRate: found.canRate,
      history: found.history.map((h) => ({ on: h.on, label: LETTER_EVENT_LABELS[h.type] ?? '办理' })),
    };
    return result;
  };

  app.get(LETTER_LOOKUP_PATH, async (req, reply) => lookupPage(req, reply));
  app.get(LETTER_RATE_PATH, async (_req, reply) => reply.redirect(LETTER_LOOKUP_PATH, 303));

  app.post(
    LETTER_LOOKUP_PATH,
    { preHandler: app.csrfProtection, config: { rateLimit: LETTER_RATE_LIMITS.lookup } },
    async (req, reply) => {
      const f = lookupFields(req.body);
      const errors: FieldErrors = {};
      if (!f.trackingNumber) errors.trackingNumber = '请填写留言编号';
      if (!f.queryCode) errors.queryCode = '请填写查询码';
      if (Object.keys(errors).length)
        return lookupPage(req, reply, { trackingNumber: f.trackingNumber, errors });
      const result = await writerView(f);
      if (!result) return lookupPage(req, reply, { trackingNumber: f.trackingNumber, notFound: true });
      return noStore(reply).html(
        <LetterLookupResultPage
          shell={portalShell(req, deps)}
          csrf={reply.generateCsrf()}
          credentials={f}
          result={result}
        />,
      );
    },
  );

  app.post(
    LETTER_RATE_PATH,
    { preHandler: app.csrfProtection, config: { rateLimit: LETTER_RATE_LIMITS.lookup } },
    async (req, reply) => {
      const f = lookupFields(req.body);
      const body = (req.body ?? {}) as Record<string, unknown>;
      const values = { satisfaction: str(body.satisfaction), comment: str(body.comment, 500) };
      const before = f.trackingNumber && f.queryCode ? await writerView(f) : null;
      if (!before) return lookupPage(req, reply, { trackingNumber: f.trackingNumber, notFound: true });
      try {
        await rateLetter(
          deps,
          { actor: PORTAL_WRITER, requestId: req.id },
          {
            ...f,
            // Checked by the command (an unknown value is its 「请选择满意程度」).
            satisfaction: values.satisfaction as Satisfaction,
            ...(values.comment ? { comment: values.comment } : {}),
          },
        );
      } catch (e) {
        if (e instanceof NotFound)
          return lookupPage(req, reply, { trackingNumber: f.trackingNumber, notFound: true });
        if (!(e instanceof InvalidInput)) throw e;
        const errors = Object.keys(e.fieldErrors).length ? e.fieldErrors : { satisfaction: e.message };
        return noStore(reply).html(
          <LetterLookupResultPage
            shell={portalShell(req, deps)}
            csrf={reply.generateCsrf()}
            credentials={f}
            result={before}
            errors={errors}
            values={values}
          />,
          422,
        );
      }
      const after = (await writerView(f)) ?? before;
      return noStore(reply).html(
        <LetterLookupResultPage
          shell={portalShell(req, deps)}
          csrf={reply.generateCsrf()}
          credentials={f}
          result={after}
          rated
        />,
      );
    },
  );

  // ——— 留言选登与统计 ———

  app.get(LETTERS_PATH, async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const filter = { mailbox: str(q.mailbox), unit: str(q.unit), month: str(q.month, 7) };
    const page = Math.max(1, Math.min(500, Number.parseInt(str(q.page, 4), 10) || 1));
    const [mailboxes, facets] = await Promise.all([
      listPublicMailboxes(deps.db),
      publishedLetterFacets(deps.db),
    ]);
    const mailbox = mailboxes.find((m) => m.code === filter.mailbox);
    const unit = filter.unit ? await findAgencyByCode(deps.db, filter.unit) : null;
    const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(filter.month) ? filter.month : undefined;
    // An unknown choice matches nothing (rather than silently everything).
    const none = (filter.mailbox && !mailbox) || (filter.unit && !unit) || (filter.month && !month);
    const result = none
      ? { items: [], total: 0, page: 1, pageSize: 20 }
      : await listPublishedLetters(
          deps.db,
          { mailboxId: mailbox?.id, replyAgencyId: unit?.id, month },
          { page },
        );
    return reply.html(
      <LettersPage
        shell={portalShell(req, deps)}
        items={result.items.map(publishedItem)}
        total={result.total}
        page={result.page}
        pageSize={result.pageSize}
        filter={filter}
        mailboxes={mailboxes.map(mailboxOption)}
        units={facets.units.map((u) => ({ value: u.code, label: u.name }))}
        months={facets.months.map((m) => ({ value: m, label: `${m.slice(0, 4)}年${Number(m.slice(5))}月` }))}
      />,
    );
  });

  app.get(LETTER_STATS_PATH, async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const thisYear = Number(today().slice(0, 4));
    const year = Number.parseInt(str(q.year, 4), 10);
    const month = Number.parseInt(str(q.month, 2), 10);
    const filter = {
      year: year >= 2000 && year <= thisYear ? year : thisYear,
      month: month >= 1 && month <= 12 ? month : undefined,
    };
    const mailboxes = await listPublicMailboxes(deps.db);
    const mailbox = mailboxes.find((m) => m.code === str(q.mailbox));
    const stats = await letterMonthlyStats(deps.db, { ...filter, mailboxId: mailbox?.id });
    const years = Array.from({ length: 5 }, (_, i) => String(thisYear - i)).map((y) => ({
      value: y,
      label: `${y}年`,
    }));
    return reply.html(
      <LetterStatisticsPage
        shell={portalShell(req, deps)}
        filter={{
          year: String(filter.year),
          month: filter.month ? String(filter.month) : '',
          mailbox: mailbox?.code ?? '',
        }}
        years={years}
        mailboxes={mailboxes.map(mailboxOption)}
        rows={stats.rows}
        total={stats.total}
      />,
    );
  });

  app.get<{ Params: { trackingNumber: string } }>(`${LETTERS_PATH}/:trackingNumber`, async (req, reply) => {
    const l = await findPublishedLetter(deps.db, req.params.trackingNumber.slice(0, 40));
    if (!l) throw new NotFound('没有找到该公开留言');
    return reply.html(<LetterPage shell={portalShell(req, deps)} letter={publishedItem(l)} />);
  });
}
