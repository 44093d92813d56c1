// Staff login and session limits.
export const LOGIN_POLICY = {
  /**
   * Wrong passwords in a row, for one login typed from one client address, before that client is
   * paused for that login. Counted per login *and* client so a stranger can lock only themself out,
   * never the account's owner; and per login as typed, so an unknown login locks exactly like a real
   * one and the answers never tell which logins exist.
   */
  maxFailures: 5,
  /** Failures further apart than this start the count again. */
  failureWindowMinutes: 15,
  lockMinutes: 15,
  /** A session ends after this long without a request… */
  idleHours: 2,
  /** …and in any case this long after login. */
  absoluteHours: 12,
  /** A session's last-seen time (and so its idle end) is written at most this often. */
  touchEverySeconds: 60,
} as const;
