// 年报体检 (/report-check): public, no login. The POST reads a pasted report or uploaded files (up to
// REPORT_MAX_FILES: the reports of one agency are checked as a series of years, issue 11), checks
// them and renders the result directly (200) or sends it as a JSON download; nothing is stored.
// Multipart is registered in this plugin scope only; its fields are parsed (preValidation) and
// flattened before the CSRF check, which then reads `_csrf` like in any other form.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ReportCheckPage, REPORT_CHECK_PATH } from '../../views/portal/report-check.js';
import { ReportCheckResultPage } from '../../views/portal/report-check-result.js';
import { reportCheckModel } from '../../views/models/report-check.js';
import { checkReportUploads } from '../../usecases/check-report-files.js';
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

/** Files of one submission: a series of years of one agency is a handful of reports. */
export const REPORT_MAX_FILES = 5;
/** The form's multipart limits: up to REPORT_MAX_FILES files, and `text`, `_csrf`, `action`, `series`. */
const FORM_UPLOAD = { ...REPORT_CHECK_FORM_UPLOAD, fields: 4, files: REPORT_MAX_FILES };

interface CheckForm {
  text: string;
  textTooLong: boolean;
  uploads: Upload[];
  /** Check the files as one series of years, whatever agency their titles name. */
  series: boolean;
  action: 'check' | 'json';
}

const isUpload = (x: unknown): x is Upload => typeof x === 'object' && x !== null && 'bytes' in x;

function formOf(body: unknown): CheckForm {
  const b = (body ?? {}) as Record<string, unknown>;
  const files = Array.isArray(b.file) ? b.file : [b.file];
  return {
    text: typeof b.text === 'string' ? b.text : '',
    textTooLong: b['text:truncated'] === true,
    uploads: files.filter(isUpload),
    series: b.series === 'on' || b.series === 'true',
    action: b.action === 'json' ? 'json' : 'check',
  };
}

/** The field errors of a submission that cannot be checked, in the page's language, or the source to check. */
function sourceOf(
  form: CheckForm,
  l: Lang,
): { errors: Record<string, string> } | { source: ReportSource } | { uploads: Upload[] } {
  const text = l === 'zh' ? INPUT_PROBLEM_TEXT : INPUT_PROBLEM_EN;
  if (form.uploads.length > 1) {
    for (const upload of form.uploads) {
      const problem = uploadProblem(upload);
      if (problem)
        return { errors: { file: `${upload.fileName}${l === 'zh' ? '：' : ': '}${text[problem]}` } };
    }
    return { uploads: form.uploads };
  }
  const [upload] = form.uploads;
  if (upload) {
    const problem = uploadProblem(upload);
    return problem ? { errors: { file: text[problem] } } : { source: { upload } };
  }
  if (form.textTooLong || Buffer.byteLength(form.text) > REPORT_MAX_BYTES)
    return { errors: { text: text.size } };
  if (form.text.trim() === '') return { errors: { text: text.empty } };
  return { source: { text: form.text } };
}

/** 「年报体检-苏州市人民政府-2020.json」 (several: 「年报体检-苏州市人民政府-2019-2020.json」), ASCII fallback for old clients. */
function attachmentName(results: ReportCheckResult[]): string {
  const [first] = results;
  const agencies = new Set(results.map((r) => r.agency));
  const years = results.flatMap((r) => (r.year === null ? [] : [r.year])).sort();
  const span = years.length > 1 ? `${years[0]}-${years[years.length - 1]}` : years[0];
  const name = ['年报体检', agencies.size === 1 ? first?.agency : null, span]
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
    await registerUploads(scope, FORM_UPLOAD);
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
        let results: ReportCheckResult[];
        try {
          results =
            'uploads' in parsed
              ? await checkReportUploads(
                  parsed.uploads.map((u) => ({ bytes: u.bytes, name: u.fileName })),
                  form.series,
                )
              : [await checkReportSource(parsed.source)];
        } catch (e) {
          // Over a reader limit (413/422) or every reader busy (503): the form again, with why.
          if (!(e instanceof InputRefused)) throw e;
          if (e.retryAfterSeconds) void reply.header('retry-after', String(e.retryAfterSeconds));
          const field = form.uploads.length > 0 ? 'file' : 'text';
          const message = req.lang === 'zh' ? e.message : (REFUSAL_EN[e.code] ?? e.message);
          return formPage(req, reply, form.text, { [field]: message }, e.status);
        }
        if (form.action === 'json') {
          return reply
            .type('application/json; charset=utf-8')
            .header('content-disposition', attachmentName(results))
            .header('cache-control', 'no-store')
            .send(JSON.stringify(results.length === 1 ? results[0] : results, null, 2));
        }
        return reply.html(
          <ReportCheckResultPage
            shell={portalShell(req, deps)}
            csrf={reply.generateCsrf()}
            results={results.map((r, i) => ({
              model: reportCheckModel(r, req.lang, results.length > 1 ? `r${i + 1}-` : ''),
              file: r.file,
            }))}
            text={form.text}
          />,
        );
      },
    );
  });
}
