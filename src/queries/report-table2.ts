// The table 二 feed of the annual report (第五十条, 国办公开办函〔2021〕30号): the 第二十条第（一）项
// figures — 规章 and 行政规范性文件 — computed from the document library, for one agency (本级) or
// its whole subtree (汇总) and a year, in the cells of the report schema (src/domain/reports:
// `regulations` / `normativeDocuments` × `made` / `repealed` / `valid`, or the 2019 试行 format's
// `newMade` / `newPublished` / `totalPublished`), so the report generator can take them as they are.
//
// What is counted (docs/documents.md, "Table 二 feed"):
// - only the library's published documents (kind 'document', state 'published') of 效力级别 规章
//   ('rule') or 行政规范性文件 ('normative'), by their first 发文机关 (document.agency_id: a joint
//   document counts once, for the agency that leads it); every figure is public information;
// - 本年制发件数 (made): made in the year — 成文日期 in the year (发布日期 when no 成文日期 is recorded);
// - 现行有效件数 (valid): made by the year's last day and, on that day, 有效 / 已修改 / 部分失效
//   (deriveValidity as of 12月31日: a document not yet in force that day is not counted);
// - 本年废止件数 (repealed): documents that stopped being in force during the year — 废止 (abolished,
//   replaced) or 失效 (expired, declared invalid as a whole) with that state beginning in the year.
//   `detail` gives the two apart, for a report that counts only 废止.
// Relations count only when the document that makes them is published; a relation without its own
// date takes the 施行日期 (else 发布日期, 成文日期) of that document.
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { deriveValidity, type IncomingRelation } from '../domain/documents/validity.js';
import type { EffectLevel, RelationKind } from '../domain/documents/vocab.js';
import { NotFound } from '../domain/errors.js';
import { TABLE2_BLOCKS } from '../domain/reports/table2-schema.js';
import type { ReportFormat, Table2 } from '../domain/reports/types.js';
import type { Executor } from '../db/client.js';
import { agency, document, documentRelation } from '../db/schema.js';

/** 本级: the agency's own documents; 汇总: the agency and every agency below it. */
export type Table2Scope = 'own' | 'subtree';

export interface Table2FeedInput {
  agencyId: number;
  year: number;
  scope: Table2Scope;
  /** Default: the 2019 试行 format for 2019–2020 reports, the 2021 format from 2021 on. */
  format?: ReportFormat;
}

/** How the 本年废止件数 of a row divides: 废止 (abolished, replaced) and 失效 (expired, invalidated). */
export interface Table2RowDetail {
  abolished: number;
  expired: number;
  /** Made by the year's end but not yet in force on its last day (in 制发, not in 现行有效). */
  pendingAtYearEnd: number;
  /** The ids behind each cell, for a drill-down list. */
  ids: Record<string, number[]>;
}

export interface Table2Feed {
  format: ReportFormat;
  year: number;
  scope: Table2Scope;
  agency: { id: number; name: string };
  /** The two rows of 第二十条第（一）项, keyed and labelled as the report schema's `table2`. */
  table2: Table2;
  detail: Record<'regulations' | 'normativeDocuments', Table2RowDetail>;
}

const ROW_OF: Record<Exclude<EffectLevel, 'other'>, 'regulations' | 'normativeDocuments'> = {
  rule: 'regulations',
  normative: 'normativeDocuments',
};

/** The relations that change 有效性 (interprets / implements do not). */
const VALIDITY_RELATIONS: RelationKind[] = ['amends', 'replaces', 'abolishes', 'invalidates'];

const IN_FORCE = new Set(['effective', 'amended', 'partly_invalid']);

function defaultTable2Format(year: number): ReportFormat {
  return year <= 2020 ? '2019' : '2021';
}

export interface Table2Document {
  id: number;
  effectLevel: 'rule' | 'normative';
  writtenOn: string | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  incoming: IncomingRelation[];
}

/**
 * The figures from the documents (pure: the query below loads them). Exported for the tests and
 * for a generator that already holds the documents.
 */
