// Applicant types (第二十七条: 公民、法人或者其他组织), exactly the applicant columns of table 三 of
// the annual report, so that every concluded application is counted in its own column.
import { TABLE3_COLUMN_LABELS, type Table3Column } from '../reports/table3-schema.js';
import { isIdType, validateIdNumber, type IdType } from './identity.js';
import type { IsoDate } from '../calendar/iso-date.js';

/** The six applicant columns of table 三 (all but 总计). */
export type ApplicantType = Exclude<Table3Column, 'total'>;

export const APPLICANT_TYPES = [
  'natural',
  'commercial',
  'research',
  'publicInterest',
  'legalService',
  'otherOrg',
] as const satisfies readonly ApplicantType[];

/** The report's column heading: 自然人, 商业企业 … 其他. */
export const APPLICANT_COLUMN_LABELS: Record<ApplicantType, string> = {
  natural: TABLE3_COLUMN_LABELS.natural,
  commercial: TABLE3_COLUMN_LABELS.commercial,
  research: TABLE3_COLUMN_LABELS.research,
  publicInterest: TABLE3_COLUMN_LABELS.publicInterest,
  legalService: TABLE3_COLUMN_LABELS.legalService,
  otherOrg: TABLE3_COLUMN_LABELS.otherOrg,
};

/**
 * On a form the bare 「其他」 of the report is unclear: it is 「其他法人或其他组织」 there. The report
 * groups the five organisation columns under 「法人或其他组织」.
 */
export const APPLICANT_TYPE_LABELS: Record<ApplicantType, string> = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  publicInterest: '社会公益组织',
  legalService: '法律服务机构',
  otherOrg: '其他法人或其他组织',
};

export function isApplicantType(value: string): value is ApplicantType {
  return (APPLICANT_TYPES as readonly string[]).includes(value);
}

export function isOrganisation(type: ApplicantType): boolean {
  return type !== 'natural';
}

/** The table 三 column an application is counted in (the applicant type is the column key). */
export function table3ColumnOf(type: ApplicantType): Table3Column {
  return type;
}

/**
 * The identity documents that fit the applicant: a person shows a personal document, an
 * organisation its 统一社会信用代码. `other` is open to both (e.g. a 军官证, or an organisation
 * registered before 统一社会信用代码 existed). UNVERIFIED: the 条例 says only 「身份证明」.
 */
export const ID_TYPES_BY_APPLICANT: Record<'person' | 'organisation', readonly IdType[]> = {
  person: ['residentId', 'passport', 'hkMacauPermit', 'taiwanPermit', 'other'],
  organisation: ['creditCode', 'other'],
};

export function idTypesFor(type: ApplicantType): readonly IdType[] {
  return ID_TYPES_BY_APPLICANT[isOrganisation(type) ? 'organisation' : 'person'];
}

/** Chinese message keyed for the form, or null when the document fits the applicant. */
export function idTypeProblem(type: ApplicantType, idType: IdType): string | null {
  if (idTypesFor(type).includes(idType)) return null;
  return isOrganisation(type)
    ? '法人或其他组织应提供统一社会信用代码或其他身份证明'
    : '自然人应提供居民身份证、护照、通行证或其他身份证明';
}

/**
 * The applicant's type and identity document as the form and the API receive them (field names of
 * `POST /api/v1/applications`): every problem at once, keyed by field, for a 422 or the form's
 * error summary.
 */
export function validateApplicantIdentity(
  input: { applicantType: string; idType: string; idNumber: string },
  today?: IsoDate,
):
  | { ok: true; applicantType: ApplicantType; idType: IdType; idNumber: string }
  | { ok: false; fieldErrors: Record<string, string> } {
  const e: Record<string, string> = {};
  const type = isApplicantType(input.applicantType) ? input.applicantType : null;
  const idType = isIdType(input.idType) ? input.idType : null;
  if (!type) e.applicantType = '请选择申请人类型';
  if (!idType) e.idType = '请选择证件类型';
  else if (type) {
    const problem = idTypeProblem(type, idType);
    if (problem) e.idType = problem;
  }
  let idNumber = '';
  if (idType) {
    const v = validateIdNumber(idType, input.idNumber ?? '', {
      field: 'idNumber',
      ...(today ? { today } : {}),
    });
    if (v.ok) idNumber = v.number;
    else e[v.field] = v.message;
  }
  if (!type || !idType || Object.keys(e).length > 0) return { ok: false, fieldErrors: e };
  return { ok: true, applicantType: type, idType, idNumber };
}
