// The Chinese sentence that says why a cell was settled (SettledCell.message).
import type { SettleBasis } from '../types.js';

export function basisMessage(basis: SettleBasis): string {
  switch (basis.kind) {
    case 'sum':
      return `由 ${basis.rules.join('、')} 确定：唯一满足各项求和关系的拆分。`;
    case 'quote':
      return `由正文「${basis.quote}」确定。`;
    case 'series':
      return `由 ${basis.year} 年报告确定（${basis.rule}：与相邻年度的数字衔接）。`;
    case 'template':
      return '报告沿用 2019 年格式的「（六）其他处理」单行，且该行全为 0：2021 年格式的三个子行均为 0。';
  }
}
