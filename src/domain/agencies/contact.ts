// The disclosure office's contact data: how each field is checked, and which of the contact items
// that 条例 第十二条 requires in the 政府信息公开指南 an agency still lacks. Pure.

/** Separators between several numbers in one field: 0512-1234567、0512-7654321. */
const NUMBER_SEPARATORS = /[、，,;；/]/;

/**
 * One telephone or fax number as people write them in China: a fixed line with area code
 * (0512-12345678, (0512) 1234 5678), a mobile number, a short service line (12345, 95598), +86,
 * and an extension (转 801 / -801). Letters, schemes and markup are never part of one.
 */
const ONE_NUMBER = /^(\+86[ -]?)?[(（]?\d[\d ()（）-]*\d(\s*(转|分机|ext\.?)\s*\d{1,6})?$/i;

export function isPhoneNumber(value: string): boolean {
  const parts = value.split(NUMBER_SEPARATORS).map((p) => p.trim());
  return parts.every((p) => {
    if (!ONE_NUMBER.test(p)) return false;
    const digits = p.replace(/\D/g, '').length;
    return digits >= 5 && digits <= 20;
  });
}

export const PHONE_MESSAGE =
  '电话号码格式不正确，例如 0512-12345678、13812345678 或 12345；多个号码用顿号分隔';

/**
 * A web address that a page may link to: http or https with a host, nothing else. `javascript:`,
 * `data:` and the like would run in the reader's browser from a public page.
 */
export function isWebAddress(value: string): boolean {
  if (/[\s\p{Cc}]/u.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
}

export const WEB_ADDRESS_MESSAGE = '网址须以 http:// 或 https:// 开头，例如 https://www.example.gov.cn';

/** The contact items 第十二条 names, in its order, with the field each is kept in. */
export const ARTICLE_12_CONTACT_ITEMS = [
  { field: 'officeName', label: '政府信息公开工作机构名称' },
  { field: 'address', label: '办公地址' },
  { field: 'officeHours', label: '办公时间' },
  { field: 'phone', label: '联系电话' },
  { field: 'fax', label: '传真号码' },
  { field: 'online', label: '互联网联系方式（电子邮箱或网站）' },
] as const;

export interface AgencyContact {
  officeName: string | null;
  address: string | null;
  officeHours: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
  website: string | null;
}

const filled = (v: string | null | undefined) => Boolean(v && v.trim());

/**
 * The 第十二条 contact items the agency's 指南 would be published without (labels, in the
 * article's order); empty when the 指南 is complete on this point.
 */
export function missingGuideContact(a: AgencyContact): string[] {
  const has: Record<(typeof ARTICLE_12_CONTACT_ITEMS)[number]['field'], boolean> = {
    officeName: filled(a.officeName),
    address: filled(a.address),
    officeHours: filled(a.officeHours),
    phone: filled(a.phone),
    fax: filled(a.fax),
    online: filled(a.email) || filled(a.website),
  };
  return ARTICLE_12_CONTACT_ITEMS.filter((i) => !has[i.field]).map((i) => i.label);
}
