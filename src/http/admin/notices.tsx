// Notices (告知书) in the back office: each notice of a case as PDF and as Word (DOCX), rendered from
// the frozen text; recording its 送达; and the 一案一档 export — the case file as one PDF (cover,
// history, every notice) or as a ZIP with that PDF, every notice as PDF and DOCX, the applicant's
// attachments and a 目录.txt. Downloads are private (Cache-Control: private, no-store) and carry a
// Chinese file name (RFC 5987 filename*) with an ASCII fallback for old clients.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  exportCaseFile,
  type BuiltCaseFile,
  type CaseFileSource,
} from '../../commands/applications/export-case-file.js';
import { recordService, type ServiceInput } from '../../commands/applications/record-service.js';
import { CASE_STATE_LABELS } from '../../domain/applications/transitions.js';
import { InvalidInput, InvalidTransition, NotFound } from '../../domain/errors.js';
import { chineseDate } from '../../domain/notices/dates.js';
import { serviceMethodName } from '../../domain/notices/service.js';
import { storedZip } from '../../extract/zip-guard.js';
import { formatDateTimePlain } from '../../lib/time.js';
import { noticeForStaff } from '../../queries/notices.js';
import { renderCaseFilePdf, type CaseFile, type CaseFileEntry } from '../../render/case-file-pdf.js';
import { renderNoticeDocx } from '../../render/notice-docx.js';
import { renderNoticePdf } from '../../render/notice-pdf.js';
import { eventDetails } from '../../views/models/application-labels.js';
import { RecordServicePage } from '../../views/admin/notice-service.js';
import { serviceField } from '../../views/admin/notices-section.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { actorOf, commandContext, formBody, idParam } from './helpers.js';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ZIP = 'application/zip';

