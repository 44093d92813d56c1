// POST /api/v1/report-check: 年报体检 as an API. Public — anyone may check a published report — and
// rate-limited per IP; nothing is stored. JSON {text} / {html}, or one file as multipart/form-data.
// POST /api/v1/report-check/series: several reports at once (JSON or several files), the reports
// of one agency checked as a series of years (issue 11).
import { InvalidInput } from '../../domain/errors.js';
import {
  checkReportSource,
  INPUT_PROBLEM_TEXT,
  REPORT_CHECK_RATE_LIMIT,
  REPORT_MAX_BYTES,
  uploadProblem,
  type ReportCheckResult as Result,
} from '../report-check-input.js';
import { checkReportTexts, checkReportUploads, withFile } from '../../usecases/check-report-files.js';
import { textField, type Upload } from '../uploads.js';
import { definePublicOperation, type ErrorStatus } from './operation.js';
import {
  ReportCheckRequest,
  ReportCheckResult,
  ReportSeriesRequest,
  ReportSeriesResult,
} from './report-check-schemas.js';

/** Too large for the limit: the common 413 TOO_LARGE of src/http/errors.tsx. */
class TooLarge extends Error {
  readonly statusCode = 413;
}

/** Field whitelist in the contract's order (strict response schema); withFile gives exactly that. */
function present(r: Result) {
  return { ...withFile(r.file, r), ...(r.series ? { series: r.series } : {}) };
}

/** A request with neither a JSON body nor a file: 422 naming what is missing. */
function noInput(multipart: boolean): never {
  const message = multipart ? '请上传报告文件（字段 file）' : INPUT_PROBLEM_TEXT.empty;
  throw new InvalidInput({ file: message }, message);
}

/** What both operations share: public, rate-limited, the readers' errors, 10 MB bodies. */
const COMMON = {
  method: 'POST' as const,
  tag: '年报体检',
  public: true as const,
  errors: [411, 413, 422, 503] as ErrorStatus[],
  rateLimit: REPORT_CHECK_RATE_LIMIT,
  bodyLimit: REPORT_MAX_BYTES,
};

/** Files of one series request. */
const MAX_FILES = 5;

/** Refuses an upload that cannot be checked: 413 over the size, 422 otherwise. */
function refuseBadUpload(upload: Upload, prefix = ''): void {
  const problem = uploadProblem(upload);
  if (problem === 'size') throw new TooLarge(prefix + INPUT_PROBLEM_TEXT.size);
  if (problem)
    throw new InvalidInput(
      { file: prefix + INPUT_PROBLEM_TEXT[problem] },
      prefix + INPUT_PROBLEM_TEXT[problem],
    );
}

