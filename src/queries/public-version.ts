// The version of what the public pages show (src/db/repositories/public-version.ts), as the page
// cache of each instance polls it.
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { PUBLIC_VERSION_KEY } from '../db/repositories/public-version.js';
import { appSetting } from '../db/schema.js';

/** The counter; 0 before the first change. */
export async function readPublicVersion(db: Executor): Promise<number> {
  const [row] = await db
    .select({ value: appSetting.value })
    .from(appSetting)
    .where(eq(appSetting.key, PUBLIC_VERSION_KEY));
  return row ? Number(row.value) : 0;
}
