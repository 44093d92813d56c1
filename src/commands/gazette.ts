// 政府公报 (the gazette, issue 10): an agency's issues (year, 第N期, 总第N期, date), each issue's PDF
// (sniffed as a PDF, size-limited, kept through the file store) and the published documents it
// holds, in order. Every change is audited `gazette.*` in its own transaction (the portal's gazette
// pages change with it). The people who publish documents compile the gazette ('gazette.manage').
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isIsoDate } from '../domain/calendar/iso-date.js';
import { isWithin } from '../domain/agencies/agency.js';
import { normalizeDocNumber } from '../domain/documents/doc-number.js';
import { InvalidInput, NotFound } from '../domain/errors.js';
import type { Executor } from '../db/client.js';
import { databaseFileStore } from '../db/file-store.js';
import { agency, document, gazetteIssue, gazetteItem, storedFile } from '../db/schema.js';
import { authorize } from '../policies/policy.js';
import { inTransaction, type CommandContext, type Deps } from './context.js';
import { parseInput } from './validation.js';

/** The largest gazette PDF accepted (a 100-page issue with scans is a few tens of MB). */
export const GAZETTE_PDF_MAX_BYTES = 40 * 1024 * 1024;

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
// A blank field is "not filled in" (zod would read '' as 0).
const year = z.preprocess(
  blank,
  z.coerce
    .number({ error: '请填写年度，例如 2026' })
    .int('年度须为四位数字')
    .min(1949, '年度须为四位数字，例如 2026')
    .max(2100, '年度须为四位数字，例如 2026'),
);
const issueNumber = z.preprocess(
  blank,
  z.coerce
    .number({ error: '请填写期号，例如 12' })
    .int('期号须为整数')
    .min(1, '期号须为正整数')
    .max(999, '期号不能超过 999'),
);
const totalNumber = z.preprocess(
  blank,
  z.coerce
    .number({ error: '总期号须为数字' })
    .int('总期号须为整数')
    .min(1, '总期号须为正整数')
    .max(99999, '总期号不能超过 99999')
    .optional(),
);
const publishedOn = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim() : v),
  z
    .string({ error: '请填写出版日期' })
    .min(1, '请填写出版日期')
    .refine(isIsoDate, '出版日期格式为 年-月-日，例如 2026-06-30'),
);
const id = (message: string) => z.coerce.number({ error: message }).int(message).positive(message);

export const GazetteIssueFields = z.object({
  agencyId: id('请选择编印公报的机关'),
  year,
  number: issueNumber,
  totalNumber,
  publishedOn,
});
export type GazetteIssueInput = z.input<typeof GazetteIssueFields>;

export const GazetteIssueUpdateFields = GazetteIssueFields.omit({ agencyId: true }).extend({
  issueId: id('缺少公报期次'),
});

interface IssueRow {
  id: number;
  agencyId: number;
  agencyPath: string;
  year: number;
  number: number;
  fileId: number | null;
}

async function loadIssue(db: Executor, issueId: number, lock = false): Promise<IssueRow | null> {
  const q = db
    .select({
      id: gazetteIssue.id,
      agencyId: gazetteIssue.agencyId,
      agencyPath: agency.path,
      year: gazetteIssue.year,
      number: gazetteIssue.number,
      fileId: gazetteIssue.fileId,
    })
    .from(gazetteIssue)
    .innerJoin(agency, eq(agency.id, gazetteIssue.agencyId))
    .where(eq(gazetteIssue.id, issueId));
  const [row] = lock ? await q.for('update', { of: gazetteIssue }) : await q;
  return row ?? null;
}

/** The issue, when the actor may compile its agency's gazette (else NotFound / NotAllowed). */
async function issueFor(db: Executor, ctx: CommandContext, issueId: number, lock = false) {
  const issue = await loadIssue(db, issueId, lock);
  authorize(ctx.actor, 'gazette.manage', issue ? { ...issue } : null);
  return issue;
}

async function numberTaken(db: Executor, agencyId: number, y: number, n: number, except?: number) {
  const [dup] = await db
    .select({ id: gazetteIssue.id })
    .from(gazetteIssue)
    .where(and(eq(gazetteIssue.agencyId, agencyId), eq(gazetteIssue.year, y), eq(gazetteIssue.number, n)));
  return dup !== undefined && dup.id !== except;
}

