// POST /api/v1/report-check: 年报体检 as an API. Public — anyone may check a published report — and
// rate-limited per IP; nothing is stored. JSON {text} / {html}, or one file as multipart/form-data.
import { InvalidInput } from '../../domain/errors.js';
import {
  checkReportSource,
  INPUT_PROBLEM_TEXT,
  REPORT_CHECK_RATE_LIMIT,
  REPORT_MAX_BYTES,
  uploadProblem,
  type ReportCheckResult as Result,
} from '../report-check-input.js';
import { withFile } from '../../usecases/check-report-files.js';
import { definePublicOperation } from './operation.js';
import { ReportCheckRequest, ReportCheckResult } from './report-check-schemas.js';

/** Too large for the limit: the common 413 TOO_LARGE of src/http/errors.tsx. */
class TooLarge extends Error {
  readonly statusCode = 413;
}

/** Field whitelist in the contract's order (strict response schema); withFile gives exactly that. */
function present(r: Result) {
  return withFile(r.file, r);
}

export const reportCheckOperations = [
  definePublicOperation({
    method: 'POST',
    path: '/api/v1/report-check',
    operationId: 'checkReport',
    tag: '年报体检',
    public: true,
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
    errors: [411, 413, 422, 503],
    exampleBody: '{"text":"苏州市人民政府2020年政府信息公开工作年度报告……"}',
    rateLimit: REPORT_CHECK_RATE_LIMIT,
    bodyLimit: REPORT_MAX_BYTES,
    async handle({ body, upload, req }) {
      if (upload) {
        const problem = uploadProblem(upload);
        if (problem === 'size') throw new TooLarge(INPUT_PROBLEM_TEXT.size);
        if (problem)
          throw new InvalidInput({ file: INPUT_PROBLEM_TEXT[problem] }, INPUT_PROBLEM_TEXT[problem]);
        return present(await checkReportSource({ upload }));
      }
      if (!body) {
        // A multipart request without a file.
        const message = req.isMultipart() ? '请上传报告文件（字段 file）' : INPUT_PROBLEM_TEXT.empty;
        throw new InvalidInput({ file: message }, message);
      }
      return present(
        await checkReportSource(body.html !== undefined ? { html: body.html } : { text: body.text ?? '' }),
      );
    },
  }),
];
