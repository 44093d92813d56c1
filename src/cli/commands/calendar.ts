// `gongkai calendar is-workday|workdays-after` and `gongkai deadline` (the CLI contract of
// docs/report-json.md: stdout is exactly the value for the calendar commands; warnings and
// the data source go to stderr). Bad input: a Chinese message on stderr and exit 2.
import type { Command } from 'commander';
import {
  isIsoDate,
  noCalendarWarnings,
  RECEIPT_CHANNELS,
  workdaysAfter,
  yearsWithoutOfficialData,
  type IsoDate,
  type ReceiptChannel,
  type WorkCalendar,
} from '../../domain/calendar/index.js';
import { InvalidInput } from '../../domain/errors.js';
import { chinaToday } from '../../queries/calendar.js';
import {
  calculateDeadline,
  type CalculatorConsultation,
  type CalculatorInput,
} from '../../queries/deadline-calculator.js';
import { calendarSource, type CalendarSource } from '../calendar-source.js';
import { deadlineText } from '../deadline-text.js';

function fail(message: string): never {
  throw new InvalidInput({}, message);
}

function isoArg(value: string, what: string): IsoDate {
  if (!isIsoDate(value)) fail(`${what}「${value}」无效，应为 YYYY-MM-DD 格式的日期，例如 2026-09-30`);
  return value;
}

function countArg(value: string, what: string, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) > max)
    fail(`${what}「${value}」无效，应为 0 至 ${max} 之间的整数`);
  return Number(value);
}

/**
 * `DATE[/RECEIVED][..LAST]`: a letter's date, its receipt by the other side, and the answer or
 * payment (the contract of docs/calendar.md §10).
 */
function letterArg(
  value: string,
  what: string,
  example: string,
): { on: IsoDate; received: IsoDate | null; last: IsoDate | null } {
  const m = /^([^/.]+)(?:\/([^.]+))?(?:\.\.(.+))?$/.exec(value);
  if (!m) fail(`${what}「${value}」无效，应为 ${example}`);
  return {
    on: isoArg(m[1]!, `${what}的日期`),
    received: m[2] ? isoArg(m[2], `${what}的收到日期`) : null,
    last: m[3] ? isoArg(m[3], `${what}的${what === '收费通知' ? '缴费' : '答复'}日期`) : null,
  };
}

function consultArg(kind: 'third-party' | 'agency') {
  return (value: string): CalculatorConsultation => {
    const x = letterArg(
      value,
      '征求意见',
      '发出日[/对方收到日][..答复日]，例如 2026-09-21/2026-09-23..2026-10-09',
    );
    return { kind, sentOn: x.on, receivedOn: x.received, answeredOn: x.last };
  };
}

function pauseArg(value: string): { from: IsoDate; to: IsoDate } {
  const m = /^(.+)\.\.(.+)$/.exec(value);
  if (!m) fail(`暂停期间「${value}」无效，应为 起始日..结束日，例如 2026-09-10..2026-09-25`);
  const from = isoArg(m[1]!, '暂停起始日');
  const to = isoArg(m[2]!, '暂停结束日');
  if (to < from) fail(`暂停期间「${value}」的结束日早于起始日`);
  return { from, to };
}

/** Loads the calendar (saying where from when it is not the database) and runs `work`; exit 2 on bad input. */
async function run(
  agency: string | undefined,
  validate: () => void,
  work: (cal: WorkCalendar, source: CalendarSource) => void,
): Promise<void> {
  try {
    validate();
    const source = await calendarSource(agency);
    if (source.fallback) console.error(source.fallback);
    work(source.calendar, source);
  } catch (e) {
    if (!(e instanceof InvalidInput)) throw e;
    const details = Object.values(e.fieldErrors);
    console.error(`错误：${details.length > 0 ? details.join('；') : e.message}`);
    process.exitCode = 2;
  }
}

function warnYears(cal: WorkCalendar, dates: IsoDate[]): void {
  for (const w of noCalendarWarnings(yearsWithoutOfficialData(cal, dates)))
    console.error(`警告：${w.message}`);
}

const agencyOption = ['--agency <code>', '计入该机构及其上级机关的日历调整（机构代码）'] as const;

/** Bad usage exits 2 (docs/report-json.md); subcommands do not inherit the program's exitOverride. */
function usageExit(err: { exitCode: number }): never {
  process.exit(err.exitCode === 0 ? 0 : 2);
}

