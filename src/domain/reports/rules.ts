// The consistency rules (勾稽关系, docs/legal.md §2.7) as data with stable ids (docs/report-json.md).
// The generator, the reader and the checker all use these definitions.
import { TABLE3_LINES, TABLE3_COLUMNS } from './table3-schema.js';
import type { ReportFormat, RuleId, Severity } from './types.js';

/** What a rule needs: the report alone, last year's report, the report's text, or member reports. */
export type RuleScope = 'report' | 'previousYear' | 'text' | 'rollup';

export interface RuleDef {
  id: RuleId;
  severity: Severity;
  scope: RuleScope;
  /** Chinese, shown to users. */
  title: string;
}

export const REPORT_RULES: readonly RuleDef[] = [
  {
    id: 'A1',
    severity: 'error',
    scope: 'report',
    title: '表三每一申请人列：第一项加第二项之和，等于第三项加第四项之和',
  },
  { id: 'B1', severity: 'error', scope: 'report', title: '表三每一列：（七）总计等于各项办理结果之和' },
  { id: 'B2', severity: 'error', scope: 'report', title: '表三每一行：总计等于六类申请人之和' },
  {
    id: 'B3',
    severity: 'error',
    scope: 'report',
    title: '表四每一组：总计等于结果维持、结果纠正、其他结果、尚未审结之和',
  },
  {
    id: 'B4',
    severity: 'error',
    scope: 'report',
    title: '表三、表四为非负整数；表二件数为非负整数（2019 格式「本年增/减」可为负）',
  },
  { id: 'B5', severity: 'error', scope: 'report', title: '必填单元格缺失或无法识别（总计栏空白仅作提示）' },
  {
    id: 'C1',
    severity: 'warning',
    scope: 'previousYear',
    title: '本年「上年结转」等于上年「结转下年度继续办理」',
  },
  {
    id: 'C2',
    severity: 'warning',
    scope: 'previousYear',
    title: '2021 格式表二：现行有效件数等于上年现行有效件数加本年制发减本年废止',
  },
  {
    id: 'C3',
    severity: 'warning',
    scope: 'previousYear',
    title: '2019 格式表二：上一年项目数量等于上年报告的上一年项目数量加本年增/减',
  },
  { id: 'C4', severity: 'warning', scope: 'text', title: '正文引用的数字与表格一致' },
  { id: 'C5', severity: 'warning', scope: 'rollup', title: '汇总报告各单元格等于所属机关本级报告之和' },
];

export function ruleDef(id: RuleId): RuleDef {
  return REPORT_RULES.find((rule) => rule.id === id) as RuleDef;
}

/**
 * A linear rule over table 三 in one column: Σ plus rows − Σ minus rows = 0. A1 and B1 are the
 * rules that tie rows together, so the reader also uses them to recover run-together digits.
 */
export interface Table3Equation {
  rule: 'A1' | 'B1';
  /** Column index in TABLE3_COLUMNS. */
  column: number;
  plus: readonly string[];
  minus: readonly string[];
}

export function table3Equations(format: ReportFormat): readonly Table3Equation[] {
  return EQUATIONS[format];
}

function equationsOf(format: ReportFormat): Table3Equation[] {
  const outcomes = TABLE3_LINES[format]
    .filter((line) => line.role === 'outcome')
    .map((line) => line.key as string);
  return TABLE3_COLUMNS.flatMap((_, column) => [
    { rule: 'A1' as const, column, plus: ['newReceived', 'carriedOver'], minus: ['total', 'carriedForward'] },
    { rule: 'B1' as const, column, plus: outcomes, minus: ['total'] },
  ]);
}

const EQUATIONS: Record<ReportFormat, Table3Equation[]> = {
  '2019': equationsOf('2019'),
  '2021': equationsOf('2021'),
};
