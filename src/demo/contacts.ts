// Synthetic contact details of each demo agency's 政府信息公开工作机构 (条例 第十二条: the 指南 must give
// its name, address, hours, phone, fax and online contact). Deterministic, so demo pages are stable.
// Phone numbers use the trunk code 012, which no city has (Beijing is 010 and 011–019 are unassigned),
// so no made-up number can ring a real line; e-mail goes to example.gov.cn, which nobody can register.
import type { DemoAgency } from './city.js';

/** Where an agency sits: `area` 0 is the city level, 1.. a district or zone; `index` its place there. */
export interface DemoSlot {
  area: number;
  index: number;
}

const ROADS = ['人民路', '府前街', '建设路', '文昌路', '和平路', '长江路', '解放路', '新华路'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** 江南市东城区人民政府 → 江南市东城区; 梅山市白鹭镇人民政府 → 梅山市白鹭镇. */
function placeName(name: string): string {
  return name.replace(/(人民政府|办事处|管理委员会)$/, '');
}

function officeName(a: DemoAgency): string {
  switch (a.kind) {
    case 'government':
      return `${a.name}办公室（政务公开办公室）`;
    case 'town':
    case 'street':
      return `${placeName(a.name)}党政办公室`;
    case 'dispatched':
      return `${a.name}党政办公室`;
    default:
      // A department whose name is itself an office keeps its disclosure work in its 综合处.
      return a.name.endsWith('办公室') || a.name.endsWith('办公室（行政审批局）')
        ? `${a.name}综合处`
        : `${a.name}办公室`;
  }
}

function address(a: DemoAgency, slot: DemoSlot, areaName: string): string {
  // The city government and its departments share the (fictional) administrative centre.
  if (slot.area === 0) return `江南市示范大道 ${slot.index * 2 + 1} 号`;
  const road = ROADS[(slot.area + slot.index) % ROADS.length]!;
  const here = slot.index === 0 ? areaName : placeName(a.name);
  return `${here.startsWith('江南') ? '' : '江南市'}${here}${road} ${slot.index * 12 + 8} 号`;
}

function officeHours(a: DemoAgency): string {
  return a.kind === 'town' || a.kind === 'street'
    ? '工作日 上午 8:30—12:00，下午 13:30—17:30（法定节假日除外）'
    : '工作日 上午 9:00—12:00，下午 13:30—17:00（法定节假日除外）';
}

/** The contact fields of createAgency for one demo agency; `areaName` is its district's or zone's place name. */
export function demoContact(a: DemoAgency, slot: DemoSlot, areaName = '江南市') {
  const base = `012-6${pad(slot.area, 2)}0-${pad(slot.index, 2)}`;
  return {
    officeName: officeName(a),
    address: address(a, slot, areaName),
    postalCode: `219${pad(slot.area, 2)}${slot.index % 10}`,
    officeHours: officeHours(a),
    phone: `${base}10`,
    fax: `${base}19`,
    email: `gk-${a.code.toLowerCase().replace(/\./g, '-')}@example.gov.cn`,
  };
}

export { placeName as demoPlaceName };
