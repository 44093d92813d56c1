// The document library as the back office reads it (issue 10), shared part: the 第二十六条 due date of
// what is not yet published, the warnings of an item, the overdue count of the dashboard, the
// normative documents still without a 政策解读, and the 索引号 template. The list is in
// document-admin-list.ts, one item in document-admin-detail.ts. Always within the actor's subtree
// (publishing agency); outside it an item is 404.
import { and, desc, eq, inArray, isNotNull, like, sql, type SQL } from 'drizzle-orm';
import type { AnyActor } from '../domain/agencies/actor.js';
import { workdaysAfter } from '../domain/calendar/workdays.js';
import { publicationDueDate } from '../domain/documents/publication.js';
import { DEFAULT_INDEX_TEMPLATE } from '../domain/documents/index-number.js';
import { NotFound } from '../domain/errors.js';
import type { Db, Executor } from '../db/client.js';
import { agency, agencySetting, document, documentRelation } from '../db/schema.js';
import { authorize, authorizeAction, scopePath } from '../policies/policy.js';
import { cachedWorkCalendar } from './calendar-cache.js';

/** How many working days ahead counts as 「即将到期」 (as in the application inbox). */
const PUBLICATION_DUE_SOON_WORKDAYS = 3;

/** Problems that do not stop a save, shown beside the item until fixed. */
export function documentWarnings(d: {
  docNumber: string | null;
  docNumberNorm: string | null;
  effectLevel: string;
  unifiedNumber: string | null;
  kind: string;
  interpretationForm: string | null;
  mediaUrl: string | null;
}): string[] {
  const out: string[] = [];
  if (d.docNumber && !d.docNumberNorm)
    out.push(
      `发文字号「${d.docNumber}」不符合 机关代字〔年份〕序号号 的格式（如 江南府〔2026〕12号），已按原样保存，但按文号检索可能找不到`,
    );
  if (d.effectLevel === 'normative' && !d.unifiedNumber)
    out.push('行政规范性文件通常应有统一编号（统一登记、统一编号、统一印发），请核对后补充');
  if (
    d.kind === 'interpretation' &&
    (d.interpretationForm === 'video' || d.interpretationForm === 'interview') &&
    !d.mediaUrl
  )
    out.push('视频或访谈解读通常应填写链接');
  return out;
}

export function scopeWhere(actor: AnyActor): SQL | undefined {
  const scope = scopePath(actor);
  return scope === '/' ? undefined : like(agency.path, `${scope}%`);
}

/** Not yet published, to be disclosed proactively, with a 形成日期: 第二十六条 runs. */
export const UNPUBLISHED_DUE = and(
  inArray(document.state, ['draft', 'review']),
  eq(document.disclosureMethod, 'proactive'),
  isNotNull(document.formedOn),
);

export type DueMarks = { dueDate: string | null; overdue: boolean; dueSoon: boolean };

/** The due date and its marks of unpublished rows (each agency's own calendar). */
export async function dueMarks(
  db: Db,
  rows: { state: string; disclosureMethod: string; formedOn: string | null; agencyPath: string }[],
  today: string,
): Promise<DueMarks[]> {
  const out: DueMarks[] = [];
  for (const r of rows) {
    if (!r.formedOn || r.disclosureMethod !== 'proactive' || (r.state !== 'draft' && r.state !== 'review')) {
      out.push({ dueDate: null, overdue: false, dueSoon: false });
      continue;
    }
    const calendar = await cachedWorkCalendar(db, r.agencyPath);
    const due = publicationDueDate(r.formedOn, calendar);
    const soonLimit = workdaysAfter(calendar, today, PUBLICATION_DUE_SOON_WORKDAYS);
    out.push({ dueDate: due, overdue: due < today, dueSoon: due >= today && due <= soonLimit });
  }
  return out;
}

/** Items of the actor's subtree still unpublished after their 第二十六条 due date (the dashboard). */
export async function overduePublicationCount(db: Db, actor: AnyActor, today: string): Promise<number> {
  const rows = await db
    .select({
      state: document.state,
      disclosureMethod: document.disclosureMethod,
      formedOn: document.formedOn,
      agencyPath: agency.path,
    })
    .from(document)
    .innerJoin(agency, eq(agency.id, document.agencyId))
    .where(and(scopeWhere(actor), UNPUBLISHED_DUE));
  return (await dueMarks(db, rows, today)).filter((m) => m.overdue).length;
}

