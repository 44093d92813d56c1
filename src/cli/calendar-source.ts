// Where the calendar CLI reads its working days from. The database, when one is configured and free,
// so agency overrides and hand-entered official notices count. Otherwise — no database yet, or the
// embedded one held by a running server — the official data bundled with chinese-days, said in one
// line on stderr. These commands only read: they never create or migrate a database.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { openPglite, openPostgres, type Database } from '../db/client.js';
import { DataDirLocked, lockDataDir } from '../db/open.js';
import type { WorkCalendar } from '../domain/calendar/index.js';
import { InvalidInput } from '../domain/errors.js';
import { findAgencyByCode } from '../queries/agencies.js';
import { loadWorkCalendar, officialYears } from '../queries/calendar.js';
import { packageCalendar, packageWorkCalendar } from '../queries/official-calendar-package.js';
import { DEFAULT_CLOCK_RULES, type ClockRules } from '../domain/calendar/clock-rules.js';
import { loadInstallationRules } from '../queries/application-rules.js';

export interface CalendarSource {
  calendar: WorkCalendar;
  /** Set when the bundled data is used: why, in Chinese. */
  fallback: string | null;
  /** The installation's clock rules (/admin/settings/rules) from the database; the defaults without one. */
  clockRules: ClockRules;
  /** Set when the defaults are used because no database was read: said by `gongkai deadline`. */
  clockRulesFallback: string | null;
}

type Opened = { database: Database; release: () => void } | { reason: string };

export async function calendarSource(agencyCode?: string): Promise<CalendarSource> {
  const opened = await openExisting();
  if ('reason' in opened) return bundled(opened.reason, agencyCode);
  const { database, release } = opened;
  try {
    let years: number[];
    try {
      years = await officialYears(database.db);
    } catch {
      return bundled('数据库尚未升级到含工作日历的版本（请先启动一次 gongkai serve）', agencyCode);
    }
    if (years.length === 0) return bundled('数据库中尚无日历数据（请先启动一次 gongkai serve）', agencyCode);
    let path: string | undefined;
    if (agencyCode) {
      const a = await findAgencyByCode(database.db, agencyCode);
      if (!a) throw new InvalidInput({ agency: `机构代码「${agencyCode}」不存在` });
      path = a.path;
    }
    return {
      calendar: await loadWorkCalendar(database.db, path),
      fallback: null,
      clockRules: (await loadInstallationRules(database.db)).clock,
      clockRulesFallback: null,
    };
  } finally {
    await database.close();
    release();
  }
}

async function openExisting(): Promise<Opened> {
  const config = loadConfig();
  if (config.DATABASE_URL) {
    try {
      return { database: await openPostgres(config.DATABASE_URL), release: () => {} };
    } catch (e) {
      return { reason: `无法连接 DATABASE_URL 指定的数据库（${(e as Error).message}）` };
    }
  }
  const pgdata = join(resolve(config.DATA_DIR), 'pgdata');
  if (!existsSync(pgdata)) return { reason: `尚未创建数据库（${pgdata} 不存在）` };
  let release: () => void;
  try {
    release = lockDataDir(config.DATA_DIR);
  } catch (e) {
    if (e instanceof DataDirLocked) return { reason: `数据库正由运行中的服务（pid ${e.pid}）使用` };
    throw e;
  }
  try {
    return { database: await openPglite(pgdata), release };
  } catch (e) {
    release();
    throw e;
  }
}

function bundled(reason: string, agencyCode?: string): CalendarSource {
  const extra = agencyCode ? `；机构「${agencyCode}」的调整未计入` : '；机构调整和手工录入的通知未计入';
  return {
    calendar: packageWorkCalendar(),
    fallback: `日历数据来源：内置的国务院办公厅节假日安排（${yearSpan(packageCalendar().years)}），原因：${reason}${extra}`,
    clockRules: DEFAULT_CLOCK_RULES,
    clockRulesFallback: `期限计算规则：采用默认规则，未计入本平台“办理规则”中的设置，原因：${reason}`,
  };
}

function yearSpan(years: number[]): string {
  return years.length === 0 ? '无' : `${years[0]}—${years.at(-1)}年`;
}
