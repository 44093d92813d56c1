import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellKey } from './location.js';
import { parseReport } from './parse/parse-report.js';
import { renderDocument } from './parse/testing/layouts.js';
import { SAMPLE_2021, SUZHOU_2020 } from './parse/testing/samples.js';
import { checkSeries } from './series-check.js';
import { threeYears, threeYearsGluedMiddle } from './series-samples.js';
import type { CellValue, ParsedReport } from './types.js';

const settledBy = (r: ParsedReport) =>
  (r.settled ?? []).map((s) => [
    cellKey(s.cell),
    s.value,
    s.basis.kind === 'series' ? `${s.basis.rule} ${s.basis.year}` : s.basis.kind,
  ]);

describe('checkSeries: a series of years settles what one report leaves open', () => {
  it('a table-二 row that only C2 settles: incomplete alone, ok with its neighbours, with the basis', async () => {
    const texts = threeYearsGluedMiddle();
    assert.notDeepEqual(texts, threeYears());
    const alone = parseReport(texts[1] as string);
    assert.equal(alone.status, 'incomplete');
    assert.deepEqual(alone.missing, ['table2.normativeDocuments']);
    assert.ok((alone.violations.find((v) => v.rule === 'B5')?.candidates?.length ?? 0) > 1);

    const series = await checkSeries(texts);
    assert.deepEqual(
      series.map((s) => [s.report.year, s.report.status]),
      [
        [2021, 'ok'],
        [2022, 'ok'],
        [2023, 'ok'],
      ],
    );
    const middle = series[1]?.report as ParsedReport;
    assert.deepEqual(middle.missing, []);
    assert.deepEqual(middle.violations, []);
    assert.deepEqual(
      ['made', 'repealed', 'valid'].map((c) => middle.table2['normativeDocuments']?.[c]),
      [25, 8, 327],
    );
    const settled = settledBy(middle);
    assert.equal(settled.length, 3);
    for (const [cell, , basis] of settled) {
      assert.match(cell as string, /^table2\|normativeDocuments\|/);
      assert.match(basis as string, /^C2 202[13]$/);
    }
    assert.deepEqual(series[1]?.series, {
      agency: '某市人民政府',
      years: [2021, 2022, 2023],
      previous: 0,
      next: 2,
    });
  });

  it('checks C1 and C2 between consecutive years and warns where they break', async () => {
    const texts = threeYears();
    // 2023 prints 规章 现行有效 49 (2022's 47 + 1 − 0 = 48).
    texts[2] = (texts[2] as string).replace('规章\n\n1\n\n0\n\n48', '规章\n\n1\n\n0\n\n49');
    const series = await checkSeries(texts);
    const last = series[2]?.report as ParsedReport;
    assert.equal(last.status, 'ok');
    assert.deepEqual(
      last.violations.map((v) => [v.rule, v.where, v.expected, v.actual]),
      [['C2', 'table2 regulations.valid', 48, 49]],
    );
    assert.match(last.verdict, /1 条提示/);
  });

  it('groups by the agency of the title: another agency’s report is no neighbour', async () => {
    const texts = threeYearsGluedMiddle();
    texts[0] = (texts[0] as string).replace('某市人民政府2021年', '某县人民政府2021年');
    const series = await checkSeries(texts);
    assert.equal(series[0]?.series, null);
    assert.deepEqual(series[1]?.series?.years, [2022, 2023]);
    // 2023 still gives 2022's valid (342 − 20 + 5 = 327); made and repealed stay open.
    assert.equal(series[1]?.report.table2['normativeDocuments']?.['valid'], 327);
  });

  it('--series forces one series whatever the titles say', async () => {
    const texts = threeYearsGluedMiddle().map((t, i) =>
      i === 0 ? t.replace('某市人民政府2021年', '某县人民政府2021年') : t,
    );
    const series = await checkSeries(texts, true);
    assert.deepEqual(
      series.map((s) => s.report.status),
      ['ok', 'ok', 'ok'],
    );
    assert.equal(series[1]?.series?.agency, null);
  });

  it('2019 format: C3 from the next year settles a run-together 行政许可 row', async () => {
    const years = [2019, 2020].map((year, i) => {
      const t2 = { ...SUZHOU_2020.table2 };
      const licensing = i === 0 ? [285, 0, 8087315] : [285, 3, 7000000];
      const tables = {
        ...SUZHOU_2020,
        table2: {
          ...t2,
          licensing: {
            label: '行政许可',
            prevCount: licensing[0],
            delta: licensing[1],
            decisions: licensing[2],
          } as Record<string, CellValue> & { label: string },
        },
      };
      return renderDocument(tables, 'c', { title: `苏州市人民政府${year}年政府信息公开工作年度报告` });
    });
    years[0] = (years[0] as string).replace('行政许可\n\n285\n\n0\n\n8087315', '行政许可\n\n28508087315');
    assert.equal(parseReport(years[0] as string).status, 'incomplete');
    const [first] = await checkSeries(years);
    assert.equal(first?.report.status, 'ok');
    assert.deepEqual(
      settledBy(first?.report as ParsedReport).map((s) => s[2]),
      ['C3 2020', 'C3 2020', 'C3 2020'],
    );
  });
});

describe('the report’s own prose settles a run-together row (item 3)', () => {
  it('「本年度制发规范性文件30件」「集中公开现行有效行政规范性文件310件」 leave one reading of 「3012310」', async () => {
    const glued = renderDocument(SAMPLE_2021, 'c', {
      title: '某市人民政府2021年政府信息公开工作年度报告',
    }).replace('行政规范性文件\n\n30\n\n12\n\n310', '行政规范性文件\n\n3012310');
    assert.equal(parseReport(glued).status, 'incomplete');
    const prose = '一、总体情况\n本年度制发规范性文件30件，集中公开现行有效行政规范性文件310件。\n';
    const r = parseReport(glued.replace('一、总体情况\n', prose));
    assert.equal(r.status, 'ok');
    assert.deepEqual(
      ['made', 'repealed', 'valid'].map((c) => r.table2['normativeDocuments']?.[c]),
      [30, 12, 310],
    );
    const bases = (r.settled ?? []).map((s) => (s.basis.kind === 'quote' ? s.basis.quote : s.basis.kind));
    assert.ok(bases.includes('本年度制发规范性文件30件'));
    assert.ok(bases.every((b) => b !== 'series'));
  });

  it('a quote that no reading allows settles nothing and is a C4 warning', () => {
    const glued = renderDocument(SAMPLE_2021, 'c', { title: '某市人民政府2021年政府信息公开工作年度报告' })
      .replace('行政规范性文件\n\n30\n\n12\n\n310', '行政规范性文件\n\n3012310')
      .replace('一、总体情况\n', '一、总体情况\n本年度制发规范性文件31件。\n');
    const r = parseReport(glued);
    assert.equal(r.status, 'incomplete');
    const c4 = r.violations.filter((v) => v.rule === 'C4');
    assert.equal(c4.length, 1);
    assert.match(
      c4[0]?.message ?? '',
      /正文称「本年度制发规范性文件31件」，但表二「行政规范性文件」行「本年制发件数」的各种可能读法（.*）中没有 31。/,
    );
  });
});
