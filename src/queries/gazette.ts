// 政府公报 (the gazette): its issues and the documents each holds, for the back office (the actor's
// scope) and for the portal (published documents only, every agency that has a gazette).
import { and, asc, desc, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import type { AnyActor } from '../domain/agencies/actor.js';
import { NotFound } from '../domain/errors.js';
import type { Executor } from '../db/client.js';
import { databaseFileStore } from '../db/file-store.js';
import { agency, document, gazetteIssue, gazetteItem, storedFile } from '../db/schema.js';
import { isPublished } from './document-list.js';
import { authorize, scopePath } from '../policies/policy.js';

export interface GazetteIssueSummary {
  id: number;
  agency: { id: number; code: string; name: string; path: string };
  year: number;
  number: number;
  totalNumber: number | null;
  publishedOn: string;
  /** The issue's PDF, when uploaded. */
  file: { id: number; filename: string; size: number } | null;
  documents: number;
  synthetic: boolean;
}

export interface GazetteItemRow {
  documentId: number;
  position: number;
  title: string;
  docNumber: string | null;
  indexNumber: string | null;
  agencyName: string;
  publishedOn: string | null;
  state: string;
  effectLevel: string;
  validity: string;
}

export interface GazetteIssueDetail extends GazetteIssueSummary {
  items: GazetteItemRow[];
}

const summaryColumns = {
  id: gazetteIssue.id,
  agencyId: agency.id,
  agencyCode: agency.code,
  agencyName: agency.name,
  agencyPath: agency.path,
  year: gazetteIssue.year,
  number: gazetteIssue.number,
  totalNumber: gazetteIssue.totalNumber,
  publishedOn: gazetteIssue.publishedOn,
  fileId: storedFile.id,
  filename: storedFile.filename,
  size: storedFile.size,
  synthetic: gazetteIssue.synthetic,
  documents: sql<number>`(select count(*) from gazette_item gi where gi.issue_id = ${gazetteIssue.id})::int`,
};

type SummaryRow = {
  id: number;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  agencyPath: string;
  year: number;
  number: number;
  totalNumber: number | null;
  publishedOn: string;
  fileId: number | null;
  filename: string | null;
  size: number | null;
  synthetic: boolean;
  documents: number;
};

function summaryOf(r: SummaryRow): GazetteIssueSummary {
  return {
    id: r.id,
    agency: { id: r.agencyId, code: r.agencyCode, name: r.agencyName, path: r.agencyPath },
    year: r.year,
    number: r.number,
    totalNumber: r.totalNumber,
    publishedOn: r.publishedOn,
    file: r.fileId === null ? null : { id: r.fileId, filename: r.filename ?? '', size: r.size ?? 0 },
    documents: Number(r.documents),
    synthetic: r.synthetic,
  };
}

function issuesQuery(db: Executor) {
  return db
    .select(summaryColumns)
    .from(gazetteIssue)
    .innerJoin(agency, eq(agency.id, gazetteIssue.agencyId))
    .leftJoin(storedFile, eq(storedFile.id, gazetteIssue.fileId));
}

/** The back office's list: issues of agencies in the actor's scope, newest first. */
export async function listGazetteIssues(
  db: Executor,
  actor: AnyActor,
  filter: { year?: number; agencyId?: number } = {},
): Promise<GazetteIssueSummary[]> {
  const scope = scopePath(actor);
  const rows = await issuesQuery(db)
    .where(
      and(
        scope === '/' ? undefined : like(agency.path, `${scope}%`),
        filter.year ? eq(gazetteIssue.year, filter.year) : undefined,
        filter.agencyId ? eq(gazetteIssue.agencyId, filter.agencyId) : undefined,
      ),
    )
    .orderBy(desc(gazetteIssue.year), desc(gazetteIssue.number), asc(agency.path))
    .limit(GAZETTE_LIST_LIMIT);
  return rows.map(summaryOf);
}

export const GAZETTE_LIST_LIMIT = 500;

async function itemsOf(db: Executor, issueId: number, publishedOnly: boolean): Promise<GazetteItemRow[]> {
  return db
    .select({
      documentId: gazetteItem.documentId,
      position: gazetteItem.position,
      title: document.title,
      docNumber: document.docNumber,
      indexNumber: document.indexNumber,
      agencyName: agency.name,
      publishedOn: document.publishedOn,
      state: document.state,
      effectLevel: document.effectLevel,
      validity: document.validity,
    })
    .from(gazetteItem)
    .innerJoin(document, eq(document.id, gazetteItem.documentId))
    .innerJoin(agency, eq(agency.id, document.agencyId))
    .where(and(eq(gazetteItem.issueId, issueId), publishedOnly ? isPublished : undefined))
    .orderBy(asc(gazetteItem.position));
}

/** One issue with its documents, for staff who may see its agency (else NotFound). */
export async function gazetteIssueForStaff(
  db: Executor,
  actor: AnyActor,
  id: number,
): Promise<GazetteIssueDetail> {
  const [row] = await issuesQuery(db).where(eq(gazetteIssue.id, id));
  if (!row) throw new NotFound();
  const issue = summaryOf(row);
  authorize(actor, 'gazette.manage', { agencyPath: issue.agency.path });
  return { ...issue, items: await itemsOf(db, id, false) };
}

/**
 * Published documents of the issue's agency (and its subtree) that no issue holds yet, from the
 * issue's year and the year before: what staff usually add next — 规章 and 行政规范性文件 first, then
 * the agency's own documents, then the newest.
 */
export async function gazetteCandidates(
  db: Executor,
  issue: Pick<GazetteIssueSummary, 'year' | 'agency'>,
  limit = 20,
): Promise<{ id: number; title: string; docNumber: string | null; publishedOn: string | null }[]> {
  return db
    .select({
      id: document.id,
      title: document.title,
      docNumber: document.docNumber,
      publishedOn: document.publishedOn,
    })
    .from(document)
    .innerJoin(agency, eq(agency.id, document.agencyId))
    .leftJoin(gazetteItem, eq(gazetteItem.documentId, document.id))
    .where(
      and(
        like(agency.path, `${issue.agency.path}%`),
        isPublished,
        eq(document.kind, 'document'),
        isNull(gazetteItem.issueId),
        sql`${document.publishedOn} between ${`${issue.year - 1}-01-01`} and ${`${issue.year}-12-31`}`,
      ),
    )
    .orderBy(
      sql`case ${document.effectLevel} when 'rule' then 0 when 'normative' then 1 else 2 end`,
      sql`(${agency.id} = ${issue.agency.id}) desc`,
      desc(document.publishedOn),
      desc(document.id),
    )
    .limit(limit);
}

// ---------------------------------------------------------------------------------------------------
// Portal

/** The agencies that publish a gazette (have at least one issue), the highest in the tree first. */
export async function gazetteAgencies(
  db: Executor,
): Promise<{ id: number; code: string; name: string; issues: number }[]> {
  const rows = await db
    .select({
      id: agency.id,
      code: agency.code,
      name: agency.name,
      path: agency.path,
      issues: sql<number>`count(*)::int`,
    })
    .from(gazetteIssue)
    .innerJoin(agency, eq(agency.id, gazetteIssue.agencyId))
    .groupBy(agency.id, agency.code, agency.name, agency.path, agency.sortOrder)
    .orderBy(sql`length(${agency.path})`, asc(agency.sortOrder), asc(agency.id));
  return rows.map(({ path: _path, ...r }) => ({ ...r, issues: Number(r.issues) }));
}

/** Every issue of one agency's gazette, newest first (the portal groups them by year). */
export async function publicGazetteIssues(db: Executor, agencyId: number): Promise<GazetteIssueSummary[]> {
  const rows = await db
    .select({
      ...summaryColumns,
      documents: sql<number>`(select count(*) from gazette_item gi join document d on d.id = gi.document_id
        where gi.issue_id = ${gazetteIssue.id} and d.state = 'published' and d.disclosure_method = 'proactive')::int`,
    })
    .from(gazetteIssue)
    .innerJoin(agency, eq(agency.id, gazetteIssue.agencyId))
    .leftJoin(storedFile, eq(storedFile.id, gazetteIssue.fileId))
    .where(eq(gazetteIssue.agencyId, agencyId))
    .orderBy(desc(gazetteIssue.year), desc(gazetteIssue.number));
  return rows.map(summaryOf);
}

/** One issue on the portal, with its published documents; null when there is no such issue. */
export async function publicGazetteIssue(
  db: Executor,
  agencyId: number,
  year: number,
  number: number,
): Promise<GazetteIssueDetail | null> {
  const [row] = await issuesQuery(db).where(
    and(eq(gazetteIssue.agencyId, agencyId), eq(gazetteIssue.year, year), eq(gazetteIssue.number, number)),
  );
  if (!row) return null;
  const items = await itemsOf(db, row.id, true);
  return { ...summaryOf(row), documents: items.length, items };
}

/**
 * The first issue (of `agencyId`'s gazette, or of any) that printed each of `ids`: for search results,
 * which name the issue a document was printed in.
 */
export async function gazetteIssuesOfDocuments(
  db: Executor,
  ids: readonly number[],
  agencyId?: number,
): Promise<Map<number, { year: number; number: number; agencyCode: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      documentId: gazetteItem.documentId,
      year: gazetteIssue.year,
      number: gazetteIssue.number,
      agencyCode: agency.code,
    })
    .from(gazetteItem)
    .innerJoin(gazetteIssue, eq(gazetteIssue.id, gazetteItem.issueId))
    .innerJoin(agency, eq(agency.id, gazetteIssue.agencyId))
    .where(
      and(
        inArray(gazetteItem.documentId, [...ids]),
        agencyId === undefined ? undefined : eq(gazetteIssue.agencyId, agencyId),
      ),
    )
    .orderBy(asc(gazetteIssue.year), asc(gazetteIssue.number));
  const out = new Map<number, { year: number; number: number; agencyCode: string }>();
  for (const r of rows) if (!out.has(r.documentId)) out.set(r.documentId, r);
  return out;
}

/** The bytes of an issue's PDF (the caller decides who may have it: staff in scope, or the public). */
export async function gazettePdf(
  db: Executor,
  issueId: number,
): Promise<{ filename: string; mediaType: string; bytes: Buffer } | null> {
  const [row] = await db
    .select({ fileId: gazetteIssue.fileId })
    .from(gazetteIssue)
    .where(eq(gazetteIssue.id, issueId));
  if (!row?.fileId) return null;
  const file = await databaseFileStore.get(db, row.fileId);
  return file ? { filename: file.filename, mediaType: file.mediaType, bytes: file.bytes } : null;
}
