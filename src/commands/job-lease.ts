// The bookkeeping of background jobs (src/jobs/): one row per job in job_schedule. An instance runs a
// job only after claiming its row — SELECT … FOR UPDATE SKIP LOCKED, then moving next_run_at on, in
// one short transaction — so however many app instances share the database, each due run is claimed
// by exactly one of them. The job itself runs outside that transaction.
import { and, eq, lte, sql } from 'drizzle-orm';
import { jobSchedule } from '../db/schema.js';
import type { Deps } from './context.js';

/** Adds the rows of jobs not yet known (first run: now). Existing rows keep their schedule. */
export async function ensureJobRows(deps: Deps, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const now = deps.now();
  await deps.db
    .insert(jobSchedule)
    .values(names.map((name) => ({ name, nextRunAt: now })))
    .onConflictDoNothing({ target: jobSchedule.name });
}

/** Claims the job's due run for `instance`; false when it is not due or another instance has it. */
export async function claimJobRun(
  deps: Deps,
  job: { name: string; everyMs: number },
  instance: string,
): Promise<boolean> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const [due] = await tx
      .select({ name: jobSchedule.name })
      .from(jobSchedule)
      .where(and(eq(jobSchedule.name, job.name), lte(jobSchedule.nextRunAt, now)))
      .for('update', { skipLocked: true });
    if (!due) return false;
    await tx
      .update(jobSchedule)
      .set({
        nextRunAt: new Date(now.getTime() + job.everyMs),
        lastStartedAt: now,
        lastInstance: instance,
        runs: sql`${jobSchedule.runs} + 1`,
      })
      .where(eq(jobSchedule.name, job.name));
    return true;
  });
}

/** Records how the run ended (the error message, or none). */
export async function finishJobRun(deps: Deps, name: string, error: string | null): Promise<void> {
  await deps.db
    .update(jobSchedule)
    .set({ lastFinishedAt: deps.now(), lastError: error })
    .where(eq(jobSchedule.name, name));
}
