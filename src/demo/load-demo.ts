// Loads the demo city through the ordinary commands (so it is audited like any other data).
import { sql } from 'drizzle-orm';
import { createAgency } from '../commands/create-agency.js';
import { createUser } from '../commands/create-user.js';
import type { Deps } from '../commands/context.js';
import { agency, appSetting } from '../db/schema.js';
import { DEMO_CITY, DEMO_PASSWORD, DEMO_USERS, type DemoAgency } from './city.js';
import { demoContact } from './contacts.js';

const SYSTEM = { actor: { system: true as const, label: '演示数据加载' } };

export interface DemoLoadResult {
  agencies: number;
  users: { login: string; password: string; role: string; agencyCode: string; displayName: string }[];
}

export async function isDatabaseEmpty(deps: Deps): Promise<boolean> {
  const [r] = await deps.db.select({ n: sql<number>`count(*)` }).from(agency);
  return Number(r?.n ?? 0) === 0;
}

function countAgencies(a: DemoAgency): number {
  return 1 + (a.children ?? []).reduce((n, c) => n + countAgencies(c), 0);
}

export async function loadDemo(deps: Deps, onProgress: (done: number, total: number) => void = () => {}): Promise<DemoLoadResult> {
  const total = countAgencies(DEMO_CITY) + DEMO_USERS.length;
  let done = 0;
  const ids = new Map<string, number>();
  const walk = async (a: DemoAgency, parentId: number | null, order: number) => {
    const row = await createAgency(deps, SYSTEM, parentId, { code: a.code, name: a.name, kind: a.kind, sortOrder: order, ...demoContact(a) });
    ids.set(a.code, row.id);
    onProgress(++done, total);
    let i = 0;
    for (const c of a.children ?? []) await walk(c, row.id, ++i * 10);
  };
  await walk(DEMO_CITY, null, 0);
  for (const u of DEMO_USERS) {
    await createUser(deps, SYSTEM, {
      login: u.login,
      displayName: u.displayName,
      role: u.role,
      agencyId: ids.get(u.agencyCode)!,
      password: DEMO_PASSWORD,
      mustChangePassword: false,
    });
    onProgress(++done, total);
  }
  await deps.db
    .insert(appSetting)
    .values({ key: 'demo', value: { loaded: true, at: deps.now().toISOString() } })
    .onConflictDoUpdate({ target: appSetting.key, set: { value: { loaded: true, at: deps.now().toISOString() } } });
  return {
    agencies: ids.size,
    users: DEMO_USERS.map((u) => ({ ...u, password: DEMO_PASSWORD })),
  };
}
