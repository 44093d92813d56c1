// The dated facts of one application that move its reply clock (design rule 1: store facts,
// derive the deadline). Checked here once so the clock itself can trust them.
import { InvalidInput } from '../errors.js';
import { isIsoDate, type IsoDate } from './iso-date.js';
import { STATUTE } from './clock-rules.js';
import { isReceiptChannel, type ReceiptChannel } from './receipt.js';

export interface ClockFacts {
  /** `date` is already the 第三十一条 receipt day (see receiptDay). */
  received: { channel: ReceiptChannel; date: IsoDate };
  /**
   * 第三十条 补正: the notice, the correction period the agency set, and the corrected application's
   * receipt. Each may be unknown (the CLI only knows --corrected); without `dueBy` an uncorrected
   * application is never deemed abandoned automatically.
   */
  correction?: { requestedOn?: IsoDate | null; dueBy?: IsoDate | null; receivedOn?: IsoDate | null } | null;
  /** 第三十二条 (third party) / 第三十四条 (other agency) consultations. */
  consultations?: Consultation[];
  /**
   * 第三十三条第二款 extension approved by the 工作机构负责人 (notice to the applicant required).
   * `approvedOn` null = not recorded: assumed approved within the original period (said in the
   * explanation). Approved after the original period ran out, it extends nothing (docs/legal.md §1.14).
   */
  extension?: { approvedOn?: IsoDate | null; workdays: number } | null;
  /** 第三十五条: a later reply date set by the agency and notified to the applicant. */
  reasonablePeriod?: { notifiedOn: IsoDate; replyBy: IsoDate } | null;
  /**
   * 信息处理费 notice (its date), the applicant's receipt of it (null = not recorded, see
   * ClockRules.feeNoticeReceiptAssumedDays) and payment (国办函〔2020〕109号).
   */
  fee?: { noticeOn: IsoDate; receivedOn?: IsoDate | null; paidOn?: IsoDate | null } | null;
  /** Other time recorded as not counted (e.g. the CLI's --pause FROM..TO). */
  pauses?: { from: IsoDate; to: IsoDate; reason?: string }[];
  withdrawnOn?: IsoDate | null;
  repliedOn?: IsoDate | null;
}

export interface Consultation {
  /** Who was consulted, as shown to users. */
  party: string;
  kind: 'third-party' | 'agency';
  /** The letter (征求意见书) is sent. */
  sentOn: IsoDate;
  /**
   * The consulted party receives it: its 15 working days run from here (第三十二条、第三十四条).
   * Null = not recorded (see ClockRules.consultationReceiptAssumedDays).
   */
  receivedOn?: IsoDate | null;
  answeredOn?: IsoDate | null;
}

type Errors = Record<string, string>;

const RECEIPT = '收到申请之日';