export interface LackingInterpretation {
  id: number;
  title: string;
  docNumber: string | null;
  agencyName: string;
  publishedOn: string | null;
  validity: string;
}

/**
 * Published 行政规范性文件 and 规章 of the actor's subtree, in force, that no published 政策解读
 * interprets yet (国办发〔2016〕80号: a policy document and its interpretation are published together).
 */
export async function documentsLackingInterpretation(
  db: Db,
  actor: AnyActor,
): Promise<LackingInterpretation[]> {
  authorizeAction(actor, 'document.view');
  const interpreted = sql`exists (select 1 from ${documentRelation} r join ${document} i on i.id = r.from_id
    where r.to_id = ${document.id} and r.kind = 'interprets' and i.state = 'published')`;
  return db
    .select({
      id: document.id,
      title: document.title,
      docNumber: document.docNumber,
      agencyName: agency.name,
      publishedOn: document.publishedOn,
      validity: document.validity,
    })
    .from(document)
    .innerJoin(agency, eq(agency.id, document.agencyId))
    .where(
      and(
        scopeWhere(actor),
        eq(document.kind, 'document'),
        eq(document.state, 'published'),
        inArray(document.effectLevel, ['normative', 'rule']),
        inArray(document.validity, ['effective', 'amended', 'partly_invalid', 'pending']),
        sql`not ${interpreted}`,
      ),
    )
    .orderBy(sql`${document.publishedOn} desc nulls last`, desc(document.id))
    .limit(500);
}

/** agency_setting key of an agency's 索引号 template (it applies to the agencies below it too). */
export const INDEX_TEMPLATE_SETTING = 'index-number-template';

/**
 * The 索引号 template that applies to an agency: its own setting, else the nearest ancestor's,
 * else the default; with the agency whose setting it is (null for the default).
 */
export async function applicableIndexTemplate(
  db: Executor,
  agencyPath: string,
): Promise<{ template: string; fromAgencyId: number | null }> {
  const ids = agencyPath.split('/').filter(Boolean).map(Number);
  const rows = await db
    .select({ agencyId: agencySetting.agencyId, value: agencySetting.value })
    .from(agencySetting)
    .where(and(inArray(agencySetting.agencyId, ids), eq(agencySetting.key, INDEX_TEMPLATE_SETTING)));
  for (const id of [...ids].reverse()) {
    const v = rows.find((r) => r.agencyId === id)?.value;
    if (typeof v === 'string' && v.trim() !== '') return { template: v.trim(), fromAgencyId: id };
  }
  return { template: DEFAULT_INDEX_TEMPLATE, fromAgencyId: null };
}

export interface IndexTemplateView {
  agencyId: number;
  agencyName: string;
  agencyCode: string;
  /** The agency's own setting (null: it uses the inherited or default one). */
  own: string | null;
  /** What applies now, and whose setting it is (null: the default). */
  template: string;
  fromAgencyName: string | null;
}

/** The 索引号 template page of an agency of the actor's subtree. */
export async function indexTemplateView(
  db: Db,
  actor: AnyActor,
  agencyId: number,
): Promise<IndexTemplateView> {
  const [a] = await db
    .select({ id: agency.id, name: agency.name, code: agency.code, path: agency.path })
    .from(agency)
    .where(eq(agency.id, agencyId));
  if (!a) throw new NotFound('未找到该机构');
  authorize(actor, 'document.configure', { agencyPath: a.path });
  const applies = await applicableIndexTemplate(db, a.path);
  let fromAgencyName: string | null = null;
  if (applies.fromAgencyId !== null) {
    const [from] = await db
      .select({ name: agency.name })
      .from(agency)
      .where(eq(agency.id, applies.fromAgencyId));
    fromAgencyName = from?.name ?? null;
  }
  return {
    agencyId: a.id,
    agencyName: a.name,
    agencyCode: a.code,
    own: applies.fromAgencyId === a.id ? applies.template : null,
    template: applies.template,
    fromAgencyName,
  };
}
