// Group commit of intake (docs/adr/0004-intake-group-commit.md). Every application's transaction
// appends to the one audit chain, under its lock, and holds that lock until its commit — including
// PostgreSQL's flush of the write-ahead log (3–5 ms on the team's machine). One application per
// commit bounded intake to ~250 a second whatever the CPU. So the applications that arrive while a
// commit is running wait for it and are then written together: one transaction, the chain's lock
// taken once, their audit events linked one after another, one commit. Each caller is answered
// after that commit (nothing answered is lost); an application arriving at a quiet moment is
// written at once, alone.
//
// If a group's transaction fails, each of its applications is tried again alone, so one bad
// application fails only itself.
import { inTransaction, type AuditInput, type CommandContext, type Deps } from '../context.js';
import { insertIntake, type IntakeRows } from '../../db/repositories/intake.js';

/** What one submitted application writes: its rows, and its audit event before it is linked. */
export interface IntakeItem {
  ctx: CommandContext;
  rows: Omit<IntakeRows, 'audit'>;
  audit: AuditInput;
}

interface Waiting {
  item: IntakeItem;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** At most this many applications in one transaction. */
const MAX_GROUP = 64;

/** One writer per dependencies (one per server process). */
const writers = new WeakMap<Deps, { queue: Waiting[]; running: boolean }>();

/** Writes the application in the next group commit; resolves after the commit. */
export function writeIntake(deps: Deps, item: IntakeItem): Promise<void> {
  let w = writers.get(deps);
  if (!w) writers.set(deps, (w = { queue: [], running: false }));
  const writer = w;
  const done = new Promise<void>((resolve, reject) => writer.queue.push({ item, resolve, reject }));
  if (!writer.running) {
    writer.running = true;
    void drain(deps, writer);
  }
  return done;
}

async function drain(deps: Deps, w: { queue: Waiting[]; running: boolean }): Promise<void> {
  try {
    while (w.queue.length > 0) {
      const group = w.queue.splice(0, MAX_GROUP);
      try {
        await writeGroup(deps, group);
        for (const g of group) g.resolve();
      } catch (e) {
        if (group.length === 1) group[0]!.reject(e);
        else
          for (const g of group)
            await writeGroup(deps, [g]).then(
              () => g.resolve(),
              (err: unknown) => g.reject(err),
            );
      }
    }
  } finally {
    w.running = false;
  }
}

function writeGroup(deps: Deps, group: Waiting[]): Promise<void> {
  return inTransaction(deps, group[0]!.item.ctx, async (tx, audit) => {
    for (const { item } of group) {
      const linked = await audit.link(item.audit, item.ctx);
      await insertIntake(tx, { ...item.rows, audit: linked });
    }
  });
}
