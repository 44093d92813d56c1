// Factories with state traits (buildUser({ trait: 'disabled' })), built through the real commands.
import { eq } from 'drizzle-orm';
import { createAgency } from '../../src/commands/create-agency.js';
import { createUser } from '../../src/commands/create-user.js';
import type { Deps } from '../../src/commands/context.js';
import type { AgencyKind } from '../../src/domain/agencies/agency.js';
import type { Role } from '../../src/domain/agencies/roles.js';
import { appUser } from '../../src/db/schema.js';

const SYSTEM = { actor: { system: true as const, label: 'test' } };
let seq = 0;

export const TEST_PASSWORD = 'Correct-horse-9';

export async function buildAgency(
  deps: Deps,
  opts: { parentId?: number | null; kind?: AgencyKind; name?: string; code?: string } = {},
) {
  seq++;
  return createAgency(deps, SYSTEM, opts.parentId ?? null, {
    code: opts.code ?? `T${seq}`,
    name: opts.name ?? `测试机构${seq}`,
    kind: opts.kind ?? (opts.parentId ? 'department' : 'government'),
    phone: '0512-00000000',
  });
}

export type UserTrait = 'active' | 'disabled' | 'mustChangePassword' | 'locked';

export async function buildUser(
  deps: Deps,
  opts: { agencyId: number; role?: Role; login?: string; trait?: UserTrait },
) {
  seq++;
  const login = opts.login ?? `user${seq}`;
  const u = await createUser(deps, SYSTEM, {
    login,
    displayName: `测试用户${seq}`,
    role: opts.role ?? 'officer',
    agencyId: opts.agencyId,
    password: TEST_PASSWORD,
    mustChangePassword: opts.trait === 'mustChangePassword',
  });
  if (opts.trait === 'disabled')
    await deps.db.update(appUser).set({ disabledAt: deps.now() }).where(eq(appUser.id, u.id));
  if (opts.trait === 'locked')
    await deps.db
      .update(appUser)
      .set({ lockedUntil: new Date(deps.now().getTime() + 600_000) })
      .where(eq(appUser.id, u.id));
  return { ...u, password: TEST_PASSWORD };
}

/** A small city: government → two districts (each with a town) and a department. */
export async function buildCity(deps: Deps) {
  const city = await buildAgency(deps, { kind: 'government', name: '测试市人民政府' });
  const east = await buildAgency(deps, { parentId: city.id, kind: 'district', name: '东区人民政府' });
  const west = await buildAgency(deps, { parentId: city.id, kind: 'district', name: '西区人民政府' });
  const eastTown = await buildAgency(deps, { parentId: east.id, kind: 'town', name: '东区甲镇人民政府' });
  const westTown = await buildAgency(deps, { parentId: west.id, kind: 'town', name: '西区乙镇人民政府' });
  const dept = await buildAgency(deps, { parentId: city.id, kind: 'department', name: '测试市教育局' });
  return { city, east, west, eastTown, westTown, dept };
}
