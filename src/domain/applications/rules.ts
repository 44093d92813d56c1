// The rules an installation may set where the law leaves them open (docs/applications.md §4, §5):
// the UNVERIFIED counting rules of the disclosure clock, the table 三 row of a transferred
// application, and the fee bands. The periods fixed by law (STATUTE: 20 working days, an extension
// of at most 20, 15 days for a consulted party) are not here and cannot be changed.
// Pure: the command stores the parsed value, every computation reads it (src/queries/application-rules.ts).
import { DEFAULT_CLOCK_RULES, type ClockRules } from '../calendar/clock-rules.js';
import { InvalidInput } from '../errors.js';
import { DEFAULT_FEE_SCHEDULE, type FeeBand, type FeeSchedule, type FeeScale } from './fees.js';
import { isOutcome, type Outcome } from './outcomes.js';
import { DEFAULT_APPLICATION_RULES, type ApplicationRules } from './state.js';

export interface InstallationRules {
  clock: ClockRules;
  transferOutcome: Outcome;
  fees: FeeSchedule;
}

export const DEFAULT_INSTALLATION_RULES: Readonly<InstallationRules> = Object.freeze({
  clock: DEFAULT_CLOCK_RULES,
  transferOutcome: DEFAULT_APPLICATION_RULES.transferOutcome,
  fees: DEFAULT_FEE_SCHEDULE,
});

/** The rules caseView / recordEvent take. */
export function applicationRulesOf(rules: InstallationRules): ApplicationRules {
  return { clock: rules.clock, transferOutcome: rules.transferOutcome };
}

export type ClockRuleKind = 'boolean' | 'days';

/** Every field of ClockRules is UNVERIFIED, hence editable; the Chinese explanation for the form. */
export const CLOCK_RULE_FIELDS: readonly {
  key: keyof ClockRules;
  kind: ClockRuleKind;
  label: string;
  hint: string;
}[] = [
  {
    key: 'countFromNextDay',
    kind: 'boolean',
    label: '期限自次日起算',
    hint: '收到申请（或其他起算事件）的当日不计入，第1个工作日为次日起的第一个工作日。条例未明文规定，依有关指导意见“自收到申请次日起算”。',
  },
  {
    key: 'pauseExcludesFromDay',
    kind: 'boolean',
    label: '征求意见期间不计入时，起始当日也不计入',
    hint: '第三十三条第三款规定征求第三方和其他机关意见所需时间不计算在期限内；该期间从发函之日还是对方收到之日开始，没有明确规定。',
  },
  {
    key: 'pauseExcludesToDay',
    kind: 'boolean',
    label: '征求意见期间不计入时，收到答复当日也不计入',
    hint: '收到第三方或其他机关答复的当日是否计入答复期限，没有明确规定。',
  },
  {
    key: 'consultationReceiptAssumedDays',
    kind: 'days',
    label: '未记录对方收到征求意见函日期时，推定发函后几个自然日收到',
    hint: '第三方的15个工作日自其收到征求意见函起算。填0表示推定发函当日收到，得出的期限最早，按此办理不会超期。',
  },
  {
    key: 'feePausesClock',
    kind: 'boolean',
    label: '自发出收费通知至缴费的时间不计入答复期限',
    hint: '依《政府信息公开信息处理费管理办法》理解，相关条款未核对原文。',
  },
  {
    key: 'feePaymentWindowWorkdays',
    kind: 'days',
    label: '申请人缴费期限（工作日）',
    hint: '自申请人收到收费通知起计算；逾期未缴费的，终止办理。',
  },
  {
    key: 'feeNoticeReceiptAssumedDays',
    kind: 'days',
    label: '未记录申请人收到收费通知日期时，推定通知之日后几个自然日收到',
    hint: '邮寄送达的通知到达较晚，应尽量记录实际收到日期。',
  },
  {
    key: 'calendarPeriodRollsForward',
    kind: 'boolean',
    label: '以自然日计算的期限（复议、诉讼）最后一日为休息日的，顺延至下一个工作日',
    hint: '参照民事诉讼法关于期间的规定。',
  },
];

const MAX_DAYS = 60;
const MAX_RATE = 100000;

function asBoolean(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'on' || v === '1') return true;
  if (v === 'false' || v === 'off' || v === '0') return false;
  return undefined;
}

function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

