// 有效性 of a document, derived from facts: its own 施行日期 and 有效期, and the relations from later
// documents that amend, replace, abolish or declare it invalid, each effective on a date. The stored
// `document.validity` is only a cache of this function (recomputed by the command that records a
// relation or an edit, and again on `changesOn`), so two pages can never disagree about it.
//
// Date conventions:
//   effectiveOn  施行日期: in force from this day (before it: 尚未生效)
//   expiresOn    有效期至: the last day in force (expired from the next day)
//   relation     the day the amending/abolishing act takes effect (its 施行日期). A relation that
//                takes effect on a future day changes nothing until then. A relation without a date
//                is taken as already in effect (date unknown: `since` is null).
import { addDays, compareIso, parseIsoDate, type IsoDate } from '../calendar/iso-date.js';
import type { RelationKind, Validity } from './vocab.js';

export interface ValidityDates {
  effectiveOn: IsoDate | null;
  expiresOn: IsoDate | null;
}

export interface IncomingRelation {
  kind: RelationKind;
  effectiveOn: IsoDate | null;
  /** For 'invalidates' (and 'amends'): the articles concerned. A note on 'invalidates' = partly. */
  note?: string | null;
}

export interface DerivedValidity {
  validity: Validity;
  /** The day the present state began; null when unknown (no date recorded). */
  since: IsoDate | null;
  /**
   * The next day a fact already known takes effect (a future 施行日期, expiry, amendment or repeal):
   * the day a cached value must be derived again. Null when nothing is scheduled or the state is final.
   */
  changesOn: IsoDate | null;
}

/** Strongest first: the state shown when several facts apply. */
const RANK: Record<Validity, number> = {
  abolished: 0,
  expired: 1,
  pending: 2,
  partly_invalid: 3,
  amended: 4,
  effective: 5,
};

interface Fact {
  validity: Validity;
  /** Null = in effect from an unknown day (before everything dated). */
  on: IsoDate | null;
}

function relationFact(r: IncomingRelation): Fact | null {
  switch (r.kind) {
    case 'abolishes':
    case 'replaces':
      return { validity: 'abolished', on: r.effectiveOn };
    case 'invalidates':
      return { validity: r.note?.trim() ? 'partly_invalid' : 'expired', on: r.effectiveOn };
    case 'amends':
      return { validity: 'amended', on: r.effectiveOn };
    case 'interprets':
    case 'implements':
      return null;
  }
}

/** The later of a fact's day and the 施行日期; null when the fact's day is unknown. */
const latest = (a: IsoDate | null, b: IsoDate | null) => (a === null ? null : b === null || a >= b ? a : b);
const earlier = (a: IsoDate | null, b: IsoDate | null) => (a === null ? true : b === null ? false : a <= b);

/**
 * The 有效性 on `today`. Terminal states (废止, 失效) win over everything and date from the first
 * fact that ended the document; before its 施行日期 a document is 尚未生效 even if already amended;
 * otherwise 部分失效 wins over 已修改, each dating from its first relation.
 */
export function deriveValidity(
  doc: ValidityDates,
  incoming: readonly IncomingRelation[],
  today: IsoDate,
): DerivedValidity {
  parseIsoDate(today, 'today');
  const facts: Fact[] = [];
  if (doc.expiresOn)
    facts.push({ validity: 'expired', on: addDays(parseIsoDate(doc.expiresOn, 'expiresOn'), 1) });
  for (const r of incoming) {
    if (r.effectiveOn) parseIsoDate(r.effectiveOn, 'effectiveOn');
    const f = relationFact(r);
    if (f) facts.push(f);
  }
  const inForceFrom = doc.effectiveOn ? parseIsoDate(doc.effectiveOn, 'effectiveOn') : null;
  if (inForceFrom && today < inForceFrom) facts.push({ validity: 'pending', on: null });

  const past = facts.filter((f) => f.on === null || f.on <= today);
  const changesOn =
    [
      ...facts.filter((f) => f.on !== null && f.on > today).map((f) => f.on!),
      ...(inForceFrom && today < inForceFrom ? [inForceFrom] : []),
    ].sort(compareIso)[0] ?? null;

  // Terminal: the earliest fact that ended the document; at the same day 废止 over 失效.
  const terminal = past
    .filter((f) => f.validity === 'abolished' || f.validity === 'expired')
    .sort((a, b) => (a.on === b.on ? RANK[a.validity] - RANK[b.validity] : earlier(a.on, b.on) ? -1 : 1))[0];
  if (terminal) return { validity: terminal.validity, since: terminal.on, changesOn: null };

  let best: Fact | undefined;
  for (const f of past) {
    if (!best || RANK[f.validity] < RANK[best.validity]) best = f;
    else if (RANK[f.validity] === RANK[best.validity] && earlier(f.on, best.on)) best = f;
  }
  if (best?.validity === 'pending') return { validity: 'pending', since: null, changesOn };
  // Amended (or partly invalidated) before it took effect: that state began with its 施行日期.
  if (best) return { validity: best.validity, since: latest(best.on, inForceFrom), changesOn };
  return { validity: 'effective', since: inForceFrom, changesOn };
}

/**
 * Chinese problems with a document's own dates, keyed by field (empty when they agree). A 施行日期
 * before the 成文日期 is allowed: some documents apply from an earlier day (「自…起执行」).
 */
export function documentDateProblems(d: {
  writtenOn?: IsoDate | null;
  publishedOn?: IsoDate | null;
  effectiveOn?: IsoDate | null;
  expiresOn?: IsoDate | null;
}): Record<string, string> {
  const problems: Record<string, string> = {};
  if (d.effectiveOn && d.expiresOn && d.expiresOn < d.effectiveOn) {
    problems.expiresOn = '有效期截止日期不能早于施行日期';
  }
  if (d.writtenOn && d.publishedOn && d.publishedOn < d.writtenOn) {
    problems.publishedOn = '发布日期不能早于成文日期';
  }
  return problems;
}
