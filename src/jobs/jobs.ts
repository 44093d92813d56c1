// Every background job, one declaration each (src/jobs/scheduler.ts runs them in `gongkai serve`).
// Adding a job: write what it does as a command, then add one defineJob line here.
import { purgeExpiredSessions, purgeLoginThrottle } from '../commands/log-in.js';
import { purgeRateLimitCounters } from '../commands/rate-limit.js';
import { deliverOutbox } from '../commands/deliver-outbox.js';
import { refreshApplicationViews } from '../commands/refresh-application-views.js';
import { refreshDocumentValidity } from '../commands/documents/refresh-validity.js';
import { sendReminders } from '../commands/send-reminders.js';
import { refreshLetterViews, sendLetterReminders } from '../commands/letters/jobs.js';
import { mailerFor } from '../lib/mailer.js';
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
  /** The outbox: messages to applicants by e-mail (SMTP_URL), or held in the back office without it. */
  defineJob({
    name: 'outbox-deliver',
    everyMs: 30_000,
    run: (deps) => deliverOutbox(deps, mailerFor(deps.config)),
  }),
  /** Reminders of applications due within 3 working days and overdue ones (each written once). */
  defineJob({ name: 'application-reminders', everyMs: hours(1), run: sendReminders }),
  /** The cached state and due date of open applications, recomputed: time alone changes them. */
  defineJob({ name: 'refresh-application-views', everyMs: hours(24), run: refreshApplicationViews }),
  /** The cached 有效性 of documents whose 施行日期, 有效期 or a recorded repeal came with the day. */
  defineJob({ name: 'refresh-document-validity', everyMs: hours(24), run: refreshDocumentValidity }),
  /** Letters (政民互动): reminders to the handling unit at 预警, 黄牌, 红牌 (督办: also the supervising office). */
  defineJob({ name: 'letter-reminders', everyMs: hours(1), run: sendLetterReminders }),
  /** The cached state, due date, warning level of open letters, recomputed: time alone changes them. */
  defineJob({ name: 'refresh-letter-views', everyMs: hours(24), run: refreshLetterViews }),
];
