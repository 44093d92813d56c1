// Portal texts shared by several pages.
import type { DirectoryGroupKey } from '../../queries/agency-directory.js';
import type { Text } from '../i18n.js';

export const GROUP_TITLES: Record<DirectoryGroupKey, Text> = {
  departments: { zh: '市政府部门', en: 'City government departments' },
  districts: { zh: '县级市（区）', en: 'County-level cities and districts' },
  zones: { zh: '派出机构（开发区）', en: 'Dispatched offices (development zones)' },
};

/** The URL of an agency's 政府信息公开指南. */
export function guideHref(code: string): string {
  return `/agencies/${encodeURIComponent(code)}/guide`;
}
