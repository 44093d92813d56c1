// Typed configuration from the environment (zod). Fails fast with a readable message.
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isTimeZone } from './lib/time.js';

const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public base URL used in printed links; defaults to http://localhost:PORT. */
  PUBLIC_URL: z.string().url().optional(),
  /** PostgreSQL connection string; when absent the embedded PGlite database in DATA_DIR is used. */
  DATABASE_URL: z.string().optional(),
  /** Folder for the embedded database, the lock file and generated secrets. */
  DATA_DIR: z.string().default('./data'),
  /** Cookie-signing secret (≥ 32 chars). Generated into DATA_DIR/secrets.json when absent, except in production. */
  SESSION_SECRET: z.string().min(32).optional(),
  /** Secret for the hash chain of the audit log (HMAC key). Generated like SESSION_SECRET. */
  AUDIT_SECRET: z.string().min(32).optional(),
  /**
   * Key of the personal data at rest (identity numbers, phones, addresses): 32 bytes, base64.
   * Generated like SESSION_SECRET when absent, except in production (docs/deploy.md).
   */
  PERSONAL_DATA_KEY: z.string().optional(),
  /** Earlier keys, comma-separated, still read after a rotation until `gongkai personal-data rekey`. */
  PERSONAL_DATA_OLD_KEYS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Requests per minute per client IP across the whole site (per-route limits are stricter). */
  RATE_LIMIT_MAX: z.coerce.number().int().positive().default(600),
  /** Login attempts per minute per client IP (on top of the per-account lockout). */
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** The time zone people see on pages, in messages and in the CLI (IANA name; storage stays UTC). */
  TIME_ZONE: z
    .string()
    .default(DEFAULT_TIME_ZONE)
    .refine(isTimeZone, '未知的时区名称 (unknown IANA time zone)'),
  /** Reader workers: uploaded and pasted reports are read in this many threads at once. */
  READER_WORKERS: z.coerce.number().int().min(1).max(32).default(2),
  /** Readings that may wait for a free worker; beyond that an upload is answered 503 at once. */
  READER_QUEUE: z.coerce.number().int().min(0).max(1000).default(8),
  /** Time one reading may take in its worker before it is stopped (422). */
  READER_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(20),
  /** Heap of each reader worker (MB); a reading that needs more ends its worker only (422). */
  READER_MAX_HEAP_MB: z.coerce.number().int().min(32).max(8192).default(256),
  /** What a DOCX's text parts may unpack to (MB; images are not read); more is refused (413). */
  DOCX_MAX_UNZIPPED_MB: z.coerce.number().positive().max(1024).default(20),
  /** What a PDF's compressed streams may inflate to in total (MB); more is refused (413). */
  PDF_MAX_INFLATED_MB: z.coerce.number().positive().max(4096).default(100),
  /** Footer of the portal (gov.cn convention; each line is shown only when set): 主办单位. */
  SITE_SPONSOR: z.string().trim().default(''),
  /** 联系方式 of the site, e.g. a phone number or an e-mail address. */
  SITE_CONTACT: z.string().trim().default(''),
  /** 网站标识码 given by the government website register, e.g. 3205000001. */
  SITE_ID_CODE: z.string().trim().default(''),
  /** ICP备案号, e.g. 苏ICP备12345678号 (linked to the MIIT register, beian.miit.gov.cn). */
  SITE_ICP: z.string().trim().default(''),
  /**
   * Load the demo city (with its public demo password) on first start when the database is empty.
   * Default: yes, except in production, where only DEMO=true loads it (issue 8.2).
   */
  DEMO: z.enum(['true', 'false']).optional(),
  /**
   * Chinese font for PDF notices: a font file path, `path#PostScriptName` for a .ttc collection.
   * Default: the bundled Noto Serif SC, then Debian's Noto CJK / WenQuanYi (src/lib/fonts.ts).
   */
  NOTICE_FONT: z.string().trim().optional(),
  /**
   * Mail server of the outbox (notifications to applicants): smtp://user:pass@host:587 (STARTTLS when
   * offered) or smtps://user:pass@host:465. Absent: nothing is sent, messages stay in the back office.
   */
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .refine(
      (v) => v === undefined || /^smtps?:\/\/[^/\s]+/.test(v),
      '应为 smtp://… 或 smtps://… (an smtp:// or smtps:// URL)',
    ),
  /** The From of the e-mails sent. */
  MAIL_FROM: z.string().trim().min(3).default('政府信息公开平台 <noreply@localhost>'),
});

export type Config = Omit<z.infer<typeof Env>, 'DEMO'> & { DEMO: boolean; secure: boolean };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置有误 (invalid configuration):\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production' && (!c.SESSION_SECRET || !c.AUDIT_SECRET || !c.PERSONAL_DATA_KEY)) {
    throw new Error(
      '生产环境必须设置 SESSION_SECRET、AUDIT_SECRET 和 PERSONAL_DATA_KEY (set SESSION_SECRET, AUDIT_SECRET and PERSONAL_DATA_KEY in production)',
    );
  }
  const demo = c.DEMO === undefined ? c.NODE_ENV !== 'production' : c.DEMO === 'true';
  return { ...c, DEMO: demo, secure: c.NODE_ENV === 'production' };
}

export function baseUrl(c: Config): string {
  return c.PUBLIC_URL ?? `http://localhost:${c.PORT}`;
}
