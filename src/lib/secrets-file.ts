// Secrets that are not given in the environment are generated once and kept in DATA_DIR/secrets.json
// (mode 600), so sessions and the audit chain survive restarts without any set-up step.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The settings this needs (a subset of the app's Config: lib/ imports nothing from the app). */
export interface SecretsSettings {
  DATA_DIR: string;
  SESSION_SECRET?: string | undefined;
  AUDIT_SECRET?: string | undefined;
  PERSONAL_DATA_KEY?: string | undefined;
}

export interface Secrets {
  sessionSecret: string;
  auditSecret: string;
  /** Key of the personal data at rest (lib/personal-data.ts), base64 of 32 bytes. */
  personalDataKey: string;
  /** Where generated secrets are kept, when any were generated. */
  file?: string;
}

export function resolveSecrets(config: SecretsSettings): Secrets {
  if (config.SESSION_SECRET && config.AUDIT_SECRET && config.PERSONAL_DATA_KEY)
    return {
      sessionSecret: config.SESSION_SECRET,
      auditSecret: config.AUDIT_SECRET,
      personalDataKey: config.PERSONAL_DATA_KEY,
    };
  const dir = resolve(config.DATA_DIR);
  const file = join(dir, 'secrets.json');
  let stored: Partial<Record<'sessionSecret' | 'auditSecret' | 'personalDataKey', string>> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as typeof stored;
  const next = {
    sessionSecret: stored.sessionSecret ?? randomBytes(32).toString('base64url'),
    auditSecret: stored.auditSecret ?? randomBytes(32).toString('base64url'),
    personalDataKey: stored.personalDataKey ?? randomBytes(32).toString('base64'),
  };
  if (
    next.sessionSecret !== stored.sessionSecret ||
    next.auditSecret !== stored.auditSecret ||
    next.personalDataKey !== stored.personalDataKey
  ) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, JSON.stringify(next, null, 2) + '\n', { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return {
    sessionSecret: config.SESSION_SECRET ?? next.sessionSecret,
    auditSecret: config.AUDIT_SECRET ?? next.auditSecret,
    personalDataKey: config.PERSONAL_DATA_KEY ?? next.personalDataKey,
    file,
  };
}
