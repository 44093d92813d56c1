// The three-month red line and the warning levels where the office looks first (fixed dates): a letter
// past its time limit shows its warning level in the inbox and in the dashboard's 信件办理 panel; a
// valid letter near three months unanswered and one past it are flagged as veto risks, while an
// answered one and an invalid one are not; another district sees none of them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { acceptLetter, declineLetter } from '../src/commands/letters/triage.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { buildCity, buildUser } from './support/factories.js';
import { buildMailbox, letterInState, letterVersion, SYSTEM, writeLetter } from './support/letters.js';

const NOW = new Date('2026-11-30T02:00:00Z'); // Monday 30 November 2026, 10:00 in Beijing
const at = (day: string) => new Date(`${day}T02:00:00Z`);

/** The dashboard's 信件办理 panel, from its heading to the next section. */
const panelOf = (html: string) => {
  const m = /<section aria-labelledby="letters-panel-title"[^>]*>.*?<\/section>/s.exec(html);
  assert.ok(m, 'the dashboard has the 信件办理 panel');
  return m[0];
};
const rowOf = (html: string, tracking: string) => {
  const m = new RegExp(`<tr>(?:(?!</tr>).)*${tracking}(?:(?!</tr>).)*</tr>`, 's').exec(html);
  assert.ok(m, `row of ${tracking}`);
  return m[0];
};

describe('letters: warning levels and the three-month veto risk on the dashboard', () => {
  let t: TestApp;
  let head: Browser;
  let headLogin: { login: string; password: string };
  let west: Browser;
  let overdue: { id: number; trackingNumber: string };
  let near: { id: number; trackingNumber: string };
  let past: { id: number; trackingNumber: string };
  let answered: { id: number; trackingNumber: string };
  let invalid: { id: number; trackingNumber: string };

  const browserOf = async (u: { login: string; password: string }) => {
    const b = new Browser(t.app);
    assert.equal((await b.login(u.login, u.password)).statusCode, 303);
    return b;
  };

  before(async () => {
    t = await createTestApp({ now: NOW, env: { RATE_LIMIT_MAX: '100000' } });
    const city = await buildCity(t.deps);
    const box = await buildMailbox(t.deps, { agencyId: city.city.id, name: '市长信箱' });
    headLogin = await buildUser(t.deps, { agencyId: city.city.id, role: 'office_head' });
    head = await browserOf(headLogin);
    west = await browserOf(await buildUser(t.deps, { agencyId: city.west.id, role: 'office_head' }));
    const on = async <T>(day: string, work: () => Promise<T>) => {
      t.setNow(at(day));
      try {
        return await work();
      } finally {
        t.setNow(NOW);
      }
    };
    // Accepted Mon 16 Nov, a complaint (7 working days): due Wed 25 Nov; 红牌 after 5 working days
    // past it (Wed 2 Dec) — on Mon 30 Nov it is at 黄牌.
    overdue = await on('2026-11-16', async () => {
      const s = await writeLetter(t.deps, box.code, { kind: 'complain', title: '超期来信：噪声投诉' });
      await acceptLetter(t.deps, SYSTEM, { letterId: s.id, version: await letterVersion(t.deps, s.id) });
      return s;
    });
    // Received 10 Sep: three months end 10 Dec; from 25 Nov it is near.
    near = await on('2026-09-10', () => writeLetter(t.deps, box.code, { title: '临近三个月：公交线路' }));
    // Received 20 Aug: three months ended 20 Nov.
    past = await on('2026-08-20', () => writeLetter(t.deps, box.code, { title: '超过三个月：路灯维修' }));
    // Also received in August, but answered, or invalid: no risk.
    answered = await on('2026-08-21', () =>
      letterInState(t.deps, box.code, 'replied', { title: '八月已答复：学校招生' }),
    );
    invalid = await on('2026-08-24', async () => {
      const s = await writeLetter(t.deps, box.code, { title: '八月无效件：测试测试' });
      await declineLetter(t.deps, SYSTEM, {
        letterId: s.id,
        version: await letterVersion(t.deps, s.id),
        triage: 'invalid',
        reason: '无具体诉求',
        replyText: '您的来信没有具体诉求内容，按无效件处理。',
      });
      return s;
    });
  });
  after(() => t.close());

  test('the overdue letter shows its warning level in the inbox and the dashboard', async () => {
    const inbox = await head.get('/admin/letters');
    assert.match(
      rowOf(inbox.body, overdue.trackingNumber),
      /2026年11月25日.*<span class="tag letter-warning letter-warning-yellow">黄牌<\/span>/s,
    );
    const panel = panelOf((await head.get('/admin')).body);
    assert.match(panel, /<h2 id="letters-panel-title">信件办理<\/h2>/);
    assert.match(rowOf(panel, overdue.trackingNumber), /超期来信：噪声投诉.*2026年11月25日.*>黄牌<\/span>/s);
    assert.match(rowOf(panel, overdue.trackingNumber), new RegExp(`href="/admin/letters/${overdue.id}"`));
    // Two days later (Wed 2 Dec is the 5th working day after the due date; Thu 3 Dec is past it): 红牌.
    // (Sessions end when idle: log in again on that day.)
    t.setNow(at('2026-12-03'));
    try {
      const again = await browserOf(headLogin);
      const later = panelOf((await again.get('/admin')).body);
      assert.match(rowOf(later, overdue.trackingNumber), />红牌<\/span>/);
      const reds = await again.get('/admin/letters?warning=red');
      assert.match(reds.body, new RegExp(overdue.trackingNumber));
    } finally {
      t.setNow(NOW);
    }
  });

  test('valid letters near and past three months unanswered are flagged as veto risks', async () => {
    // A fresh login (the session above ended when the clock moved days ahead).
    head = await browserOf(headLogin);
    const html = (await head.get('/admin')).body;
    const panel = panelOf(html);
    const veto = panel.slice(panel.indexOf('三个月未答复风险'));
    assert.match(veto, /超过三个月 1 件，临近三个月 1 件/);
    assert.match(rowOf(veto, near.trackingNumber), /2026年9月10日.*2026年12月10日.*临近三个月未答复/s);
    assert.match(rowOf(veto, past.trackingNumber), /2026年8月20日.*2026年11月20日.*超过三个月未答复/s);
    assert.ok(!veto.includes(answered.trackingNumber), 'an answered letter is no risk');
    assert.ok(!veto.includes(invalid.trackingNumber), 'an invalid letter is outside the rule');
    // The case page says it too.
    const page = await head.get(`/admin/letters/${near.id}`);
    assert.match(page.body, /三个月答复期限.*2026年12月10日.*临近三个月未答复/s);
  });

  test('another district’s dashboard shows none of them', async () => {
    const panel = panelOf((await west.get('/admin')).body);
    assert.match(panel, /逾期未办结 0 件/);
    for (const l of [overdue, near, past]) assert.ok(!panel.includes(l.trackingNumber));
  });
});
