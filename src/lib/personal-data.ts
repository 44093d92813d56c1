// Personal data at rest (issue 9.7): identity numbers, phone numbers, e-mail and postal addresses are
// encrypted with AES-256-GCM; a keyed hash (HMAC-SHA-256) of the normalised identity number finds
// the same applicant's applications without decrypting anything.
//
// Keys: one 32-byte master key (PERSONAL_DATA_KEY, base64) from which the encryption key and the
// hash key are derived (HKDF). Every ciphertext names the key it was made with (its id: the first 8
// hex digits of the SHA-256 of the key), so a new key can be introduced while old ciphertexts are
// still read with the previous keys (PERSONAL_DATA_OLD_KEYS); `gongkai personal-data rekey`
// rewrites every ciphertext and hash with the current key (docs/deploy.md, "Rotating the key").
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

interface Key {
  id: string;
  enc: Buffer;
  mac: Buffer;
}

function deriveKey(master: string): Key {
  const raw = Buffer.from(master, 'base64');
  if (raw.length !== 32)
    throw new Error(
      '个人信息加密密钥应为 32 字节的 base64 字符串 (PERSONAL_DATA_KEY must be 32 bytes, base64)',
    );
  return {
    id: createHash('sha256').update(raw).digest('hex').slice(0, 8),
    enc: Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), 'gongkai personal data encryption', 32)),
    mac: Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), 'gongkai personal data lookup hash', 32)),
  };
}

export function generatePersonalDataKey(): string {
  return randomBytes(32).toString('base64');
}

export interface PersonalDataCipher {
  /** The current key's id (written into every new ciphertext). */
  readonly keyId: string;
  encrypt(plain: string): string;
  encrypt(plain: string | null | undefined): string | null;
  decrypt(stored: string): string;
  decrypt(stored: string | null | undefined): string | null;
  /** The lookup hash of an already normalised value (e.g. normaliseIdNumber). */
  lookupHash(normalised: string): string;
  /** Whether a ciphertext was made with an older key (rekey rewrites it). */
  isStale(stored: string): boolean;
}

/** `current` encrypts and hashes; `old` keys (rotation) only decrypt. */
export function personalDataCipher(current: string, old: readonly string[] = []): PersonalDataCipher {
  const key = deriveKey(current);
  const keys = new Map<string, Key>([[key.id, key]]);
  for (const o of old) {
    const k = deriveKey(o);
    if (!keys.has(k.id)) keys.set(k.id, k);
  }
  function encrypt(plain: string): string;
  function encrypt(plain: string | null | undefined): string | null;
  function encrypt(plain: string | null | undefined): string | null {
    if (plain == null) return null;
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', key.enc, iv);
    const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    return [
      VERSION,
      key.id,
      iv.toString('base64url'),
      c.getAuthTag().toString('base64url'),
      body.toString('base64url'),
    ].join(':');
  }
  function decrypt(stored: string): string;
  function decrypt(stored: string | null | undefined): string | null;
  function decrypt(stored: string | null | undefined): string | null {
    if (stored == null) return null;
    const [version, id, iv, tag, body] = stored.split(':');
    if (version !== VERSION || !id || iv === undefined || tag === undefined || body === undefined)
      throw new Error('个人信息密文格式无效');
    const k = keys.get(id);
    if (!k) throw new Error(`缺少个人信息加密密钥 ${id}（请在 PERSONAL_DATA_OLD_KEYS 中提供旧密钥）`);
    const d = createDecipheriv('aes-256-gcm', k.enc, Buffer.from(iv, 'base64url'));
    d.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8');
  }
  return {
    keyId: key.id,
    encrypt,
    decrypt,
    lookupHash: (normalised) => createHmac('sha256', key.mac).update(normalised, 'utf8').digest('hex'),
    isStale: (stored) => stored.split(':')[1] !== key.id,
  };
}

/** 13812345678 → 138****5678; shorter numbers keep their last four. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s/g, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length > 4) return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
  return '****';
}
