// 意见征集: the decision types of a consultation and the minimum period of each, as data, each
// citing its source (docs/consultations.md). The numbers are the national floor; an installation
// may lengthen (or, where a local rule says so, change) them: app_setting
// 'consultation.minimumPeriods', read by src/queries/consultation-settings.ts, absent = these.
import { z } from 'zod';
import { InvalidInput } from '../errors.js';

export const CONSULTATION_TYPES = ['rule', 'normative', 'major_decision', 'other'] as const;
export type ConsultationType = (typeof CONSULTATION_TYPES)[number];

export function isConsultationType(value: string): value is ConsultationType {
  return (CONSULTATION_TYPES as readonly string[]).includes(value);
}

export const CONSULTATION_TYPE_LABELS: Record<ConsultationType, string> = {
  rule: '规章',
  normative: '行政规范性文件',
  major_decision: '重大行政决策',
  other: '其他事项',
};

/** A minimum period: calendar days (自然日) or working days (工作日, the working-day calendar). */
export interface MinimumPeriod {
  days: number;
  unit: 'days' | 'workdays';
  /** Where the number comes from, in Chinese, shown beside the period on the pages. */
  source: string;
}

/** The minimum periods of an installation: one per type, and the market-participants variant. */
export interface ConsultationPeriods {
  rule: MinimumPeriod;
  normative: MinimumPeriod;
  /** 规范性文件 closely concerning market participants' production and operation. */
  normativeMarket: MinimumPeriod;
  major_decision: MinimumPeriod;
  other: MinimumPeriod;
}

export type PeriodKey = keyof ConsultationPeriods;

/** The national minimum periods (docs/consultations.md §1). */
export const DEFAULT_CONSULTATION_PERIODS: ConsultationPeriods = {
  rule: {
    days: 30,
    unit: 'days',
    source: '《规章制定程序条例》：规章草案向社会公开征求意见的期限一般不少于30日',
  },
  normative: {
    days: 7,
    unit: 'workdays',
    source:
      '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）：一般不少于7个工作日',
  },
  normativeMarket: {
    days: 30,
    unit: 'days',
    source: '《优化营商环境条例》第六十二条：与市场主体生产经营活动密切相关的，一般不少于30日',
  },
  major_decision: {
    days: 30,
    unit: 'days',
    source: '《重大行政决策程序暂行条例》（国务院令第713号）第十四条：一般不少于30日',
  },
  other: {
    days: 0,
    unit: 'days',
    source: '无法定最短期限，由起草机关确定',
  },
};

export const PERIOD_KEYS = Object.keys(DEFAULT_CONSULTATION_PERIODS) as PeriodKey[];

/** Which period applies: the market variant only for 规范性文件. */
export function periodKey(type: ConsultationType, concernsMarket: boolean): PeriodKey {
  return type === 'normative' && concernsMarket ? 'normativeMarket' : type;
}

export const PERIOD_KEY_LABELS: Record<PeriodKey, string> = {
  rule: '规章',
  normative: '行政规范性文件',
  normativeMarket: '行政规范性文件（涉及市场主体）',
  major_decision: '重大行政决策',
  other: '其他事项',
};

const Period = z.object({
  days: z
    .number({ error: '最短期限须为整数' })
    .int('最短期限须为整数')
    .min(0, '最短期限不能为负数')
    .max(365, '最短期限不能超过 365 天'),
  unit: z.enum(['days', 'workdays'], { error: '期限单位只能是自然日或工作日' }),
  source: z.string().trim().min(1, '请写明期限的依据').max(200, '依据不能超过 200 个字符'),
});

const PeriodsSchema = z.object(
  Object.fromEntries(PERIOD_KEYS.map((k) => [k, Period])) as Record<PeriodKey, typeof Period>,
);

/**
 * The stored periods: the defaults with the stored entries over them (a partial row is fine).
 * InvalidInput with Chinese messages keyed `rule.days`… when a stored or submitted entry is wrong.
 */
export function parseConsultationPeriods(value: unknown): ConsultationPeriods {
  const merged: Record<string, unknown> = { ...DEFAULT_CONSULTATION_PERIODS };
  if (value && typeof value === 'object')
    for (const k of PERIOD_KEYS) {
      const v = (value as Record<string, unknown>)[k];
      if (v && typeof v === 'object') merged[k] = { ...DEFAULT_CONSULTATION_PERIODS[k], ...v };
    }
  const parsed = PeriodsSchema.safeParse(merged);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.join('.')] ??= issue.message;
    throw new InvalidInput(errors, '意见征集最短期限设置有误');
  }
  return parsed.data;
}

/** 「30日」, 「7个工作日」 */
export function periodText(p: Pick<MinimumPeriod, 'days' | 'unit'>): string {
  return p.unit === 'workdays' ? `${p.days}个工作日` : `${p.days}日`;
}
