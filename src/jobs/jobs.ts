// Every background job, one declaration each (src/jobs/scheduler.ts runs them in `gongkai serve`).
// Adding a job: write what it does as a command, then add one defineJob line here.
import { purgeExpiredSessions, purgeLoginThrottle } from '../commands/log-in.js';
import { purgeRateLimitCounters } from '../commands/rate-limit.js';
import { defineJob, hours, minutes } from './scheduler.js';

export const JOBS = [
  /** Sessions past their idle or absolute end (they already stopped working; this drops the rows). */
  defineJob({ name: 'purge-sessions', everyMs: minutes(15), run: purgeExpiredSessions }),
  /** Login pauses that ended and failure counts that went stale; request counters of past windows. */
  defineJob({
    name: 'purge-login-limits',
    everyMs: hours(1),
    run: async (deps) => {
      await purgeLoginThrottle(deps);
      await purgeRateLimitCounters(deps);
    },
  }),
];
