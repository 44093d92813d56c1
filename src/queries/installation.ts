// Facts about the installation as a whole: whose disclosure site it is, and whether it holds any data.
import { count, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agency } from '../db/schema.js';

/** The name of the government the site belongs to: the root of the agency tree (null before set-up). */
export async function siteOwnerName(db: Db): Promise<string | null> {
  const [root] = await db.select({ name: agency.name }).from(agency).where(isNull(agency.parentId)).limit(1);
  return root?.name ?? null;
}

/** How many agencies exist, active or not (0 = an empty installation). */
export async function agencyTotal(db: Db): Promise<number> {
  const [r] = await db.select({ n: count() }).from(agency);
  return Number(r?.n ?? 0);
}
