// Identity documents of an applicant (第二十九条: 申请人的姓名或者名称、身份证明). The two national
// numbers carry a check character that catches most typing errors, so the form rejects a wrong one
// at once; the other documents get shape checks only. Pure: `today` is an argument.
import type { IsoDate } from '../calendar/iso-date.js';

export const ID_TYPES = [
  'residentId',
  'creditCode',
  'passport',
  'hkMacauPermit',
  'taiwanPermit',
  'other',
] as const;
export type IdType = (typeof ID_TYPES)[number];

export const ID_TYPE_LABELS: Record<IdType, string> = {
  residentId: '居民身份证',
  creditCode: '统一社会信用代码',
  passport: '护照',
  hkMacauPermit: '港澳居民来往内地通行证',
  taiwanPermit: '台湾居民来往大陆通行证',
  other: '其他身份证明',
};

/** What the number is called in a message, e.g. 「公民身份号码的校验位不正确」. */
const NUMBER_NAMES: Record<IdType, string> = {
  residentId: '公民身份号码',
  creditCode: '统一社会信用代码',
  passport: '护照号码',
  hkMacauPermit: '通行证号码',
  taiwanPermit: '通行证号码',
  other: '证件号码',
};

export function isIdType(value: string): value is IdType {
  return (ID_TYPES as readonly string[]).includes(value);
}

export type IdValidation =
  { ok: true; idType: IdType; number: string } | { ok: false; field: string; message: string };

/**
 * Full-width characters (ＡＢＣ１２３, common with Chinese input methods) become ASCII, spaces and
 * hyphens go, letters become upper case: 「１１０１０５ １９９００１０１ ００７ｘ」 → 11010519900101007X.
 */
export function normaliseIdNumber(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\-－]/g, '')
    .toUpperCase();
}

/**
 * Validates a number for its type. `field` keys the message for the form (default `idNumber`);
 * `today` (optional) rejects a 居民身份证 birth date in the future.
 */
export function validateIdNumber(
  idType: IdType,
  raw: string,
  options: { field?: string; today?: IsoDate } = {},
): IdValidation {
  const field = options.field ?? 'idNumber';
  const number = normaliseIdNumber(raw ?? '');
  const fail = (message: string): IdValidation => ({ ok: false, field, message });
  if (number === '') return fail(`请填写${NUMBER_NAMES[idType]}`);
  const problem = PROBLEMS[idType](number, options.today);
  return problem ? fail(problem) : { ok: true, idType, number };
}

type Check = (n: string, today?: IsoDate) => string | null;

const PROBLEMS: Record<IdType, Check> = {
  residentId: residentIdProblem,
  creditCode: creditCodeProblem,
  // Chinese passports: E/G + 8 digits, or E + a letter + 7 digits; foreign passports vary, so any
  // 5–17 letters and digits are accepted (ICAO 9303 allows at most 9 in the MRZ; some states print
  // longer numbers). UNVERIFIED beyond the shape.
  passport: (n) => (/^[A-Z0-9]{5,17}$/.test(n) ? null : '护照号码应为5至17位字母或数字'),
  // 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) + 8 digits, the card of 2013 on adding a
  // two-digit issue count (H1234567801). UNVERIFIED: shape from the card, not from a standard.
  hkMacauPermit: (n) =>
    /^[HM]\d{8}(\d{2})?$/.test(n) ? null : '港澳居民来往内地通行证号码应为H或M开头加8位（或10位）数字',
  // 台湾居民来往大陆通行证: 8 digits (the card of 2015 on), 10 digits on older booklets. UNVERIFIED.
  taiwanPermit: (n) => (/^(\d{8}|\d{10})$/.test(n) ? null : '台湾居民来往大陆通行证号码应为8位或10位数字'),
  other: (n) =>
    n.length > 40
      ? '证件号码不能超过40个字符'
      : [...n].some((c) => c.charCodeAt(0) < 0x20)
        ? '证件号码不能含有控制字符'
        : null,
};

// ——— 居民身份证: 公民身份号码, GB 11643-1999 ———
// 6-digit address code, 8-digit birth date, 3-digit sequence, check character (ISO 7064 MOD 11-2).

const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Σ(digit × weight) mod 11 → check character. */
const RESIDENT_CHECK = '10X98765432';

/**
 * The first two digits name the province-level division (GB/T 2260); 71 台湾, 81 香港, 82 澳门 (and
 * 83 on the residence permits of Taiwan residents, GB 11643 numbers with address code 830000).
 */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82, 83,
]);

/** The GB 11643 check character of the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RESIDENT_WEIGHTS[i]!;
  return RESIDENT_CHECK[sum % 11]!;
}

function residentIdProblem(n: string, today?: IsoDate): string | null {
  if (n.length !== 18) return `公民身份号码应为18位，现为${n.length}位`;
  if (!/^\d{17}[\dX]$/.test(n)) return '公民身份号码前17位应为数字，最后一位为数字或X';
  if (!PROVINCES.has(Number(n.slice(0, 2)))) return '公民身份号码的地址码不正确';
  const birth = `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`;
  if (!isCalendarDate(birth) || birth < '1900-01-01') return '公民身份号码中的出生日期不正确';
  if (today && birth > today) return '公民身份号码中的出生日期晚于今天';
  if (residentIdCheckChar(n) !== n[17]) return '公民身份号码的校验位不正确';
  return null;
}

function isCalendarDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

// ——— 统一社会信用代码: GB 32100-2015 ———
// 1 登记管理部门代码, 1 机构类别代码, 6 登记管理机关行政区划码, 9 主体标识码 (组织机构代码),
// 1 check character; the alphabet is the digits and the capitals without I O Z S V (31 characters).

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weight of position i is 3^i mod 31. */
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The GB 32100 check character of the first 17 characters: 31 − (Σ value × weight mod 31), 31 → 0. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

function creditCodeProblem(n: string): string | null {
  if (n.length !== 18) return `统一社会信用代码应为18位，现为${n.length}位`;
  const bad = [...n].find((c) => !CREDIT_CODE_ALPHABET.includes(c));
  if (bad !== undefined) return `统一社会信用代码不能含有字符「${bad}」（不使用I、O、Z、S、V）`;
  if (!/^\d{6}$/.test(n.slice(2, 8))) return '统一社会信用代码第3至8位应为行政区划码（数字）';
  if (creditCodeCheckChar(n) !== n[17]) return '统一社会信用代码的校验位不正确';
  return null;
}

/**
 * For lists and logs (issue 9 item 7): the first 3 and last 4 characters, the rest as ＊, so that a
 * person can still tell their own number apart: 11010519900101007X → 110***********007X.
 * Shorter numbers leak more per shown character: 9–13 characters show the last 4 only, 8 or fewer
 * the last 2, so that at least half of any number is hidden.
 */
export function maskIdNumber(number: string): string {
  const n = normaliseIdNumber(number);
  if (n.length <= 3) return '*'.repeat(n.length);
  if (n.length <= 8) return '*'.repeat(n.length - 2) + n.slice(-2);
  if (n.length <= 13) return '*'.repeat(n.length - 4) + n.slice(-4);
  return n.slice(0, 3) + '*'.repeat(n.length - 7) + n.slice(-4);
}
