// 政民互动 letters on the portal: the hub and its nav item, the mailboxes, the writing form with its
// rules and error summary, the one-time confirmation, the writer's lookup and rating, the published
// letters and the monthly statistics — through app.inject, like a browser without JavaScript.
// Today is Monday 30 November 2026 in Beijing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from './support/app.js';

describe('portal: 政民互动', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-30T02:00:00Z') });
  });
  after(async () => t?.close());

  test('the hub links every column, and the portal nav has one item 政民互动 (English: Public engagement)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/interaction' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>政民互动<\/h1>/);
    for (const href of [
      '/mailboxes',
      '/letters',
      '/letters/statistics',
      '/consultations',
      '/surveys',
      '/interviews',
      '/qa',
    ])
      assert.match(res.body, new RegExp(`<a href="${href}">`), href);
    assert.match(res.body, /<a href="\/interaction" aria-current="page">政民互动<\/a>/);
    const home = await t.app.inject({ method: 'GET', url: '/', cookies: { lang: 'en' } });
    assert.match(home.body, /<a href="\/interaction">Public engagement<\/a>/);
    const en = await t.app.inject({ method: 'GET', url: '/interaction', cookies: { lang: 'en' } });
    assert.match(en.body, /<html lang="zh-CN"/, 'the hub is Chinese only');
  });
});
