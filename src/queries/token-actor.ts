// Resolves an API bearer token (stored as its SHA-256) to the acting user. Read only: the token's
// last use is recorded by a command (commands/record-activity.ts), called by the auth plugin.
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../domain/agencies/actor.js';
import type { Db } from '../db/client.js';
import { toActor } from '../db/repositories/users.js';
import { agency, apiToken, appUser } from '../db/schema.js';
import { sha256 } from '../lib/secrets.js';

export interface TokenInfo {
  actor: Actor;
  tokenId: number;
  lastUsedAt: Date | null;
}

export async function tokenActor(db: Db, token: string): Promise<TokenInfo | null> {
  const [r] = await db
    .select({
      user: appUser,
      agencyPath: agency.path,
      agencyName: agency.name,
      tokenId: apiToken.id,
      lastUsedAt: apiToken.lastUsedAt,
    })
    .from(apiToken)
    .innerJoin(appUser, eq(appUser.id, apiToken.userId))
    .innerJoin(agency, eq(agency.id, appUser.agencyId))
    .where(
      and(eq(apiToken.tokenHash, sha256(token)), isNull(apiToken.revokedAt), isNull(appUser.disabledAt)),
    );
  if (!r) return null;
  return {
    actor: toActor({ ...r.user, agencyPath: r.agencyPath, agencyName: r.agencyName }),
    tokenId: r.tokenId,
    lastUsedAt: r.lastUsedAt,
  };
}
