// Loads the demo city's document library (src/demo/documents.ts) in one go. Saving, publishing and
// relating some 4,000 items one command at a time would cost three transactions each and make the
// first start slow; this command checks every item exactly as those commands do — its fields
// (parseDocumentFields: the same messages, the same sanitised body), its publication state and
// dates, its author's right to edit it (authorize), each relation (kinds, a 解读 from an
// interpretation to a document, no relation to itself or twice) and each gazette issue (a published
// document of the agency or below it, once) — and then writes the same rows in bulk, in one
// transaction with one audit event: 有效性 derived with deriveValidity from the relations of
// published documents, the search columns with documentSearchColumns, the 索引号 with the agency's
// template in the order of publication, and the number_sequence counters left where publishing the
// next document continues the count.
import { facetTokens } from '../domain/search/facets.js';
import { count, sql } from 'drizzle-orm';
import { isSystem, type Actor } from '../domain/agencies/actor.js';
import { isWithin } from '../domain/agencies/agency.js';
import { addDays, type IsoDate } from '../domain/calendar/iso-date.js';
import { formatIndexNumber, templateResetsYearly } from '../domain/documents/index-number.js';
import { deriveValidity, documentDateProblems } from '../domain/documents/validity.js';
import {
  isPublicationState,
  isRelationKind,
  type PublicationState,
  type RelationKind,
} from '../domain/documents/vocab.js';
import { Conflict, InvalidInput, NotAllowed } from '../domain/errors.js';
import {
  agency,
  document,
  documentIssuer,
  documentRelation,
  documentTheme,
  gazetteIssue,
  gazetteItem,
  numberSequence,
} from '../db/schema.js';
import { databaseFileStore } from '../db/file-store.js';
import { actorsByLogin } from '../db/repositories/users.js';
import { documentSearchColumns } from '../lib/chinese-tokens.js';
import { localDate, startOfLocalDay } from '../lib/time.js';
import { authorize } from '../policies/policy.js';
import { inTransaction, type CommandContext, type Deps } from './context.js';
import { documentColumns, parseDocumentFields, type DocumentValues } from './documents/fields.js';
import { GAZETTE_PDF_MAX_BYTES, GazetteIssueFields, looksLikePdf } from './gazette.js';
import { parseInput } from './validation.js';
import { indexTemplateFor } from './documents/publication.js';
import { VALIDITY_RELATIONS } from './documents/store.js';

export interface DemoRelationInput {
  kind: RelationKind;
  /** Index of the target in the list. */
  to: number;
  effectiveOn: IsoDate | null;
  note?: string;
}

export interface DemoDocumentInput {
  agencyCode: string;
  /** Further 发文机关 of a joint document. */
  issuerCodes: string[];
  /** The item's fields as the back-office form sends them (agencyId and issuerIds are added here). */
  fields: Record<string, unknown>;
  state: PublicationState;
  /** 发布日期 of a published (or later withdrawn) item; null for a draft or an item under review. */
  publishedOn: IsoDate | null;
  /** Login of the officer who wrote it (the demo logins' drafts); null: loaded by the system. */
  createdBy: string | null;
  withdrawnReason?: string;
  /** Relations from this item to earlier ones. */
  relations: DemoRelationInput[];
}

export interface DemoGazetteIssueInput {
  agencyCode: string;
  year: number;
  number: number;
  totalNumber: number | null;
  publishedOn: IsoDate;
  /** Indexes of the documents it holds, in order. */
  documents: number[];
  /** The issue's PDF, if any (checked as the upload is: a PDF by its bytes, within the size limit). */
  pdf?: Uint8Array | null;
}

export interface DemoDocumentsLoaded {
  /** Document ids in the order of the input. */
  ids: number[];
  documents: number;
  interpretations: number;
  relations: number;
  gazetteIssues: number;
  gazetteItems: number;
}

interface Checked {
  d: DemoDocumentInput;
  v: DocumentValues;
  agency: { id: number; code: string; path: string };
  author: Actor | null;
}

const CHUNK = 250;

