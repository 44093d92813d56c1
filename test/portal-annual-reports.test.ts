// The portal's 年报 column (issue 12, item 5): only published reports are listed and shown; a report
// is shown as frozen at submission (a later application does not change it); a correction is a new
// version shown as current, the earlier one still readable and marked as corrected; the PDF
// download. PGlite, or PostgreSQL with TEST_DATABASE_URL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { correctReport } from '../src/commands/reports/correct-report.js';
import { saveReportTexts } from '../src/commands/reports/save-report.js';
import { textsOf } from '../src/domain/reports/annual/text.js';
import { assessReport, reportVersions } from '../src/queries/annual-report-admin.js';
import { createTestApp, type TestApp } from './support/app.js';
import { SYSTEM, insertApplications } from './support/annual-report.js';
import { enterEveryFigure, REPORT_TEXTS, submitApprovePublish } from './support/annual-report-workflow.js';
import { buildCity } from './support/factories.js';

const NOW = new Date('2021-01-20T02:00:00Z');

describe('portal: 政府信息公开年报 column', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let key: { agencyId: number; year: number; scope: 'own' };
  const list = () => `/agencies/${city.east.code}/annual-reports`;
  const page = (q = '') => `/agencies/${city.east.code}/annual-reports/2020/own${q}`;
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  /** Saves the texts of the newest version, then submits, approves and publishes it. */
  async function publish(texts: Record<string, string>) {
    const draft = (await reportVersions(t.deps.db, key)).at(-1)!;
    await saveReportTexts(t.deps, SYSTEM, { ...key, ...texts, revision: draft.revision });
    return submitApprovePublish(t.deps, key);
  }
  const TEXTS = REPORT_TEXTS;

  before(async () => {
    t = await createTestApp({ now: NOW });
    city = await buildCity(t.deps);
    key = { agencyId: city.east.id, year: 2020, scope: 'own' };
    await insertApplications(t.deps.db, [
      {
        agencyId: city.east.id,
        applicantType: 'natural',
        receivedOn: '2020-03-02',
        concludedOn: '2020-03-20',
        outcome: 'granted',
      },
      {
        agencyId: city.east.id,
        applicantType: 'natural',
        receivedOn: '2020-05-06',
        concludedOn: '2020-05-25',
        outcome: 'granted',
        fee: { amount: 80, paidOn: '2020-05-12' },
      },
    ]);
    await enterEveryFigure(t.deps, city.east.id, 2020, 4);
  });
  after(() => t.close());

  test('nothing is shown before publication: an empty list, and the report page is a 404', async () => {
    await saveReportTexts(t.deps, SYSTEM, { ...key, ...TEXTS });
    const res = await get(list());
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /本机关尚未在本平台发布年度报告/);
    assert.doesNotMatch(res.body, /尚在建设中/);
    assert.equal((await get(page())).statusCode, 404);
    assert.equal((await get(`/agencies/nosuch/annual-reports`)).statusCode, 404);
  });

  test('a published report: listed, shown with its tables and filled texts, frozen against later data, downloadable as PDF', async () => {
    // The draft saved above is submitted, approved and published.
    await submitApprovePublish(t.deps, key);

    const listed = await get(list());
    assert.match(listed.body, new RegExp(`href="${page()}">东区人民政府2020年政府信息公开工作年度报告</a>`));
    const shown = await get(page());
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, /<h1[^>]*>东区人民政府2020年政府信息公开工作年度报告<\/h1>/);
    assert.match(shown.body, /全年共收到政府信息公开申请2件。/);
    assert.match(shown.body, /本年度共收取信息处理费80元。/, '六 states the fees collected');
    assert.match(shown.body, /<caption>[^<]*收到和处理政府信息公开申请情况<\/caption>/);
    assert.match(shown.body, /href="\/annual-report.css"/);
    assert.equal((await get('/annual-report.css')).headers['content-type'], 'text/css; charset=utf-8');

    // A late application of 2020 changes the live figures, not the published report.
    await insertApplications(t.deps.db, [
      {
        agencyId: city.east.id,
        applicantType: 'natural',
        receivedOn: '2020-12-30',
        concludedOn: null,
        outcome: null,
      },
    ]);
    const again = await get(page());
    assert.match(again.body, /全年共收到政府信息公开申请2件。/);
    const live = await assessReport(t.deps.db, { ...key, texts: textsOf({}) });
    assert.equal(live.computed.table3.rows.newReceived![6], 3);

    const pdf = await get(`${page()}`.replace('/own', '/own/report.pdf'));
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.match(String(pdf.headers['content-disposition']), /filename\*=UTF-8''/);
    for (const ext of ['docx', 'xlsx']) {
      const file = await get(`${page()}`.replace('/own', `/own/report.${ext}`));
      assert.equal(file.statusCode, 200, ext);
      assert.match(String(file.headers['content-type']), /openxmlformats/);
      assert.equal(file.rawPayload.subarray(0, 2).toString(), 'PK', `${ext} is a ZIP package`);
    }
    assert.equal((await get(`${page()}`.replace('/own', '/own/report.exe'))).statusCode, 404);
    assert.match(shown.body, /Word 版/);
  });

  test('a correction is a new visible version; the earlier one stays readable, marked as corrected', async () => {
    await correctReport(t.deps, SYSTEM, { ...key, note: '更正本年新收申请数量' });
    assert.equal((await get(page('?version=2'))).statusCode, 404, 'a correction in progress is not public');
    await publish({ ...TEXTS, problems: '已更正统计错误。' });
    const listed = await get(list());
    assert.match(listed.body, /第2版（更正）：更正本年新收申请数量/);
    assert.ok(listed.body.includes(`href="${page('?version=1')}"`), 'the earlier version stays linked');
    const current = await get(page());
    assert.match(current.body, /全年共收到政府信息公开申请3件。/);
    assert.match(current.body, /已更正统计错误。/);
    const first = await get(page('?version=1'));
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /本报告已被更正，现行版本为<a href="[^"]+">第2版<\/a>/);
    assert.match(first.body, /全年共收到政府信息公开申请2件。/);
    assert.equal((await get(page('?version=9'))).statusCode, 404);
  });
});
