// Group commit of intake (docs/adr/0004-intake-group-commit.md). Every application's transaction
// appends to the one audit chain, under its lock, and holds that lock until its commit — including
// PostgreSQL's flush of the write-ahead log (3–5 ms on the team's machine). One application per
// commit bounded intake to ~250 a second whatever the CPU. So the applications that arrive while
// earlier ones are being written wait, and are then written together: one transaction that inserts
// their rows in one statement, then takes the chain's lock, links their audit events one after another and inserts
// them in one statement, and commits once. Two groups may be under way: the second inserts its rows
// while the first holds the lock and commits. Each caller is answered after its group's commit
// (nothing answered is lost); an application arriving at a quiet moment is written at once, alone.
//
// If a group's transaction fails, each of its applications is tried again alone, so one bad
// application fails only itself.
import { inTransaction, type AuditInput, type CommandContext, type Deps } from '../context.js';
import { insertIntakeRows, type IntakeRows } from '../../db/repositories/intake.js';
import { insertAuditEvents } from '../../db/repositories/audit.js';

/** What one submitted application writes: its rows, and its audit event before it is linked. */
export interface IntakeItem {
  ctx: CommandContext;
  rows: IntakeRows;
  audit: AuditInput;
}

interface Waiting {
  item: IntakeItem;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** At most this many applications in one transaction. */
const MAX_GROUP = 64;
/** Groups under way at once (each holds a database connection). */
const MAX_GROUPS = 2;

interface Writer {
  queue: Waiting[];
  running: number;
}

/** One writer per dependencies (one per server process). */
const writers = new WeakMap<Deps, Writer>();

/** Writes the application in the next group commit; resolves after the commit. */
export function writeIntake(deps: Deps, item: IntakeItem): Promise<void> {
  let w = writers.get(deps);
  if (!w) writers.set(deps, (w = { queue: [], running: 0 }));
  const writer = w;
  const done = new Promise<void>((resolve, reject) => writer.queue.push({ item, resolve, reject }));
  if (writer.running < MAX_GROUPS) {
    writer.running++;
    void drain(deps, writer);
  }
  return done;
}

async function drain(deps: Deps, w: Writer): Promise<void> {
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
    w.running--;
  }
}

function writeGroup(deps: Deps, group: Waiting[]): Promise<void> {
  return inTransaction(deps, group[0]!.item.ctx, async (tx, audit) => {
    await insertIntakeRows(
      tx,
      group.map((g) => g.item.rows),
    );
    // The chain's lock from here to the commit: one read of its last event, one insert.
    const events = [];
    for (const { item } of group) events.push(await audit.link(item.audit, item.ctx));
    await insertAuditEvents(tx, events);
  });
}
