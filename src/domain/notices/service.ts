// 送达 of a notice: the ways a notice reaches its addressee (第四十条), with their names.

export const SERVICE_METHODS = ['online', 'post', 'in-person', 'email', 'fax', 'other'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

export const SERVICE_METHOD_NAMES: Readonly<Record<ServiceMethod, string>> = {
  online: '网上送达（本平台）',
  post: '邮寄送达',
  'in-person': '直接送达',
  email: '电子邮件送达',
  fax: '传真送达',
  other: '其他方式送达',
};

/** 邮寄送达 for 'post'; the code itself for a method this list does not know; null for none. */
export function serviceMethodName(method: string | null | undefined): string | null {
  if (!method) return null;
  return Object.hasOwn(SERVICE_METHOD_NAMES, method) ? SERVICE_METHOD_NAMES[method as ServiceMethod] : method;
}

/** Who a notice is for: 致申请人, or the consulted party (第三十二条、第三十四条). */
export function addresseeKindLabel(kind: string, toApplicant: boolean): string {
  if (toApplicant) return '致申请人';
  return kind === 'consultationAgency' ? '致其他行政机关' : '致第三方';
}
