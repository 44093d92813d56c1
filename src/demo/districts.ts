// The districts, county-level cities and county of 江南市 (fictional), each with its towns and streets,
// and the city's two development zones (派出机构, 条例 第十条第二款) with their streets.
import type { DemoAgency } from './city.js';

type Place = [code: string, name: string];
interface Area {
  code: string;
  /** 区 / 县级市 / 县 — decides the government's name and the wording of its functions. */
  type: '区' | '市' | '县';
  name: string;
  places: Place[];
}

const AREAS: Area[] = [
  {
    code: 'DC',
    type: '区',
    name: '东城区',
    places: [
      ['DH', '东华街道'],
      ['FQ', '府前街道'],
      ['WJ', '望江街道'],
      ['TW', '桃坞街道'],
    ],
  },
  {
    code: 'XC',
    type: '区',
    name: '西城区',
    places: [
      ['XY', '西园街道'],
      ['QH', '清河街道'],
      ['CL', '长乐街道'],
      ['SH', '石湖镇'],
    ],
  },
  {
    code: 'JB',
    type: '区',
    name: '江北区',
    places: [
      ['BA', '北岸街道'],
      ['LY', '柳营街道'],
      ['SZ', '沙洲镇'],
      ['XD', '新渡镇'],
      ['LT', '芦汀镇'],
    ],
  },
  {
    code: 'HB',
    type: '区',
    name: '湖滨区',
    places: [
      ['HG', '湖光街道'],
      ['HT', '荷塘街道'],
      ['YW', '月湾街道'],
      ['YY', '渔洋镇'],
    ],
  },
  {
    code: 'XG',
    type: '区',
    name: '新港区',
    places: [
      ['GC', '港城街道'],
      ['LG', '临港街道'],
      ['CY', '潮音镇'],
      ['YC', '盐仓镇'],
    ],
  },
  {
    code: 'NH',
    type: '区',
    name: '南湖区',
    places: [
      ['NY', '南苑街道'],
      ['GX', '桂香街道'],
      ['LH', '菱湖镇'],
    ],
  },
  {
    code: 'MS',
    type: '市',
    name: '梅山市',
    places: [
      ['MC', '梅城街道'],
      ['BL', '白鹭镇'],
      ['CW', '茶坞镇'],
      ['SL', '松岭镇'],
      ['XL', '杏林镇'],
      ['XK', '溪口镇'],
    ],
  },
  {
    code: 'QX',
    type: '市',
    name: '青溪市',
    places: [
      ['QY', '青阳街道'],
      ['ZL', '竹里镇'],
      ['SM', '石门镇'],
      ['SQ', '双桥镇'],
    ],
  },
  {
    code: 'LJ',
    type: '市',
    name: '临江市',
    places: [
      ['JC', '江城街道'],
      ['DK', '渡口镇'],
      ['GL', '观澜镇'],
      ['WC', '望潮镇'],
    ],
  },
  {
    code: 'YY',
    type: '县',
    name: '云阳县',
    places: [
      ['YZ', '云中镇'],
      ['TY', '桃源镇'],
      ['QQ', '清泉镇'],
      ['HM', '鹤鸣乡'],
      ['ST', '松涛乡'],
    ],
  },
];

const ZONES: { code: string; name: string; places: Place[] }[] = [
  {
    code: 'GYQ',
    name: '江南工业园区',
    places: [
      ['XH', '星河街道'],
      ['YW', '云湾街道'],
      ['ZG', '智谷街道'],
    ],
  },
  {
    code: 'GXQ',
    name: '江南高新技术产业开发区',
    places: [
      ['KC', '科创街道'],
      ['CP', '翠屏街道'],
      ['FL', '枫林街道'],
    ],
  },
];

function place(parentCode: string, prefix: string, [code, name]: Place, parentIsZone = false): DemoAgency {
  const isStreet = name.endsWith('街道');
  const unit = name.endsWith('乡') ? '乡' : '镇';
  return {
    code: `${parentCode}.${code}`,
    name: isStreet ? `${prefix}${name}办事处` : `${prefix}${name}人民政府`,
    kind: isStreet ? 'street' : 'town',
    functions: isStreet
      ? `${parentIsZone ? '在园区管理委员会领导下' : '作为区（县级市）人民政府的派出机关'}，负责辖区公共服务、社区建设、城市管理、平安建设和社会治理工作。`
      : `负责本${unit}经济发展、农村集体经济和土地承包管理、社会救助、公共服务和乡村治理工作，执行上级人民政府的决定和命令。`,
  };
}

function area(a: Area): DemoAgency {
  const here = a.type === '区' ? '本区' : a.type === '市' ? '本市' : '本县';
  return {
    code: `JN.${a.code}`,
    // A 市辖区 carries the city's name (江南市东城区人民政府); a county-level city or county does not.
    name: a.type === '区' ? `江南市${a.name}人民政府` : `${a.name}人民政府`,
    kind: 'district',
    functions: `依法管理${here}行政区域内的经济、教育、科学、文化、卫生、民政、公安等行政工作，领导所属各工作部门和镇（乡、街道）的工作。`,
    children: a.places.map((p) => place(`JN.${a.code}`, a.name, p)),
  };
}

function zone(z: (typeof ZONES)[number]): DemoAgency {
  return {
    code: `JN.${z.code}`,
    name: `${z.name}管理委员会`,
    kind: 'dispatched',
    functions: `江南市人民政府的派出机构，统一领导和管理${z.name}范围内的经济建设、规划建设和社会事务，以自己的名义履行市人民政府赋予的行政管理职能。`,
    children: z.places.map((p) => place(`JN.${z.code}`, z.name, p, true)),
  };
}

export const CITY_DISTRICTS: DemoAgency[] = AREAS.map(area);
export const CITY_ZONES: DemoAgency[] = ZONES.map(zone);
