// The version of what the public pages show: a counter row in app_setting, bumped inside the
// transaction of every command that changes public data (src/commands/context.ts). Each app instance
// polls it (src/http/plugins/page-cache.ts), so instances sharing one PostgreSQL drop their cached
// pages within a poll interval of a change made by any of them, by the CLI or by a job.
import { sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { appSetting } from '../schema.js';

export const PUBLIC_VERSION_KEY = 'public_pages_version';

/** Adds one to the counter (creating it at 1); runs in the caller's transaction. */
export async function bumpPublicVersion(tx: Executor): Promise<void> {
  await tx
    .insert(appSetting)
    .values({ key: PUBLIC_VERSION_KEY, value: 1 })
    .onConflictDoUpdate({
      target: appSetting.key,
      set: { value: sql`to_jsonb((${appSetting.value} #>> '{}')::bigint + 1)`, updatedAt: sql`now()` },
    });
}
