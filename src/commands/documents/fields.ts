// The fields of a library item as forms and the API send them (issue 10 item 1), checked at once so
// that the person sees every problem together: each field's own message, then the rules between
// fields (dates in order, a 政策解读 names its form). Problems that do not stop a save — a 发文字号
// the normaliser cannot read, a 行政规范性文件 without its 统一编号 — are warnings (documentWarnings).
import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar/iso-date.js';
import { normalizeDocNumber } from '../../domain/documents/doc-number.js';
import { themeByCode } from '../../domain/documents/themes.js';
import { documentDateProblems } from '../../domain/documents/validity.js';
import {
  DISCLOSURE_METHODS,
  DOCUMENT_KINDS,
  EFFECT_LEVELS,
  GENRES,
  INTERPRETATION_FORMS,
  isArticle20Key,
} from '../../domain/documents/vocab.js';
import { InvalidInput } from '../../domain/errors.js';
import { htmlToPlainText, sanitizeBodyHtml } from '../../lib/sanitize-html.js';

/** A blank form field is "not given". */
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** One value or several (a form's repeated field) → a list without blanks. */
const list = (v: unknown) =>
  (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v])
    .map((x) => (typeof x === 'string' ? x.trim() : x))
    .filter((x) => x !== '' && x !== undefined && x !== null);

const optionalText = (max: number, message: string) =>
  z.preprocess(blank, z.string().trim().max(max, message).optional());
const optionalDate = (message: string) =>
  z.preprocess(blank, z.string().trim().refine(isIsoDate, message).optional());

/** An address people follow from the page: http or https only. */
function isWebAddress(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

const MAX_BODY_CHARS = 500_000;

/** Typed text without markup: each line a paragraph (staff may paste plain text or HTML). */
function looksLikeHtml(body: string): boolean {
  return /<\/?(p|br|h[1-6]|div|span|table|tr|td|th|ul|ol|li|strong|em|b|i|u|a|font|section|article|blockquote)(\s[^<>]*)?\/?>/i.test(
    body,
  );
}

function paragraphsOf(text: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => `<p>${escape(line)}</p>`)
    .join('');
}

const DocumentFields = z.object({
  kind: z.preprocess(
    blank,
    z.enum(DOCUMENT_KINDS, { error: '请选择类别：文件或政策解读' }).default('document'),
  ),
  /** The publishing agency (the first 发文机关). */
  agencyId: z.preprocess(
    blank,
    z.coerce.number({ error: '请选择发布机构' }).int().positive('请选择发布机构'),
  ),
  /** Further 发文机关 of a joint document, in order. */
  issuerIds: z.preprocess(
    list,
    z
      .array(z.coerce.number({ error: '请选择联合发文机关' }).int().positive('请选择联合发文机关'))
      .max(20, '联合发文机关最多 20 个'),
  ),
  title: z.preprocess(
    (v) => v ?? '',
    z.string().trim().min(1, '请填写标题').max(300, '标题不能超过 300 个字符'),
  ),
  docNumber: optionalText(100, '发文字号不能超过 100 个字符'),
  genre: z.preprocess(
    blank,
    z
      .string()
      .refine((g) => GENRES.includes(g), '请从列表中选择文种')
      .optional(),
  ),
  effectLevel: z.preprocess(
    blank,
    z.enum(EFFECT_LEVELS, { error: '请选择效力级别：规章、行政规范性文件或其他' }).default('other'),
  ),
  unifiedNumber: optionalText(60, '统一编号不能超过 60 个字符'),
  themes: z.preprocess(
    list,
    z
      .array(z.string().refine((c) => themeByCode(c) !== undefined, '所选主题分类不存在，请重新选择'))
      .max(10, '主题分类最多选择 10 项'),
  ),
  writtenOn: optionalDate('成文日期格式应为 年-月-日，例如 2026-09-28'),
  effectiveOn: optionalDate('施行日期格式应为 年-月-日，例如 2026-09-28'),
  expiresOn: optionalDate('有效期至格式应为 年-月-日，例如 2026-09-28'),
  /** 第二十六条: the day the information was formed or changed; the 成文日期 when not given. */
  formedOn: optionalDate('形成（变更）日期格式应为 年-月-日，例如 2026-09-28'),
  disclosureMethod: z.preprocess(
    blank,
    z.enum(DISCLOSURE_METHODS, { error: '请选择公开方式' }).default('proactive'),
  ),
  category: z.preprocess(blank, z.string().refine(isArticle20Key, '请从列表中选择第二十条类别').optional()),
  interpretationForm: z.preprocess(
    blank,
    z.enum(INTERPRETATION_FORMS, { error: '请选择解读形式' }).optional(),
  ),
  mediaUrl: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .max(500, '链接不能超过 500 个字符')
      .refine(isWebAddress, '请填写以 http:// 或 https:// 开头的完整网址')
      .optional(),
  ),
  bodyHtml: z.preprocess(
    (v) => v ?? '',
    z.string().max(MAX_BODY_CHARS, `正文过长（不能超过 ${MAX_BODY_CHARS / 10_000} 万个字符）`),
  ),
});

