// Schemas of POST /api/v1/report-check: the request (pasted text or HTML) and the checked report in
// the canonical shape of docs/report-json.md plus status and missing — the object that
// `gongkai report check --json` prints for one file.
import { z } from 'zod';
import { REPORT_RULES } from '../../domain/reports/rules.js';
import type { RuleId } from '../../domain/reports/types.js';
import { apiSchemas } from './schemas.js';

export const ReportCheckRequest = z
  .strictObject({
    text: z.string().optional().meta({ description: '报告全文（从网页复制的文字，任意排版）' }),
    html: z.string().optional().meta({ description: '报告网页的 HTML 源代码' }),
  })
  .refine((b) => b.text === undefined || b.html === undefined, {
    error: 'text 和 html 只能提供其中一个',
    path: ['html'],
  })
  .refine((b) => (b.text ?? b.html ?? '').trim() !== '', {
    error: '请提供报告内容：text 或 html 不能为空',
    path: ['text'],
  })
  .register(apiSchemas, {
    id: 'ReportCheckRequest',
    description: '要检查的报告：text 或 html 二选一（也可改用 multipart/form-data 上传文件）',
  });

const cell = z.union([z.number(), z.string(), z.null()]);
const cells = (n: number) => z.array(z.number().nullable()).length(n);

const ReportTable2 = z
  .record(z.string(), z.object({ label: z.string() }).catchall(cell))
  .meta({ description: '表二：行键 → { label, 各列 }（列键随格式而定，见 docs/report-json.md）' });

const ReportTable3 = z
  .strictObject({
    columns: z.array(z.string()),
    columnLabels: z.array(z.string()),
    rows: z
      .record(z.string(), cells(7))
      .meta({ description: '行键 → 7 个数（六类申请人与总计）；null = 缺失或无法确定，或总计栏空白' }),
  })
  .meta({ description: '表三' });

const ReportTable4 = z
  .strictObject({
    columns: z.array(z.string()),
    review: cells(5).meta({ description: '行政复议：维持、纠正、其他、尚未审结、总计' }),
    suitDirect: cells(5).meta({ description: '未经复议直接起诉' }),
    suitAfterReview: cells(5).meta({ description: '复议后起诉' }),
  })
  .meta({ description: '表四' });

export const ReportViolation = z
  .strictObject({
    rule: z.enum(REPORT_RULES.map((r) => r.id) as [RuleId, ...RuleId[]]),
    severity: z.enum(['error', 'warning']).meta({ description: 'error = 错误，warning = 提示' }),
    where: z.string().meta({
      description: '如 table3 column natural、table3 row granted、table4 review',
      examples: ['table3 column natural'],
    }),
    expected: cell.optional(),
    actual: cell.optional(),
    message: z.string().meta({ description: '中文说明' }),
    candidates: z
      .array(z.array(cell))
      .optional()
      .meta({ description: '数字连写等无法唯一确定时，满足全部勾稽关系的每一种读法' }),
  })
  .register(apiSchemas, { id: 'ReportViolation', description: '一条检查结果（规则 A1–C5）' });

export const ReportCheckResult = z
  .strictObject({
    file: z.string().nullable().meta({ description: '上传的文件名；提交文本时为 null' }),
    status: z.enum(['ok', 'violations', 'incomplete', 'unreadable']).meta({
      description: 'ok 通过；violations 有错误；incomplete 不完整（见 missing）；unreadable 无法读取',
    }),
    missing: z
      .array(z.string())
      .meta({ description: '缺少或无法确定的表、行：table2、table3.granted、table4 …' }),
    format: z
      .enum(['2019', '2021'])
      .meta({ description: '2019 = 国办公开办函〔2019〕60号试行格式，2021 = 〔2021〕30号格式' }),
    year: z.number().int().nullable(),
    agency: z.string().nullable(),
    title: z.string().optional(),
    table2: ReportTable2,
    table3: ReportTable3,
    table4: ReportTable4,
    violations: z.array(ReportViolation),
  })
  .register(apiSchemas, {
    id: 'ReportCheckResult',
    description: '检查后的年度报告：规范 JSON（docs/report-json.md）加 status 与 missing',
  });
