import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellKey } from './location.js';
import { buildTables, outcomeKeys, SAMPLE_2021, SUZHOU_2020 } from './parse/testing/samples.js';
import {
  constraintsFromNext,
  constraintsFromPrevious,
  neighbourConstraints,
  seriesGroups,
} from './series.js';
import type { CellConstraint, CellValue } from './types.js';

/** A constraint as one line: 「valid+repealed−made = 310 (C2 2021)」. */
const line = (c: CellConstraint): string => {
  const side = (cells: CellConstraint['plus']) =>
    cells.map((x) => cellKey(x).replace(/^table\d\|/, '')).join('+');
  const basis = c.basis.kind === 'series' ? `${c.basis.rule} ${c.basis.year}` : c.basis.kind;
  return `${side(c.plus)}${c.minus.length > 0 ? `-${side(c.minus)}` : ''} = ${c.value} (${basis})`;
};

const withYear = <T extends object>(t: T, year: number) => ({ ...t, year });

describe('seriesGroups: which reports form a series', () => {
  const reports = [
    { agency: '某市人民政府', year: 2023 },
    { agency: '某县人民政府', year: 2021 },
    { agency: '某市人民政府', year: 2021 },
    { agency: '某市 人民政府', year: 2022 },
    { agency: null, year: 2022 },
    { agency: '某县人民政府', year: null },
  ];

  it('groups by the agency of the title (spaces do not count), ordered by year, two reports at least', () => {
    assert.deepEqual(seriesGroups(reports), [[2, 3, 0]]);
  });

  it('with force, takes every report that has a year as one series, whatever its agency', () => {
    assert.deepEqual(seriesGroups(reports, true), [[1, 2, 3, 4, 0]]);
  });

  it('forms no series from a single report', () => {
    assert.deepEqual(seriesGroups([{ agency: '某市人民政府', year: 2021 }], true), []);
  });
});

describe('constraints from neighbouring years', () => {
  const y2021 = withYear(SAMPLE_2021, 2021);
  const y2022 = withYear(SAMPLE_2021, 2022);

  it('from the year before: C1 上年结转 per column, C2 valid − made + repealed = last year’s valid', () => {
    const lines = constraintsFromPrevious(y2022, y2021).map(line);
    // SAMPLE_2021: 结转下年度 12, 1, 0, 0, 1, 0 (总计 14); 规章 valid 45, 行政规范性文件 valid 310.
    assert.deepEqual(lines, [
      'carriedOver|natural = 12 (C1 2021)',
      'carriedOver|commercial = 1 (C1 2021)',
      'carriedOver|research = 0 (C1 2021)',
      'carriedOver|publicInterest = 0 (C1 2021)',
      'carriedOver|legalService = 1 (C1 2021)',
      'carriedOver|otherOrg = 0 (C1 2021)',
      'carriedOver|total = 14 (C1 2021)',
      'regulations|valid+regulations|repealed-regulations|made = 45 (C2 2021)',
      'normativeDocuments|valid+normativeDocuments|repealed-normativeDocuments|made = 310 (C2 2021)',
    ]);
  });

  it('from the year after: C1 结转下年度, C2 valid = next valid − next made + next repealed', () => {
    const lines = constraintsFromNext(y2021, y2022).map(line);
    // SAMPLE_2021: 上年结转 10, 2, 0, 0, 0, 0 (12); 规章 45 − 2 + 1 = 44; 规范性文件 310 − 30 + 12 = 292.
    assert.deepEqual(lines.slice(0, 1), ['carriedForward|natural = 10 (C1 2022)']);
    assert.deepEqual(lines.slice(7), [
      'regulations|valid = 44 (C2 2022)',
      'normativeDocuments|valid = 292 (C2 2022)',
    ]);
  });

  it('2019 format: C3 上一年项目数量 = last year’s count plus its change, both ways', () => {
    const y2019 = withYear(SUZHOU_2020, 2019);
    const y2020 = withYear(SUZHOU_2020, 2020);
    // Suzhou 行政许可: 上一年项目数量 285, 本年增/减 0; 其他对外管理服务事项 699, −29.
    const before = constraintsFromPrevious(y2020, y2019).filter(
      (c) => c.basis.kind === 'series' && c.basis.rule === 'C3',
    );
    assert.deepEqual(before.map(line).slice(0, 2), [
      'licensing|prevCount = 285 (C3 2019)',
      'otherServices|prevCount = 670 (C3 2019)',
    ]);
    const after = constraintsFromNext(y2019, y2020).filter(
      (c) => c.basis.kind === 'series' && c.basis.rule === 'C3',
    );
    assert.equal(
      line(after[1] as CellConstraint),
      'otherServices|prevCount+otherServices|delta = 699 (C3 2020)',
    );
  });

  it('ties only neighbours one year apart, and C2/C3 only within one format', () => {
    assert.deepEqual(neighbourConstraints(withYear(SAMPLE_2021, 2023), y2021, null), []);
    const mixed = neighbourConstraints(withYear(SAMPLE_2021, 2021), withYear(SUZHOU_2020, 2020), null);
    assert.ok(mixed.length > 0 && mixed.every((c) => c.basis.kind === 'series' && c.basis.rule === 'C1'));
  });

  it('uses no cell the neighbour left undecided', () => {
    const open = buildTables({
      format: '2021',
      outcomes: Object.fromEntries(outcomeKeys('2021').map((k) => [k, [1, 0, 0, 0, 0, 0]])),
      carriedOver: [0, 0, 0, 0, 0, 0],
      carriedForward: [0, 0, 0, 0, 0, 0],
      appeals: [
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ],
      table2: {},
    });
    (open.table2['normativeDocuments'] as Record<string, CellValue>)['valid'] = null;
    open.table3.rows['carriedForward'] = [null, null, null, null, null, null, null];
    const found = constraintsFromPrevious(y2022, withYear(open, 2021)).map(line);
    assert.deepEqual(found, ['regulations|valid+regulations|repealed-regulations|made = 0 (C2 2021)']);
  });
});
