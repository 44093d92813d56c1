import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInput, InvalidTransition } from '../errors.js';
import {
  assertIndexNumberUnchanged,
  DEFAULT_INDEX_TEMPLATE,
  formatIndexNumber,
  parseIndexTemplate,
  templateNeedsTheme,
  templateResetsYearly,
  validateIndexTemplate,
} from './index-number.js';

const problem = (template: string) => {
  const r = parseIndexTemplate(template);
  return 'error' in r ? r.error : null;
};

describe('索引号 formats observed on real platforms', () => {
  it('the default is gov.cn’s: 000014349/2018-00222', () => {
    assert.equal(DEFAULT_INDEX_TEMPLATE, '{agency}/{year}-{serial:5}');
    assert.equal(
      formatIndexNumber(DEFAULT_INDEX_TEMPLATE, { agencyCode: '000014349', year: 2018, serial: 222 }),
      '000014349/2018-00222',
    );
  });

  it('统一社会信用代码 with a seven-digit serial: 11370322004222241N/2021-5135380', () => {
    assert.equal(
      formatIndexNumber('{agency}/{year}-{serial:7}', {
        agencyCode: '11370322004222241N',
        year: 2021,
        serial: 5135380,
      }),
      '11370322004222241N/2021-5135380',
    );
  });

  it('hyphens only, with a theme segment: 01527918X-T02.01-2020-0077', () => {
    const t = '{agency}-{theme}-{year}-{serial:4}';
    assert.equal(templateNeedsTheme(t), true);
    assert.equal(
      formatIndexNumber(t, { agencyCode: '01527918X', year: 2020, themeCode: 'T02.01', serial: 77 }),
      '01527918X-T02.01-2020-0077',
    );
  });

  it('a serial wider than its padding is written in full, never cut', () => {
    assert.equal(
      formatIndexNumber(DEFAULT_INDEX_TEMPLATE, { agencyCode: 'A', year: 2026, serial: 123456 }),
      'A/2026-123456',
    );
    assert.equal(formatIndexNumber('{agency}-{serial}', { agencyCode: 'A', year: 2026, serial: 7 }), 'A-7');
  });

  it('the counter restarts each year only when the year is part of the number', () => {
    assert.equal(templateResetsYearly(DEFAULT_INDEX_TEMPLATE), true);
    assert.equal(templateResetsYearly('G-{agency}-{serial:8}'), false);
  });
});

describe('template problems, in Chinese', () => {
  const cases: [string, string][] = [
    ['', '索引号模板不能为空'],
    ['{agency}/{year}', '模板必须包含流水号 {serial}（如 {serial:5}）'],
    ['{year}-{serial:5}', '模板必须包含机构代码 {agency}，否则不同机构的索引号会重复'],
    ['{agency}{serial:5}', '相邻的两个占位符之间必须有分隔符（如 / 或 -）'],
    [
      '{agency}/{date}-{serial}',
      '模板中有无法识别的占位符 {date}，可用 {agency}、{year}、{theme}、{serial:N}',
    ],
    ['{agency}/{serial:0}', '流水号位数应为1到10之间的整数，如 {serial:5}'],
    ['{agency}/{serial:11}', '流水号位数应为1到10之间的整数，如 {serial:5}'],
    ['{agency}/{serial:x}', '流水号位数应为1到10之间的整数，如 {serial:5}'],
    ['{agency}/{year}-{serial:5', '模板中的花括号不成对'],
    ['{agency} / {serial}', '模板中的分隔符不能包含空格'],
    ['{agency}/{serial}-{serial:2}', '模板中 {serial} 只能出现一次'],
    ['{agency}/{year}/{year}-{serial}', '模板中 {year} 只能出现一次'],
  ];
  for (const [template, message] of cases) {
    it(`「${template}」 → ${message}`, () => assert.equal(problem(template), message));
  }

  it('validateIndexTemplate throws InvalidInput on the form field', () => {
    assert.throws(
      () => validateIndexTemplate('{agency}/{year}'),
      (e: unknown) =>
        e instanceof InvalidInput &&
        e.fieldErrors.indexTemplate === '模板必须包含流水号 {serial}（如 {serial:5}）',
    );
    assert.equal(validateIndexTemplate(DEFAULT_INDEX_TEMPLATE).length, 5);
  });
});

describe('values that cannot make an index number', () => {
  const t = DEFAULT_INDEX_TEMPLATE;
  it('a missing theme when the template needs one', () => {
    assert.throws(
      () => formatIndexNumber('{agency}-{theme}-{serial}', { agencyCode: 'A', year: 2026, serial: 1 }),
      (e: unknown) =>
        e instanceof InvalidInput && e.fieldErrors.themes === '索引号模板包含主题分类，请先选择主题分类',
    );
  });
  it('a serial below 1, a two-digit year, an agency code with a space', () => {
    assert.throws(() => formatIndexNumber(t, { agencyCode: 'A', year: 2026, serial: 0 }), InvalidInput);
    assert.throws(() => formatIndexNumber(t, { agencyCode: 'A', year: 26, serial: 1 }), InvalidInput);
    assert.throws(() => formatIndexNumber(t, { agencyCode: 'J N', year: 2026, serial: 1 }), InvalidInput);
  });
});

describe('an index number never changes once published', () => {
  it('the first assignment and an unchanged save pass', () => {
    assert.doesNotThrow(() => assertIndexNumberUnchanged(null, 'A/2026-00001'));
    assert.doesNotThrow(() => assertIndexNumberUnchanged(null, null));
    assert.doesNotThrow(() => assertIndexNumberUnchanged('A/2026-00001', 'A/2026-00001'));
  });
  it('changing or clearing it is refused', () => {
    assert.throws(() => assertIndexNumberUnchanged('A/2026-00001', 'A/2026-00002'), InvalidTransition);
    assert.throws(
      () => assertIndexNumberUnchanged('A/2026-00001', null),
      (e: unknown) =>
        e instanceof InvalidTransition && e.message === '索引号「A/2026-00001」已在发布时确定，不能修改',
    );
  });
});
