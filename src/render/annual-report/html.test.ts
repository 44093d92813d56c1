// The HTML and the DOCX as a reader meets them: the title, the six sections in order, the tables
// with accessible markup (caption, th scope, headers=) and the official spans, charts that are
// images with their figures in words and no inline style (the portal's CSP drops it); the DOCX
// opens (mammoth) with the same labels, figures and merged cells.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import mammoth from 'mammoth';
import type { AnnualReport } from '../../domain/reports/types.js';
import { reportCharts } from './charts.js';
import { renderAnnualReportDocx } from './docx.js';
import { annualReportDocument } from './html.js';
import { reportFileName, toRenderable } from './model.js';
import fixture from '../../../test/fixtures/reports/2020-suzhou-city.expected.json' with { type: 'json' };

const tables = fixture as unknown as AnnualReport;
const report = toRenderable(tables, {
  scope: 'rollup',
  publishedOn: '2021-01-29',
  importedMembers: ['张家港市人民政府'],
  texts: { parts: { onRequest: ['全年办理市政府本级依申请公开答复179件。'] }, other: ['无。'] },
});

describe('the HTML page of a report', () => {
  it('shows the title, the byline and the six sections in the national order', async () => {
    const html = await annualReportDocument(report);
    assert.match(html, /<h1[^>]*>苏州市人民政府2020年政府信息公开工作年度报告<\/h1>/);
    assert.match(html, /苏州市人民政府（汇总）\u30002021年1月29日发布/);
    const headings = [...html.matchAll(/<h2[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]);
    assert.deepEqual(headings, [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    assert.match(html, /<h3>（二）依申请公开<\/h3><p>全年办理市政府本级依申请公开答复179件。<\/p>/);
    assert.match(html, /其中张家港市人民政府的数据取自其已公开发布的年度报告/);
  });

  it('marks up the tables for screen readers with the official spans', async () => {
    const html = await annualReportDocument(report);
    assert.equal((html.match(/<caption>/g) ?? []).length, 3);
    assert.match(
      html,
      /<th id="ar-table3-t3r-results" scope="rowgroup" rowspan="20"[^>]*>三、本年度办理结果<\/th>/,
    );
    assert.match(html, /<th id="ar-table4-t4g-suit" scope="colgroup" colspan="10">行政诉讼<\/th>/);
    // The 1043 natural persons whose requests were granted: a cell tied to its row and column headers.
    assert.match(
      html,
      /<td class="num" headers="ar-table3-t3r-results ar-table3-t3r-granted ar-table3-t3c-applicant ar-table3-t3c-natural">1043<\/td>/,
    );
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    for (const m of html.matchAll(/headers="([^"]+)"/g))
      for (const id of (m[1] ?? '').split(' ')) assert.ok(ids.has(id), `headers= names a missing id ${id}`);
    assert.match(
      html,
      /<div class="ar-table-wrap" role="region" aria-label="收到和处理政府信息公开申请情况" tabindex="0">/,
    );
  });

  it('draws the charts as images described in words, without inline style', () => {
    const charts = reportCharts({
      ...report,
      history: [
        { year: 2019, newReceived: 2500 },
        { year: 2020, newReceived: 2833 },
      ],
    });
    assert.deepEqual(
      charts.map((c) => c.key),
      ['outcomes', 'applicants', 'history', 'appeals'],
    );
    const outcomes = charts[0]!;
    assert.match(
      outcomes.description,
      /予以公开1133件，部分公开261件，不予公开96件，无法提供1028件，不予处理87件，其他处理209件/,
    );
    for (const c of charts) {
      assert.match(c.svg, /^<svg role="img" aria-label="[^"]+"/);
      assert.match(c.svg, /<title>[^<]+<\/title>/);
      assert.doesNotMatch(c.svg, / style="|<style/);
      assert.match(c.svg, /<text[^>]* font-size="\d+px"/);
    }
    assert.match(charts[2]!.description, /2019年2500件，2020年2833件/);
    assert.match(charts[3]!.description, /行政复议：结果维持64件，结果纠正13件，其他结果13件，尚未审结11件/);
  });

  it('names downloads after the title, with the version of a correction', () => {
    assert.equal(reportFileName(report, 'pdf'), '苏州市人民政府2020年政府信息公开工作年度报告.pdf');
    assert.equal(
      reportFileName({ ...report, version: 2 }, 'docx'),
      '苏州市人民政府2020年政府信息公开工作年度报告（第2版）.docx',
    );
  });
});

describe('the DOCX of a report', () => {
  it('opens, with the labels, the figures and the merged cells of the official tables', async () => {
    const buffer = await renderAnnualReportDocx(report);
    const { value: text } = await mammoth.extractRawText({ buffer });
    for (const label of [
      '苏州市人民政府',
      '2020年政府信息公开工作年度报告',
      '第二十条第（九）项',
      '594417.23万元',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      '5.要求行政机关确认或重新出具已获取信息',
      '未经复议直接起诉',
      '（五）监督保障',
    ])
      assert.ok(text.includes(label), `DOCX lacks 「${label}」`);
    const { value: html } = await mammoth.convertToHtml({ buffer });
    assert.match(html, /<td rowspan="20"><p>三、本年度办理结果<\/p><\/td>/);
    assert.match(html, /<th colspan="10"><p><strong>行政诉讼<\/strong><\/p><\/th>/);
    assert.match(html, /<td><p>1043<\/p><\/td>/);
  });
});
