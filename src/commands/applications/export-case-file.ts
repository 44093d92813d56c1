// 一案一档: exports one application's file — the case with its history, every notice, and (in the
// ZIP) the applicant's attachments. The file holds the applicant's personal data and letters, so it
// needs the right to see personal data (application.personalData) and every export is audited.
// The rendering (PDF, DOCX, ZIP) is the caller's: it is handed in as `build`, runs before the
// audit transaction (slow work outside it), and only a file that was built is recorded as exported.
import { z } from 'zod';
import type { IsoDate } from '../../domain/calendar/iso-date.js';
import { databaseFileStore } from '../../db/file-store.js';
import { loadCase } from '../../db/repositories/applications.js';
import { localDate } from '../../lib/time.js';
import { authorize } from '../../policies/policy.js';
import { applicationCase, type CaseDetail } from '../../queries/application-case.js';
import { noticeDocumentsOfApplication, type NoticeDownload } from '../../queries/notices.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { parseInput } from '../validation.js';

export const CASE_FILE_FORMATS = ['pdf', 'zip'] as const;
export type CaseFileFormat = (typeof CASE_FILE_FORMATS)[number];

const ExportFields = z.object({
  applicationId: z.coerce.number().int().positive(),
  format: z.enum(CASE_FILE_FORMATS, { error: '请选择导出格式' }),
});

export interface CaseFileAttachment {
  filename: string;
  mediaType: string;
  kind: string;
  bytes: Buffer;
}

/** Everything the case file is built from. */
export interface CaseFileSource {
  detail: CaseDetail;
  notices: NoticeDownload[];
  /** The stored files of the application (loaded for the ZIP only; empty for the PDF). */
  attachments: CaseFileAttachment[];
  compiledOn: IsoDate;
}

export interface BuiltCaseFile {
  bytes: Buffer;
  /** The file name (Chinese allowed); the caller writes the Content-Disposition. */
  filename: string;
  /** What the file holds, for the audit record (e.g. 目录 entries). */
  entries: number;
}

export async function exportCaseFile(
  deps: Deps,
  ctx: CommandContext,
  input: z.input<typeof ExportFields>,
  build: (source: CaseFileSource) => Promise<BuiltCaseFile>,
): Promise<BuiltCaseFile> {
  const f = parseInput(ExportFields, input);
  const loaded = await loadCase(deps.db, f.applicationId);
  // Outside the subtree: 404; in it without the right (an auditor): 403.
  authorize(ctx.actor, 'application.personalData', { agencyPath: loaded.agencyPath });
  const compiledOn = localDate(deps.now());
  const detail = await applicationCase(deps.db, ctx.actor, f.applicationId, compiledOn);
  const notices = await noticeDocumentsOfApplication(deps.db, ctx.actor, f.applicationId);
  const attachments: CaseFileAttachment[] = [];
  if (f.format === 'zip')
    for (const a of detail.attachments) {
      const file = await databaseFileStore.get(deps.db, a.id);
      if (file)
        attachments.push({
          filename: file.filename,
          mediaType: file.mediaType,
          kind: a.kind,
          bytes: file.bytes,
        });
    }
  const built = await build({ detail, notices, attachments, compiledOn });
  return inTransaction(deps, ctx, async (_tx, audit) => {
    // Who took the file, of which case, in what form: never its content.
    await audit({
      action: 'application.caseFileExported',
      subjectType: 'application',
      subjectId: loaded.app.id,
      agencyId: loaded.app.agencyId,
      data: {
        trackingNumber: loaded.app.trackingNumber,
        format: f.format === 'zip' ? 'ZIP' : 'PDF',
        notices: notices.length,
        attachments: attachments.length,
        size: built.bytes.length,
      },
    });
    return built;
  });
}