const takenMessage = (y: number, n: number) => `${y}年第${n}期已经存在，请核对期号`;

/** A new issue of an agency's gazette (its documents and PDF are added afterwards). */
/** `input`: the form's fields (GazetteIssueFields), parsed here. */
export async function createGazetteIssue(
  deps: Deps,
  ctx: CommandContext,
  input: GazetteIssueInput | Record<string, unknown>,
) {
  const f = parseInput(GazetteIssueFields, input);
  const [target] = await deps.db
    .select({ id: agency.id, path: agency.path, name: agency.name })
    .from(agency)
    .where(eq(agency.id, f.agencyId));
  if (!target) throw new InvalidInput({ agencyId: '所选机关不存在' });
  authorize(ctx.actor, 'gazette.manage', { agencyPath: target.path });
  if (Number(f.publishedOn.slice(0, 4)) < f.year)
    throw new InvalidInput({ publishedOn: '出版日期不能早于公报年度' });
  return inTransaction(deps, ctx, async (tx, audit) => {
    if (await numberTaken(tx, f.agencyId, f.year, f.number))
      throw new InvalidInput({ number: takenMessage(f.year, f.number) });
    const [row] = await tx
      .insert(gazetteIssue)
      .values({
        agencyId: f.agencyId,
        year: f.year,
        number: f.number,
        totalNumber: f.totalNumber ?? null,
        publishedOn: f.publishedOn,
      })
      .returning({ id: gazetteIssue.id });
    await audit({
      action: 'gazette.created',
      subjectType: 'gazette_issue',
      subjectId: row!.id,
      agencyId: f.agencyId,
      data: {
        after: {
          year: f.year,
          number: f.number,
          totalNumber: f.totalNumber ?? null,
          publishedOn: f.publishedOn,
        },
      },
    });
    return { id: row!.id };
  });
}

/** Corrects an issue's year, numbers or date. */
export async function updateGazetteIssue(
  deps: Deps,
  ctx: CommandContext,
  input: z.input<typeof GazetteIssueUpdateFields> | Record<string, unknown>,
) {
  const f = parseInput(GazetteIssueUpdateFields, input);
  if (Number(f.publishedOn.slice(0, 4)) < f.year)
    throw new InvalidInput({ publishedOn: '出版日期不能早于公报年度' });
  return inTransaction(deps, ctx, async (tx, audit) => {
    const issue = (await issueFor(tx, ctx, f.issueId, true))!;
    const [before] = await tx.select().from(gazetteIssue).where(eq(gazetteIssue.id, issue.id));
    if (await numberTaken(tx, issue.agencyId, f.year, f.number, issue.id))
      throw new InvalidInput({ number: takenMessage(f.year, f.number) });
    const after = {
      year: f.year,
      number: f.number,
      totalNumber: f.totalNumber ?? null,
      publishedOn: f.publishedOn,
    };
    await tx.update(gazetteIssue).set(after).where(eq(gazetteIssue.id, issue.id));
    const changed = Object.fromEntries(
      Object.entries(after).filter(([k, v]) => before![k as keyof typeof after] !== v),
    );
    await audit({
      action: 'gazette.updated',
      subjectType: 'gazette_issue',
      subjectId: issue.id,
      agencyId: issue.agencyId,
      data: {
        before: Object.fromEntries(Object.keys(changed).map((k) => [k, before![k as keyof typeof after]])),
        after: changed,
      },
    });
  });
}

/** An issue without documents and without a PDF can be deleted (a mistaken entry). */
export async function deleteGazetteIssue(deps: Deps, ctx: CommandContext, input: { issueId: unknown }) {
  const issueId = parseInput(id('缺少公报期次'), input.issueId);
  return inTransaction(deps, ctx, async (tx, audit) => {
    const issue = (await issueFor(tx, ctx, issueId, true))!;
    const [held] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(gazetteItem)
      .where(eq(gazetteItem.issueId, issueId));
    if (Number(held?.n ?? 0) > 0 || issue.fileId !== null)
      throw new InvalidInput({ _form: '本期已收录文件或已上传 PDF，不能删除；请先移除文件' });
    await tx.delete(gazetteIssue).where(eq(gazetteIssue.id, issueId));
    await audit({
      action: 'gazette.deleted',
      subjectType: 'gazette_issue',
      subjectId: issueId,
      agencyId: issue.agencyId,
      data: { before: { year: issue.year, number: issue.number } },
    });
  });
}

