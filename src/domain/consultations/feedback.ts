// Opinions and the feedback report (意见采纳情况反馈). Each opinion is adopted, partly adopted or not
// adopted; a reason is required unless it is adopted in full. The published report gives the period,
// the number received, the number adopted (in full and in part) and one row per opinion with the
// writer's name masked (张*祥) — never a contact detail.
export const ADOPTIONS = ['pending', 'adopted', 'partly', 'not_adopted'] as const;
export type Adoption = (typeof ADOPTIONS)[number];
export type Decision = Exclude<Adoption, 'pending'>;
export const DECISIONS = ['adopted', 'partly', 'not_adopted'] as const satisfies readonly Decision[];

export const ADOPTION_LABELS: Record<Adoption, string> = {
  pending: '待研究',
  adopted: '采纳',
  partly: '部分采纳',
  not_adopted: '不予采纳',
};

export function isDecision(value: string): value is Decision {
  return (DECISIONS as readonly string[]).includes(value);
}

/** Is a reason needed for this decision? (Adopted in full needs none.) */
export function reasonRequired(decision: Decision): boolean {
  return decision !== 'adopted';
}

/** How an opinion reached the office. */
export const OPINION_CHANNELS = ['online', 'email', 'letter', 'phone', 'meeting'] as const;
export type OpinionChannel = (typeof OPINION_CHANNELS)[number];
/** Those staff enter by hand (the portal's own are 'online'). */
export const STAFF_CHANNELS = [
  'email',
  'letter',
  'phone',
  'meeting',
] as const satisfies readonly OpinionChannel[];

export const CHANNEL_LABELS: Record<OpinionChannel, string> = {
  online: '网上提交',
  email: '电子邮件',
  letter: '信函',
  phone: '电话',
  meeting: '座谈会',
};

/** Shown instead of a name when the writer gave none. */
export const ANONYMOUS = '匿名';

/**
 * A person's name with its middle masked: 张三丰 → 张*丰, 李四 → 李*, 欧阳娜娜 → 欧**娜; a Latin name
 * keeps its first letter (Smith → S****). An organisation name (ending in 公司, 协会…) is kept: the
 * feedback of market participants names the company, not a person.
 */
export function maskName(name: string | null | undefined): string {
  const n = (name ?? '').trim();
  if (!n) return ANONYMOUS;
  if (/(公司|协会|商会|学会|委员会|中心|研究院|事务所|银行|集团|企业|学校|大学|医院|合作社)$/.test(n))
    return n;
  const chars = [...n];
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export interface OpinionForReport {
  authorNameMasked: string | null;
  content: string;
  clause: string | null;
  adoption: Adoption;
  reason: string | null;
  receivedOn: string;
}

export interface FeedbackRow {
  number: number;
  name: string;
  clause: string | null;
  content: string;
  adoption: Decision;
  reason: string | null;
}

export interface FeedbackReport {
  opensOn: string;
  closesOn: string;
  received: number;
  adopted: number;
  partly: number;
  notAdopted: number;
  rows: FeedbackRow[];
}

/** What still stands in the way of publishing the report, in Chinese (empty: it may be published). */
export function feedbackBlockers(state: string, opinions: readonly { adoption: Adoption }[]): string[] {
  const out: string[] = [];
  if (state !== 'closed') out.push('征集结束后才能发布意见采纳情况');
  const pending = opinions.filter((o) => o.adoption === 'pending').length;
  if (pending > 0) out.push(`还有 ${pending} 条意见未作出采纳决定`);
  return out;
}

/** The report from the opinions, in the order received; names are the stored masked names only. */
export function feedbackReport(
  period: { opensOn: string; closesOn: string },
  opinions: readonly OpinionForReport[],
): FeedbackReport {
  const decided = opinions.filter(
    (o): o is OpinionForReport & { adoption: Decision } => o.adoption !== 'pending',
  );
  return {
    opensOn: period.opensOn,
    closesOn: period.closesOn,
    received: opinions.length,
    adopted: decided.filter((o) => o.adoption === 'adopted').length,
    partly: decided.filter((o) => o.adoption === 'partly').length,
    notAdopted: decided.filter((o) => o.adoption === 'not_adopted').length,
    rows: decided.map((o, i) => ({
      number: i + 1,
      name: o.authorNameMasked || ANONYMOUS,
      clause: o.clause,
      content: o.content,
      adoption: o.adoption,
      reason: o.reason,
    })),
  };
}