/** The stored columns of a library item, derived from its checked fields. */
export interface DocumentValues {
  kind: string;
  agencyId: number;
  issuerIds: number[];
  title: string;
  docNumber: string | null;
  docNumberNorm: string | null;
  genre: string | null;
  effectLevel: string;
  unifiedNumber: string | null;
  themes: string[];
  writtenOn: string | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  formedOn: string | null;
  disclosureMethod: string;
  category: string | null;
  interpretationForm: string | null;
  mediaUrl: string | null;
  bodyHtml: string;
  bodyText: string;
}

/**
 * Parses the fields and checks the rules between them; throws InvalidInput with every problem,
 * keyed by field. Sanitises the body and reads its plain text.
 */
export function parseDocumentFields(input: unknown): DocumentValues {
  const r = DocumentFields.safeParse(input ?? {});
  const errors: Record<string, string> = {};
  if (!r.success)
    for (const issue of r.error.issues) errors[String(issue.path[0] ?? '_form')] ??= issue.message;
  const raw = (input ?? {}) as Record<string, unknown>;
  const date = (k: string) => {
    const v = typeof raw[k] === 'string' ? (raw[k] as string).trim() : '';
    return isIsoDate(v) ? v : null;
  };
  for (const [k, m] of Object.entries(
    documentDateProblems({
      writtenOn: date('writtenOn'),
      effectiveOn: date('effectiveOn'),
      expiresOn: date('expiresOn'),
    }),
  ))
    errors[k] ??= m;
  if (
    raw.kind === 'interpretation' &&
    (typeof raw.interpretationForm !== 'string' || raw.interpretationForm.trim() === '')
  )
    errors.interpretationForm ??= '政策解读请选择解读形式（文字、图解、访谈或视频）';
  if (!r.success || Object.keys(errors).length > 0) throw new InvalidInput(errors);
  const f = r.data;
  const bodyHtml = sanitizeBodyHtml(looksLikeHtml(f.bodyHtml) ? f.bodyHtml : paragraphsOf(f.bodyHtml));
  const issuerIds = [...new Set(f.issuerIds)].filter((id) => id !== f.agencyId);
  return {
    kind: f.kind,
    agencyId: f.agencyId,
    issuerIds,
    title: f.title,
    docNumber: f.docNumber ?? null,
    docNumberNorm: f.docNumber ? normalizeDocNumber(f.docNumber) : null,
    genre: f.genre ?? null,
    effectLevel: f.effectLevel,
    unifiedNumber: f.unifiedNumber ?? null,
    themes: [...new Set(f.themes)],
    writtenOn: f.writtenOn ?? null,
    effectiveOn: f.effectiveOn ?? null,
    expiresOn: f.expiresOn ?? null,
    formedOn: f.formedOn ?? f.writtenOn ?? null,
    disclosureMethod: f.disclosureMethod,
    category: f.category ?? null,
    interpretationForm: f.kind === 'interpretation' ? (f.interpretationForm ?? null) : null,
    mediaUrl: f.mediaUrl ?? null,
    bodyHtml,
    bodyText: htmlToPlainText(bodyHtml),
  };
}

/** The row columns of the fields (not the state, the numbers or the search columns). */
export function documentColumns(v: DocumentValues) {
  return {
    kind: v.kind,
    agencyId: v.agencyId,
    title: v.title,
    docNumber: v.docNumber,
    docNumberNorm: v.docNumberNorm,
    genre: v.genre,
    effectLevel: v.effectLevel,
    unifiedNumber: v.unifiedNumber,
    writtenOn: v.writtenOn,
    effectiveOn: v.effectiveOn,
    expiresOn: v.expiresOn,
    formedOn: v.formedOn,
    disclosureMethod: v.disclosureMethod,
    category: v.category,
    interpretationForm: v.interpretationForm,
    mediaUrl: v.mediaUrl,
    bodyHtml: v.bodyHtml,
    bodyText: v.bodyText,
  };
}
