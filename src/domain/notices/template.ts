// Notice templates: text with {{placeholder}} fields. The back office may edit a template, so a
// template is checked before it is saved (validateTemplate) and again when it is filled (fillTemplate):
// an unknown placeholder or a missing value is refused with a Chinese message naming it, never
// printed as 「{{…}}」 or 「undefined」 on a notice served to a citizen.
import { InvalidInput } from '../errors.js';
import type { NoticeKind } from './kinds.js';
import { NOTICE_KIND_LABELS } from './kinds.js';
import {
  isPlaceholderName,
  PLACEHOLDER_DESCRIPTIONS,
  PLACEHOLDERS,
  REQUIRED_PLACEHOLDERS,
  type PlaceholderName,
} from './placeholders.js';

/** The editable parts of a notice; `body` holds one paragraph per line. */
export interface NoticeTemplateText {
  title: string;
  /** The line above the body, without the final 「：」, e.g. 「{{applicantName}}」. */
  addressee: string;
  body: string;
}

export type TemplateValue = string | number | null | undefined;
export type TemplateValues = Partial<Record<PlaceholderName, TemplateValue>>;

const TOKEN = /\{\{([^{}]*)\}\}/g;
/** The longest template text accepted (a notice is a page or two). */
export const MAX_TEMPLATE_CHARS = 10_000;

/** The placeholder names used in a text, in order of first use; names are trimmed, not checked. */
export function placeholdersIn(text: string): string[] {
  const seen: string[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const name = m[1]!.trim();
    if (!seen.includes(name)) seen.push(name);
  }
  return seen;
}

/** A text problem other than names: an opened or closed brace pair without its partner. */
function braceProblem(text: string): string | null {
  const rest = text.replace(TOKEN, '');
  if (rest.includes('{{') || rest.includes('}}')) {
    const at = rest.includes('{{') ? rest.indexOf('{{') : rest.indexOf('}}');
    return `占位符的括号不完整：「${rest.slice(Math.max(0, at - 6), at + 8)}」，占位符应写成 {{名称}}`;
  }
  return null;
}

function unknownMessage(name: string, kind?: NoticeKind): string {
  if (!isPlaceholderName(name)) return `模板中的占位符「{{${name}}}」不存在`;
  return `「${NOTICE_KIND_LABELS[kind!]}」不能使用占位符「{{${name}}}」（${PLACEHOLDER_DESCRIPTIONS[name]}）`;
}

/**
 * Replaces each {{name}} by its value. Refuses (InvalidInput) a placeholder that does not exist (or
 * that `kind`, when given, does not allow), a broken brace pair, and a placeholder without a value
 * (undefined or null; an empty string is a value). Values are inserted as they are, in one pass: a
 * value containing 「{{…}}」 is not expanded again.
 */
export function fillTemplate(template: string, values: TemplateValues, kind?: NoticeKind): string {
  const broken = braceProblem(template);
  if (broken) throw new InvalidInput({ template: broken }, broken);
  const errors: Record<string, string> = {};
  for (const name of placeholdersIn(template)) {
    if (!isPlaceholderName(name) || (kind && !PLACEHOLDERS[kind].includes(name))) {
      errors.template = unknownMessage(name, kind);
      continue;
    }
    const v = values[name];
    if (v === undefined || v === null)
      errors[name] = `缺少占位符「{{${name}}}」（${PLACEHOLDER_DESCRIPTIONS[name]}）的内容`;
  }
  const messages = Object.values(errors);
  if (messages.length > 0) throw new InvalidInput(errors, messages.join('；'));
  return template.replace(TOKEN, (_, raw: string) => String(values[raw.trim() as PlaceholderName]));
}

/**
 * Checks a template before it is saved: known placeholders allowed for the kind, complete braces, the
 * required placeholders present, and for a reply that decides the application, the remedies paragraph
 * ({{remedies}}) as the last paragraph of the body. A plain string is checked as a body. Returns the
 * placeholders used; throws InvalidInput keyed by part (title, addressee, body) with every problem.
 */
export function validateTemplate(
  template: string | NoticeTemplateText,
  kind: NoticeKind,
): { placeholders: PlaceholderName[] } {
  const parts: Partial<NoticeTemplateText> =
    typeof template === 'string'
      ? { body: template }
      : { title: template.title, addressee: template.addressee, body: template.body };
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const used: PlaceholderName[] = [];
  for (const [field, text] of Object.entries(parts) as [keyof NoticeTemplateText, string][]) {
    if (text.trim() === '') add(field, field === 'body' ? '正文不能为空' : '不能为空');
    if (text.length > MAX_TEMPLATE_CHARS) add(field, `不能超过${MAX_TEMPLATE_CHARS}个字符`);
    if (field !== 'body' && /[\r\n]/.test(text)) add(field, '只能有一行');
    const broken = braceProblem(text);
    if (broken) add(field, broken);
    for (const name of placeholdersIn(text)) {
      if (!isPlaceholderName(name) || !PLACEHOLDERS[kind].includes(name))
        add(field, unknownMessage(name, kind));
      else if (!used.includes(name)) used.push(name);
    }
  }
  const missing = REQUIRED_PLACEHOLDERS[kind].filter((n) => !used.includes(n));
  for (const name of missing)
    add(
      'body',
      `「${NOTICE_KIND_LABELS[kind]}」必须包含占位符「{{${name}}}」（${PLACEHOLDER_DESCRIPTIONS[name]}）`,
    );
  if (
    REQUIRED_PLACEHOLDERS[kind].includes('remedies') &&
    parts.body !== undefined &&
    !missing.includes('remedies')
  ) {
    const last = parts.body
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean)
      .at(-1);
    if (last !== '{{remedies}}') add('body', '救济途径段落「{{remedies}}」应单独成段，并作为正文的最后一段');
  }
  if (Object.keys(errors).length > 0) {
    const fieldErrors = Object.fromEntries(Object.entries(errors).map(([f, m]) => [f, m.join('；')]));
    throw new InvalidInput(fieldErrors, Object.values(fieldErrors).join('；'));
  }
  return { placeholders: used };
}
