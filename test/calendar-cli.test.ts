// `gongkai calendar …` and `gongkai deadline …` as a script would run them: a child process, its
// stdout, stderr and exit code (the contract of docs/report-json.md).
import { generatePersonalDataKey, personalDataCipher } from '../src/lib/personal-data.js';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { addCalendarEntry } from '../src/commands/calendar-entries.js';
import { markCalendarYearOfficial } from '../src/commands/mark-calendar-year.js';
import { syncOfficialCalendar } from '../src/commands/sync-official-calendar.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/client.js';
import { openDatabase } from '../src/db/open.js';
import type { Actor } from '../src/domain/agencies/actor.js';
import type { Deadline } from '../src/domain/calendar/index.js';
import { buildAgency, buildUser } from './support/factories.js';

const run = promisify(execFile);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function gongkai(dataDir: string, ...args: string[]): Promise<Result> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'test' };
  delete env.DATABASE_URL;
  try {
    const r = await run(process.execPath, ['bin/gongkai.js', ...args], { env, timeout: 60_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: x.code ?? -1, stdout: x.stdout ?? '', stderr: x.stderr ?? '' };
  }
}

/** Runs every invocation up front, a few at a time (each start of the CLI takes seconds). */
async function runAll(
  dir: string,
  invocations: Record<string, string[]>,
  concurrency = 4,
): Promise<Record<string, Result>> {
  const keys = Object.keys(invocations);
  const out: Record<string, Result> = {};
  const worker = async () => {
    for (let k = keys.shift(); k !== undefined; k = keys.shift())
      out[k] = await gongkai(dir, ...invocations[k]!);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

const MUST_SHOW: Record<string, [string[], string]> = {
  makeupSaturday: [['calendar', 'is-workday', '2026-10-10'], 'true'],
  nationalDay: [['calendar', 'is-workday', '2026-10-07'], 'false'],
  acrossNationalDay: [['calendar', 'workdays-after', '2026-09-30', '20'], '2026-11-03'],
  extended2020: [['calendar', 'workdays-after', '2020-01-20', '20'], '2020-02-25'],
};

const BAD: Record<string, [string[], RegExp]> = {
  badDate: [['calendar', 'is-workday', '2026-02-30'], /错误：日期「2026-02-30」无效，应为 YYYY-MM-DD/],
  badCount: [['calendar', 'workdays-after', '2026-09-30', 'abc'], /错误：工作日数「abc」无效/],
  badReceived: [['deadline', '--received', '2026/09/30'], /错误：收到申请之日「2026\/09\/30」无效/],
  reversedPause: [
    ['deadline', '--received', '2026-09-30', '--pause', '2026-09-25..2026-09-10'],
    /错误：暂停期间「2026-09-25\.\.2026-09-10」的结束日早于起始日/,
  ],
  longExtension: [
    ['deadline', '--received', '2026-09-30', '--extend', '25'],
    /错误：延长答复期限最长不得超过20个工作日（第三十三条第二款）/,
  ],
  badChannel: [
    ['deadline', '--received', '2026-09-30', '--channel', 'pigeon'],
    /错误：申请渠道「pigeon」无效/,
  ],
  noReceived: [['deadline'], /--received/],
  // Item 10 of issue 7: every fact the clock takes, checked the same way.
  before2019: [
    ['deadline', '--received', '2019-05-14'],
    /错误：收到申请之日（2019-05-14）早于2019年5月15日。修订后的《政府信息公开条例》自该日起施行/,
  ],
  consultBeforeReceipt: [
    ['deadline', '--received', '2026-09-01', '--consult', '2026-08-31'],
    /错误：征求意见书的发出日期（2026-08-31）不能早于收到申请之日（2026-09-01）/,
  ],
  malformedConsult: [
    ['deadline', '--received', '2026-09-01', '--consult', '2026-09-21..'],
    /错误：征求意见「2026-09-21\.\.」无效，应为 发出日\[\/对方收到日\]\[\.\.答复日\]/,
  ],
  badConsultDate: [
    ['deadline', '--received', '2026-09-01', '--consult', '2026-09-21/2026-09-31'],
    /错误：征求意见的收到日期「2026-09-31」无效/,
  ],
  answerBeforeLetter: [
    ['deadline', '--received', '2026-09-01', '--consult-agency', '2026-09-21..2026-09-20'],
    /错误：答复日期不能早于征求意见日期/,
  ],
  approvedBeforeReceipt: [
    ['deadline', '--received', '2026-09-30', '--extend', '10', '--approved', '2026-09-29'],
    /错误：延长答复期限的批准日期（2026-09-29）不能早于收到申请之日（2026-09-30）/,
  ],
  approvedWithoutExtend: [
    ['deadline', '--received', '2026-09-30', '--approved', '2026-10-09'],
    /错误：--approved 须与 --extend 一起使用/,
  ],
  feeBeforeReceipt: [
    ['deadline', '--received', '2026-06-01', '--fee-notice', '2026-05-30'],
    /错误：收费通知日期（2026-05-30）不能早于收到申请之日（2026-06-01）/,
  ],
  malformedFee: [
    ['deadline', '--received', '2026-06-01', '--fee-notice', '6月5日'],
    /错误：收费通知的日期「6月5日」无效/,
  ],
  noDate: [['calendar', 'is-workday'], /date/],
};

describe('calendar CLI without a database (bundled official data)', () => {
  let dir: string;
  let r: Record<string, Result>;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-empty-'));
    const invocations: Record<string, string[]> = {
      extend: ['deadline', '--received', '2026-09-30', '--extend', '20', '--today', '2026-11-28'],
      pause: [
        'deadline',
        '--received',
        '2026-09-01',
        '--pause',
        '2026-09-10..2026-09-25',
        '--today',
        '2026-09-30',
      ],
      json: ['deadline', '--received', '2026-09-30', '--extend', '20', '--today', '2026-12-02', '--json'],
      corrected: [
        'deadline',
        '--received',
        '2026-09-01',
        '--corrected',
        '2026-09-30',
        '--today',
        '2026-10-01',
        '--json',
      ],
      day2028: ['calendar', 'is-workday', '2028-03-01'],
      // 国庆 2027 before its notice: a statutory holiday all the same.
      nationalDay2027: ['calendar', 'is-workday', '2027-10-01'],
      consultLate: [
        'deadline',
        '--received',
        '2026-09-01',
        '--consult',
        '2026-09-21..2026-11-20',
        '--today',
        '2026-10-20',
      ],
      consultReceived: [
        'deadline',
        '--received',
        '2026-09-01',
        '--consult-agency',
        '2026-09-21/2026-09-25',
        '--today',
        '2026-10-20',
        '--json',
      ],
      lateExtension: [
        'deadline',
        '--received',
        '2026-09-30',
        '--extend',
        '10',
        '--approved',
        '2026-11-04',
        '--today',
        '2026-11-05',
      ],
      postedFee: [
        'deadline',
        '--received',
        '2026-06-01',
        '--fee-notice',
        '2026-06-05/2026-06-12',
        '--today',
        '2026-07-07',
        '--json',
      ],
      overdueSaturday: ['deadline', '--received', '2026-06-04', '--today', '2026-07-04'],
      dueOnMakeup: [
        'deadline',
        '--received',
        '2026-09-01',
        '--pause',
        '2026-09-10..2026-09-15',
        '--today',
        '2026-09-01',
      ],
      deadline2028: ['deadline', '--received', '2028-03-01', '--today', '2028-03-01'],
    };
    for (const [k, [args]] of Object.entries(MUST_SHOW)) invocations[k] = args;
    for (const [k, [args]] of Object.entries(BAD)) invocations[k] = args;
    r = await runAll(dir, invocations);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [key, [args, expected]] of Object.entries(MUST_SHOW)) {
    test(`${args.join(' ')} → ${expected}`, () => {
      assert.equal(r[key]!.code, 0, r[key]!.stderr);
      assert.equal(r[key]!.stdout, `${expected}\n`);
      // Where the days come from, in words: the official notices, not a library's name.
      assert.match(
        r[key]!.stderr,
        /^日历数据来源：内置的国务院办公厅节假日安排（2019—\d{4}年），原因：尚未创建数据库/,
      );
      assert.doesNotMatch(r[key]!.stderr, /chinese-days/);
    });
  }

  test('deadline --received 2026-09-30 --extend 20 → due 2026-12-01, with the explanation', () => {
    const x = r.extend!;
    assert.equal(x.code, 0, x.stderr);
    assert.match(x.stdout, /^答复期限：2026年12月1日（2026-12-01，星期二）$/m);
    assert.match(x.stdout, /原答复期限（20个工作日）：2026年11月3日/);
    assert.match(x.stdout, /状态：进行中，今天（2026-11-28）之后还剩 2 个工作日/);
    assert.match(x.stdout, /起算日 2026-09-30：收到申请之日（第三十一条，当面提交），自次日起计算/);
    assert.match(x.stdout, /2026-10-01 至 2026-10-07（7天） {2}国庆节 {2}不计/);
    assert.match(x.stdout, /2026-10-10 {2}调休上班日（国庆节） {2}计 1 个工作日/);
    assert.match(x.stdout, /合计 40 个工作日/);
  });

  test('deadline --received 2026-09-01 --pause 2026-09-10..2026-09-25 → due 2026-10-21', () => {
    const x = r.pause!;
    assert.equal(x.code, 0, x.stderr);
    assert.match(x.stdout, /^答复期限：2026年10月21日（2026-10-21/m);
    assert.match(x.stdout, /2026-09-10 至 2026-09-25（16天） {2}不计算在期限内的期间 {2}不计/);
  });

  test('--json prints the Deadline object', () => {
    assert.equal(r.json!.code, 0, r.json!.stderr);
    const d = JSON.parse(r.json!.stdout) as Deadline;
    assert.deepEqual(Object.keys(d).sort(), [
      'closedBy',
      'closedOn',
      'consultations',
      'correctionNoticeDue',
      'daysLeft',
      'dueDate',
      'explanation',
      'originalDueDate',
      'state',
      'warnings',
    ]);
    assert.equal(d.dueDate, '2026-12-01');
    assert.equal(d.originalDueDate, '2026-11-03');
    assert.equal(d.state, 'overdue');
    assert.equal(d.daysLeft, -1);
    assert.equal(d.correctionNoticeDue, '2026-10-15');
    assert.equal(d.explanation?.start, '2026-09-30');
    assert.equal(d.explanation?.period, 40);
    assert.equal(
      d.explanation?.segments.reduce((n, s) => n + s.workdays, 0),
      40,
    );
    assert.deepEqual(d.warnings, []);
  });

  test('--corrected restarts the clock from the corrected application', () => {
    const d = JSON.parse(r.corrected!.stdout) as Deadline;
    assert.equal(d.dueDate, '2026-11-03');
    assert.match(d.explanation!.startReason, /收到补正后的申请之日/);
  });

  test('a year without official data (2028) carries the warning', () => {
    assert.equal(r.day2028!.code, 0);
    assert.equal(r.day2028!.stdout, 'true\n', 'stdout stays exactly the value');
    assert.match(
      r.day2028!.stderr,
      /警告：2028年尚无国务院办公厅的节假日安排数据：该年只按周末和《全国年节及纪念日放假办法》规定的法定节假日推算/,
    );
    assert.equal(r.deadline2028!.code, 0);
    assert.match(r.deadline2028!.stdout, /警告：\n {2}! 2028年尚无国务院办公厅的节假日安排数据/);
  });

  test('--consult SENT..ANSWERED: a late answer extends nothing (due 10-27, not 11-30), and the assumption is said', () => {
    const x = r.consultLate!;
    assert.equal(x.code, 0, x.stderr);
    assert.match(x.stdout, /^答复期限：2026年10月27日/m);
    assert.match(
      x.stdout,
      /征求意见（第三方）：2026-09-21发出，推定2026-09-21收到，答复期限 2026-10-19，2026-11-20答复；不计算的时间至 2026-10-19/,
    );
    assert.match(
      x.stdout,
      /说明：\n {2}· 2026-09-21发出的征求意见书，第三方收到的日期未记录，按发出当日收到计算/,
    );
  });

  test('--consult-agency SENT/RECEIVED: the party’s 15 working days run from its receipt', () => {
    const d = JSON.parse(r.consultReceived!.stdout) as Deadline;
    assert.deepEqual(
      [d.consultations[0]?.kind, d.consultations[0]?.receivedOn, d.consultations[0]?.answerDue, d.dueDate],
      ['agency', '2026-09-25', '2026-10-22', '2026-10-30'],
    );
  });

  test('--extend N --approved DATE after the due date: recorded, shown as late, still overdue', () => {
    const x = r.lateExtension!;
    assert.equal(x.code, 0, x.stderr);
    assert.match(x.stdout, /^答复期限：2026年11月3日/m);
    assert.match(x.stdout, /^状态：已逾期 2 个工作日（2 天）/m);
    assert.match(
      x.stdout,
      /! 延长答复期限于2026-11-04批准，晚于原答复期限届满日2026-11-03（第三十三条第二款）：期限届满后批准的延长不产生延长效果/,
    );
  });

  test('--fee-notice DATE/RECEIVED: the payment window runs from the applicant’s receipt', () => {
    const d = JSON.parse(r.postedFee!.stdout) as Deadline;
    assert.deepEqual([d.state, d.closedBy], ['paused', null]);
  });

  test('overdue on a Saturday after a Friday due date: in days, never 「已逾期 0 个工作日」', () => {
    const x = r.overdueSaturday!;
    assert.match(
      x.stdout,
      /^状态：已逾期 1 天：答复期限 2026-07-03 已过，此后尚未经过工作日（今天为 2026-07-04）$/m,
    );
    assert.doesNotMatch(x.stdout, /已逾期 0 个工作日/);
  });

  test('a due date on a make-up Saturday says it is a 调休上班日', () => {
    assert.match(
      r.dueOnMakeup!.stdout,
      /^答复期限：2026年10月10日（2026-10-10，星期六）——该日为调休上班日（国庆节），是工作日$/m,
    );
  });

  test('2027-10-01 is a rest day before the 2027 notice (《全国年节及纪念日放假办法》)', () => {
    assert.equal(r.nationalDay2027!.stdout, 'false\n');
    assert.match(r.nationalDay2027!.stderr, /警告：2027年尚无国务院办公厅的节假日安排数据/);
  });

  for (const [key, [args, message]] of Object.entries(BAD)) {
    test(`bad input: gongkai ${args.join(' ')} → a Chinese message and exit 2`, () => {
      assert.equal(r[key]!.code, 2, r[key]!.stderr);
      assert.equal(r[key]!.stdout, '');
      assert.match(r[key]!.stderr, message);
    });
  }

  test('the commands never create a database', () => {
    assert.deepEqual(readdirSync(dir), []);
  });
});

describe('calendar CLI with a seeded data directory', () => {
  let dir: string;
  let database: Database;
  let agencyCode: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-seeded-'));
    database = await openDatabase(loadConfig({ NODE_ENV: 'test', DATA_DIR: dir }));
    const deps = {
      db: database.db,
      auditSecret: 'cli-test-audit-secret-0123456789abcdef',
      personalData: personalDataCipher(generatePersonalDataKey()),
      now: () => new Date('2026-11-28T02:00:00Z'),
    };
    await syncOfficialCalendar(deps);
    const city = await buildAgency(deps, { kind: 'government', name: '测试市人民政府' });
    const east = await buildAgency(deps, { parentId: city.id, kind: 'district', name: '东区人民政府' });
    agencyCode = east.code;
    const u = await buildUser(deps, { agencyId: city.id, role: 'system_admin' });
    const admin: Actor = {
      userId: u.id,
      login: u.login,
      displayName: u.login,
      role: 'system_admin',
      agencyId: city.id,
      agencyName: city.name,
      agencyPath: city.path,
    };
    // A new State Council notice entered by hand before any package release, and its year marked official.
    await addCalendarEntry(
      deps,
      { actor: admin },
      {
        date: '2028-01-03',
        workday: 'rest',
        name: '元旦',
        source: '国务院办公厅关于2028年部分节假日安排的通知',
        scope: 'national',
      },
    );
    await markCalendarYearOfficial(
      deps,
      { actor: admin },
      { year: '2028', source: '国务院办公厅关于2028年部分节假日安排的通知' },
    );
    // A local closure of the district (2026-12-01 is a Tuesday).
    await addCalendarEntry(
      deps,
      { actor: admin },
      {
        date: '2026-12-01',
        workday: 'rest',
        name: '台风停止办公',
        source: '东区政府通知〔2026〕1号',
        scope: String(east.id),
      },
    );
  });
  after(async () => {
    await database.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  test('while a server holds the database, the bundled data is used and stderr says why', async () => {
    const r = await gongkai(dir, 'calendar', 'is-workday', '2028-01-03');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'true\n');
    assert.match(
      r.stderr,
      /日历数据来源：内置的国务院办公厅节假日安排.*原因：数据库正由运行中的服务（pid \d+）使用/,
    );
    assert.match(r.stderr, /2028年尚无国务院办公厅的节假日安排数据/);
  });

  test('once it is free, the database is used: the hand-entered notice and the official year count', async () => {
    await database.close();
    const r = await gongkai(dir, 'calendar', 'is-workday', '2028-01-03');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'false\n');
    assert.equal(r.stderr, '', 'no fallback line and no missing-year warning');
    assert.equal((await gongkai(dir, 'calendar', 'is-workday', '2026-10-10')).stdout, 'true\n');
  });

  test('--agency applies that agency’s overrides; without it the national calendar is used', async () => {
    assert.equal((await gongkai(dir, 'calendar', 'is-workday', '2026-12-01')).stdout, 'true\n');
    const local = await gongkai(dir, 'calendar', 'is-workday', '2026-12-01', '--agency', agencyCode);
    assert.equal(local.stdout, 'false\n');
    const d = await gongkai(
      dir,
      'deadline',
      '--received',
      '2026-11-20',
      '--agency',
      agencyCode,
      '--today',
      '2026-11-20',
    );
    assert.match(d.stdout, /2026-12-01 {2}台风停止办公（依据：东区政府通知〔2026〕1号） {2}不计/);
    assert.match(d.stdout, /^答复期限：2026年12月21日/m);
    const unknown = await gongkai(dir, 'calendar', 'is-workday', '2026-12-01', '--agency', 'NO-SUCH');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /机构代码「NO-SUCH」不存在/);
  });
});
