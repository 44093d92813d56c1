// The back-office document list (issue 10): its filters, paging and sorts, with the 第二十六条 due
// date of what is not yet published. Always within the actor's subtree (publishing agency).
import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { AnyActor } from '../domain/agencies/actor.js';
import { normalizeDocNumber } from '../domain/documents/doc-number.js';
import {
  isDocumentKind,
  isEffectLevel,
  isPublicationState,
  isValidity,
  type DocumentKind,
  type EffectLevel,
  type PublicationState,
  type Validity,
} from '../domain/documents/vocab.js';
import type { Db } from '../db/client.js';
import { agency, document } from '../db/schema.js';
import { authorizeAction } from '../policies/policy.js';
import { dueMarks, scopeWhere, UNPUBLISHED_DUE, type DueMarks } from './document-admin.js';

export interface AdminDocumentFilter {
  state?: PublicationState | 'overdue' | null;
  kind?: DocumentKind | null;
  agencyId?: number | null;
  effectLevel?: EffectLevel | null;
  validity?: Validity | null;
  /** Words of the title, a 发文字号 in any form, or a 索引号. */
  q?: string | null;
  sort?: 'updated' | 'due' | 'published';
  page?: number;
  pageSize?: number;
}

export interface AdminDocumentItem {
  id: number;
  kind: string;
  title: string;
  docNumber: string | null;
  indexNumber: string | null;
  agencyName: string;
  state: string;
  effectLevel: string;
  validity: string;
  formedOn: string | null;
  publishedOn: string | null;
  updatedAt: string;
  /** 第二十六条: the last day to publish, while it is not yet published. */
  dueDate: string | null;
  overdue: boolean;
  dueSoon: boolean;
}

export interface AdminDocumentPage {
  items: AdminDocumentItem[];
  total: number;
  page: number;
  pageSize: number;
}

export async function listAdminDocuments(
  db: Db,
  actor: AnyActor,
  f: AdminDocumentFilter,
  today: string,
): Promise<AdminDocumentPage> {
  authorizeAction(actor, 'document.view');
  const page = Math.max(1, f.page ?? 1);
  const pageSize = Math.min(200, Math.max(1, f.pageSize ?? 50));
  const where: (SQL | undefined)[] = [scopeWhere(actor)];
  if (f.state === 'overdue') where.push(UNPUBLISHED_DUE);
  else if (f.state && isPublicationState(f.state)) where.push(eq(document.state, f.state));
  if (f.kind && isDocumentKind(f.kind)) where.push(eq(document.kind, f.kind));
  if (f.agencyId) where.push(eq(document.agencyId, f.agencyId));
  if (f.effectLevel && isEffectLevel(f.effectLevel)) where.push(eq(document.effectLevel, f.effectLevel));
  if (f.validity && isValidity(f.validity)) where.push(eq(document.validity, f.validity));
  const q = f.q?.trim();
  if (q) {
    const norm = normalizeDocNumber(q);
    const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
    where.push(
      or(
        ilike(document.title, `%${escaped}%`),
        ilike(document.docNumber, `%${escaped}%`),
        eq(document.indexNumber, q),
        norm ? eq(document.docNumberNorm, norm) : undefined,
      ),
    );
  }
  const order =
    f.sort === 'due'
      ? [sql`${document.formedOn} asc nulls last`, asc(document.id)]
      : f.sort === 'published'
        ? [sql`${document.publishedOn} desc nulls last`, desc(document.id)]
        : [desc(document.updatedAt), desc(document.id)];
  const cond = and(...where);
  const select = {
    id: document.id,
    kind: document.kind,
    title: document.title,
    docNumber: document.docNumber,
    indexNumber: document.indexNumber,
    agencyName: agency.name,
    agencyPath: agency.path,
    state: document.state,
    effectLevel: document.effectLevel,
    validity: document.validity,
    disclosureMethod: document.disclosureMethod,
    formedOn: document.formedOn,
    publishedOn: document.publishedOn,
    updatedAt: document.updatedAt,
  };
  if (f.state === 'overdue') {
    // Overdue depends on each agency's calendar: computed over the unpublished rows (few), then paged.
    const all = await db
      .select(select)
      .from(document)
      .innerJoin(agency, eq(agency.id, document.agencyId))
      .where(cond)
      .orderBy(...order);
    const marks = await dueMarks(db, all, today);
    const overdue = all.map((r, i) => ({ r, m: marks[i]! })).filter((x) => x.m.overdue);
    const total = overdue.length;
    const slice = overdue.slice((page - 1) * pageSize, page * pageSize);
    return {
      items: slice.map(({ r, m }) => itemOf(r, m)),
      total,
      page,
      pageSize,
    };
  }
  const [c] = await db
    .select({ n: sql<number>`count(*)` })
    .from(document)
    .innerJoin(agency, eq(agency.id, document.agencyId))
    .where(cond);
  const total = Number(c?.n ?? 0);
  const rows = await db
    .select(select)
    .from(document)
    .innerJoin(agency, eq(agency.id, document.agencyId))
    .where(cond)
    .orderBy(...order)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const marks = await dueMarks(db, rows, today);
  return { items: rows.map((r, i) => itemOf(r, marks[i]!)), total, page, pageSize };
}

function itemOf(
  r: Omit<AdminDocumentItem, 'updatedAt' | keyof DueMarks> & { updatedAt: Date },
  m: DueMarks,
): AdminDocumentItem {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    docNumber: r.docNumber,
    indexNumber: r.indexNumber,
    agencyName: r.agencyName,
    state: r.state,
    effectLevel: r.effectLevel,
    validity: r.validity,
    formedOn: r.formedOn,
    publishedOn: r.publishedOn,
    updatedAt: new Date(r.updatedAt).toISOString(),
    ...m,
  };
}
