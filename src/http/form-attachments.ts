// Forms that take attachments beside their fields (依申请公开's application, 政民互动's letter): the
// multipart body flattened for the CSRF check and the handler, and the chosen files checked the same
// way for each (count, size, empty, type sniffed from the bytes, never the name or the browser's word).
import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { ATTACHMENT_TYPES_TEXT, attachmentFileName, sniffAttachment } from '../extract/attachment-type.js';
import type { Upload } from './uploads.js';

type Part = Multipart & { _buf?: Buffer | null };

/** A file to store, as the commands take it. */
export interface CheckedAttachment {
  filename: string;
  mediaType: string;
  bytes: Buffer;
}

/**
 * A preHandler: the multipart body as plain strings (the CSRF check and the handler read it like an
 * urlencoded form), the chosen files as a list under `field` (a browser sends one part per file;
 * an empty file input sends an empty part, which is not a file).
 */
export function flattenMultipartForm(field: string): (req: FastifyRequest) => Promise<void> {
  return async (req) => {
    if (!req.isMultipart()) return;
    const out: Record<string, unknown> = {};
    const files: Upload[] = [];
    for (const [key, raw] of Object.entries((req.body as Record<string, Part | Part[]>) ?? {})) {
      for (const part of Array.isArray(raw) ? raw : [raw]) {
        if (!part) continue;
        if (part.type === 'file') {
          const bytes = part._buf ?? Buffer.alloc(0);
          if (key !== field || (part.filename === '' && bytes.length === 0)) continue;
          files.push({ fileName: part.filename, bytes, truncated: part.file.truncated });
        } else if (out[key] === undefined) {
          out[key] = typeof part.value === 'string' ? part.value : String(part.value ?? '');
        }
      }
    }
    out[field] = files;
    req.body = out;
  };
}

/** The files under `field` of a flattened body. */
export function uploadsOf(body: unknown, field: string): Upload[] {
  const raw = (body as Record<string, unknown> | undefined)?.[field];
  return Array.isArray(raw) ? (raw as Upload[]) : [];
}

/** The attachments to store, or the Chinese message that refuses them. */
export function checkAttachments(
  files: Upload[],
  limits: { files: number; maxFileBytes: number },
): { ok: true; files: CheckedAttachment[] } | { ok: false; message: string } {
  if (files.length > limits.files)
    return { ok: false, message: `附件最多 ${limits.files} 个，您选择了 ${files.length} 个` };
  const mb = Math.round(limits.maxFileBytes / (1024 * 1024));
  const out: CheckedAttachment[] = [];
  for (const f of files) {
    const name = f.fileName || '附件';
    if (f.truncated) return { ok: false, message: `附件“${name}”超过 ${mb} MB，请压缩或拆分后重新选择` };
    if (f.bytes.length === 0) return { ok: false, message: `附件“${name}”是空文件，请重新选择` };
    const type = sniffAttachment(f.bytes);
    if (!type)
      return { ok: false, message: `附件“${name}”的文件类型不支持。请上传${ATTACHMENT_TYPES_TEXT}文件` };
    out.push({ filename: attachmentFileName(f.fileName, type), mediaType: type.mediaType, bytes: f.bytes });
  }
  return { ok: true, files: out };
}
