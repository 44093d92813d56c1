// Applications for tests: valid applicant data (check digits computed by hand below), the actor of a
// staff user, and a submitted application.
import { eq } from 'drizzle-orm';
import type { Deps } from '../../src/commands/context.js';
import { submitApplication } from '../../src/commands/applications/submit.js';
import type { Actor } from '../../src/domain/agencies/actor.js';
import type { Role } from '../../src/domain/agencies/roles.js';
import { agency, appUser } from '../../src/db/schema.js';

/**
 * 320508198503121234: region 320508 (苏州市姑苏区), born 1985-03-12, sequence 123; the check
 * character of the first 17 digits is 4 (ISO 7064 MOD 11-2: weighted sum 239, 239 mod 11 = 8 → 4).
 */
export const VALID_RESIDENT_ID = '320508198503121234';
/** 913205001234567894: an enterprise code whose check character (GB 32100) is 4. */
export const VALID_CREDIT_CODE = '913205001234567894';

export function validApplication(agencyCode: string, overrides: Record<string, unknown> = {}) {
  return {
    agencyCode,
    applicantType: 'natural',
    name: '张三',
    idType: 'residentId',
    idNumber: VALID_RESIDENT_ID,
    phone: '13812345678',
    email: 'zhangsan@example.com',
    address: '江苏省苏州市姑苏区人民路100号',
    description: '请公开2026年本市老旧小区改造项目的名单及资金安排',
    form: 'electronic',
    delivery: 'online',
    ...overrides,
  };
}

export async function actorOf(deps: Deps, userId: number): Promise<Actor> {
  const [u] = await deps.db
    .select({ user: appUser, agencyName: agency.name, agencyPath: agency.path })
    .from(appUser)
    .innerJoin(agency, eq(agency.id, appUser.agencyId))
    .where(eq(appUser.id, userId));
  if (!u) throw new Error(`no user ${userId}`);
  return {
    userId: u.user.id,
    login: u.user.login,
    displayName: u.user.displayName,
    role: u.user.role as Role,
    agencyId: u.user.agencyId,
    agencyName: u.agencyName,
    agencyPath: u.agencyPath,
  };
}

export const PUBLIC = { actor: { system: true as const, label: '政府信息公开平台（网上申请）' } };

export async function submitted(deps: Deps, agencyCode: string, overrides: Record<string, unknown> = {}) {
  return submitApplication(deps, PUBLIC, validApplication(agencyCode, overrides));
}
