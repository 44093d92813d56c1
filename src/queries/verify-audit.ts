// `gongkai audit verify`: walks the whole chain and reports every edited, unlinked or missing event;
// against a head recorded outside the table (--head), also the newest events deleted.
import { verifyChain } from '../domain/audit/chain.js';
import type { SignedHead } from '../domain/audit/head.js';
import type { Db } from '../db/client.js';
import { readAuditLog } from '../db/repositories/audit.js';

export async function verifyAuditLog(db: Db, secret: string, recordedHead?: SignedHead) {
  return verifyChain(secret, readAuditLog(db), undefined, recordedHead);
}