/** Is it a PDF? By its bytes: `%PDF-` at the start (browsers' claimed types are not trusted). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

/** Stores the issue's PDF (replacing an earlier one, whose bytes are deleted). */
export async function uploadGazettePdf(
  deps: Deps,
  ctx: CommandContext,
  input: { issueId: unknown; file: { fileName: string; bytes: Buffer; truncated?: boolean } | null },
) {
  const issueId = parseInput(id('缺少公报期次'), input.issueId);
  const file = input.file;
  if (!file || file.bytes.length === 0) throw new InvalidInput({ file: '请选择本期公报的 PDF 文件' });
  if (file.truncated || file.bytes.length > GAZETTE_PDF_MAX_BYTES)
    throw new InvalidInput({
      file: `文件超过 ${GAZETTE_PDF_MAX_BYTES / 1024 / 1024} MB，请压缩后再上传`,
    });
  if (!looksLikePdf(file.bytes)) throw new InvalidInput({ file: '只能上传 PDF 文件' });
  return inTransaction(deps, ctx, async (tx, audit) => {
    const issue = (await issueFor(tx, ctx, issueId, true))!;
    const filename = `政府公报${issue.year}年第${issue.number}期.pdf`;
    const stored = await databaseFileStore.put(tx, {
      filename,
      mediaType: 'application/pdf',
      bytes: file.bytes,
    });
    await tx.update(gazetteIssue).set({ fileId: stored.id }).where(eq(gazetteIssue.id, issue.id));
    if (issue.fileId !== null) await tx.delete(storedFile).where(eq(storedFile.id, issue.fileId));
    await audit({
      action: 'gazette.pdf-uploaded',
      subjectType: 'gazette_issue',
      subjectId: issue.id,
      agencyId: issue.agencyId,
      data: { size: stored.size, sha256: stored.sha256, replaced: issue.fileId !== null },
    });
    return stored;
  });
}

const ItemFields = z.object({
  issueId: id('缺少公报期次'),
  /** A document's id (from a list on the page), or what people type: its 索引号 or 发文字号. */
  documentId: z.preprocess(blank, z.coerce.number().int().positive().optional()),
  reference: z.preprocess(
    blank,
    z.string().trim().max(100, '索引号或发文字号不能超过 100 个字符').optional(),
  ),
});

/** Adds a published document of the agency (or its subtree) at the end of the issue. */
export async function addGazetteDocument(deps: Deps, ctx: CommandContext, input: z.input<typeof ItemFields>) {
  const f = parseInput(ItemFields, input);
  if (f.documentId === undefined && f.reference === undefined)
    throw new InvalidInput({ reference: '请填写文件的索引号或发文字号' });
  return inTransaction(deps, ctx, async (tx, audit) => {
    const issue = (await issueFor(tx, ctx, f.issueId, true))!;
    const columns = {
      id: document.id,
      title: document.title,
      state: document.state,
      kind: document.kind,
      agencyPath: agency.path,
    };
    const base = tx.select(columns).from(document).innerJoin(agency, eq(agency.id, document.agencyId));
    const found =
      f.documentId !== undefined
        ? await base.where(eq(document.id, f.documentId))
        : await base
            .where(
              sql`${document.indexNumber} = ${f.reference} or ${document.docNumber} = ${f.reference}
                or ${document.docNumberNorm} = ${normalizeDocNumber(f.reference!) ?? f.reference}`,
            )
            .orderBy(asc(document.id))
            .limit(5);
    const field = f.documentId !== undefined ? '_form' : 'reference';
    const inReach = found.filter((d) => isWithin(d.agencyPath, issue.agencyPath));
    const doc = inReach.find((d) => d.state === 'published' && d.kind === 'document') ?? inReach[0];
    if (!doc)
      throw new InvalidInput({
        [field]: '没有找到这份文件：请核对索引号或发文字号（只能收录本机关及下级机关的文件）',
      });
    if (doc.state !== 'published') throw new InvalidInput({ [field]: '只能收录已发布的文件' });
    if (doc.kind !== 'document') throw new InvalidInput({ [field]: '政策解读不收入公报，请选择文件本身' });
    const [held] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(gazetteItem)
      .where(and(eq(gazetteItem.issueId, issue.id), eq(gazetteItem.documentId, doc.id)));
    if (Number(held?.n ?? 0) > 0) throw new InvalidInput({ [field]: `本期已收录《${doc.title}》` });
    const [last] = await tx
      .select({ p: sql<number>`coalesce(max(${gazetteItem.position}), 0)::int` })
      .from(gazetteItem)
      .where(eq(gazetteItem.issueId, issue.id));
    const position = Number(last?.p ?? 0) + 1;
    await tx.insert(gazetteItem).values({ issueId: issue.id, documentId: doc.id, position });
    await audit({
      action: 'gazette.item-added',
      subjectType: 'gazette_issue',
      subjectId: issue.id,
      agencyId: issue.agencyId,
      data: { document: doc.title, position },
    });
    return { documentId: doc.id, title: doc.title, position };
  });
}

