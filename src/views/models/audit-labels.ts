// Chinese (and English) names of audit actions, subject types and data fields, so that the log
// reads as sentences. Unknown actions are shown by their code.
import type { Lang, Text } from '../i18n.js';
import { AGENCY_FIELD_LABELS, USER_FIELD_LABELS } from './admin-labels.js';

export const AUDIT_ACTION_LABELS: Record<string, Text> = {
  'auth.login': { zh: '登录', en: 'Login' },
  'auth.login_failed': { zh: '登录失败', en: 'Failed login' },
  'auth.locked': { zh: '账号锁定', en: 'Account locked' },
  'auth.login_disabled': { zh: '已停用账号尝试登录', en: 'Login to a disabled account' },
  'user.created': { zh: '新增用户', en: 'User created' },
  'user.updated': { zh: '修改用户', en: 'User edited' },
  'user.disabled': { zh: '停用用户', en: 'User disabled' },
  'user.enabled': { zh: '启用用户', en: 'User enabled' },
  'user.password_reset': { zh: '重置密码', en: 'Password reset' },
  'user.password_changed': { zh: '修改密码', en: 'Password changed' },
  'user.unlocked': { zh: '解锁账号', en: 'Account unlocked' },
  'agency.created': { zh: '新增机构', en: 'Agency created' },
  'agency.updated': { zh: '修改机构', en: 'Agency edited' },
  'agency.deactivated': { zh: '停用机构', en: 'Agency deactivated' },
  'agency.reactivated': { zh: '启用机构', en: 'Agency reactivated' },
  'token.created': { zh: '创建访问令牌', en: 'API token created' },
  'token.revoked': { zh: '撤销访问令牌', en: 'API token revoked' },
};

/** Groups offered by the action filter (matched as a prefix). */
export const AUDIT_ACTION_GROUPS: Record<string, Text> = {
  'auth.': { zh: '登录与账号安全（全部）', en: 'Logins and security (all)' },
  'user.': { zh: '用户管理（全部）', en: 'Users (all)' },
  'agency.': { zh: '机构管理（全部）', en: 'Agencies (all)' },
  'token.': { zh: '访问令牌（全部）', en: 'API tokens (all)' },
};

export const AUDIT_SUBJECT_LABELS: Record<string, Text> = {
  agency: { zh: '机构', en: 'Agency' },
  user: { zh: '用户', en: 'User' },
  api_token: { zh: '访问令牌', en: 'API token' },
};

const DATA_LABELS: Record<string, Text> = {
  ...AGENCY_FIELD_LABELS,
  ...USER_FIELD_LABELS,
  failures: { zh: '连续失败次数', en: 'Failures' },
  user: { zh: '用户', en: 'User' },
};

export function actionLabel(lang: Lang, action: string): string | null {
  return AUDIT_ACTION_LABELS[action]?.[lang] ?? null;
}

export function subjectLabel(lang: Lang, type: string): string {
  return AUDIT_SUBJECT_LABELS[type]?.[lang] ?? type;
}

const DATA_ORDER = Object.keys(DATA_LABELS);

/** Data keys in display order (the database does not keep the order they were written in). */
export function sortDataKeys(keys: string[]): string[] {
  const rank = (k: string) => (DATA_ORDER.includes(k) ? DATA_ORDER.indexOf(k) : DATA_ORDER.length);
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function dataLabel(lang: Lang, key: string): string {
  return DATA_LABELS[key]?.[lang] ?? key;
}