function record(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function parseScale(input: unknown, key: 'item' | 'page', errors: Record<string, string>): FeeScale {
  const unit = DEFAULT_FEE_SCHEDULE[key].unit;
  const at = `fees.${key}`;
  const raw = record(input);
  const rows = Array.isArray(raw.bands) ? raw.bands : [];
  // Rows left entirely blank on the form are dropped.
  const filled = rows
    .map((r, i) => ({ r: record(r), i }))
    .filter(({ r }) => !(isBlank(r.upTo) && isBlank(r.rate)));
  if (filled.length === 0) errors[`${at}.bands`] = `请至少填写一档收费标准`;
  const bands: FeeBand[] = [];
  let previous = 0;
  filled.forEach(({ r, i }, n) => {
    const last = n === filled.length - 1;
    const rate = asNumber(r.rate);
    if (rate === undefined || rate < 0 || rate > MAX_RATE || Math.round(rate * 100) !== rate * 100)
      errors[`${at}.bands.${i}.rate`] = `第${n + 1}档的单价应为0至${MAX_RATE}元之间的金额（最多两位小数）`;
    let upTo: number | null = null;
    if (isBlank(r.upTo)) {
      if (!last) errors[`${at}.bands.${i}.upTo`] = `只有最后一档可以不填上限`;
    } else {
      const v = asNumber(r.upTo);
      if (v === undefined || !Number.isInteger(v) || v < 1)
        errors[`${at}.bands.${i}.upTo`] = `第${n + 1}档的上限应为正整数（${unit}）`;
      else if (v <= previous)
        errors[`${at}.bands.${i}.upTo`] = `第${n + 1}档的上限应大于上一档的上限（${previous}${unit}）`;
      else {
        upTo = v;
        previous = v;
      }
    }
    bands.push({ upTo, rate: rate ?? 0 });
  });
  let beyond: FeeScale['beyond'];
  const b = record(raw.beyond);
  if (!isBlank(b.every) || !isBlank(b.increment)) {
    const every = asNumber(b.every);
    const increment = asNumber(b.increment);
    if (every === undefined || !Number.isInteger(every) || every < 1)
      errors[`${at}.beyond.every`] = `累进的间隔应为正整数（${unit}）`;
    if (
      increment === undefined ||
      increment < 0 ||
      increment > MAX_RATE ||
      Math.round(increment * 100) !== increment * 100
    )
      errors[`${at}.beyond.increment`] = `每档加价应为0至${MAX_RATE}元之间的金额（最多两位小数）`;
    if (filled.length > 0 && isBlank(record(filled[filled.length - 1]!.r).upTo))
      errors[`${at}.beyond.every`] ??= '最后一档不设上限时，不能再设累进加价';
    if (every !== undefined && increment !== undefined) beyond = { every, increment };
  }
  return beyond ? { unit, bands, beyond } : { unit, bands };
}

/**
 * Validates the rules an administrator submits (or the stored JSON). Booleans and numbers may come
 * as form strings. Fields left out keep their defaults. Errors are keyed by field path
 * (`clock.countFromNextDay`, `fees.page.bands.2.rate` …) with Chinese messages.
 */
export function parseInstallationRules(input: unknown): InstallationRules {
  const raw = record(input);
  const errors: Record<string, string> = {};
  const clockIn = record(raw.clock);
  const clock: ClockRules = { ...DEFAULT_CLOCK_RULES };
  for (const key of Object.keys(clockIn))
    if (!CLOCK_RULE_FIELDS.some((f) => f.key === key)) errors[`clock.${key}`] = '该期限由法律规定，不能修改';
  for (const f of CLOCK_RULE_FIELDS) {
    const v = clockIn[f.key];
    if (v === undefined) continue;
    if (f.kind === 'boolean') {
      const b = asBoolean(v);
      if (b === undefined) errors[`clock.${f.key}`] = `请选择“${f.label}”是或否`;
      else (clock as unknown as Record<string, unknown>)[f.key] = b;
    } else {
      const n = asNumber(v);
      const min = f.key === 'feePaymentWindowWorkdays' ? 1 : 0;
      if (n === undefined || !Number.isInteger(n) || n < min || n > MAX_DAYS)
        errors[`clock.${f.key}`] = `“${f.label}”应为${min}至${MAX_DAYS}之间的整数`;
      else (clock as unknown as Record<string, unknown>)[f.key] = n;
    }
  }
  let transferOutcome = DEFAULT_INSTALLATION_RULES.transferOutcome;
  if (raw.transferOutcome !== undefined) {
    if (typeof raw.transferOutcome === 'string' && isOutcome(raw.transferOutcome))
      transferOutcome = raw.transferOutcome;
    else errors.transferOutcome = '请选择转送申请计入的统计项目';
  }
  let fees: FeeSchedule = DEFAULT_FEE_SCHEDULE;
  if (raw.fees !== undefined) {
    const f = record(raw.fees);
    fees = {
      item: f.item === undefined ? DEFAULT_FEE_SCHEDULE.item : parseScale(f.item, 'item', errors),
      page: f.page === undefined ? DEFAULT_FEE_SCHEDULE.page : parseScale(f.page, 'page', errors),
      pageCountPerApplication: DEFAULT_FEE_SCHEDULE.pageCountPerApplication,
    };
  }
  if (Object.keys(errors).length > 0) throw new InvalidInput(errors);
  return { clock, transferOutcome, fees };
}
