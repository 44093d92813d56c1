// Portal texts shared by several pages.
import { AGENCY_KIND_LABELS, type AgencyKind } from '../../domain/agencies/agency.js';
import type { DirectoryGroupKey } from '../../queries/agency-directory.js';
import type { Lang, Text } from '../i18n.js';

export const GROUP_TITLES: Record<DirectoryGroupKey, Text> = {
  departments: { zh: '市政府部门', en: 'City government departments' },
  districts: { zh: '县级市（区）', en: 'County-level cities and districts' },
  zones: { zh: '派出机构（开发区）', en: 'Dispatched offices (development zones)' },
};

/** The URL of an agency's 政府信息公开指南. */
export function guideHref(code: string): string {
  return `/agencies/${encodeURIComponent(code)}/guide`;
}

const AGENCY_KIND_EN: Record<AgencyKind, string> = {
  government: 'People’s government',
  department: 'Government department',
  district: 'County-level city or district government',
  town: 'Town or township government',
  street: 'Sub-district office',
  dispatched: 'Dispatched office',
  authorized: 'Organisation authorised by law',
};

/** An agency's kind in the page's language (the Chinese names are the domain's). */
export function agencyKindLabel(lang: Lang, kind: AgencyKind): string {
  return lang === 'zh' ? AGENCY_KIND_LABELS[kind] : AGENCY_KIND_EN[kind];
}
