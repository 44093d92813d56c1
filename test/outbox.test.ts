// Notifications and reminders (issue 9.6): the outbox written with the event is delivered over SMTP
// (a local SMTP server here) once even when two runs race, retried later on a failure with the
// error kept; without a mail server it is held and shown in the back office. Reminders of due and
// overdue applications are written once per user however often (and however many at once) the job
// runs, and the nightly refresh moves a case whose correction period ran out to 'closed-abandoned'.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { and, eq, isNull } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { assignApplication } from '../src/commands/applications/assign.js';
import { recordApplicationEvent } from '../src/commands/applications/record.js';
import { deliverOutbox } from '../src/commands/deliver-outbox.js';
import { refreshApplicationViews } from '../src/commands/refresh-application-views.js';
import { sendReminders } from '../src/commands/send-reminders.js';
import { application, outbox } from '../src/db/schema.js';
import { mailerFor, maskEmail, smtpMailer } from '../src/lib/mailer.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { actorOf, submitted } from './support/applications.js';
import { cliEnv, runCli } from './support/cli.js';
import { buildCity, buildUser } from './support/factories.js';

/** Monday 30 Nov 2026, 10:00 in Beijing. */
const MONDAY = new Date('2026-11-30T02:00:00Z');

interface Received {
  to: string[];
  subject: string;
  text: string;
}

/** Decodes the RFC 2047 words of a header (nodemailer writes Chinese subjects as =?UTF-8?B?…?=). */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

function parseMail(raw: string, to: string[]): Received {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = decodeHeader(/^subject: (.*)$/im.exec(unfolded)?.[1] ?? '');
  const bodyRaw = rest.join('\n\n');
  const text = /content-transfer-encoding: base64/i.test(unfolded)
    ? Buffer.from(bodyRaw.replace(/\s+/g, ''), 'base64').toString('utf8')
    : bodyRaw;
  return { to, subject, text };
}

