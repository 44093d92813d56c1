// The signed head of the audit chain: the newest event's sequence number and hash, with an HMAC
// under the audit secret. The chain itself shows an edited or removed event in the middle; only a
// head recorded outside the table shows that the newest events were removed (the rest of the chain
// is still whole). Whoever holds a copy of a head can later check that the log still reaches it.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface SignedHead extends ChainHead {
  mac: string;
}

const PREFIX = 'gongkai-audit-head';
const VERSION = 'v1';

function macOf(secret: string, h: ChainHead): string {
  return createHmac('sha256', secret).update(`${PREFIX}\n${VERSION}\n${h.seq}\n${h.hash}`).digest('hex');
}

/** `gongkai-audit-head:v1:<seq>:<hash>:<mac>` — one line, safe to paste into a shell or a log. */
export function signHead(secret: string, h: ChainHead): string {
  return `${PREFIX}:${VERSION}:${h.seq}:${h.hash}:${macOf(secret, h)}`;
}

/** Reads a head written by signHead (surrounding whitespace and lines around it allowed); null if none. */
export function parseHead(text: string): SignedHead | null {
  const m = new RegExp(`${PREFIX}:${VERSION}:(\\d{1,15}):([0-9a-f]{64}):([0-9a-f]{64})`).exec(text);
  if (!m) return null;
  return { seq: Number(m[1]), hash: m[2]!, mac: m[3]! };
}

/** True when the head was signed with this secret and not changed since. */
export function headIsAuthentic(secret: string, h: SignedHead): boolean {
  const expected = Buffer.from(macOf(secret, h), 'hex');
  const given = Buffer.from(h.mac, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
