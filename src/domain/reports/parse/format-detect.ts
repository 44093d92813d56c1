// Which format a report uses, from its column headers and rows — never from the year in its
// title (2020 reports were written in both, and the title can be wrong). The year decides only
// when the text carries no marker of either format (e.g. prose only).
import type { ReportFormat } from '../types.js';
import type { Doc } from './normalize.js';
import { toKey } from './normalize.js';

const MARKERS: Record<ReportFormat, string[]> = {
  '2019': [
    '本年新制作数量',
    '本年新公开数量',
    '对外公开总数量',
    '上一年项目数量',
    '本年增/减',
    '采购项目数量',
    '采购总金额',
    '其他对外管理服务事项',
    '政府集中采购',
  ].map(toKey),
  '2021': [
    '本年制发件数',
    '本年废止件数',
    '现行有效件数',
    '本年处理决定数量',
    '本年收费金额',
    '逾期不补正',
    '逾期未按收费通知',
  ].map(toKey),
};

export function detectFormat(doc: Doc, year: number | null): ReportFormat {
  const score = (format: ReportFormat) => MARKERS[format].filter((m) => doc.key.includes(m)).length;
  const s2019 = score('2019');
  const s2021 = score('2021');
  if (s2019 !== s2021) return s2019 > s2021 ? '2019' : '2021';
  return year !== null && year <= 2020 ? '2019' : '2021';
}
