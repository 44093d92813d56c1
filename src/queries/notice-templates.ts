// The notice templates of an office as the template editor shows them: every kind of notice and
// every kind of reply (one per decision outcome), each with the template in force — the agency's
// own, the installation's default, or the built-in one — and the 文号 prefix of the agency's
// notices with the number the next reply would get. Also the preview: a template filled with
// sample values, exactly as composeNotice fills it when a notice is issued.
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../domain/agencies/actor.js';
import {
  DECISION_OUTCOMES,
  isOutcome,
  OUTCOME_RULES,
  type Outcome,
} from '../domain/applications/outcomes.js';
import type { IsoDate } from '../domain/calendar/iso-date.js';
import { InvalidInput } from '../domain/errors.js';
import {
  composeNotice,
  defaultTemplate,
  PLACEHOLDER_DESCRIPTIONS,
  placeholdersIn,
  validateTemplate,
  isNoticeKind,
  NOTICE_KIND_LABELS,
  NOTICE_KINDS,
  numberLabel,
  NOTICE_PREFIX_SETTING,
  NUMBER_SUFFIXES,
  placeholdersFor,
  remediesParagraph,
  type NoticeDocument,
  type NoticeKind,
  type NoticeTemplateText,
  type PlaceholderName,
  type TemplateValues,
} from '../domain/notices/index.js';
import type { Executor } from '../db/client.js';
import { agency, agencySetting, noticeTemplate, numberSequence } from '../db/schema.js';
import { authorize } from '../policies/policy.js';

const REPLY_SUFFIX = NUMBER_SUFFIXES.decision!;

export interface TemplateKeyInfo {
  /** The key of table notice_template: the kind, or 'decision:<outcome>'. */
  key: string;
  kind: NoticeKind;
  outcome: Outcome | null;
  /** 补正告知书; 答复书（予以公开） */
  label: string;
}

/** Every template an office may edit, in the order of a case: kinds, then each reply. */
export const TEMPLATE_KEYS: readonly TemplateKeyInfo[] = [
  ...NOTICE_KINDS.filter((k) => k !== 'decision').map((kind) => ({
    key: kind,
    kind,
    outcome: null,
    label: NOTICE_KIND_LABELS[kind],
  })),
  ...DECISION_OUTCOMES.map((outcome) => ({
    key: `decision:${outcome}`,
    kind: 'decision' as const,
    outcome,
    label: `${NOTICE_KIND_LABELS.decision}（${OUTCOME_RULES[outcome].label}）`,
  })),
];

export function templateKeyInfo(key: string): TemplateKeyInfo | null {
  return TEMPLATE_KEYS.find((t) => t.key === key) ?? null;
}

export type TemplateSource = 'agency' | 'installation' | 'builtIn';

export interface TemplateListItem extends TemplateKeyInfo {
  source: TemplateSource;
  title: string;
  updatedAt: Date | null;
}

export interface NoticePrefixInfo {
  /** The prefix in force (the agency's setting, else its short name, else its name). */
  value: string;
  /** The agency's own setting, if any. */
  setting: string | null;
  /** What applies without a setting. */
  fallback: string;
  /** The 文号 the next reply of this year would get, e.g. 江南府办依复〔2026〕12号. */
  nextReplyNumber: string | null;
}

export interface NoticeTemplateOverview {
  agency: { id: number; name: string };
  items: TemplateListItem[];
  prefix: NoticePrefixInfo;
}

/** The agency whose templates the actor edits: its own (notice.configure; scoped to it). */
function ownAgency(actor: Actor) {
  authorize(actor, 'notice.configure', { agencyPath: actor.agencyPath });
  return actor.agencyId;
}

async function templateRows(db: Executor, agencyId: number) {
  const [own, installation] = await Promise.all([
    db.select().from(noticeTemplate).where(eq(noticeTemplate.agencyId, agencyId)),
    db.select().from(noticeTemplate).where(isNull(noticeTemplate.agencyId)),
  ]);
  return {
    own: new Map(own.map((r) => [r.kind, r])),
    installation: new Map(installation.map((r) => [r.kind, r])),
  };
}

