// One interface for stored files (attachments, scanned letters, issued documents). The default keeps
// the bytes in the database (table stored_file), so several app instances need nothing more; another
// store (a shared folder, an object store) would keep `store` + a key and the bytes elsewhere.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from './client.js';
import { storedFile } from './schema.js';

export interface FileToStore {
  filename: string;
  /** The sniffed media type (never the one the client claimed). */
  mediaType: string;
  bytes: Buffer;
}

export interface StoredFileInfo {
  id: number;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
}

export interface FileStore {
  put(tx: Executor, file: FileToStore): Promise<StoredFileInfo>;
  get(db: Executor, id: number): Promise<(StoredFileInfo & { bytes: Buffer }) | null>;
  /** Drop the bytes and the row. The caller has checked that nothing references the file any more. */
  delete(tx: Executor, id: number): Promise<void>;
}

export const databaseFileStore: FileStore = {
  async put(tx, file) {
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const [row] = await tx
      .insert(storedFile)
      .values({
        sha256,
        size: file.bytes.length,
        mediaType: file.mediaType,
        filename: file.filename,
        store: 'db',
        content: file.bytes,
      })
      .returning({ id: storedFile.id });
    return {
      id: row!.id,
      filename: file.filename,
      mediaType: file.mediaType,
      size: file.bytes.length,
      sha256,
    };
  },
  async get(db, id) {
    const [row] = await db.select().from(storedFile).where(eq(storedFile.id, id));
    if (!row || !row.content) return null;
    return {
      id: row.id,
      filename: row.filename,
      mediaType: row.mediaType,
      size: row.size,
      sha256: row.sha256,
      bytes: row.content,
    };
  },
  async delete(tx, id) {
    await tx.delete(storedFile).where(eq(storedFile.id, id));
  },
};
