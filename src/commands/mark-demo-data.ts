// Marks the installation's data as demo data (every page then shows the banner), audited. Run by the
// demo loader once the demo city is in.
import { appSetting } from '../db/schema.js';
import { inTransaction, type CommandContext, type Deps } from './context.js';

export async function markDemoData(
  deps: Deps,
  ctx: CommandContext,
  loaded: { agencies: number; users: number },
) {
  await inTransaction(deps, ctx, async (tx, audit) => {
    const value = { loaded: true, at: deps.now().toISOString() };
    await tx
      .insert(appSetting)
      .values({ key: 'demo', value })
      .onConflictDoUpdate({ target: appSetting.key, set: { value } });
    await audit({ action: 'demo.loaded', subjectType: 'setting', subjectId: 'demo', data: loaded });
  });
}
