// Field labels shared by the back-office agency and user pages and the audit log viewer.
import type { Text } from '../i18n.js';

/** Agency fields, in display order (条例 第十二条: the contact data of the 政府信息公开指南). */
export const AGENCY_FIELD_LABELS = {
  code: { zh: '机构代码', en: 'Code' },
  name: { zh: '机构名称', en: 'Name' },
  shortName: { zh: '简称', en: 'Short name' },
  kind: { zh: '机构类型', en: 'Kind' },
  parentId: { zh: '上级机构', en: 'Parent' },
  sortOrder: { zh: '排序号', en: 'Sort order' },
  active: { zh: '状态', en: 'Status' },
  officeName: { zh: '公开工作机构名称', en: 'Disclosure office name' },
  address: { zh: '办公地址', en: 'Address' },
  postalCode: { zh: '邮政编码', en: 'Postal code' },
  officeHours: { zh: '办公时间', en: 'Office hours' },
  phone: { zh: '联系电话', en: 'Phone' },
  fax: { zh: '传真', en: 'Fax' },
  email: { zh: '电子邮箱', en: 'Email' },
  website: { zh: '网站', en: 'Website' },
  functions: { zh: '机构职能', en: 'Functions' },
} satisfies Record<string, Text>;

export const USER_FIELD_LABELS = {
  login: { zh: '登录名', en: 'Login' },
  displayName: { zh: '姓名', en: 'Name' },
  role: { zh: '角色', en: 'Role' },
  agencyId: { zh: '所属机构', en: 'Agency' },
  status: { zh: '状态', en: 'Status' },
  lockedUntil: { zh: '锁定至', en: 'Locked until' },
  failedLogins: { zh: '连续登录失败次数', en: 'Failed logins' },
} satisfies Record<string, Text>;

export const USER_STATUS_LABELS = {
  active: { zh: '正常', en: 'Active' },
  disabled: { zh: '已停用', en: 'Disabled' },
  locked: { zh: '已锁定', en: 'Locked' },
} satisfies Record<string, Text>;

export const ACTIVE_LABELS = {
  true: { zh: '启用', en: 'Active' },
  false: { zh: '已停用', en: 'Inactive' },
} satisfies Record<string, Text>;

/** Fields of a working-day calendar entry (a holiday, 调休 make-up day or local closure). */
export const CALENDAR_DAY_FIELD_LABELS = {
  date: { zh: '日期', en: 'Date' },
  workday: { zh: '上班/放假', en: 'Work/rest' },
  name: { zh: '名称', en: 'Name' },
  kind: { zh: '类别', en: 'Kind' },
  source: { zh: '依据', en: 'Source' },
  agencyId: { zh: '适用范围', en: 'Applies to' },
} satisfies Record<string, Text>;

export const CALENDAR_DAY_KIND_LABELS = {
  holiday: { zh: '法定节假日', en: 'Public holiday' },
  'makeup-workday': { zh: '调休上班日', en: 'Make-up working day' },
  closure: { zh: '停止办公', en: 'Closure' },
  override: { zh: '其他调整', en: 'Other change' },
  weekday: { zh: '工作日', en: 'Weekday' },
  weekend: { zh: '周末', en: 'Weekend' },
} satisfies Record<string, Text>;

export const WORKDAY_LABELS = {
  true: { zh: '上班', en: 'Working day' },
  false: { zh: '放假', en: 'Rest day' },
} satisfies Record<string, Text>;
