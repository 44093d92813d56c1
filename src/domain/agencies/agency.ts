// 行政机关 as a tree: city government → departments and districts → towns/streets (+ dispatched offices).

export const AGENCY_KINDS = [
  'government', // 人民政府 (市、县级市/区)
  'department', // 政府工作部门
  'district', // 县级市、区 人民政府
  'town', // 乡镇人民政府
  'street', // 街道办事处
  'dispatched', // 派出机构 (条例 第十条第二款)
  'authorized', // 法律法规授权组织 (第五十四条)
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  government: '人民政府',
  department: '政府部门',
  district: '县级市（区）人民政府',
  town: '镇（乡）人民政府',
  street: '街道办事处',
  dispatched: '派出机构',
  authorized: '法律法规授权组织',
};

export function isAgencyKind(v: string): v is AgencyKind {
  return (AGENCY_KINDS as readonly string[]).includes(v);
}

/** The materialised path of a child: its parent's path plus its own id. */
export function childPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** True when `path` is `scopePath` itself or lies below it. */
export function isWithin(path: string, scopePath: string): boolean {
  return path.startsWith(scopePath);
}

/** Stable agency codes: letters, digits, dot, dash; e.g. "SZ", "SZ.FGW", "SZ.GX.LT". */
export const AGENCY_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9.\-_]{0,39}$/;

/** The disclosure office's contact fields that the 政府信息公开指南 must give (第十二条), in display order. */
export const OFFICE_CONTACT_FIELDS = [
  'officeName',
  'address',
  'postalCode',
  'officeHours',
  'phone',
  'fax',
  'email',
  'website',
] as const;
export type OfficeContactField = (typeof OFFICE_CONTACT_FIELDS)[number];

/** The office contact fields of an agency record, as one object. */
export function officeContact<T extends Record<OfficeContactField, string | null>>(
  a: T,
): Record<OfficeContactField, string | null> {
  return Object.fromEntries(OFFICE_CONTACT_FIELDS.map((k) => [k, a[k]])) as Record<
    OfficeContactField,
    string | null
  >;
}
