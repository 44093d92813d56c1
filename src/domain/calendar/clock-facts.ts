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
  /** 第三十三条第二款 extension approved by the 工作机构负责人 (notice to the applicant required). */
  extension?: { approvedOn: IsoDate; workdays: number } | null;
  /** 第三十五条: a later reply date set by the agency and notified to the applicant. */
  reasonablePeriod?: { notifiedOn: IsoDate; replyBy: IsoDate } | null;
  /** 信息处理费 notice and payment (国办函〔2020〕109号). */
  fee?: { noticeOn: IsoDate; paidOn?: IsoDate | null } | null;
  /** Other time recorded as not counted (e.g. the CLI's --pause FROM..TO). */
  pauses?: { from: IsoDate; to: IsoDate; reason?: string }[];
  withdrawnOn?: IsoDate | null;
  repliedOn?: IsoDate | null;
}

export interface Consultation {
  /** Who was consulted, as shown to users. */
  party: string;
  kind: 'third-party' | 'agency';
  sentOn: IsoDate;
  answeredOn?: IsoDate | null;
}

type Errors = Record<string, string>;

/** Throws InvalidInput listing every problem, keyed by the fact's path (e.g. 'extension.workdays'). */
export function validateClockFacts(facts: ClockFacts, today: IsoDate): void {
  const e: Errors = {};
  date(e, 'today', today);
  if (!isReceiptChannel(facts.received.channel)) e['received.channel'] = '申请渠道无效';
  date(e, 'received.date', facts.received.date);
  if (facts.correction) validateCorrection(e, facts.correction, facts.received.date);
  (facts.consultations ?? []).forEach((c, i) => {
    if (c.kind !== 'third-party' && c.kind !== 'agency')
      e[`consultations.${i}.kind`] = '征求意见对象类型无效';
    ordered(
      e,
      `consultations.${i}`,
      c.sentOn,
      c.answeredOn,
      'sentOn',
      'answeredOn',
      '答复日期不能早于征求意见日期',
    );
  });
  if (facts.extension) validateExtension(e, facts.extension);
  const rp = facts.reasonablePeriod;
  if (rp)
    ordered(
      e,
      'reasonablePeriod',
      rp.notifiedOn,
      rp.replyBy,
      'notifiedOn',
      'replyBy',
      '答复日期不能早于告知日期',
    );
  const fee = facts.fee;
  if (fee) ordered(e, 'fee', fee.noticeOn, fee.paidOn, 'noticeOn', 'paidOn', '缴费日期不能早于收费通知日期');
  (facts.pauses ?? []).forEach((p, i) =>
    ordered(e, `pauses.${i}`, p.from, p.to, 'from', 'to', '结束日期不能早于开始日期'),
  );
  date(e, 'withdrawnOn', facts.withdrawnOn);
  date(e, 'repliedOn', facts.repliedOn);
  if (Object.keys(e).length > 0) throw new InvalidInput(e, '期限计算所需的日期有误');
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
