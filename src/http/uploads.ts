// File uploads (multipart/form-data) for the routes that take them. @fastify/multipart is registered
// only in those routes' plugin scopes, with `attachFieldsToBody`, so the fields are parsed before
// the preHandlers run: the CSRF check of a form then sees `_csrf` like in any other form.
import multipart, {
  type FastifyMultipartAttachFieldsToBodyOptions,
  type Multipart,
} from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { refusals } from '../extract/refused.js';

export interface Upload {
  fileName: string;
  bytes: Buffer;
  /** The file was larger than the limit and has been cut off: refuse it. */
  truncated: boolean;
}

/** What one form may send: one file, and a few text fields of a known size (issue 8). */
export interface UploadLimits {
  /** The file's size limit. */
  maxFileBytes: number;
  /** How many text fields besides the file (e.g. `_csrf`, `action`, `text`). */
  fields: number;
  /** The longest text field (a pasted report is long; a token is not). */
  maxFieldBytes: number;
  /** How many files, each of at most `maxFileBytes` (1 unless set: 年报体检 takes a series of years). */
  files?: number;
}

/** Room for the multipart framing and the small fields beside the file. */
const FRAMING_BYTES = 64 * 1024;

/**
 * The multipart options for a form. Busboy enforces them while the body streams in: one file of
 * at most `maxFileBytes` (a file over it is cut off and flagged, not thrown, so a form can answer
 * with its error summary), at most `fields` text fields of `maxFieldBytes` (the rest is dropped, not
 * buffered). The body as a whole is bounded before it is read (`refuseOversizedUploads`).
 */
export function uploadOptions(limits: UploadLimits): FastifyMultipartAttachFieldsToBodyOptions {
  return {
    attachFieldsToBody: true,
    throwFileSizeLimit: false,
    limits: {
      files: limits.files ?? 1,
      fileSize: limits.maxFileBytes,
      fields: limits.fields,
      fieldSize: limits.maxFieldBytes,
      parts: limits.fields + (limits.files ?? 1),
      headerPairs: 20,
    },
  };
}

/** The largest multipart body a form with these limits can need: the file or the long field. */
export function maxUploadBody(limits: UploadLimits): number {
  return Math.max(limits.maxFileBytes * (limits.files ?? 1), limits.maxFieldBytes) + FRAMING_BYTES;
}

/**
 * Fastify's body limit does not apply to multipart, and busboy's limits are per part: so the whole
 * body is bounded here, from its Content-Length, before a byte of it is read. A larger upload is
 * answered 413 at once, one without a length 411 (browsers, curl and fetch always send it; Node's
 * HTTP parser never reads past it).
 */
export function refuseOversizedUploads(
  scope: FastifyInstance,
  maxBodyBytes: number,
  limits?: Pick<UploadLimits, 'files' | 'maxFileBytes'>,
): void {
  const several = limits && (limits.files ?? 1) > 1 ? limits : null;
  scope.addHook('onRequest', async (req, reply) => {
    // By the header: the request is not parsed yet (isMultipart() is set by the body parser).
    if (!/^multipart\//i.test(req.headers['content-type'] ?? '')) return;
    const length = req.headers['content-length'];
    // The connection is not reused: the rest of the body is never read.
    if (length === undefined) {
      void reply.header('connection', 'close');
      throw refusals.lengthRequired();
    }
    if (!/^\d+$/.test(length) || Number(length) > maxBodyBytes) {
      void reply.header('connection', 'close');
      throw several
        ? refusals.uploadsTooLarge(several.files ?? 1, several.maxFileBytes)
        : refusals.fileTooLarge(maxBodyBytes - FRAMING_BYTES);
    }
  });
}

/** Registers multipart in a plugin scope with a form's limits, checked while the body streams in. */
export async function registerUploads(scope: FastifyInstance, limits: UploadLimits): Promise<void> {
  refuseOversizedUploads(scope, maxUploadBody(limits), limits);
  await scope.register(multipart, uploadOptions(limits));
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

/** Every uploaded file of field `name` (a form or request that takes several), in the order sent. */
export function uploadFields(body: unknown, name: string): Upload[] {
  const value = (body as Record<string, Part | Part[] | undefined> | undefined)?.[name];
  const parts = Array.isArray(value) ? value : value ? [value] : [];
  return parts.flatMap((_, i) => {
    const upload = uploadField({ [name]: parts[i] }, name);
    return upload ? [upload] : [];
  });
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
    if (part.type === 'file')
      out[key] =
        Array.isArray(raw) && raw.length > 1 ? uploadFields(req.body, key) : uploadField(req.body, key);
    else {
      const field = textField(req.body, key);
      out[key] = field.value;
      if (field.truncated) out[`${key}:truncated`] = true;
    }
  }
  req.body = out;
}