const ItemRef = z.object({ issueId: id('缺少公报期次'), documentId: id('缺少文件') });

/** Takes a document out of the issue; the ones after it move up. */
export async function removeGazetteDocument(deps: Deps, ctx: CommandContext, input: z.input<typeof ItemRef>) {
  const f = parseInput(ItemRef, input);
  return inTransaction(deps, ctx, async (tx, audit) => {
    const issue = (await issueFor(tx, ctx, f.issueId, true))!;
    const [gone] = await tx
      .delete(gazetteItem)
      .where(and(eq(gazetteItem.issueId, issue.id), eq(gazetteItem.documentId, f.documentId)))
      .returning({ position: gazetteItem.position });
    if (!gone) throw new NotFound();
    await tx
      .update(gazetteItem)
      .set({ position: sql`${gazetteItem.position} - 1` })
      .where(and(eq(gazetteItem.issueId, issue.id), gt(gazetteItem.position, gone.position)));
    const [doc] = await tx
      .select({ title: document.title })
      .from(document)
      .where(eq(document.id, f.documentId));
    await audit({
      action: 'gazette.item-removed',
      subjectType: 'gazette_issue',
      subjectId: issue.id,
      agencyId: issue.agencyId,
      data: { document: doc?.title ?? null },
    });
  });
}

const MoveFields = ItemRef.extend({
  direction: z.enum(['up', 'down'], { error: '请选择上移或下移' }),
});

/** Moves a document one place up or down in the issue (swapping with its neighbour). */
export async function moveGazetteDocument(
  deps: Deps,
  ctx: CommandContext,
  input: z.input<typeof MoveFields>,
) {
  const f = parseInput(MoveFields, input);
  return inTransaction(deps, ctx, async (tx, audit) => {
    const issue = (await issueFor(tx, ctx, f.issueId, true))!;
    const items = await tx
      .select({ documentId: gazetteItem.documentId, position: gazetteItem.position, title: document.title })
      .from(gazetteItem)
      .innerJoin(document, eq(document.id, gazetteItem.documentId))
      .where(eq(gazetteItem.issueId, issue.id))
      .orderBy(asc(gazetteItem.position));
    const at = items.findIndex((i) => i.documentId === f.documentId);
    if (at < 0) throw new NotFound();
    const other = items[f.direction === 'up' ? at - 1 : at + 1];
    if (!other) return { moved: false };
    const me = items[at]!;
    const swap = async (documentId: number, position: number) =>
      tx
        .update(gazetteItem)
        .set({ position })
        .where(and(eq(gazetteItem.issueId, issue.id), eq(gazetteItem.documentId, documentId)));
    await swap(me.documentId, other.position);
    await swap(other.documentId, me.position);
    await audit({
      action: 'gazette.item-moved',
      subjectType: 'gazette_issue',
      subjectId: issue.id,
      agencyId: issue.agencyId,
      data: { document: me.title, from: me.position, to: other.position },
    });
    return { moved: true };
  });
}
