// 年报体检 (/report-check): public, no login. The POST reads a pasted report or one uploaded file,
// checks it and renders the result directly (200) or sends it as a JSON download; nothing is stored.
// Multipart is registered in this plugin scope only; its fields are parsed (preValidation) and
// flattened before the CSRF check, which then reads `_csrf` like in any other form.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ReportCheckPage, REPORT_CHECK_PATH } from '../../views/portal/report-check.js';
import { ReportCheckResultPage } from '../../views/portal/report-check-result.js';
import { reportCheckModel } from '../../views/models/report-check.js';
import { INPUT_PROBLEM_EN, REFUSAL_EN } from '../../views/models/report-check-labels.js';
import type { Lang } from '../../views/i18n.js';
import { portalShell } from '../page.js';
import {
  checkReportSource,
  INPUT_PROBLEM_TEXT,
  REPORT_CHECK_RATE_LIMIT,
  REPORT_CHECK_FORM_UPLOAD,
  REPORT_MAX_BYTES,
  uploadProblem,
  type ReportCheckResult,
  type ReportSource,
} from '../report-check-input.js';
import type { AppDeps } from '../types.js';
import { flattenMultipart, registerUploads, type Upload } from '../uploads.js';
import { InputRefused } from '../../extract/refused.js';

interface CheckForm {
  text: string;
  textTooLong: boolean;
  upload: Upload | null;
  action: 'check' | 'json';
}

function formOf(body: unknown): CheckForm {
  const b = (body ?? {}) as Record<string, unknown>;
  const upload = b.file && typeof b.file === 'object' && 'bytes' in b.file ? (b.file as Upload) : null;
  return {
    text: typeof b.text === 'string' ? b.text : '',
    textTooLong: b['text:truncated'] === true,
    upload,
    action: b.action === 'json' ? 'json' : 'check',
  };
}

/** The field errors of a submission that cannot be checked, in the page's language, or the source to check. */
function sourceOf(form: CheckForm, l: Lang): { errors: Record<string, string> } | { source: ReportSource } {
  const text = l === 'zh' ? INPUT_PROBLEM_TEXT : INPUT_PROBLEM_EN;
  if (form.upload) {
    const problem = uploadProblem(form.upload);
    return problem ? { errors: { file: text[problem] } } : { source: { upload: form.upload } };
  }
  if (form.textTooLong || Buffer.byteLength(form.text) > REPORT_MAX_BYTES)
    return { errors: { text: text.size } };
  if (form.text.trim() === '') return { errors: { text: text.empty } };
  return { source: { text: form.text } };
}

/** 「年报体检-苏州市人民政府-2020.json」, ASCII fallback for old clients. */
function attachmentName(r: ReportCheckResult): string {
  const name = ['年报体检', r.agency, r.year]
    .filter((p) => p !== null && p !== undefined && p !== '')
    .join('-');
  return `attachment; filename="report-check.json"; filename*=UTF-8''${encodeURIComponent(`${name}.json`)}`;
}

export async function registerPortalReportCheckRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const formPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    text?: string,
    errors?: Record<string, string>,
    status?: number,
  ) =>
    reply.html(
      <ReportCheckPage
        shell={portalShell(req, deps)}
        csrf={reply.generateCsrf()}
        text={text}
        errors={errors}
      />,
      status ?? (errors ? 422 : undefined),
    );

  app.get(REPORT_CHECK_PATH, async (req, reply) => formPage(req, reply));

  await app.register(async (scope) => {
    await registerUploads(scope, REPORT_CHECK_FORM_UPLOAD);
    scope.post(
      REPORT_CHECK_PATH,
      {
        // Pasted HTML sources can be large (urlencoded clients; multipart has its own limits).
        bodyLimit: REPORT_MAX_BYTES + 64 * 1024,
        preHandler: [flattenMultipart, scope.csrfProtection],
        config: { rateLimit: REPORT_CHECK_RATE_LIMIT },
      },
      async (req, reply) => {
        const form = formOf(req.body);
        const parsed = sourceOf(form, req.lang);
        if ('errors' in parsed) return formPage(req, reply, form.text, parsed.errors);
        let result: ReportCheckResult;
        try {
          result = await checkReportSource(parsed.source);
        } catch (e) {
          // Over a reader limit (413/422) or every reader busy (503): the form again, with why.
          if (!(e instanceof InputRefused)) throw e;
          if (e.retryAfterSeconds) void reply.header('retry-after', String(e.retryAfterSeconds));
          const field = form.upload ? 'file' : 'text';
          const message = req.lang === 'zh' ? e.message : (REFUSAL_EN[e.code] ?? e.message);
          return formPage(req, reply, form.text, { [field]: message }, e.status);
        }
        if (form.action === 'json') {
          return reply
            .type('application/json; charset=utf-8')
            .header('content-disposition', attachmentName(result))
            .header('cache-control', 'no-store')
            .send(JSON.stringify(result, null, 2));
        }
        return reply.html(
          <ReportCheckResultPage
            shell={portalShell(req, deps)}
            csrf={reply.generateCsrf()}
            model={reportCheckModel(result, req.lang)}
            file={form.upload ? form.upload.fileName : null}
            text={form.text}
          />,
        );
      },
    );
  });
}
