import type { NoticeKind } from './kinds.js';
// The document number (发文字号) of a notice: agency prefix, year in 〔〕 and serial number, e.g.
// 江南府办依复〔2026〕12号. GB/T 9704-2012 §7.2.4: the year in full within the hexagonal brackets
// 〔〕 (not 【】 or ()), the serial number without leading zeros (no 「第」, no 「012」).
import { InvalidInput } from '../errors.js';

export function numberLabel(prefix: string, year: number, n: number): string {
  const p = prefix.trim();
  const errors: Record<string, string> = {};
  if (p === '') errors.prefix = '请填写发文字号的机关代字';
  else if (/[〔〕[\]【】()（）\s]/.test(p) || /\d$/.test(p))
    errors.prefix = '机关代字不能包含括号、空格，也不能以数字结尾';
  if (!Number.isInteger(year) || year < 1000 || year > 9999) errors.year = '年份应为四位数字';
  if (!Number.isInteger(n) || n < 1) errors.n = '序号应为正整数';
  if (Object.keys(errors).length > 0) throw new InvalidInput(errors, Object.values(errors).join('；'));
  return `${p}〔${year}〕${n}号`;
}

/**
 * The 文号 suffix of each numbered kind: prefix + suffix, e.g. 江南府办 + 依复 → 江南府办依复〔2026〕12号.
 * Kinds sharing a suffix share one counter. The 登记回执 carries no number.
 */
export const NUMBER_SUFFIXES: Partial<Record<NoticeKind, string>> = {
  decision: '依复',
  transfer: '依复',
  correction: '依补',
  extension: '依延',
  reasonablePeriod: '依延',
  fee: '依费',
  consultationThirdParty: '依征',
  consultationAgency: '依征',
};

/** The agency setting holding the office's 文号 prefix (e.g. 江南府办); default: the agency's short name. */
export const NOTICE_PREFIX_SETTING = 'noticeNumberPrefix';
