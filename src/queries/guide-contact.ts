// Which agencies' 政府信息公开指南 would be published without the contact items of 条例 第十二条
// (the back office warns about them on the agency list and the agency page).
import { and, eq, like } from 'drizzle-orm';
import { missingGuideContact } from '../domain/agencies/contact.js';
import type { Db } from '../db/client.js';
import { agency } from '../db/schema.js';

/** Active agencies under `rootPath` ('/' = all) whose 指南 lacks contact items → the missing labels. */
export async function guideContactGaps(db: Db, rootPath: string): Promise<Map<number, string[]>> {
  const conds = [eq(agency.active, true)];
  if (rootPath !== '/') conds.push(like(agency.path, `${rootPath}%`));
  const rows = await db
    .select({
      id: agency.id,
      officeName: agency.officeName,
      address: agency.address,
      officeHours: agency.officeHours,
      phone: agency.phone,
      fax: agency.fax,
      email: agency.email,
      website: agency.website,
    })
    .from(agency)
    .where(and(...conds));
  const out = new Map<number, string[]>();
  for (const r of rows) {
    const missing = missingGuideContact(r);
    if (missing.length) out.set(r.id, missing);
  }
  return out;
}
