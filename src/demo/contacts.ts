// Synthetic contact details for demo agencies (条例 第十二条: the 指南 must give them).
import type { DemoAgency } from './city.js';

function hashCode(s: string): number {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return h;
}

export function demoContact(a: DemoAgency) {
  const h = hashCode(a.code);
  const phone = `0512-6${String(h % 1_000_000).padStart(6, '0').slice(0, 3)}-${String(h % 10_000).padStart(4, '0')}`;
  return {
    officeName: a.kind === 'government' ? `${a.name}办公室政府信息公开科` : `${a.name}政府信息公开工作机构`,
    address: `江南市示范大道 ${(h % 900) + 100} 号（演示地址）`,
    postalCode: `215${String(h % 1000).padStart(3, '0')}`,
    officeHours: '工作日 上午 9:00—12:00，下午 13:30—17:00（法定节假日除外）',
    phone,
    fax: phone.replace(/-(\d{4})$/, (_m, d: string) => `-${String((Number(d) + 1) % 10000).padStart(4, '0')}`),
    email: `gk-${a.code.toLowerCase().replace(/\./g, '-')}@example.gov.cn`,
  };
}