export const reportCheckOperations = [
  definePublicOperation({
    ...COMMON,
    path: '/api/v1/report-check',
    operationId: 'checkReport',
    summary: { zh: '年报体检：检查一份已发布的年度报告', en: 'Check a published annual report' },
    description: {
      zh:
        '读取一份政府信息公开工作年度报告（粘贴的文本或 HTML，或上传的 .txt/.html/.htm/.docx/.pdf 文件，不超过 10 MB），' +
        '重建表二、表三、表四，按规则 A1–C4 核对，返回规范 JSON（与 gongkai report check --json 的单个元素相同）。' +
        '每条问题（violations）附结构化位置 location；suspects 给出最可能填错的单元格及能改正它的数值，verdict 用一句话说明结论（无法读取时只需看这一句）。' +
        '无需访问令牌；每个 IP 每分钟最多 20 次；不保存提交的内容。报告本身有问题时仍返回 200，结论见 status。',
      en:
        'Reads an annual disclosure report (text or HTML, or an uploaded .txt/.html/.htm/.docx/.pdf file of at most 10 MB), rebuilds tables 二–四, ' +
        'checks rules A1–C4 and returns the canonical JSON (one element of gongkai report check --json). No token; 20 calls a minute per IP; nothing is stored. ' +
        'Each violation carries its location as data; suspects names the likely wrong cell and the value that fixes it; verdict says the result in one Chinese sentence (all there is to show for a file that is not a report). ' +
        'A report with problems is still a 200: see status.',
    },
    body: ReportCheckRequest,
    upload: {
      field: 'file',
      maxBytes: REPORT_MAX_BYTES,
      description: {
        zh: '报告文件：.txt、.html、.htm、.docx 或 .pdf，不超过 10 MB',
        en: 'The report file: .txt, .html, .htm, .docx or .pdf, at most 10 MB',
      },
    },
    response: ReportCheckResult,
    exampleBody: '{"text":"苏州市人民政府2020年政府信息公开工作年度报告……"}',
    async handle({ body, upload, req }) {
      if (upload) {
        refuseBadUpload(upload);
        return present(await checkReportSource({ upload }));
      }
      // A multipart request without a file.
      if (!body) noInput(req.isMultipart());
      return present(
        await checkReportSource(body.html !== undefined ? { html: body.html } : { text: body.text ?? '' }),
      );
    },
  }),
  definePublicOperation({
    ...COMMON,
    path: '/api/v1/report-check/series',
    operationId: 'checkReportSeries',
    summary: {
      zh: '年报体检：一并检查几份年度报告（年度系列）',
      en: 'Check several annual reports (a series of years)',
    },
    description: {
      zh:
        '一并检查 1–5 份年度报告：JSON {reports: [{name, text 或 html}], series}，或以 multipart/form-data 上传多个 file（可另加字段 series=true）。' +
        '标题中机关相同的报告按年度系列核对：相邻年度之间核对 C1（上年结转）、C2（现行有效件数）、C3（上一年项目数量），并用相邻年度的数字确定单份报告无法确定的单元格（settled 中 basis.kind = series）；' +
        'series=true 时不论机关，全部当作一个系列。返回 {reports: [...]}，每个元素与 POST /api/v1/report-check 的结果相同，另有 series 说明所在系列。',
      en:
        'Checks 1–5 annual reports: JSON {reports: [{name, text or html}], series}, or several files as multipart/form-data (field file, plus series=true if wanted). ' +
        'Reports whose titles name one agency are checked as a series of years: C1–C3 between consecutive years, and their figures settle cells one report leaves open (settled, basis.kind = series); ' +
        'series=true takes all as one series. Answers {reports: [...]}, each element as POST /api/v1/report-check answers, plus series.',
    },
    body: ReportSeriesRequest,
    upload: {
      field: 'file',
      maxBytes: REPORT_MAX_BYTES,
      maxFiles: MAX_FILES,
      description: {
        zh: '报告文件（可多个）：.txt、.html、.htm、.docx 或 .pdf，每个不超过 10 MB，最多 5 个',
        en: 'The report files: .txt, .html, .htm, .docx or .pdf, at most 10 MB each, up to 5',
      },
    },
    response: ReportSeriesResult,
    exampleBody: '{"reports":[{"name":"2021.txt","text":"……"},{"name":"2022.txt","text":"……"}]}',
    async handle({ body, uploads, req }) {
      if (uploads.length > 0) {
        uploads.forEach((u) => refuseBadUpload(u, `${u.fileName}：`));
        const series = textField(req.body, 'series').value === 'true';
        const files = uploads.map((u) => ({ bytes: u.bytes, name: u.fileName }));
        return { reports: (await checkReportUploads(files, series)).map(present) };
      }
      if (!body) noInput(req.isMultipart());
      const inputs = body.reports.map((r) =>
        r.html !== undefined
          ? { name: r.name ?? null, html: r.html }
          : { name: r.name ?? null, text: r.text ?? '' },
      );
      return { reports: (await checkReportTexts(inputs, body.series === true)).map(present) };
    },
  }),
];