/** The prefix of an agency's 文号 and the next reply number of `year`. */
export async function noticePrefixOf(
  db: Executor,
  agencyId: number,
  year: number,
): Promise<NoticePrefixInfo> {
  const [ag] = await db
    .select({ name: agency.name, shortName: agency.shortName })
    .from(agency)
    .where(eq(agency.id, agencyId));
  const [setting] = await db
    .select({ value: agencySetting.value })
    .from(agencySetting)
    .where(and(eq(agencySetting.agencyId, agencyId), eq(agencySetting.key, NOTICE_PREFIX_SETTING)));
  const own = typeof setting?.value === 'string' && setting.value.trim() ? setting.value.trim() : null;
  const fallback = ag?.shortName?.trim() || ag?.name || '';
  const value = own ?? fallback;
  const [seq] = await db
    .select({ last: numberSequence.last })
    .from(numberSequence)
    .where(
      and(
        eq(numberSequence.agencyId, agencyId),
        eq(numberSequence.name, REPLY_SUFFIX),
        eq(numberSequence.year, year),
      ),
    );
  let nextReplyNumber: string | null;
  try {
    nextReplyNumber = numberLabel(`${value}${REPLY_SUFFIX}`, year, (seq?.last ?? 0) + 1);
  } catch {
    // A short name that cannot be a prefix (e.g. ends with a digit): the page asks for a prefix.
    nextReplyNumber = null;
  }
  return { value, setting: own, fallback, nextReplyNumber };
}

export async function noticeTemplateOverview(
  db: Executor,
  actor: Actor,
  today: IsoDate,
): Promise<NoticeTemplateOverview> {
  const agencyId = ownAgency(actor);
  const rows = await templateRows(db, agencyId);
  const items = TEMPLATE_KEYS.map((t): TemplateListItem => {
    const own = rows.own.get(t.key);
    const inst = rows.installation.get(t.key);
    const row = own ?? inst;
    return {
      ...t,
      source: own ? 'agency' : inst ? 'installation' : 'builtIn',
      title: row?.title ?? defaultTemplate(t.kind, t.outcome).title,
      updatedAt: own?.updatedAt ?? null,
    };
  });
  return {
    agency: { id: agencyId, name: actor.agencyName },
    items,
    prefix: await noticePrefixOf(db, agencyId, Number(today.slice(0, 4))),
  };
}

export interface NoticeTemplateDetail extends TemplateKeyInfo {
  agency: { id: number; name: string };
  source: TemplateSource;
  /** The template in force (the addressee is the built-in one: offices edit title and body). */
  current: NoticeTemplateText;
  /** What 恢复默认 gives: the installation's default, else the built-in template. */
  fallback: NoticeTemplateText;
  fallbackSource: Exclude<TemplateSource, 'agency'>;
  placeholders: { name: PlaceholderName; description: string; required: boolean }[];
  prefix: NoticePrefixInfo;
}

/** One template for the editor; null for a key that is not a template. */
export async function noticeTemplateDetail(
  db: Executor,
  actor: Actor,
  key: string,
  today: IsoDate,
): Promise<NoticeTemplateDetail | null> {
  const agencyId = ownAgency(actor);
  const info = templateKeyInfo(key);
  if (!info) return null;
  const rows = await templateRows(db, agencyId);
  const builtIn = defaultTemplate(info.kind, info.outcome);
  const own = rows.own.get(key);
  const inst = rows.installation.get(key);
  const fallback: NoticeTemplateText = inst
    ? { title: inst.title, addressee: builtIn.addressee, body: inst.body }
    : { title: builtIn.title, addressee: builtIn.addressee, body: builtIn.body };
  return {
    ...info,
    agency: { id: agencyId, name: actor.agencyName },
    source: own ? 'agency' : inst ? 'installation' : 'builtIn',
    current: own ? { title: own.title, addressee: builtIn.addressee, body: own.body } : fallback,
    fallback,
    fallbackSource: inst ? 'installation' : 'builtIn',
    placeholders: placeholdersFor(info.kind).filter(
      (ph) => !placeholdersWithoutValue(info.kind, info.outcome).includes(ph.name),
    ),
    prefix: await noticePrefixOf(db, agencyId, Number(today.slice(0, 4))),
  };
}

/**
 * Placeholders a kind allows but the step that issues this notice never fills (so a notice using
 * them could not be issued): a reply names no other agency; a grant may come without reasons; an
 * outcome that cites no article has no ground; the fee notice's payment details are not recorded.
 */
