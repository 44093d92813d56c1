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

const CellRef = z
  .strictObject({
    table: z.enum(['table2', 'table3', 'table4']),
    row: z.string().meta({ description: '行键（表四为组：review、suitDirect、suitAfterReview）' }),
    column: z.string().meta({ description: '列键：表三 natural…total，表四 upheld…total，表二随格式而定' }),
  })
  .register(apiSchemas, {
    id: 'ReportCell',
    description: '报告中的一个单元格',
  });

const ViolationLocation = z
  .strictObject({
    table: z
      .enum(['report', 'table2', 'table3', 'table4'])
      .meta({ description: 'report = 整份提交的内容（不是年度报告）' }),
    row: z.string().nullable().meta({ description: '行键；整张表或表三整列时为 null' }),
    column: z.string().nullable().meta({ description: '列键；整行或整张表时为 null' }),
    cells: z.array(CellRef).meta({
      description:
        '涉及的单元格：单元格问题为该单元格；合计关系为两边的全部单元格（先 plus 后 minus）；有 candidates 时为每种读法的单元格顺序；缺少整行、整表时为空',
    }),
    sum: z
      .strictObject({ plus: z.array(CellRef), minus: z.array(CellRef) })
      .optional()
      .meta({ description: '合计关系（A1、B1、B2、B3）的两边：expected = Σ plus，actual = Σ minus' }),
  })
  .register(apiSchemas, {
    id: 'ReportViolationLocation',
    description: '问题所在位置（结构化，与 where 说的是同一处；新增字段）',
  });

export const ReportSuspect = z
  .strictObject({
    cell: CellRef,
    value: cell.meta({ description: '报告中填报的数' }),
    fix: z
      .number()
      .nullable()
      .meta({ description: '能使经过该单元格的全部合计关系成立的唯一数值；没有时为 null' }),
    violations: z
      .array(z.number().int())
      .meta({ description: '经过该单元格的合计关系在 violations 中的下标' }),
    rules: z.array(z.enum(REPORT_RULES.map((r) => r.id) as [RuleId, ...RuleId[]])),
    message: z.string().meta({ description: '中文说明' }),
  })
  .register(apiSchemas, {
    id: 'ReportSuspect',
    description: '最可能填错的单元格：行合计与列合计同时不成立时的交叉单元格（新增字段）',
  });

export const ReportViolation = z
  .strictObject({
    rule: z.enum(REPORT_RULES.map((r) => r.id) as [RuleId, ...RuleId[]]),
    severity: z.enum(['error', 'warning']).meta({ description: 'error = 错误，warning = 提示' }),
    where: z.string().meta({
      description: '如 table3 column natural、table3 row granted、table4 review',
      examples: ['table3 column natural'],
    }),
    location: ViolationLocation,
    expected: cell.optional(),
    actual: cell.optional(),
    message: z.string().meta({ description: '中文说明' }),
    candidates: z
      .array(z.array(cell))
      .optional()
      .meta({ description: '数字连写等无法唯一确定时，满足全部勾稽关系的每一种读法' }),
  })
  .register(apiSchemas, { id: 'ReportViolation', description: '一条问题：报告不满足的一条规则（A1–C5）' });

const rule = z.enum(REPORT_RULES.map((r) => r.id) as [RuleId, ...RuleId[]]);

const SettleBasis = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('sum'), rules: z.array(rule) }),
    z.strictObject({ kind: z.literal('quote'), quote: z.string().meta({ description: '正文中的原话' }) }),
    z.strictObject({
      kind: z.literal('series'),
      rule: z.enum(['C1', 'C2', 'C3']),
      year: z.number().int().meta({ description: '提供依据的相邻年度' }),
    }),
    z.strictObject({ kind: z.literal('template'), rule: z.literal('B2') }),
  ])
  .meta({
    description:
      'sum = 只有该值能使所列求和关系成立；quote = 报告正文引用的数字；series = 相邻年度报告（C1–C3）；template = 2019 格式「（六）其他处理」行全为 0',
  });

export const ReportSettledCell = z
  .strictObject({
    cell: CellRef,
    value: cell,
    basis: SettleBasis,
    message: z.string().meta({ description: '中文说明' }),
  })
  .register(apiSchemas, {
    id: 'ReportSettledCell',
    description: '报告本身的数字无法唯一确定、由其他依据确定的单元格及其依据（新增字段）',
  });

const ReportLooseLabel = z
  .strictObject({
    table: z.enum(['table2', 'table3', 'table4']),
    row: z.string(),
    printed: z.string().meta({ description: '报告中印出的文字' }),
    label: z.string().meta({ description: '按其识别的规范行名' }),
  })
  .meta({ description: '只能近似识别的行名（缺字、错字）' });

const ReportSeriesPlace = z
  .strictObject({
    agency: z.string().nullable().meta({ description: '系列中各报告的机关；强制合并不同机关时为 null' }),
    years: z.array(z.number().int()),
    previous: z.string().nullable().meta({ description: '上一年度报告的文件名' }),
    next: z.string().nullable().meta({ description: '下一年度报告的文件名' }),
  })
  .meta({ description: '与本报告一同按年度系列核对的报告（同一机关相邻年度，新增字段）' });

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
    suspects: z.array(ReportSuspect).meta({ description: '最可能填错的单元格及能改正它的数值（新增字段）' }),
    verdict: z.string().meta({
      description: '一句话的中文结论；无法读取或未读出任何表格时，以这一句说明原因（新增字段）',
      examples: ['这不是可以读取的政府信息公开工作年度报告：不是文本文件（可能是二进制数据或编码错误）。'],
    }),
    settled: z.array(ReportSettledCell).optional().meta({
      description: '由求和关系、正文引用的数字或相邻年度报告确定的单元格，各附依据；没有时省略（新增字段）',
    }),
    looseLabels: z
      .array(ReportLooseLabel)
      .optional()
      .meta({ description: '近似识别的行名；没有时省略（新增字段）' }),
    series: ReportSeriesPlace.optional(),
  })
  .register(apiSchemas, {
    id: 'ReportCheckResult',
    description:
      '检查后的年度报告：规范 JSON（docs/report-json.md）加 status 与 missing，以及新增的 location、suspects、verdict',
  });

export const ReportSeriesRequest = z
  .strictObject({
    reports: z
      .array(
        z
          .strictObject({
            name: z
              .string()
              .max(200)
              .optional()
              .meta({ description: '报告的名称（结果中的 file），如文件名' }),
            text: z.string().optional().meta({ description: '报告全文' }),
            html: z.string().optional().meta({ description: '报告网页的 HTML 源代码' }),
          })
          .refine((b) => (b.text === undefined) !== (b.html === undefined), {
            error: '每份报告须提供 text 或 html 之一',
            path: ['text'],
          }),
      )
      .min(1)
      .max(5)
      .meta({ description: '1–5 份报告' }),
    series: z.boolean().optional().meta({
      description: 'true：全部当作同一机关连续年度的报告核对；默认按标题中的机关分组',
    }),
  })
  .register(apiSchemas, {
    id: 'ReportSeriesRequest',
    description: '要一并检查的几份报告（同一机关的多个年度）',
  });

export const ReportSeriesResult = z
  .strictObject({
    reports: z.array(ReportCheckResult).meta({ description: '每份报告的检查结果，顺序与提交的相同' }),
  })
  .register(apiSchemas, { id: 'ReportSeriesResult', description: '几份报告的检查结果' });
