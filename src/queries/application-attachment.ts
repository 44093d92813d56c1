// One stored file of an application (an attachment the applicant sent, a scanned letter), for the
// back office's download link: only a file of that application, only in the actor's scope (404 else).
import { and, eq } from 'drizzle-orm';
import type { AnyActor } from '../domain/agencies/actor.js';
import { NotFound } from '../domain/errors.js';
import type { Executor } from '../db/client.js';
import { databaseFileStore } from '../db/file-store.js';
import { loadCase } from '../db/repositories/applications.js';
import { applicationFile } from '../db/schema.js';
import { authorize } from '../policies/policy.js';

export interface AttachmentDownload {
  filename: string;
  mediaType: string;
  bytes: Buffer;
}

export async function applicationAttachment(
  db: Executor,
  actor: AnyActor,
  applicationId: number,
  fileId: number,
): Promise<AttachmentDownload> {
  const loaded = await loadCase(db, applicationId);
  authorize(actor, 'application.view', { agencyPath: loaded.agencyPath });
  const [link] = await db
    .select({ fileId: applicationFile.fileId })
    .from(applicationFile)
    .where(and(eq(applicationFile.applicationId, applicationId), eq(applicationFile.fileId, fileId)));
  if (!link) throw new NotFound('未找到该附件');
  const file = await databaseFileStore.get(db, fileId);
  if (!file) throw new NotFound('未找到该附件');
  return { filename: file.filename, mediaType: file.mediaType, bytes: file.bytes };
}