/** Throws InvalidInput listing every problem, keyed by the fact's path (e.g. 'extension.workdays'). */
export function validateClockFacts(facts: ClockFacts, today: IsoDate): void {
  const e: Errors = {};
  date(e, 'today', today);
  if (!isReceiptChannel(facts.received.channel)) e['received.channel'] = '申请渠道无效';
  const received = facts.received.date;
  date(e, 'received.date', received);
  if (isIsoDate(received) && received < STATUTE.revisedRegulationInForce)
    e['received.date'] = tooEarly(received);
  // 第三十一条: nothing about an application can happen before it is received.
  const after = (path: string, value: IsoDate | null | undefined, what: string) => {
    if (value != null && isIsoDate(value) && isIsoDate(received) && value < received && !e[path])
      e[path] = `${what}（${value}）不能早于${RECEIPT}（${received}）`;
  };
  if (facts.correction) validateCorrection(e, facts.correction, received);
  (facts.consultations ?? []).forEach((c, i) => {
    const p = `consultations.${i}`;
    if (c.kind !== 'third-party' && c.kind !== 'agency') e[`${p}.kind`] = '征求意见对象类型无效';
    ordered(e, p, c.sentOn, c.receivedOn, 'sentOn', 'receivedOn', '对方收到征求意见书的日期不能早于发出日期');
    ordered(e, p, c.sentOn, c.answeredOn, 'sentOn', 'answeredOn', '答复日期不能早于征求意见日期');
    if (c.receivedOn && c.answeredOn && isIsoDate(c.receivedOn) && isIsoDate(c.answeredOn))
      if (c.answeredOn < c.receivedOn) e[`${p}.answeredOn`] = '答复日期不能早于对方收到征求意见书的日期';
    after(`${p}.sentOn`, c.sentOn, '征求意见书的发出日期');
  });
  if (facts.extension) validateExtension(e, facts.extension);
  after('extension.approvedOn', facts.extension?.approvedOn, '延长答复期限的批准日期');
  const rp = facts.reasonablePeriod;
  if (rp) {
    ordered(
      e,
      'reasonablePeriod',
      rp.notifiedOn,
      rp.replyBy,
      'notifiedOn',
      'replyBy',
      '答复日期不能早于告知日期',
    );
    after('reasonablePeriod.notifiedOn', rp.notifiedOn, '告知合理答复期限的日期');
  }
  const fee = facts.fee;
  if (fee) {
    ordered(
      e,
      'fee',
      fee.noticeOn,
      fee.receivedOn,
      'noticeOn',
      'receivedOn',
      '收到收费通知的日期不能早于通知日期',
    );
    ordered(e, 'fee', fee.noticeOn, fee.paidOn, 'noticeOn', 'paidOn', '缴费日期不能早于收费通知日期');
    after('fee.noticeOn', fee.noticeOn, '收费通知日期');
  }
  (facts.pauses ?? []).forEach((p, i) => {
    ordered(e, `pauses.${i}`, p.from, p.to, 'from', 'to', '结束日期不能早于开始日期');
    after(`pauses.${i}.from`, p.from, '不计算期间的起始日');
  });
  date(e, 'withdrawnOn', facts.withdrawnOn);
  after('withdrawnOn', facts.withdrawnOn, '撤回申请的日期');
  date(e, 'repliedOn', facts.repliedOn);
  after('repliedOn', facts.repliedOn, '答复日期');
  if (Object.keys(e).length > 0) throw new InvalidInput(e, '期限计算所需的日期有误');
}

/** 第五十六条: the 2019 条例 applies from 2019-05-15; the 2007 rules are not computed (docs/calendar.md §2). */
function tooEarly(received: IsoDate): string {
  return `${RECEIPT}（${received}）早于2019年5月15日。修订后的《政府信息公开条例》自该日起施行，此前收到的申请适用2007年《条例》（15个工作日，可延长15个工作日），本系统不计算其期限`;
}

function validateCorrection(e: Errors, c: NonNullable<ClockFacts['correction']>, received: IsoDate): void {
  date(e, 'correction.requestedOn', c.requestedOn);
  date(e, 'correction.dueBy', c.dueBy);
  date(e, 'correction.receivedOn', c.receivedOn);
  const before = (a: IsoDate | null | undefined, b: IsoDate | null | undefined) =>
    a != null && b != null && isIsoDate(a) && isIsoDate(b) && a < b;
  if (before(c.dueBy, c.requestedOn)) e['correction.dueBy'] = '补正期限不能早于补正告知日期';
  if (before(c.requestedOn, received)) e['correction.requestedOn'] = '补正告知日期不能早于收到申请之日';
  if (before(c.receivedOn, c.requestedOn))
    e['correction.receivedOn'] = '收到补正申请的日期不能早于补正告知日期';
  if (before(c.receivedOn, received)) e['correction.receivedOn'] = '收到补正申请的日期不能早于收到原申请之日';
}

function validateExtension(e: Errors, x: NonNullable<ClockFacts['extension']>): void {
  date(e, 'extension.approvedOn', x.approvedOn);
  if (!Number.isInteger(x.workdays) || x.workdays < 1) {
    e['extension.workdays'] = '延长的工作日数必须是正整数';
  } else if (x.workdays > STATUTE.maxExtensionWorkdays) {
    e['extension.workdays'] =
      `延长答复期限最长不得超过${STATUTE.maxExtensionWorkdays}个工作日（第三十三条第二款），现为${x.workdays}个工作日`;
  }
}

function date(e: Errors, path: string, value: IsoDate | null | undefined): void {
  if (value != null && !isIsoDate(value)) e[path] = `日期「${value}」无效，应为 YYYY-MM-DD`;
}

/** Checks both dates and that `to` (optional) is not before `from`. */
function ordered(
  e: Errors,
  path: string,
  from: IsoDate,
  to: IsoDate | null | undefined,
  fk: string,
  tk: string,
  msg: string,
): void {
  if (from == null) e[`${path}.${fk}`] = '缺少日期';
  date(e, `${path}.${fk}`, from);
  date(e, `${path}.${tk}`, to);
  if (to != null && isIsoDate(from) && isIsoDate(to) && to < from) e[`${path}.${tk}`] = msg;
}
