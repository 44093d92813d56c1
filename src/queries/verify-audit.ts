// `gongkai audit verify`: walks the whole chain and reports every edited, unlinked or missing event.
import { verifyChain } from '../domain/audit/chain.js';
import type { Db } from '../db/client.js';
import { readAuditLog } from '../db/repositories/audit.js';

export async function verifyAuditLog(db: Db, secret: string) {
  return verifyChain(secret, readAuditLog(db));
}
