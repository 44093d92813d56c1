// The installation's rules (src/domain/applications/rules.ts): app_setting `applicationRules`,
// absent = the defaults. Cached per process and checked against the public version counter on
// every call, as src/queries/calendar-cache.ts does: saving the rules is an audited command whose
// action ('rules.updated') bumps that counter in the same transaction, so every instance reloads.
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { appSetting } from '../db/schema.js';
import {
  DEFAULT_INSTALLATION_RULES,
  parseInstallationRules,
  type InstallationRules,
} from '../domain/applications/rules.js';
import { readPublicVersion } from './public-version.js';

export const APPLICATION_RULES_KEY = 'applicationRules';

/** The rules as stored, without the cache (a transaction reads its own uncommitted change). */
export async function loadInstallationRules(db: Executor): Promise<InstallationRules> {
  const [row] = await db
    .select({ value: appSetting.value })
    .from(appSetting)
    .where(eq(appSetting.key, APPLICATION_RULES_KEY));
  if (!row) return DEFAULT_INSTALLATION_RULES;
  try {
    return parseInstallationRules(row.value);
  } catch {
    // Only the command writes the row, after the same parse; a hand-edited invalid row is ignored.
    return DEFAULT_INSTALLATION_RULES;
  }
}

const slots = new WeakMap<object, { version: number; rules: Promise<InstallationRules> }>();

/**
 * The rules in force, from the cache when the public version has not changed since they were
 * read (the counter is read BEFORE the row, so the rules are never filed under an older version).
 */
export async function installationRules(
  db: Executor,
  /** The public version when the caller has just read it (intake reads it with the next id). */
  knownVersion?: number,
): Promise<InstallationRules> {
  const version = knownVersion ?? (await readPublicVersion(db));
  const slot = slots.get(db);
  if (slot && slot.version === version) return slot.rules;
  const rules = loadInstallationRules(db);
  if (!slot || version > slot.version) {
    slots.set(db, { version, rules });
    rules.catch(() => slots.delete(db));
  }
  return rules;
}
