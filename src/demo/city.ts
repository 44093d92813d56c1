// The demo city: a synthetic city government (虚构的“江南市”) with its departments, districts and
// towns. Every name, address and phone number is made up; pages say so (see the demo banner).

export interface DemoAgency {
  code: string;
  name: string;
  kind: 'government' | 'department' | 'district' | 'town' | 'street' | 'dispatched';
  children?: DemoAgency[];
}

export const DEMO_CITY_NAME = '江南市';

const dept = (code: string, name: string): DemoAgency => ({ code: `JN.${code}`, name, kind: 'department' });

export const DEMO_CITY: DemoAgency = {
  code: 'JN',
  name: '江南市人民政府',
  kind: 'government',
  children: [
    dept('BGS', '江南市人民政府办公室'),
    dept('FGW', '江南市发展和改革委员会'),
    dept('JYJ', '江南市教育局'),
  ],
};

export interface DemoUser {
  login: string;
  displayName: string;
  role: 'system_admin' | 'agency_admin' | 'officer' | 'office_head' | 'publisher' | 'auditor';
  agencyCode: string;
}

export const DEMO_PASSWORD = 'Gongkai-demo-2026';

export const DEMO_USERS: DemoUser[] = [
  { login: 'admin', displayName: '系统管理员', role: 'system_admin', agencyCode: 'JN' },
  { login: 'bgs.officer', displayName: '王晓明', role: 'officer', agencyCode: 'JN.BGS' },
];