/** RFC 5987 value: UTF-8, percent-encoded, only attr-char left as is. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** attachment; filename="ascii"; filename*=UTF-8''中文 — old clients take the first, others the second. */
export function contentDisposition(filename: string, asciiFallback: string): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(filename)}`;
}

function sendFile(reply: FastifyReply, type: string, filename: string, ascii: string, bytes: Buffer) {
  return reply
    .type(type)
    .header('content-disposition', contentDisposition(filename, ascii))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(bytes);
}

function numericParam(req: FastifyRequest, name: string): number {
  const raw = (req.params as Record<string, string | undefined>)[name] ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw new NotFound();
  return Number(raw);
}

/** The case file's history: the recorded facts, the notices issued and their 送达, by date. */
function caseFileHistory(source: CaseFileSource): CaseFileEntry[] {
  const d = source.detail;
  const entries: (CaseFileEntry & { order: number })[] = d.history.map((h, i) => ({
    on: h.on,
    what: [h.label, ...eventDetails(h.event), ...(h.note ? [`说明：${h.note}`] : [])].join('；'),
    who: h.recordedBy ?? (h.seq === 1 ? '申请人（网上申请）' : '系统'),
    order: i,
  }));
  source.notices.forEach((n, i) => {
    const name = n.notice.number ? `${n.notice.title}（${n.notice.number}）` : n.notice.title;
    // On one day: the step, then the notice it produced, then any 送达.
    entries.push({ on: n.notice.issuedOn, what: `发出${name}`, who: d.agency.name, order: 1e5 + i });
    if (n.notice.servedOn)
      entries.push({
        on: n.notice.servedOn,
        what: `${name}送达：${serviceMethodName(n.notice.servedMethod) ?? '已送达'}`,
        who: d.agency.name,
        order: 1e6 + i,
      });
  });
  return entries
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.order - b.order))
    .map(({ on, what, who }) => ({ on, what, who }));
}

function caseFileOf(source: CaseFileSource): CaseFile {
  const d = source.detail;
  const a = d.applicant;
  return {
    trackingNumber: d.trackingNumber,
    agency: d.agency.name,
    // Masked: the file is read on screens and printed; the full number stays in the database.
    applicant: `${a.name}（${a.typeLabel}；${a.idTypeLabel} ${a.idNumberMasked}）`,
    receivedOn: d.receivedOn,
    state: CASE_STATE_LABELS[d.view.state] ?? d.view.state,
    outcome: d.outcomeLabel,
    compiledOn: source.compiledOn,
    history: caseFileHistory(source),
    notices: source.notices.map((n) => n.document),
  };
}

/** Characters a file name inside the ZIP may not hold (and no folder parts). */
function safeName(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\p{Cc}\p{Cf}]/gu, '_').replace(/^\.+/, '_');
  return cleaned.trim() || '附件';
}

/** Unique names: 「a.pdf」, 「a（2）.pdf」 … */
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let i = 2; taken.has(candidate); i++) candidate = `${stem}（${i}）${ext}`;
  taken.add(candidate);
  return candidate;
}

const two = (n: number) => String(n).padStart(2, '0');

export function registerAdminNoticeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const font = () => ({ font: deps.config.NOTICE_FONT ?? null });

  const downloadNotice = async (req: FastifyRequest, reply: FastifyReply, format: 'pdf' | 'docx') => {
    const id = idParam(req);
    const noticeId = numericParam(req, 'noticeId');
    const n = await noticeForStaff(deps.db, actorOf(req), id, noticeId);
    const bytes =
      format === 'pdf' ? await renderNoticePdf(n.document, font()) : await renderNoticeDocx(n.document);
    return sendFile(
      reply,
      format === 'pdf' ? PDF : DOCX,
      `${n.fileStem}.${format}`,
      `notice-${n.notice.id}.${format}`,
      bytes,
    );
  };

  app.get('/admin/applications/:id/notices/:noticeId.pdf', { preHandler: requireStaff }, (req, reply) =>
    downloadNotice(req, reply, 'pdf'),
  );
  app.get('/admin/applications/:id/notices/:noticeId.docx', { preHandler: requireStaff }, (req, reply) =>
    downloadNotice(req, reply, 'docx'),
  );

  app.post(
    '/admin/applications/:id/notices/:noticeId/service',
    { preHandler: [requireStaff, app.csrfProtection] },
    async (req, reply) => {
      const id = idParam(req);
      const noticeId = numericParam(req, 'noticeId');
      // Scope first: outside the subtree (or another application's notice) is a 404 whatever was posted.
      const n = await noticeForStaff(deps.db, actorOf(req), id, noticeId);
      const form = formBody(req);
      const methodField = serviceField(noticeId, 'method');
      const onField = serviceField(noticeId, 'on');
      const values = { method: form[methodField] ?? '', on: (form[onField] ?? '').trim() };
      const again = (errors?: Record<string, string>, message?: string) =>
        reply.html(
          <RecordServicePage
            shell={adminShell(req, reply, deps)}
            applicationId={id}
            trackingNumber={n.trackingNumber}
            notice={n.notice}
            values={values}
            errors={errors}
            message={message}
          />,
          errors ? 422 : 409,
        );
      try {
        await recordService(deps, commandContext(req), {
          applicationId: id,
          noticeId,
          method: values.method as ServiceInput['method'],
          on: values.on,
        });
        return reply.redirect(`/admin/applications/${id}?done=service#notice-${noticeId}`, 303);
      } catch (e) {
        if (e instanceof InvalidInput) {
          const errors: Record<string, string> = {};
          if (e.fieldErrors.method) errors[methodField] = e.fieldErrors.method;
          if (e.fieldErrors.on) errors[onField] = e.fieldErrors.on;
          if (Object.keys(errors).length === 0) errors[onField] = e.message;
          return again(errors);
        }
        if (e instanceof InvalidTransition) return again(undefined, e.message);
        throw e;
      }
    },
  );

  const buildPdf = async (source: CaseFileSource): Promise<BuiltCaseFile> => ({
    bytes: await renderCaseFilePdf(caseFileOf(source), font()),
    filename: `案卷-${source.detail.trackingNumber}.pdf`,
    entries: 1 + source.notices.length,
  });

  const buildZip = async (source: CaseFileSource): Promise<BuiltCaseFile> => {
    const d = source.detail;
    const files: { name: string; data: Uint8Array }[] = [];
    const lines: string[] = [];
    const taken = new Set<string>();
    const add = (name: string, data: Uint8Array, what: string) => {
      const unique = uniqueName(name, taken);
      files.push({ name: unique, data });
      lines.push(`${unique}`, `    ${what}`);
    };
    const casePdf = await renderCaseFilePdf(caseFileOf(source), font());
    add(`案卷-${d.trackingNumber}.pdf`, casePdf, '案卷（封面、办理过程和全部告知书）');
    for (const [i, n] of source.notices.entries()) {
      const stem = `告知书/${two(i + 1)}-${n.fileStem}`;
      const about = `${n.notice.title}，${chineseDate(n.notice.issuedOn)}发出${
        n.notice.servedOn
          ? `，${chineseDate(n.notice.servedOn)}${serviceMethodName(n.notice.servedMethod) ?? '送达'}`
          : '，未记录送达'
      }`;
      add(`${stem}.pdf`, await renderNoticePdf(n.document, font()), `${about}（PDF）`);
      add(`${stem}.docx`, await renderNoticeDocx(n.document), `${about}（Word 文档，可编辑）`);
    }
    for (const a of source.attachments)
      add(`附件/${safeName(a.filename)}`, a.bytes, `申请人提交的附件（${a.filename}）`);
    const toc = [
      `政府信息公开申请案卷  申请编号：${d.trackingNumber}`,
      `办理机关：${d.agency.name}`,
      `申请人：${d.applicant.name}`,
      `收到申请日期：${chineseDate(d.receivedOn)}`,
      `办理状态：${CASE_STATE_LABELS[d.view.state] ?? d.view.state}${d.outcomeLabel ? `（${d.outcomeLabel}）` : ''}`,
      `立卷日期：${chineseDate(source.compiledOn)}`,
      '',
      '目录',
      '',
      ...lines,
      '',
      '本案卷含申请人的个人信息，请妥善保管，仅用于办理和归档。',
      '',
    ].join('\r\n');
    // UTF-8 with a byte-order mark and CRLF: readable in Windows Notepad as well as elsewhere.
    const tocBytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(toc, 'utf8')]);
    const archive = storedZip([{ name: '目录.txt', data: tocBytes }, ...files], {
      modified: formatDateTimePlain(deps.now()),
    });
    return {
      bytes: Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength),
      filename: `案卷-${d.trackingNumber}.zip`,
      entries: files.length + 1,
    };
  };

  const exportRoute = (format: 'pdf' | 'zip') => async (req: FastifyRequest, reply: FastifyReply) => {
    const id = idParam(req);
    const built = await exportCaseFile(
      deps,
      commandContext(req),
      { applicationId: id, format },
      format === 'pdf' ? buildPdf : buildZip,
    );
    const tracking = /案卷-(.+)\.\w+$/.exec(built.filename)?.[1] ?? String(id);
    return sendFile(
      reply,
      format === 'pdf' ? PDF : ZIP,
      built.filename,
      `case-file-${tracking}.${format}`,
      built.bytes,
    );
  };

  app.get('/admin/applications/:id/case-file.pdf', { preHandler: requireStaff }, exportRoute('pdf'));
  app.get('/admin/applications/:id/case-file.zip', { preHandler: requireStaff }, exportRoute('zip'));
}
