// A notice ready to print: what the PDF and DOCX renderers lay out. composeNotice fills a template
// into one.
import type { IsoDate } from '../calendar/iso-date.js';
import type { NoticeTemplateText, TemplateValues } from './template.js';
import { fillTemplate } from './template.js';
import { isIsoDate } from '../calendar/iso-date.js';
import { chineseDate } from './dates.js';
import type { NoticeKind } from './kinds.js';

export interface NoticeDocument {
  /** 发文字号, e.g. 江南府办依复〔2026〕12号 (numberLabel). */
  number?: string;
  title: string;
  /** The addressee without the final 「：」 (the renderers add it). */
  addressee: string;
  /** Body paragraphs, each printed with a two-character first-line indent. */
  paragraphs: string[];
  signature: { agency: string; date: IsoDate };
  /** Lines under the signature, e.g. 「申请编号：…」「联系人：…，电话：…」 or 送达 details. */
  footer?: string[];
}

/** Ends a value with a full stop unless it already ends a sentence (for {{reasons}}, {{delivery}}). */
export function asSentence(text: string): string {
  const t = text.trim();
  if (t === '' || /[。！？…][”’）)]?$/.test(t)) return t;
  return `${t}。`;
}

/** Dates given as 'YYYY-MM-DD' are printed as 2026年11月30日. */
const DATE_VALUES = ['receivedOn', 'dueBy'] as const;
/** The values inserted as whole sentences before other text. */
const SENTENCE_VALUES = ['reasons', 'delivery'] as const;

export interface ComposeInput {
  kind: NoticeKind;
  template: NoticeTemplateText;
  values: TemplateValues;
  number?: string;
  signature: { agency: string; date: IsoDate };
  footer?: string[];
}

/**
 * Fills a template into a notice: each line of the body (after filling, so a multi-line value such as
 * {{corrections}} gives one paragraph per line) is a paragraph; empty lines are dropped.
 */
export function composeNotice(input: ComposeInput): NoticeDocument {
  const values: TemplateValues = { ...input.values };
  for (const name of DATE_VALUES) {
    const v = values[name];
    if (typeof v === 'string' && isIsoDate(v)) values[name] = chineseDate(v);
  }
  for (const name of SENTENCE_VALUES) {
    const v = values[name];
    if (typeof v === 'string') values[name] = asSentence(v);
  }
  const fill = (text: string) => fillTemplate(text, values, input.kind);
  const paragraphs = fill(input.template.body)
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return {
    ...(input.number ? { number: input.number } : {}),
    title: fill(input.template.title).trim(),
    addressee: fill(input.template.addressee).trim(),
    paragraphs,
    signature: input.signature,
    ...(input.footer && input.footer.length > 0 ? { footer: input.footer } : {}),
  };
}