export function placeholdersWithoutValue(kind: NoticeKind, outcome: Outcome | null): PlaceholderName[] {
  if (kind === 'fee') return ['paymentInfo'];
  if (kind !== 'decision' || !outcome) return [];
  const out: PlaceholderName[] = ['otherAgency', 'otherAgencyContact'];
  if (outcome === 'granted') out.push('reasons');
  else if (!OUTCOME_RULES[outcome].groundRequired) out.push('ground');
  return out;
}

/**
 * Checks an edited template as it will be used: validateTemplate, then no placeholder this notice
 * never has a value for. Throws InvalidInput keyed by part (title, body) with every problem.
 */
export function checkNoticeTemplate(info: TemplateKeyInfo, text: NoticeTemplateText): void {
  const errors: Record<string, string> = {};
  try {
    validateTemplate(text, info.kind);
  } catch (e) {
    if (!(e instanceof InvalidInput)) throw e;
    Object.assign(errors, e.fieldErrors);
  }
  const missing = placeholdersWithoutValue(info.kind, info.outcome);
  for (const part of ['title', 'body'] as const)
    for (const name of placeholdersIn(text[part]))
      if ((missing as string[]).includes(name)) {
        const message = `「${info.label}」发出时没有「{{${name}}}」（${PLACEHOLDER_DESCRIPTIONS[name as PlaceholderName]}）的内容，不能使用该占位符`;
        errors[part] = errors[part] ? `${errors[part]}；${message}` : message;
      }
  if (Object.keys(errors).length > 0) throw new InvalidInput(errors, Object.values(errors).join('；'));
}

/** Sample values of every placeholder, for the preview (dates relative to `today`). */
function sampleValues(
  kind: NoticeKind,
  outcome: Outcome | null,
  agencyName: string,
  today: IsoDate,
): TemplateValues {
  const rule = outcome && isOutcome(outcome) ? OUTCOME_RULES[outcome] : null;
  return {
    applicantName: '张三',
    receivedOn: '2026-11-02',
    description: '2026年本市老旧小区改造项目的名单及资金安排',
    trackingNumber: '2026-0000123',
    agencyName,
    agencyContact: '电话 0512-12345678，地址 人民路100号',
    corrections: '1. 请写明所需政府信息的名称或者文号；\n2. 请写明所需信息的时间范围。',
    dueBy: '2026-12-28',
    workdays: kind === 'extension' ? 20 : 15,
    amount: 300,
    feeDetails: '本月此前已计28件，本申请自第29件起累计计算。\n第29至30件：2件 × 100元 = 200元。',
    paymentInfo: '请通过本机关提供的缴费渠道缴纳',
    thirdParty: '某某建设有限公司',
    otherAgency: '江南市住房和城乡建设局',
    otherAgencyContact: '电话 0512-87654321',
    ground: rule?.grounds[0] ?? '第三十六条第（二）项',
    reasons: '所需信息中含有第三方的商业秘密，第三方不同意公开',
    delivery: '本机关以电子形式，通过本平台向您提供',
    remedies: remediesParagraph({
      outcome: kind === 'decision' ? outcome : null,
      decidedOn: today,
    }),
  };
}

/**
 * The template filled with sample values: what a notice issued today would look like. Throws
 * InvalidInput (as fillTemplate does) when the template cannot be filled.
 */
export function noticeTemplatePreview(
  key: string,
  template: NoticeTemplateText,
  frame: { agencyName: string; prefix: string; today: IsoDate },
): NoticeDocument {
  const info = templateKeyInfo(key);
  if (!info || !isNoticeKind(info.kind)) throw new Error(`unknown template key ${key}`);
  const year = Number(frame.today.slice(0, 4));
  const suffix = NUMBER_SUFFIXES[info.kind];
  let number: string | undefined;
  try {
    number = suffix ? numberLabel(`${frame.prefix}${suffix}`, year, 12) : undefined;
  } catch {
    number = undefined;
  }
  return composeNotice({
    kind: info.kind,
    template,
    values: Object.fromEntries(
      Object.entries(sampleValues(info.kind, info.outcome, frame.agencyName, frame.today)).filter(
        ([name]) => !(placeholdersWithoutValue(info.kind, info.outcome) as string[]).includes(name),
      ),
    ),
    ...(number ? { number } : {}),
    signature: { agency: frame.agencyName, date: frame.today },
    footer: ['申请编号：2026-0000123'],
  });
}