/** Published once and still carrying its number: published, or withdrawn after publication. */
const wasPublished = (s: string) => s === 'published' || s === 'withdrawn';

export async function loadDemoDocuments(
  deps: Deps,
  ctx: CommandContext,
  library: { documents: readonly DemoDocumentInput[]; gazette: readonly DemoGazetteIssueInput[] },
): Promise<DemoDocumentsLoaded> {
  if (!isSystem(ctx.actor)) throw new NotAllowed('演示文件只能由系统加载');
  const [existing] = await deps.db.select({ n: count() }).from(document);
  if (Number(existing?.n ?? 0) > 0) throw new Conflict('数据库中已有主动公开文件，演示文件只能加载一次。');
  const today = localDate(deps.now());
  const agencies = new Map(
    (await deps.db.select({ id: agency.id, code: agency.code, path: agency.path }).from(agency)).map((a) => [
      a.code,
      a,
    ]),
  );
  const agencyOf = (code: string, field: string) => {
    const a = agencies.get(code);
    if (!a) throw new InvalidInput({ [field]: `演示文件的机构「${code}」不存在` });
    return a;
  };
  const users = await actorsByLogin(deps.db);

  // Every item checked as the commands check it, before anything is written.
  const docs = library.documents;
  const checked: Checked[] = docs.map((d, i) => {
    const a = agencyOf(d.agencyCode, 'agencyId');
    const issuerIds = d.issuerCodes.map((c) => agencyOf(c, 'issuerIds').id);
    const v = parseDocumentFields({ ...d.fields, agencyId: a.id, issuerIds });
    if (!isPublicationState(d.state)) throw new InvalidInput({ state: '发布状态无效' });
    let author: Actor | null = null;
    if (d.createdBy) {
      author = users.get(d.createdBy) ?? null;
      if (!author) throw new InvalidInput({ createdBy: `没有用户「${d.createdBy}」` });
      authorize(author, 'document.edit', { agencyPath: a.path });
    }
    if (wasPublished(d.state) !== (d.publishedOn !== null))
      throw new InvalidInput({ publishedOn: '已发布的文件须有发布日期，未发布的文件不能有' });
    if (d.publishedOn && d.publishedOn > today)
      throw new InvalidInput({ publishedOn: '发布日期不能晚于今天' });
    const problems = documentDateProblems({ writtenOn: v.writtenOn, publishedOn: d.publishedOn });
    if (Object.keys(problems).length > 0) throw new InvalidInput(problems);
    const seen = new Set<string>();
    for (const r of d.relations) {
      const target = docs[r.to];
      if (!isRelationKind(r.kind) || !target || r.to === i)
        throw new InvalidInput({ target: `第 ${i + 1} 份演示文件的关系无效` });
      if (r.kind === 'interprets' && (v.kind !== 'interpretation' || target.fields.kind === 'interpretation'))
        throw new InvalidInput({ kind: '只有政策解读才能记录「解读」关系，且解读的对象应为文件' });
      const key = `${r.to} ${r.kind}`;
      if (seen.has(key)) throw new InvalidInput({ target: '这两份文件之间已记录过该关系' });
      seen.add(key);
    }
    return { d, v, agency: a, author };
  });
  const isPublishedDocument = (k: number) =>
    checked[k]?.d.state === 'published' && checked[k]!.v.kind === 'document';

  // 有效性 from the relations of published items (a draft abolishes nothing), as refreshValidity does.
  const incoming = checked.map(
    () => [] as { kind: RelationKind; effectiveOn: IsoDate | null; note: string | null }[],
  );
  checked.forEach(({ d }) => {
    if (d.state !== 'published') return;
    for (const r of d.relations)
      if (VALIDITY_RELATIONS.includes(r.kind))
        incoming[r.to]!.push({ kind: r.kind, effectiveOn: r.effectiveOn, note: r.note ?? null });
  });
  const validity = checked.map(({ v }, i) =>
    deriveValidity({ effectiveOn: v.effectiveOn, expiresOn: v.expiresOn }, incoming[i]!, today),
  );
  const search = checked.map(({ v }) =>
    documentSearchColumns({ title: v.title, docNumber: v.docNumber, bodyText: v.bodyText }),
  );

  // Gazette issues: a published document of the agency or below, once per issue, numbers unique.
  const issueKeys = new Set<string>();
  const issues = library.gazette.map((g) => {
    const a = agencyOf(g.agencyCode, 'agencyId');
    // The issue's fields as the gazette form checks them.
    parseInput(GazetteIssueFields, { ...g, totalNumber: g.totalNumber ?? undefined, agencyId: a.id });
    const key = `${a.id} ${g.year} ${g.number}`;
    if (issueKeys.has(key))
      throw new InvalidInput({ number: `${g.year}年第${g.number}期已经存在，请核对期号` });
    issueKeys.add(key);
    if (g.publishedOn > today || Number(g.publishedOn.slice(0, 4)) < g.year)
      throw new InvalidInput({ publishedOn: '公报出版日期无效' });
    if (new Set(g.documents).size !== g.documents.length)
      throw new InvalidInput({ reference: `${g.year}年第${g.number}期重复收录了同一文件` });
    if (g.pdf && (!looksLikePdf(g.pdf) || g.pdf.length > GAZETTE_PDF_MAX_BYTES))
      throw new InvalidInput({ file: '只能上传 PDF 文件，且不能超过大小限制' });
    for (const k of g.documents)
      if (!isPublishedDocument(k) || !isWithin(checked[k]!.agency.path, a.path))
        throw new InvalidInput({ reference: '公报只能收录本机关及下级机关已发布的文件' });
    return { g, a };
  });

  const atTime = (day: IsoDate, i: number) =>
    new Date(startOfLocalDay(day).getTime() + (9 * 60 + ((i * 37) % 480)) * 60_000);

  return inTransaction(deps, ctx, async (tx, audit) => {
    // 索引号 in the order of publication, per agency and year, from each agency's template.
    const templates = new Map<string, string>();
    const counters = new Map<string, { agencyId: number; year: number; last: number }>();
    const indexNumbers = new Array<string | null>(checked.length).fill(null);
    const order = checked
      .map((_, i) => i)
      .filter((i) => wasPublished(checked[i]!.d.state))
      .sort((a, b) => {
        const x = checked[a]!.d.publishedOn!;
        const y = checked[b]!.d.publishedOn!;
        return x < y ? -1 : x > y ? 1 : a - b;
      });
    for (const i of order) {
      const { agency: a, v, d } = checked[i]!;
      const template = templates.get(a.path) ?? (await indexTemplateFor(tx, a.path));
      templates.set(a.path, template);
      const year = Number(d.publishedOn!.slice(0, 4));
      const seqYear = templateResetsYearly(template) ? year : 0;
      const key = `${a.id} ${seqYear}`;
      const counter = counters.get(key) ?? { agencyId: a.id, year: seqYear, last: 0 };
      counter.last++;
      counters.set(key, counter);
      indexNumbers[i] = formatIndexNumber(template, {
        agencyCode: a.code,
        year,
        themeCode: v.themes[0] ?? null,
        serial: counter.last,
      });
    }

    const r = await tx.execute(
      sql`select nextval(pg_get_serial_sequence('document', 'id'))::int as id from generate_series(1, ${checked.length})`,
    );
    const ids = ((Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { id: number }[])
      .map((x) => Number(x.id))
      .sort((a, b) => a - b);

    const rows = checked.map(({ d, v, author }, i) => {
      const createdAt = atTime(v.writtenOn ?? d.publishedOn ?? today, i);
      const publishedAt = d.publishedOn ? atTime(d.publishedOn, i + 1) : null;
      const withdrawnOn = d.state === 'withdrawn' ? minDate(addDays(d.publishedOn!, 30), today) : null;
      return {
        id: ids[i]!,
        ...documentColumns(v),
        indexNumber: indexNumbers[i],
        publishedOn: d.publishedOn,
        validity: validity[i]!.validity,
        validitySince: validity[i]!.since,
        state: d.state,
        publishedAt,
        withdrawnAt: withdrawnOn ? atTime(withdrawnOn, i) : null,
        withdrawnReason: d.state === 'withdrawn' ? (d.withdrawnReason ?? '已撤回') : null,
        synthetic: true,
        // Each step moved the version on: saved (1), submitted (2), published (3), withdrawn (4).
        version: { draft: 1, review: 2, published: 3, withdrawn: 4 }[d.state],
        ...search[i]!,
        // As the triggers on document_theme/document_issuer would make it (they then change nothing).
        facetTokens: facetTokens(v.themes, v.issuerIds),
        createdBy: author?.userId ?? null,
        createdAt,
        updatedAt: withdrawnOn ? atTime(withdrawnOn, i) : (publishedAt ?? createdAt),
      };
    });
    for (let k = 0; k < rows.length; k += CHUNK) await tx.insert(document).values(rows.slice(k, k + CHUNK));

    const themes = checked.flatMap(({ v }, i) =>
      v.themes.map((themeCode) => ({ documentId: ids[i]!, themeCode })),
    );
    for (let k = 0; k < themes.length; k += CHUNK * 4)
      await tx.insert(documentTheme).values(themes.slice(k, k + CHUNK * 4));
    const issuers = checked.flatMap(({ v }, i) =>
      v.issuerIds.map((agencyId, p) => ({ documentId: ids[i]!, agencyId, position: p + 1 })),
    );
    if (issuers.length > 0) await tx.insert(documentIssuer).values(issuers);
    const relations = checked.flatMap(({ d }, i) =>
      d.relations.map((x) => ({
        fromId: ids[i]!,
        toId: ids[x.to]!,
        kind: x.kind,
        effectiveOn: x.effectiveOn,
        note: x.note ?? null,
        createdAt: atTime(d.publishedOn ?? today, i),
      })),
    );
    for (let k = 0; k < relations.length; k += CHUNK * 2)
      await tx.insert(documentRelation).values(relations.slice(k, k + CHUNK * 2));

    if (counters.size > 0)
      await tx
        .insert(numberSequence)
        .values([...counters.values()].map((c) => ({ ...c, name: 'index-number' })));

    let gazetteItems = 0;
    if (issues.length > 0) {
      // Each issue's PDF through the file store, as the upload stores it.
      const fileIds: (number | null)[] = [];
      for (const { g } of issues)
        fileIds.push(
          g.pdf
            ? (
                await databaseFileStore.put(tx, {
                  filename: `政府公报${g.year}年第${g.number}期.pdf`,
                  mediaType: 'application/pdf',
                  bytes: Buffer.from(g.pdf),
                })
              ).id
            : null,
        );
      const inserted = await tx
        .insert(gazetteIssue)
        .values(
          issues.map(({ g, a }, k) => ({
            fileId: fileIds[k] ?? null,
            agencyId: a.id,
            year: g.year,
            number: g.number,
            totalNumber: g.totalNumber,
            publishedOn: g.publishedOn,
            synthetic: true,
          })),
        )
        .returning({
          id: gazetteIssue.id,
          agencyId: gazetteIssue.agencyId,
          year: gazetteIssue.year,
          number: gazetteIssue.number,
        });
      const issueId = new Map(inserted.map((x) => [`${x.agencyId} ${x.year} ${x.number}`, x.id]));
      const items = issues.flatMap(({ g, a }) =>
        g.documents.map((k, p) => ({
          issueId: issueId.get(`${a.id} ${g.year} ${g.number}`)!,
          documentId: ids[k]!,
          position: p + 1,
        })),
      );
      gazetteItems = items.length;
      for (let k = 0; k < items.length; k += CHUNK * 4)
        await tx.insert(gazetteItem).values(items.slice(k, k + CHUNK * 4));
    }

    const loaded = {
      documents: checked.filter(({ v }) => v.kind === 'document').length,
      interpretations: checked.filter(({ v }) => v.kind === 'interpretation').length,
      relations: relations.length,
      gazetteIssues: issues.length,
      gazetteItems,
    };
    await audit({ action: 'demo.documents-loaded', subjectType: 'setting', subjectId: 'demo', data: loaded });
    return { ids, ...loaded };
  });
}

const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
