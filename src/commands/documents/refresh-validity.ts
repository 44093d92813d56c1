// The daily refresh of the cached 有效性 (the `refresh-document-validity` job): the cache is written
// by every command that changes a document's dates or relations, but time alone changes it too — a
// 施行日期 arrives (尚未生效 → 有效), an 有效期 ends (失效), a repeal recorded in advance takes effect.
// Only the documents where that can have happened are read: 尚未生效 ones, those past their 有效期至,
// and those with a relation that has taken effect since their state began.
//
// It is not a user's change: no version is bumped (an open form stays valid) and nothing is audited;
// the public pages' version is bumped when a value changed, so cached pages show the new state.
import { and, asc, gt, inArray, isNotNull, lt, notInArray, or, sql } from 'drizzle-orm';
import { bumpPublicVersion } from '../../db/repositories/public-version.js';
import { document, documentRelation } from '../../db/schema.js';
import { localDate } from '../../lib/time.js';
import type { Deps } from '../context.js';
import { refreshValidity, VALIDITY_RELATIONS } from './store.js';

const PAGE = 500;
const TERMINAL = ['abolished', 'expired'];

export async function refreshDocumentValidity(deps: Deps): Promise<{ checked: number; changed: number }> {
  const today = localDate(deps.now());
  const relationTookEffect = sql`exists (select 1 from ${documentRelation} r
    where r.to_id = ${document.id}
      and r.kind in (${sql.join(
        VALIDITY_RELATIONS.map((k) => sql`${k}`),
        sql`, `,
      )})
      and r.effective_on <= ${today}
      and (${document.validitySince} is null or r.effective_on > ${document.validitySince}))`;
  const candidate = or(
    inArray(document.validity, ['pending']),
    and(
      isNotNull(document.expiresOn),
      lt(document.expiresOn, today),
      notInArray(document.validity, TERMINAL),
    ),
    and(notInArray(document.validity, TERMINAL), relationTookEffect),
  );
  let checked = 0;
  let changed = 0;
  let after = 0;
  for (;;) {
    const ids = (
      await deps.db
        .select({ id: document.id })
        .from(document)
        .where(and(gt(document.id, after), candidate))
        .orderBy(asc(document.id))
        .limit(PAGE)
    ).map((r) => r.id);
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    checked += ids.length;
    const n = await deps.db.transaction(async (tx) => {
      const done = await refreshValidity(tx, ids, today);
      if (done.length > 0) await bumpPublicVersion(tx);
      return done.length;
    });
    changed += n;
    if (n > 0) for (const listener of deps.publicChangeListeners ?? []) listener();
  }
  return { checked, changed };
}
