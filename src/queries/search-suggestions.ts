// What a document search offers when it finds nothing: the query without one of its words, the
// dictionary words inside a long word, then the titles of the newest documents sharing a word.
import { sql, type SQL } from 'drizzle-orm';
import {
  parseSearchQuery,
  queriesWithoutOneWord,
  type ParsedQuery,
  type QueryTokenizer,
} from '../domain/search/query.js';
import type { Executor } from '../db/client.js';
import { wordParts } from '../lib/chinese-tokens.js';
import { rows } from './sql-rows.js';

async function exists(db: Executor, where: SQL): Promise<boolean> {
  const r = await rows<{ one: number }>(db, sql`select 1 as one from document d where ${where} limit 1`);
  return r.length > 0;
}

/**
 * What to offer when nothing is found: the query without one of its words (when that finds
 * something), then the words inside a long word (营商环境便利化 → 营商环境), then the titles of the
 * newest documents that share a word with the query.
 */
export async function suggestionsFor(
  db: Executor,
  parsed: ParsedQuery,
  filters: SQL[],
  tokenizer: QueryTokenizer,
): Promise<string[]> {
  const out: string[] = [];
  // Whether a query finds something, by its words alone (the GIN index answers without reading rows).
  const found = async (q: string) => {
    const p = parseSearchQuery(q, tokenizer);
    if (p.tsqueryWords === null) return false;
    const m = sql`d.search_vector @@ to_tsquery('simple', ${p.tsqueryWords})`;
    return exists(db, sql.join([m, ...filters], sql` and `));
  };
  for (const q of queriesWithoutOneWord(parsed).slice(0, 4)) {
    if (out.length >= 3) break;
    if (await found(q)) out.push(q);
  }
  const words = [...parsed.terms, ...parsed.phrases.flat()];
  if (out.length < 3) {
    for (const w of words) {
      for (const part of [...wordParts(w)].sort((a, b) => b.length - a.length)) {
        if (out.length >= 3) break;
        if (!out.includes(part) && (await found(part))) out.push(part);
      }
    }
  }
  if (out.length < 3 && words.length > 0) {
    const any = words.map((w) => `'${w.replace(/'/g, "''")}'`).join(' | ');
    const titles = await rows<{ title: string }>(
      db,
      sql`select d.title from document d
          where d.search_vector @@ to_tsquery('simple', ${any}) and ${sql.join(filters, sql` and `)}
          order by d.published_on desc, d.id desc limit 3`,
    );
    for (const t of titles) if (out.length < 3 && !out.includes(t.title)) out.push(t.title);
  }
  return out;
}
