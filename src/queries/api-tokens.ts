// API tokens for the CLI's `token list`: who holds each, when it was last used, whether it is revoked.
// The hash is never selected; the prefix (the first characters of the token) is enough to tell them apart.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agency, apiToken, appUser } from '../db/schema.js';

export interface ApiTokenListItem {
  id: number;
  name: string;
  prefix: string;
  login: string;
  displayName: string;
  agencyCode: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function listApiTokens(db: Db): Promise<ApiTokenListItem[]> {
  return db
    .select({
      id: apiToken.id,
      name: apiToken.name,
      prefix: apiToken.prefix,
      login: appUser.login,
      displayName: appUser.displayName,
      agencyCode: agency.code,
      createdAt: apiToken.createdAt,
      lastUsedAt: apiToken.lastUsedAt,
      revokedAt: apiToken.revokedAt,
    })
    .from(apiToken)
    .innerJoin(appUser, eq(appUser.id, apiToken.userId))
    .innerJoin(agency, eq(agency.id, appUser.agencyId))
    .orderBy(asc(apiToken.id));
}
