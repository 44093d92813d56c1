// Staff login and session limits.
export const LOGIN_POLICY = {
  /** Consecutive wrong passwords before the account is locked. */
  maxFailures: 5,
  lockMinutes: 15,
  /** A session ends after this long without a request… */
  idleHours: 2,
  /** …and in any case this long after login. */
  absoluteHours: 12,
} as const;
