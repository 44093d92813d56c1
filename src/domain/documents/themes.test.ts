import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  childThemes,
  themeByCode,
  themeLabel,
  themePath,
  THEMES,
  THEME_TREE_VERSION,
  topThemeCode,
  topThemes,
} from './themes.js';

describe('主题分类: the gov.cn theme tree', () => {
  it('has the 22 first-level themes in gov.cn order', () => {
    assert.deepEqual(
      topThemes().map((t) => t.name),
      [
        '国务院组织机构',
        '综合政务',
        '国民经济管理、国有资产监管',
        '财政、金融、审计',
        '国土资源、能源',
        '农业、林业、水利',
        '工业、交通',
        '商贸、海关、旅游',
        '市场监管、安全生产监管',
        '城乡建设、环境保护',
        '科技、教育',
        '文化、广电、新闻出版',
        '卫生、体育',
        '人口与计划生育、妇女儿童工作',
        '劳动、人事、监察',
        '公安、安全、司法',
        '民政、扶贫、救灾',
        '民族、宗教',
        '对外事务',
        '港澳台侨工作',
        '国防',
        '其他',
      ],
    );
  });

  it('shows a theme as gov.cn does: 一级\\二级', () => {
    // 国发〔2018〕43号 is filed under 卫生、体育\医药管理; 国办发〔2017〕47号 under 综合政务\政务公开.
    assert.equal(themeLabel('T13.02'), '卫生、体育\\医药管理');
    assert.equal(themeLabel('T02.01'), '综合政务\\政务公开');
    assert.equal(themeLabel('T22'), '其他');
    assert.equal(themeLabel('T99'), '');
  });

  it('keeps its codes: documents store them, so a code never moves to another theme', () => {
    const pinned = {
      T01: '国务院组织机构',
      'T01.10': '其他',
      'T04.07': '社会信用体系建设',
      'T10.05': '气象、水文、测绘、地震',
      'T17.06': '扶贫',
      'T18.02': '宗教事务',
      'T21.02': '国防动员',
      T22: '其他',
    };
    for (const [code, name] of Object.entries(pinned)) assert.equal(themeByCode(code)?.name, name, code);
    assert.equal(THEME_TREE_VERSION, 'govcn-2019.1');
    // Second-level counts in order: 10 9 7 9 8 4 12 6 6 6 4 5 4 3 7 4 7 2 3 3 2 0 = 121.
    assert.equal(THEMES.length, 22 + 121);
  });

  it('is a well-formed two-level tree with unique codes and unique names under each parent', () => {
    assert.equal(new Set(THEMES.map((t) => t.code)).size, THEMES.length);
    for (const t of THEMES) {
      if (t.parent === null) continue;
      assert.equal(themeByCode(t.parent)?.parent, null, t.code);
      assert.ok(t.code.startsWith(`${t.parent}.`), t.code);
    }
    for (const top of topThemes()) {
      const names = childThemes(top.code).map((c) => c.name);
      assert.equal(new Set(names).size, names.length, top.name);
    }
  });

  it('walks up from a second-level theme to its first level', () => {
    assert.deepEqual(
      themePath('T16.03').map((t) => t.name),
      ['公安、安全、司法', '司法'],
    );
    assert.equal(topThemeCode('T16.03'), 'T16');
    assert.equal(topThemeCode('T16'), 'T16');
    assert.deepEqual(themePath('nope'), []);
    assert.deepEqual(childThemes('T22'), []);
  });
});
