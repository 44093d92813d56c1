// Opens the configured database for a process. The embedded database has no cross-process lock of
// its own (docs/dependencies.md §1.3), so we take one: a second process on the same data dir stops with a
// clear message instead of corrupting it.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config.js';
import { openPglite, openPostgres, type Database } from './client.js';

export class DataDirLocked extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `数据目录 ${dataDir} 正被另一个 Gongkai 进程 (pid ${pid}) 使用，请先停止它。\n` +
        `The data directory ${dataDir} is in use by another Gongkai process (pid ${pid}); stop it first.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes DATA_DIR/gongkai.lock; returns its release function. A lock left by a dead process is taken over. */
export function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'gongkai.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid))
        throw new DataDirLocked(dir, pid);
      rmSync(file, { force: true }); // stale lock
    }
  }
  throw new Error(`无法获取数据目录锁 (cannot lock ${file})`);
}

/** Opens (and migrates) the database the configuration names. */
export async function openDatabase(config: Config): Promise<Database> {
  if (config.DATABASE_URL) {
    const database = await openPostgres(config.DATABASE_URL);
    await database.migrate();
    return database;
  }
  const release = lockDataDir(config.DATA_DIR);
  try {
    const database = await openPglite(join(resolve(config.DATA_DIR), 'pgdata'));
    await database.migrate();
    const close = database.close;
    return {
      ...database,
      close: async () => {
        await close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}
