// The verdict of a check in one Chinese sentence, for people and for API clients that show it as
// is (an addition to the canonical JSON: `verdict`). A submission from which nothing could be read
// gets this one sentence instead of empty tables and a list of 「缺少」 (docs/report-checker.md).
import type { ParsedReport, Violation } from './types.js';

/** The prefix of the one violation of an unreadable submission (parse/parse-report.ts). */
export const UNREADABLE_PREFIX = '无法读取：';

/** Why the submission is not a report (unreadable only): 「不是文本文件（…）」. */
export function unreadableReason(r: Pick<ParsedReport, 'status' | 'violations'>): string | null {
  if (r.status !== 'unreadable') return null;
  const v = r.violations.find((x) => x.location.table === 'report');
  return v ? v.message.replace(UNREADABLE_PREFIX, '').replace(/。$/, '') : null;
}

/** Not one of tables 二, 三, 四 was found: junk with the words of a report, or tables as images. */
export function nothingRead(r: Pick<ParsedReport, 'status' | 'missing'>): boolean {
  return r.status === 'unreadable' || ['table2', 'table3', 'table4'].every((t) => r.missing.includes(t));
}

const count = (vs: readonly Violation[], severity: Violation['severity']) =>
  vs.filter((v) => v.severity === severity).length;

export function verdictOf(r: Pick<ParsedReport, 'status' | 'missing' | 'violations' | 'suspects'>): string {
  const errors = count(r.violations, 'error');
  const warnings = count(r.violations, 'warning');
  const also = warnings > 0 ? `，另有 ${warnings} 条提示` : '';
  if (r.status === 'unreadable')
    return `这不是可以读取的政府信息公开工作年度报告：${unreadableReason(r) ?? '无法读取'}。`;
  if (nothingRead(r))
    return '提交的内容中没有找到年度报告的表二、表三、表四：这可能不是年度报告的全文，或者表格是图片。';
  switch (r.status) {
    case 'ok':
      return `通过：表二、表三、表四均已读出，各项勾稽关系均成立${also}。`;
    case 'violations':
      return `有错误：表格均已读出，发现 ${errors} 个错误${also}${r.suspects.length > 0 ? `；${r.suspects[0]?.message}` : '。'}`;
    case 'incomplete':
      return `不完整：${r.missing.length} 处表格、行或单元格缺失或无法确定，已读出的部分发现 ${errors} 个错误${also}。`;
  }
}
