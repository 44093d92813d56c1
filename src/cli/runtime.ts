// Opens the runtime for one CLI command and always closes it (PGlite keeps the process alive otherwise).
import { loadConfig } from '../config.js';
import { DataDirLocked } from '../db/open.js';
import { createRuntime, type Runtime } from '../main.js';

// The CLI's commands reach the database only through this file (and calendar-source.ts).
export { DataDirLocked };
export { auditHeadPath } from '../db/audit-head-file.js';

export async function withRuntime<T>(work: (rt: Runtime) => Promise<T>): Promise<T> {
  let rt: Runtime;
  try {
    rt = await createRuntime(loadConfig());
  } catch (e) {
    if (e instanceof DataDirLocked) {
      console.error(e.message);
      process.exit(3);
    }
    throw e;
  }
  try {
    return await work(rt);
  } finally {
    await rt.close();
  }
}
