// Saves the installation's rules (the UNVERIFIED clock rules, the transferred row, the fee bands:
// src/domain/applications/rules.ts) in app_setting, for the system administrator. The audited
// action 'rules.updated' is a public change: it bumps the public version, so every instance's
// cached rules (src/queries/application-rules.ts) and pages (the /deadlines rules table) refresh.
import { refreshApplicationViews } from './refresh-application-views.js';
import { eq } from 'drizzle-orm';
import { appSetting } from '../db/schema.js';
import {
  DEFAULT_INSTALLATION_RULES,
  parseInstallationRules,
  type InstallationRules,
} from '../domain/applications/rules.js';
import { authorizeAction } from '../policies/policy.js';
import { APPLICATION_RULES_KEY, loadInstallationRules } from '../queries/application-rules.js';
import { inTransaction, type CommandContext, type Deps } from './context.js';

/** The rules as flat `path: value` pairs, for the audit record of what changed. */
function flatten(value: unknown, path = '', out: Record<string, string> = {}): Record<string, string> {
  if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
  else out[path] = String(value);
  return out;
}

function changes(before: InstallationRules, after: InstallationRules) {
  const b = flatten(before);
  const a = flatten(after);
  const out = { before: {} as Record<string, string>, after: {} as Record<string, string> };
  for (const k of new Set([...Object.keys(b), ...Object.keys(a)]))
    if (b[k] !== a[k]) {
      if (k in b) out.before[k] = b[k]!;
      if (k in a) out.after[k] = a[k]!;
    }
  return out;
}

/**
 * Validates and stores the rules (InvalidInput with Chinese messages keyed by field, nothing
 * stored). `restoreDefaults` removes the stored rules: the defaults apply again.
 */
export async function saveInstallationRules(
  deps: Deps,
  ctx: CommandContext,
  input: unknown,
  options: { restoreDefaults?: boolean } = {},
): Promise<InstallationRules> {
  authorizeAction(ctx.actor, 'rules.manage');
  const next = options.restoreDefaults ? DEFAULT_INSTALLATION_RULES : parseInstallationRules(input);
  const saved = await inTransaction(deps, ctx, async (tx, audit) => {
    const before = await loadInstallationRules(tx);
    const change = changes(before, next);
    if (options.restoreDefaults) await tx.delete(appSetting).where(eq(appSetting.key, APPLICATION_RULES_KEY));
    else if (Object.keys(change.after).length || Object.keys(change.before).length)
      await tx
        .insert(appSetting)
        .values({ key: APPLICATION_RULES_KEY, value: next })
        .onConflictDoUpdate({ target: appSetting.key, set: { value: next, updatedAt: deps.now() } });
    if (Object.keys(change.after).length || Object.keys(change.before).length)
      await audit({
        action: 'rules.updated',
        subjectType: 'setting',
        subjectId: APPLICATION_RULES_KEY,
        data: { ...change, ...(options.restoreDefaults ? { restoredDefaults: true } : {}) },
      });
    return next;
  });
  // The inbox and the reminders read the cached due dates of open cases: bring them to the new
  // rules now rather than at the next nightly refresh.
  await refreshApplicationViews(deps);
  return saved;
}
