// 年报体检 of several files (issue 11 items 4 and 5): the web page and the API take the reports of
// one agency for several years, check them as a series, and show each settled cell's basis.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { threeYearsGluedMiddle } from '../src/domain/reports/series-samples.js';
import { ReportSeriesResult } from '../src/http/api/report-check-schemas.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';

const FILES = threeYearsGluedMiddle().map((text, i) => ({ name: `某市-${2021 + i}.txt`, text }));

/** A multipart body with several files in `file`, as a browser sends a multiple file input. */
async function multipart(fields: Record<string, string>, files: { name: string; text: string }[]) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('file', new Blob([f.text]), f.name);
  const req = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await req.arrayBuffer()),
    contentType: req.headers.get('content-type') ?? '',
  };
}

/** The text of the element with this id (tags removed). */
function textOf(html: string, tag: string, id: string): string {
  const m = new RegExp(`<${tag} id="${id}"[^>]*>(.*?)</${tag}>`, 's').exec(html);
  return (m?.[1] ?? '').replace(/<[^>]+>/g, '');
}

describe('年报体检 of a series of years', () => {
  let t: TestApp;
  let ip = 0;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  async function upload(fields: Record<string, string>, files: { name: string; text: string }[]) {
    const b = new Browser(t.app);
    await b.get('/report-check');
    const { payload, contentType } = await multipart(
      { _csrf: b.csrfToken(), action: 'check', ...fields },
      files,
    );
    return t.app.inject({
      method: 'POST',
      url: '/report-check',
      payload,
      headers: { 'content-type': contentType, cookie: `gk_csrf=${b.cookie('gk_csrf')}` },
      remoteAddress: `10.7.0.${++ip}`,
    });
  }

  test('the form takes several files and offers to force one series', async () => {
    const res = await new Browser(t.app).get('/report-check');
    assert.match(res.body, /<input id="f-file" name="file" type="file"[^>]* multiple=""/);
    assert.match(res.body, /<input id="f-series" name="series" type="checkbox" value="on"\/?>/);
    assert.match(res.body, /<label for="f-series">把选择的全部文件当作同一机关连续年度的报告核对/);
  });

  test('one file alone: the middle year is 不完整, its run-together row undecided', async () => {
    const res = await upload({}, [FILES[1]!]);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<span class="tag tag-status tag-amber">不完整<\/span>/);
    assert.doesNotMatch(res.body, /由其他依据确定的单元格/);
  });

  test('three years: each passes, the middle one’s settled cells listed with their basis and marked in the table', async () => {
    const res = await upload({}, FILES);
    assert.equal(res.statusCode, 200, res.body.slice(0, 500));
    // The overview links each file to its section, with its result.
    for (const [i, f] of FILES.entries()) {
      assert.match(res.body, new RegExp(`<a href="#r${i + 1}-report">${f.name}</a>`));
      assert.match(res.body, new RegExp(`<section id="r${i + 1}-report"`));
    }
    assert.equal(res.body.match(/<span class="tag tag-status tag-green">通过<\/span>/g)?.length, 3);
    assert.match(
      res.body,
      /年度系列<\/dt>\s*<dd[^>]*>某市人民政府 2021、2022、2023 年（上一年：某市-2021\.txt；下一年：某市-2023\.txt）/,
    );
    // The list of settled cells of the middle report.
    assert.match(res.body, /<h2 id="r2-settled-title">由其他依据确定的单元格<\/h2>/);
    const first = textOf(res.body, 'li', 'r2-settled-1');
    assert.match(first, /^表二「行政规范性文件」行「本年制发件数」 = 25：由 202[13] 年报告确定（C2：/);
    // The cell: its basis on hover (title), and for keyboards and screen readers a link to the list.
    const cell =
      /<td class="num cell-settled" title="([^"]+)" aria-describedby="r2-settled-1">(.*?)<\/td>/s.exec(
        res.body,
      );
    assert.ok(cell, 'the settled cell of 本年制发件数');
    assert.match(cell[1] ?? '', /^由 202[13] 年报告确定（C2：/);
    assert.match(cell[2] ?? '', /<span class="cell-value">25<\/span>/);
    assert.match(cell[2] ?? '', /<a class="settled-mark" href="#r2-settled-1" title="由 202[13] 年报告确定/);
    assert.match(cell[2] ?? '', /<span class="visually-hidden">依据：由 202[13] 年报告确定/);
    // Ids stay unique with three reports on one page.
    const ids = [...res.body.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      [],
    );
  });

  test('the JSON download of several files is an array with settled and series', async () => {
    const res = await upload({ action: 'json' }, FILES);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''.*2021-2023\.json/);
    const out = res.json();
    assert.equal(out.length, 3);
    assert.deepEqual(out[1].series.years, [2021, 2022, 2023]);
    assert.equal(out[1].settled.length, 3);
  });

  test('a file of the wrong type among several is refused by name, the form shown again', async () => {
    const res = await upload({}, [FILES[0]!, { name: 'notes.doc', text: 'x' }]);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /notes\.doc：只能上传/);
  });

  test('POST /api/v1/report-check/series: JSON reports, each result as the single check gives it plus series', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/report-check/series',
      payload: { reports: FILES },
      remoteAddress: '10.7.1.1',
    });
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    const body = ReportSeriesResult.parse(res.json());
    assert.deepEqual(
      body.reports.map((r) => [r.file, r.status]),
      FILES.map((f) => [f.name, 'ok']),
    );
    assert.deepEqual(body.reports[1]?.series, {
      agency: '某市人民政府',
      years: [2021, 2022, 2023],
      previous: '某市-2021.txt',
      next: '某市-2023.txt',
    });
    assert.ok(body.reports[1]?.settled?.every((s) => s.basis.kind === 'series'));
  });

  test('POST /api/v1/report-check/series: several files as multipart; series=true forces one series', async () => {
    const files = FILES.map((f, i) =>
      i === 0 ? { ...f, text: f.text.replace('某市人民政府2021年', '某县人民政府2021年') } : f,
    );
    const post = async (fields: Record<string, string>) => {
      const { payload, contentType } = await multipart(fields, files);
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/report-check/series',
        payload,
        headers: { 'content-type': contentType },
        remoteAddress: `10.7.2.${++ip}`,
      });
    };
    const grouped = (await post({})).json();
    // 2022 has only 2023 beside it: its 现行有效 is settled, 制发 and 废止 stay open.
    assert.deepEqual(
      grouped.reports.map((r: { status: string }) => r.status),
      ['ok', 'incomplete', 'ok'],
    );
    assert.equal(grouped.reports[0].series, undefined);
    assert.deepEqual(grouped.reports[1].series.years, [2022, 2023]);
    const forced = (await post({ series: 'true' })).json();
    assert.deepEqual(
      forced.reports.map((r: { status: string }) => r.status),
      ['ok', 'ok', 'ok'],
    );
    assert.deepEqual(forced.reports[1].series.years, [2021, 2022, 2023]);
    assert.equal(forced.reports[1].series.agency, null);
  });

  test('the series operation is public and documented with an array of files', async () => {
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const op = spec.paths['/api/v1/report-check/series'].post;
    assert.deepEqual(op.security, []);
    assert.equal(op.requestBody.content['multipart/form-data'].schema.properties.file.type, 'array');
    assert.ok(spec.components.schemas.ReportSettledCell);
  });
});
