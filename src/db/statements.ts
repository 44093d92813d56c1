// Fixed SQL statements for the hot paths (intake, the audit chain): the text written once, run with
// positional parameters through the driver drizzle already holds — on PostgreSQL as a named
// prepared statement, parsed and planned once per connection. Building the same insert with the
// query builder on every call cost more server CPU than the rest of an application's intake
// (docs/performance.md, "Intake"). Everything else uses the query builder.
//
// Parameters go to the driver as they are: pass dates as ISO strings, JSON as a string with a
// `::jsonb` cast in the text, and compare or cast where PostgreSQL cannot infer a type.
import type { Executor } from './client.js';

export interface Statement {
  /** Unique per text: PostgreSQL keeps the prepared statement under this name on each connection. */
  readonly name: string;
  readonly text: string;
}

const names = new Map<string, string>();

/** Declares a statement; the same name twice with another text is a programming error. */
export function statement(name: string, text: string): Statement {
  const known = names.get(name);
  if (known !== undefined && known !== text) throw new Error(`statement ${name} declared twice`);
  names.set(name, text);
  return { name, text };
}

interface RawResult {
  rows: Record<string, unknown>[];
}

/** Runs `st` on the database or in the open transaction `ex`; the rows as the driver returns them. */
export async function run<R extends Record<string, unknown>>(
  ex: Executor,
  st: Statement,
  params: readonly unknown[],
): Promise<R[]> {
  const prepared = ex._.session.prepareQuery(
    { sql: st.text, params: params as unknown[] },
    undefined,
    st.name,
    false,
  );
  const result = (await prepared.execute()) as RawResult;
  return result.rows as R[];
}
