// Composition root: configuration → database → dependencies → app. The CLI and the tests use
// createDeps(); `gongkai serve` (npm start) uses serve().
import { eq } from 'drizzle-orm';
import type { Config } from './config.js';
import { baseUrl, loadConfig } from './config.js';
import type { Database } from './db/client.js';
import { openDatabase } from './db/open.js';
import { appSetting } from './db/schema.js';
import type { AppDeps } from './http/types.js';
import { resolveSecrets } from './lib/secrets-file.js';
import { personalDataCipher } from './lib/personal-data.js';
import { auditHeadRecorder } from './db/audit-head-file.js';
import { setTimeZone } from './lib/time.js';
import { humanMessage } from './lib/zod-messages.js';
import { readerLimitsFrom } from './extract/limits.js';
import { configureReaders } from './extract/read-pool.js';
import { z } from 'zod';
import { syncOfficialCalendar } from './commands/sync-official-calendar.js';

export interface Runtime {
  database: Database;
  deps: AppDeps;
  close(): Promise<void>;
}

/** Opens the database and builds the dependencies shared by all doors. */
export async function createRuntime(config: Config = loadConfig(), database?: Database): Promise<Runtime> {
  const secrets = resolveSecrets(config);
  const db = database ?? (await openDatabase(config));
  const deps = await depsFor(db, config, secrets);
  // The audit chain's signed head, kept beside the database after every commit (issue 8.8).
  const heads = auditHeadRecorder(config.DATA_DIR, secrets.auditSecret);
  // Each command waits for its head to be written; a busy server writes several heads at once.
  deps.auditHeadListeners = new Set([(head) => heads.record(head)]);
  deps.recordedAuditHead = () => heads.read();
  // After the migrations, before anything else: the official holiday data (never over hand-entered notices).
  await syncOfficialCalendar(deps);
  return {
    database: db,
    deps,
    close: async () => {
      await heads.flush();
      await db.close();
    },
  };
}

export async function depsFor(
  database: Database,
  config: Config,
  secrets: { sessionSecret: string; auditSecret: string; personalDataKey: string },
): Promise<AppDeps> {
  // The one zone people see (src/lib/time.ts): set here, at the composition root, not on import.
  setTimeZone(config.TIME_ZONE);
  // The limits of the file readers (worker pool, time, memory, unpacked size): issue 8.
  configureReaders(readerLimitsFrom(config));
  // zod's default messages in Chinese (field schemas give their own where it matters): configured
  // here for every door, not as a side effect of whichever module happens to be imported first.
  z.config(z.locales.zhCN());
  // …and, before those, messages a person can act on (「请填写数字」, not zod's type names).
  z.config({ customError: humanMessage });
  let demo = await readDemoFlag(database);
  return {
    db: database.db,
    config,
    auditSecret: secrets.auditSecret,
    personalData: personalDataCipher(secrets.personalDataKey, config.PERSONAL_DATA_OLD_KEYS),
    sessionSecret: secrets.sessionSecret,
    now: () => new Date(),
    isDemo: () => demo,
    refreshDemoFlag: async () => {
      demo = await readDemoFlag(database);
    },
  };
}

async function readDemoFlag(database: Database): Promise<boolean> {
  const [row] = await database.db.select().from(appSetting).where(eq(appSetting.key, 'demo'));
  return Boolean(row && (row.value as { loaded?: boolean }).loaded);
}

export { baseUrl };
