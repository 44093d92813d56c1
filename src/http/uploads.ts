// File uploads (multipart/form-data) for the routes that take them. @fastify/multipart is registered
// only in those routes' plugin scopes, with `attachFieldsToBody`, so the fields are parsed before
// the preHandlers run: the CSRF check of a form then sees `_csrf` like in any other form.
import type { FastifyMultipartAttachFieldsToBodyOptions, Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';

export interface Upload {
  fileName: string;
  bytes: Buffer;
  /** The file was larger than the limit and has been cut off: refuse it. */
  truncated: boolean;
}

/**
 * One file of at most `maxBytes`. A file over the limit is cut off and flagged (not thrown), so a
 * form can answer with its error summary and keep what the user typed.
 */
export function uploadOptions(maxBytes: number): FastifyMultipartAttachFieldsToBodyOptions {
  return {
    attachFieldsToBody: true,
    throwFileSizeLimit: false,
    limits: { files: 1, fileSize: maxBytes, fields: 10, fieldSize: maxBytes, parts: 12 },
  };
}

type Part = Multipart & { _buf?: Buffer | null; valueTruncated?: boolean };

function partOf(body: unknown, name: string): Part | undefined {
  const value = (body as Record<string, Part | Part[] | undefined> | undefined)?.[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The uploaded file of field `name`; null when none was chosen (browsers send an empty part). */
export function uploadField(body: unknown, name: string): Upload | null {
  const part = partOf(body, name);
  if (!part || part.type !== 'file') return null;
  const bytes = part._buf ?? Buffer.alloc(0);
  if (part.filename === '' && bytes.length === 0) return null;
  return { fileName: part.filename, bytes, truncated: part.file.truncated };
}

/** A text field's value; `truncated` when it was longer than the field size limit. */
export function textField(body: unknown, name: string): { value: string; truncated: boolean } {
  const part = partOf(body, name);
  if (!part || part.type !== 'field') return { value: '', truncated: false };
  return {
    value: typeof part.value === 'string' ? part.value : String(part.value ?? ''),
    truncated: part.valueTruncated === true,
  };
}

/**
 * preHandler that turns a multipart body into plain key → string values (the file stays under
 * its key as an Upload), so that the CSRF check and the handler read it like an urlencoded form.
 */
export async function flattenMultipart(req: FastifyRequest): Promise<void> {
  if (!req.isMultipart()) return;
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries((req.body as Record<string, Part | Part[]>) ?? {})) {
    const part = Array.isArray(raw) ? raw[0] : raw;
    if (!part) continue;
    if (part.type === 'file') out[key] = uploadField(req.body, key);
    else {
      const field = textField(req.body, key);
      out[key] = field.value;
      if (field.truncated) out[`${key}:truncated`] = true;
    }
  }
  req.body = out;
}
