// Staff roles. A role is always exercised within the actor's agency subtree (architecture rule 6).

export const ROLES = [
  'system_admin', // 系统管理员: the whole system
  'agency_admin', // 单位管理员: agencies and staff of its own subtree
  'officer', // 承办人 (政府信息公开工作机构 staff): handles applications and documents
  'office_head', // 工作机构负责人: approves extensions (条例 第三十三条) and annual reports
  'publisher', // 信息发布员: publishes proactive disclosures
  'auditor', // 审计/上级监督: read-only, upper level
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  system_admin: { zh: '系统管理员', en: 'System administrator' },
  agency_admin: { zh: '单位管理员', en: 'Agency administrator' },
  officer: { zh: '承办人', en: 'Disclosure officer' },
  office_head: { zh: '工作机构负责人', en: 'Office head' },
  publisher: { zh: '信息发布员', en: 'Publisher' },
  auditor: { zh: '监督审计员', en: 'Auditor' },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
