// Rows of a raw SQL query on either driver.
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';

/** rows of db.execute on either driver (node-postgres QueryResult and PGlite Results both have rows). */
export async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}