export function registerCalendarCommands(program: Command): void {
  const calendar = program
    .command('calendar')
    .description('工作日历：法定节假日与调休 (working-day calendar)')
    .exitOverride(usageExit);

  calendar
    .command('is-workday')
    .exitOverride(usageExit)
    .description('某日是否为工作日，输出 true 或 false (is the date a working day?)')
    .argument('<date>', '日期 YYYY-MM-DD')
    .option(...agencyOption)
    .action((date: string, o: { agency?: string }) =>
      run(
        o.agency,
        () => isoArg(date, '日期'),
        (cal) => {
          console.log(String(cal.isWorkday(date)));
          warnYears(cal, [date]);
        },
      ),
    );

  calendar
    .command('workdays-after')
    .exitOverride(usageExit)
    .description('某日之后第 N 个工作日，不含当日 (the N-th working day after the date)')
    .argument('<date>', '日期 YYYY-MM-DD')
    .argument('<n>', '工作日数')
    .option(...agencyOption)
    .action((date: string, n: string, o: { agency?: string }) =>
      run(
        o.agency,
        () => (isoArg(date, '日期'), countArg(n, '工作日数', 2000)),
        (cal) => {
          const result = workdaysAfter(cal, date, Number(n));
          console.log(result);
          warnYears(cal, [date, result]);
        },
      ),
    );

  registerDeadlineCommand(program);
}

interface DeadlineOptions {
  received?: string;
  corrected?: string;
  pause: string[];
  consult: string[];
  consultAgency: string[];
  extend?: string;
  approved?: string;
  feeNotice?: string;
  channel: string;
  today?: string;
  json?: boolean;
  agency?: string;
}

function registerDeadlineCommand(program: Command): void {
  program
    .command('deadline')
    .exitOverride(usageExit)
    .description('依申请公开的答复期限及计算过程（条例第三十三条） (the statutory reply deadline, explained)')
    .requiredOption('--received <date>', '收到申请之日 YYYY-MM-DD（第三十一条）')
    .option('--corrected <date>', '收到补正后申请之日：答复期限重新计算（第三十条）')
    .option(
      '--pause <from..to>',
      '不计算在期限内的期间，可重复（第三十三条第三款）',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option(
      '--consult <sent[/received][..answered]>',
      '征求第三方意见：发出日[/第三方收到日][..答复日]，可重复（第三十二条）',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option(
      '--consult-agency <sent[/received][..answered]>',
      '征求其他机关意见：发出日[/对方收到日][..答复日]，可重复（第三十四条）',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option('--extend <n>', '经批准延长的工作日数，最多 20（第三十三条第二款）')
    .option('--approved <date>', '批准延长之日；晚于原答复期限的延长不产生效果（第三十三条第二款）')
    .option('--fee-notice <date[/received][..paid]>', '收费通知日期[/申请人收到日][..缴费日]（信息处理费）')
    .option('--channel <channel>', `申请渠道 (${RECEIPT_CHANNELS.join(' | ')})`, 'in-person')
    .option('--today <date>', '以该日为“今天”计算状态和剩余天数（默认今天，北京时间）')
    .option('--json', '输出 Deadline 对象 (JSON)')
    .option(...agencyOption)
    .action(async (o: DeadlineOptions) => {
      let input: CalculatorInput | undefined;
      let today = '';
      await run(
        o.agency,
        () => {
          input = deadlineInput(o);
          today = o.today ? isoArg(o.today, '今天') : chinaToday(new Date());
        },
        (cal, source) => {
          if (source.clockRulesFallback) console.error(source.clockRulesFallback);
          const d = calculateDeadline(cal, input!, today, source.clockRules);
          console.log(o.json ? JSON.stringify(d, null, 2) : deadlineText(d, today));
        },
      );
    });
}

function deadlineInput(o: DeadlineOptions): CalculatorInput {
  if (!(RECEIPT_CHANNELS as readonly string[]).includes(o.channel)) {
    fail(`申请渠道「${o.channel}」无效，应为 ${RECEIPT_CHANNELS.join('、')} 之一`);
  }
  const received = isoArg(o.received ?? '', '收到申请之日');
  const corrected = o.corrected ? isoArg(o.corrected, '收到补正申请之日') : null;
  if (corrected && corrected < received) fail('收到补正申请之日不能早于收到申请之日');
  const extend = o.extend === undefined ? null : countArg(o.extend, '延长的工作日数', 1000);
  if (o.approved !== undefined && !extend) fail('--approved 须与 --extend 一起使用');
  const approved = o.approved === undefined ? null : isoArg(o.approved, '批准延长之日');
  let fee: CalculatorInput['fee'] = null;
  if (o.feeNotice !== undefined) {
    const x = letterArg(
      o.feeNotice,
      '收费通知',
      '通知日[/收到日][..缴费日]，例如 2026-10-09/2026-10-12..2026-10-20',
    );
    fee = { noticeOn: x.on, receivedOn: x.received, paidOn: x.last };
  }
  return {
    received,
    corrected,
    pauses: o.pause.map(pauseArg),
    consultations: [
      ...o.consult.map(consultArg('third-party')),
      ...o.consultAgency.map(consultArg('agency')),
    ],
    extend: extend || null,
    approved,
    fee,
    channel: o.channel as ReceiptChannel,
  };
}