/** A local SMTP server: requires the login user/secret, refuses RCPT for `reject@…` with 451. */
async function startSmtp() {
  const received: Received[] = [];
  const refused: string[] = [];
  const server = new SMTPServer({
    hideSTARTTLS: true,
    authOptional: false,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === 'user' && auth.password === 'secret') cb(null, { user: 'user' });
      else cb(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('reject@')) {
        refused.push(address.address);
        const err = Object.assign(new Error(`Mailbox ${address.address} temporarily unavailable`), {
          responseCode: 451,
        });
        return cb(err);
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push(
          parseMail(
            Buffer.concat(chunks).toString('utf8'),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    received,
    refused,
    url: `smtp://user:secret@127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('outbox delivery over SMTP', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let city: Awaited<ReturnType<typeof buildCity>>;
  before(async () => {
    smtp = await startSmtp();
    t = await createTestApp({
      now: MONDAY,
      env: { SMTP_URL: smtp.url, MAIL_FROM: '测试市政务公开 <gk@test.local>' },
    });
    city = await buildCity(t.deps);
  });
  after(async () => {
    mailerFor(t.deps.config).close();
    await t.close();
    await smtp.close();
  });

  const messagesOf = (applicationId: number) =>
    t.deps.db.select().from(outbox).where(eq(outbox.applicationId, applicationId));

  test('the message of a submitted application is sent to the applicant with the tracking number in the subject', async () => {
    const s = await submitted(t.deps, city.dept.code);
    const [queued] = await messagesOf(s.id);
    assert.equal(queued?.status, 'pending');
    const report = await deliverOutbox(t.deps, mailerFor(t.deps.config));
    assert.equal(report.sent, 1);
    // What the log may show: the address masked.
    assert.deepEqual(
      report.details.map((d) => d.to),
      ['z***n@example.com'],
    );
    const mail = smtp.received.filter((m) => m.subject.includes(s.trackingNumber));
    assert.equal(mail.length, 1);
    assert.deepEqual(mail[0]!.to, ['zhangsan@example.com']);
    assert.match(mail[0]!.subject, /已收到/);
    assert.match(mail[0]!.text, new RegExp(`申请编号 ${s.trackingNumber}`));
    const [sent] = await messagesOf(s.id);
    assert.equal(sent?.status, 'sent');
    assert.ok(sent?.sentAt);
    // Nothing left to send: a second run sends nothing more.
    assert.equal((await deliverOutbox(t.deps, mailerFor(t.deps.config))).sent, 0);
    assert.equal(smtp.received.filter((m) => m.subject.includes(s.trackingNumber)).length, 1);
  });

  test('two delivery runs at once (two instances) send a message once', async () => {
    const s = await submitted(t.deps, city.dept.code, { email: 'lisi@example.com' });
    // Two instances: each its own mail transport, one database.
    const one = smtpMailer({ url: smtp.url, from: 'a <a@test.local>' });
    const two = smtpMailer({ url: smtp.url, from: 'b <b@test.local>' });
    try {
      const reports = await Promise.all([deliverOutbox(t.deps, one), deliverOutbox(t.deps, two)]);
      assert.equal(reports[0].sent + reports[1].sent, 1);
    } finally {
      one.close();
      two.close();
    }
    assert.equal(smtp.received.filter((m) => m.subject.includes(s.trackingNumber)).length, 1);
    assert.equal((await messagesOf(s.id))[0]?.status, 'sent');
  });

  test('a refused message is tried again later, keeps the error (address masked), and is given up in the end', async () => {
    const s = await submitted(t.deps, city.dept.code, { email: 'reject@example.com' });
    const mailer = mailerFor(t.deps.config);
    let r = await deliverOutbox(t.deps, mailer, { maxAttempts: 3 });
    assert.equal(r.retrying, 1);
    let [m] = await messagesOf(s.id);
    assert.equal(m?.status, 'pending');
    assert.equal(m?.attempts, 1);
    assert.match(m?.lastError ?? '', /451/);
    assert.ok(!m?.lastError?.includes('reject@example.com'), m?.lastError ?? '');
    assert.ok(m?.lastError?.includes(maskEmail('reject@example.com')), m?.lastError ?? '');
    // Due again a minute later, not before.
    assert.equal(m?.nextAttemptAt.getTime(), MONDAY.getTime() + 60_000);
    await deliverOutbox(t.deps, mailer, { maxAttempts: 3 });
    assert.equal(smtp.refused.length, 1);
    t.setNow(new Date(MONDAY.getTime() + 61_000));
    r = await deliverOutbox(t.deps, mailer, { maxAttempts: 3 });
    assert.equal(r.retrying, 1);
    assert.equal(smtp.refused.length, 2);
    [m] = await messagesOf(s.id);
    assert.equal(m?.attempts, 2);
    // Then five minutes (the second wait); the third attempt is the last.
    t.setNow(new Date(MONDAY.getTime() + 61_000 + 5 * 60_000 + 1000));
    r = await deliverOutbox(t.deps, mailer, { maxAttempts: 3 });
    assert.equal(r.failed, 1);
    [m] = await messagesOf(s.id);
    assert.equal(m?.status, 'failed');
    assert.match(m?.lastError ?? '', /451/);
    t.setNow(new Date(MONDAY.getTime() + 24 * 3600_000));
    await deliverOutbox(t.deps, mailer, { maxAttempts: 3 });
    assert.equal(smtp.refused.length, 3);
    t.setNow(MONDAY);
  });
  test('a refused recipient does not stop the batch; a silent server fails the batch after one wait', async () => {
    const bad = await submitted(t.deps, city.dept.code, { email: 'reject@example.com' });
    const good = await submitted(t.deps, city.dept.code, { email: 'wangwu@example.com' });
    const r = await deliverOutbox(t.deps, mailerFor(t.deps.config));
    assert.equal(r.sent, 1);
    assert.equal(r.retrying, 1);
    assert.equal((await messagesOf(good.id))[0]?.status, 'sent');
    assert.equal((await messagesOf(bad.id))[0]?.status, 'pending');

    // A server that accepts the connection and never greets: the first message waits for the
    // timeout, the rest of the batch fails with the same error at once.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    const a = await submitted(t.deps, city.dept.code, { email: 'a@example.com' });
    const b = await submitted(t.deps, city.dept.code, { email: 'b@example.com' });
    const mailer = smtpMailer({ url: `smtp://127.0.0.1:${port}`, from: 'x <x@test.local>', timeoutMs: 300 });
    try {
      const started = Date.now();
      const down = await deliverOutbox(t.deps, mailer);
      assert.equal(down.retrying, 2);
      assert.ok(Date.now() - started < 5000);
      assert.equal(sockets.length, 1, 'one connection for the whole batch');
      for (const id of [a.id, b.id]) {
        const [m] = await messagesOf(id);
        assert.equal(m?.status, 'pending');
        assert.equal(m?.attempts, 1);
        assert.match(m?.lastError ?? '', /Greeting never received|timeout/i);
      }
    } finally {
      mailer.close();
      for (const so of sockets) so.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('without a mail server: held in the back office; reminders; the nightly refresh', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let officer: Awaited<ReturnType<typeof buildUser>>;
  let head: Awaited<ReturnType<typeof buildUser>>;
  before(async () => {
    t = await createTestApp({ now: MONDAY });
    city = await buildCity(t.deps);
    officer = await buildUser(t.deps, { agencyId: city.dept.id, role: 'officer' });
    head = await buildUser(t.deps, { agencyId: city.dept.id, role: 'office_head' });
  });
  // Tests move the clock; each starts on Monday again.
  afterEach(() => t.setNow(MONDAY));
  after(() => t.close());

  const login = async (u: { login: string; password: string }) => {
    const b = new Browser(t.app);
    assert.equal((await b.login(u.login, u.password)).statusCode, 303);
    return b;
  };

  test('without SMTP_URL the applicant message is held and shown, masked, on /admin/messages', async () => {
    const s = await submitted(t.deps, city.dept.code);
    const r = await deliverOutbox(t.deps, mailerFor(t.deps.config));
    assert.ok(r.held >= 1);
    const [m] = await t.deps.db.select().from(outbox).where(eq(outbox.applicationId, s.id));
    assert.equal(m?.status, 'held');
    const b = await login(officer);
    const page = await b.get('/admin/messages');
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(`您的政府信息公开申请已收到（${s.trackingNumber}）`));
    assert.ok(page.body.includes('未发送（未配置邮件服务器或无邮箱）'));
    assert.ok(page.body.includes('z***n@example.com'));
    assert.ok(!page.body.includes('zhangsan@example.com'));
    // An officer of another agency does not see it.
    const west = await buildUser(t.deps, { agencyId: city.west.id, role: 'officer' });
    const other = await (await login(west)).get('/admin/messages');
    assert.equal(other.statusCode, 200);
    assert.ok(!other.body.includes(s.trackingNumber));
    // Marked read (handled another way), it stays listed without its button.
    const res = await b.post(`/admin/messages/${m!.id}/read`, {});
    assert.equal(res.statusCode, 303);
    const [read] = await t.deps.db.select().from(outbox).where(eq(outbox.id, m!.id));
    assert.ok(read?.readAt);
    // Someone else's message cannot be marked through a guessed id.
    const otherBrowser = await login(west);
    await otherBrowser.get('/admin/messages');
    assert.equal((await otherBrowser.post(`/admin/messages/${m!.id}/read`, {})).statusCode, 404);
  });

  test('due within 3 working days: one reminder to the assigned officer, however often and however many run the job', async () => {
    // Received Mon 30 Nov → due Mon 28 Dec.
    const s = await submitted(t.deps, city.dept.code);
    assert.equal(s.dueDate, '2026-12-28');
    const headActor = await actorOf(t.deps, head.id);
    await assignApplication(
      t.deps,
      { actor: headActor },
      { applicationId: s.id, version: 1, userId: officer.id },
    );
    const reminders = () =>
      t.deps.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.applicationId, s.id), eq(outbox.topic, 'reminder.dueSoon')));
    // Wed 23 Dec: 3 working days later is Mon 28 Dec (24, 25, 28).
    t.setNow(new Date('2026-12-23T02:00:00Z'));
    await Promise.all([sendReminders(t.deps), sendReminders(t.deps)]);
    await sendReminders(t.deps);
    const list = await reminders();
    assert.equal(list.length, 1);
    assert.equal(list[0]!.userId, officer.id);
    assert.equal(list[0]!.status, 'held');
    assert.match(list[0]!.subject, new RegExp(`${s.trackingNumber} 即将到期（2026-12-28）`));
    assert.match(list[0]!.body, /今天之后还有3个工作日/);
    // The officer sees it, and the navigation counts the unread ones (the first test's unassigned
    // application, due the same day, reminded the agency's officers too).
    const unread = (
      await t.deps.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.userId, officer.id), isNull(outbox.readAt)))
    ).length;
    assert.ok(unread >= 1);
    const b = await login(officer);
    const page = await b.get('/admin/messages');
    assert.ok(page.body.includes(`消息（${unread}）`));
    assert.ok(page.body.includes(`申请 ${s.trackingNumber} 即将到期`));
    assert.ok((await b.get('/admin')).body.includes(`消息（${unread}）`));
    await b.get('/admin/messages');
    const done = await b.post('/admin/messages/read-all', {});
    assert.equal(done.statusCode, 303);
    const after = await b.get(String(done.headers.location));
    assert.doesNotMatch(after.body, /消息（\d+）/);
    assert.ok(after.body.includes('全部消息已标记为已读'));

    // Overdue on Tue 29 Dec: one more, once.
    t.setNow(new Date('2026-12-29T02:00:00Z'));
    await Promise.all([sendReminders(t.deps), sendReminders(t.deps)]);
    const overdue = await t.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.applicationId, s.id), eq(outbox.topic, 'reminder.overdue')));
    assert.equal(overdue.length, 1);
    assert.equal(overdue[0]!.userId, officer.id);
    assert.match(overdue[0]!.subject, /已逾期/);
    t.setNow(MONDAY);
  });

  test('an unassigned application reminds the officers and office heads of its agency, each once', async () => {
    const s = await submitted(t.deps, city.dept.code);
    t.setNow(new Date('2026-12-24T02:00:00Z'));
    const [a, b] = await Promise.all([sendReminders(t.deps), sendReminders(t.deps)]);
    await sendReminders(t.deps);
    const list = await t.deps.db.select().from(outbox).where(eq(outbox.applicationId, s.id));
    const reminded = list.filter((m) => m.topic === 'reminder.dueSoon').map((m) => m.userId);
    assert.deepEqual(reminded.sort(), [officer.id, head.id].sort());
    assert.ok(a.written + b.written >= 2);
    t.setNow(MONDAY);
  });

  test('the refresh job moves a case whose correction period ran out to closed-abandoned, without a new version', async () => {
    const s = await submitted(t.deps, city.dept.code);
    const actor = await actorOf(t.deps, officer.id);
    await recordApplicationEvent(
      t.deps,
      { actor },
      {
        applicationId: s.id,
        version: 1,
        event: { type: 'correctionRequested', on: '2026-11-30', dueBy: '2026-12-14' },
      },
    );
    const row = async () => (await t.deps.db.select().from(application).where(eq(application.id, s.id)))[0]!;
    const before = await row();
    assert.equal(before.state, 'awaiting-correction');
    // The day after the correction period: nothing was received.
    t.setNow(new Date('2026-12-15T02:00:00Z'));
    const report = await refreshApplicationViews(t.deps);
    assert.ok(report.changed >= 1);
    const afterRefresh = await row();
    assert.equal(afterRefresh.state, 'closed-abandoned');
    assert.equal(afterRefresh.outcome, 'other.noCorrection');
    assert.equal(afterRefresh.dueDate, null);
    assert.equal(afterRefresh.viewComputedOn, '2026-12-15');
    assert.equal(afterRefresh.version, before.version);
    // A closed case is not open any more: the next refresh leaves it alone.
    const again = await refreshApplicationViews(t.deps);
    assert.equal((await row()).state, 'closed-abandoned');
    assert.ok(again.checked < report.checked);
    t.setNow(MONDAY);
  });
});

describe('gongkai jobs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-jobs-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('runs the refresh of the cached case view once from the command line; an unknown job is a usage error', async () => {
    const env = { ...cliEnv(dir), DEMO: 'false' };
    const ran = await runCli(['jobs', 'run', 'refresh-application-views'], env);
    assert.equal(ran.code, 0, ran.stderr);
    assert.match(ran.stdout, /已运行 refresh-application-views/);
    assert.match(ran.stdout, /"checked": 0/);
    const unknown = await runCli(['jobs', 'run', 'no-such-job'], env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /没有名为「no-such-job」的后台任务/);
  });
});
