// The demo city: a synthetic city government (虚构的“江南市”) with its departments, districts and
// towns, modelled on a real prefecture-level city. Every name, address and phone number is made up;
// pages say so (see the demo banner).
import type { AgencyKind } from '../domain/agencies/agency.js';
import type { Role } from '../domain/agencies/roles.js';
import { CITY_DEPARTMENTS } from './departments.js';
import { CITY_DISTRICTS, CITY_ZONES } from './districts.js';

export interface DemoAgency {
  code: string;
  name: string;
  kind: AgencyKind;
  /** 机关职能 in a sentence or two (条例 第二十条（二）). */
  functions?: string;
  children?: DemoAgency[];
}

export const DEMO_CITY_NAME = '江南市';

export const DEMO_CITY: DemoAgency = {
  code: 'JN',
  name: '江南市人民政府',
  kind: 'government',
  functions:
    '江南市人民政府是市人民代表大会的执行机关，依法管理全市行政区域内的经济、社会和公共事务，领导所属各工作部门和各县级市（区）人民政府的工作。',
  children: [...CITY_DEPARTMENTS, ...CITY_ZONES, ...CITY_DISTRICTS],
};

export interface DemoUser {
  login: string;
  displayName: string;
  role: Role;
  agencyCode: string;
}

export const DEMO_PASSWORD = 'Gongkai-demo-2026';

/**
 * One account per role at each level. The city government's disclosure work is done by its 办公室, so
 * the city staff belong to 江南市人民政府 itself (their scope is then the whole city).
 */
export const DEMO_USERS: DemoUser[] = [
  { login: 'admin', displayName: '系统管理员', role: 'system_admin', agencyCode: 'JN' },
  { login: 'jn.admin', displayName: '陈立华（市政府办公室）', role: 'agency_admin', agencyCode: 'JN' },
  { login: 'jn.officer', displayName: '王晓明（市政府办公室）', role: 'officer', agencyCode: 'JN' },
  { login: 'jn.head', displayName: '李静（市政府办公室）', role: 'office_head', agencyCode: 'JN' },
  { login: 'jn.publisher', displayName: '赵文博（市政府办公室）', role: 'publisher', agencyCode: 'JN' },
  { login: 'jn.auditor', displayName: '孙敏（市政府督查室）', role: 'auditor', agencyCode: 'JN' },
  { login: 'jyj.officer', displayName: '周雨桐（市教育局）', role: 'officer', agencyCode: 'JN.JYJ' },
  { login: 'jyj.head', displayName: '吴建国（市教育局）', role: 'office_head', agencyCode: 'JN.JYJ' },
  {
    login: 'zgj.officer',
    displayName: '郑海燕（市自然资源和规划局）',
    role: 'officer',
    agencyCode: 'JN.ZGJ',
  },
  {
    login: 'zgj.head',
    displayName: '冯志强（市自然资源和规划局）',
    role: 'office_head',
    agencyCode: 'JN.ZGJ',
  },
  { login: 'dc.officer', displayName: '何思远（东城区政府办）', role: 'officer', agencyCode: 'JN.DC' },
  { login: 'dc.head', displayName: '许丽娟（东城区政府办）', role: 'office_head', agencyCode: 'JN.DC' },
  { login: 'ms.officer', displayName: '沈嘉怡（梅山市政府办）', role: 'officer', agencyCode: 'JN.MS' },
  { login: 'ms.head', displayName: '韩卫东（梅山市政府办）', role: 'office_head', agencyCode: 'JN.MS' },
  { login: 'dh.officer', displayName: '唐小雨（东华街道）', role: 'officer', agencyCode: 'JN.DC.DH' },
  { login: 'dh.head', displayName: '蒋国平（东华街道）', role: 'office_head', agencyCode: 'JN.DC.DH' },
];