function table2Figures(
  docs: readonly Table2Document[],
  year: number,
  format: ReportFormat,
): Pick<Table2Feed, 'table2' | 'detail'> {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const block = TABLE2_BLOCKS[format][0]!;
  const columns = block.columns.map((c) => c.key);
  const ids: Record<'regulations' | 'normativeDocuments', Record<string, number[]>> = {
    regulations: Object.fromEntries(columns.map((c) => [c, [] as number[]])),
    normativeDocuments: Object.fromEntries(columns.map((c) => [c, [] as number[]])),
  };
  const detail = {
    regulations: { abolished: 0, expired: 0, pendingAtYearEnd: 0, ids: ids.regulations },
    normativeDocuments: { abolished: 0, expired: 0, pendingAtYearEnd: 0, ids: ids.normativeDocuments },
  };
  const inYear = (d: string | null) => d !== null && d >= first && d <= last;
  for (const d of docs) {
    const row = ROW_OF[d.effectLevel];
    const cell = ids[row];
    const madeOn = d.writtenOn ?? d.publishedOn;
    const made = madeOn !== null && madeOn <= last;
    if (format === '2019') {
      if (inYear(madeOn)) cell.newMade!.push(d.id);
      if (inYear(d.publishedOn)) cell.newPublished!.push(d.id);
      if (d.publishedOn !== null && d.publishedOn <= last) cell.totalPublished!.push(d.id);
      continue;
    }
    if (inYear(madeOn)) cell.made!.push(d.id);
    if (!made) continue;
    const v = deriveValidity({ effectiveOn: d.effectiveOn, expiresOn: d.expiresOn }, d.incoming, last);
    if (IN_FORCE.has(v.validity)) cell.valid!.push(d.id);
    else if (v.validity === 'pending') detail[row].pendingAtYearEnd++;
    else if (inYear(v.since)) {
      cell.repealed!.push(d.id);
      detail[row][v.validity === 'abolished' ? 'abolished' : 'expired']++;
    }
  }
  const table2: Table2 = {};
  for (const r of block.rows) {
    const key = r.key as 'regulations' | 'normativeDocuments';
    table2[key] = {
      label: r.label,
      ...Object.fromEntries(columns.map((c) => [c, ids[key][c]!.length])),
    };
  }
  return { table2, detail };
}

/** Table 二's 第二十条第（一）项 figures of an agency (本级 or 汇总) for a year, from the library. */
export async function reportTable2Feed(db: Executor, input: Table2FeedInput): Promise<Table2Feed> {
  const [root] = await db
    .select({ id: agency.id, name: agency.name, path: agency.path })
    .from(agency)
    .where(eq(agency.id, input.agencyId));
  if (!root) throw new NotFound();
  const format = input.format ?? defaultTable2Format(input.year);
  const last = `${input.year}-12-31`;
  const subtree = () =>
    db
      .select({ id: agency.id })
      .from(agency)
      .where(like(agency.path, `${root.path}%`));
  const inScope =
    input.scope === 'own' ? eq(document.agencyId, root.id) : inArray(document.agencyId, subtree());
  const rows = await db
    .select({
      id: document.id,
      effectLevel: document.effectLevel,
      writtenOn: document.writtenOn,
      publishedOn: document.publishedOn,
      effectiveOn: document.effectiveOn,
      expiresOn: document.expiresOn,
    })
    .from(document)
    .where(
      and(
        eq(document.kind, 'document'),
        eq(document.state, 'published'),
        inArray(document.effectLevel, ['rule', 'normative']),
        inScope,
        // Made or published by the year's end (least() skips a missing date).
        sql`least(${document.writtenOn}, ${document.publishedOn}) <= ${last}`,
      ),
    );
  const docs = new Map<number, Table2Document>(
    rows.map((r) => [
      r.id,
      { ...r, effectLevel: r.effectLevel as 'rule' | 'normative', incoming: [] as IncomingRelation[] },
    ]),
  );
  if (docs.size > 0 && format === '2021') {
    const from = alias(document, 'from_doc');
    const to = alias(document, 'to_doc');
    const relations = await db
      .select({
        toId: documentRelation.toId,
        kind: documentRelation.kind,
        note: documentRelation.note,
        effectiveOn: sql<
          string | null
        >`coalesce(${documentRelation.effectiveOn}, ${from.effectiveOn}, ${from.publishedOn}, ${from.writtenOn})`,
      })
      .from(documentRelation)
      .innerJoin(from, eq(from.id, documentRelation.fromId))
      .innerJoin(to, eq(to.id, documentRelation.toId))
      .where(
        and(
          eq(from.state, 'published'),
          inArray(documentRelation.kind, VALIDITY_RELATIONS),
          eq(to.kind, 'document'),
          eq(to.state, 'published'),
          inArray(to.effectLevel, ['rule', 'normative']),
          input.scope === 'own' ? eq(to.agencyId, root.id) : inArray(to.agencyId, subtree()),
        ),
      );
    for (const r of relations)
      docs.get(r.toId)?.incoming.push({
        kind: r.kind as RelationKind,
        effectiveOn: r.effectiveOn === null ? null : String(r.effectiveOn).slice(0, 10),
        note: r.note,
      });
  }
  return {
    format,
    year: input.year,
    scope: input.scope,
    agency: { id: root.id, name: root.name },
    ...table2Figures([...docs.values()], input.year, format),
  };
}
