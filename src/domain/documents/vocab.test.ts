import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ARTICLE20_CATEGORIES,
  DISCLOSURE_METHODS,
  DOCUMENT_KINDS,
  EFFECT_LEVELS,
  GENRES,
  INTERPRETATION_FORMS,
  isArticle20Key,
  isEffectLevel,
  isRelationKind,
  isValidity,
  PUBLICATION_STATES,
  RELATION_KINDS,
  STATUTORY_GENRES,
  VALIDITY_STATES,
} from './vocab.js';

describe('vocabularies of the document library', () => {
  it('the fifteen 文种 of 党政机关公文处理工作条例 第八条 come first, then the common names', () => {
    assert.equal(STATUTORY_GENRES.length, 15);
    assert.deepEqual(GENRES.slice(0, 15), [...STATUTORY_GENRES]);
    for (const g of ['办法', '规定', '细则', '规则', '实施意见', '方案']) assert.ok(GENRES.includes(g), g);
    assert.equal(new Set(GENRES).size, GENRES.length);
  });

  it('第二十条 has fifteen items, keyed a20-01 … a20-15, cited 第二十条第（一）项 … 第（十五）项', () => {
    assert.equal(ARTICLE20_CATEGORIES.length, 15);
    assert.deepEqual(ARTICLE20_CATEGORIES[0], {
      key: 'a20-01',
      article: '第二十条第（一）项',
      label: '行政法规、规章和规范性文件',
    });
    assert.equal(ARTICLE20_CATEGORIES[9]?.article, '第二十条第（十）项');
    assert.equal(ARTICLE20_CATEGORIES[14]?.key, 'a20-15');
    assert.equal(ARTICLE20_CATEGORIES[14]?.article, '第二十条第（十五）项');
    // The items the annual report's table 二 counts: (一) 规章/规范性文件, (五) 行政许可, (六) 处罚/强制, (八) 收费.
    assert.match(ARTICLE20_CATEGORIES[4]!.label, /行政许可/);
    assert.match(ARTICLE20_CATEGORIES[5]!.label, /行政处罚、行政强制/);
    assert.match(ARTICLE20_CATEGORIES[7]!.label, /行政事业性收费/);
    assert.equal(isArticle20Key('a20-08'), true);
    assert.equal(isArticle20Key('a20-16'), false);
  });

  it('every list is free of repeats, and the guards accept exactly its values', () => {
    for (const list of [
      DOCUMENT_KINDS,
      EFFECT_LEVELS,
      VALIDITY_STATES,
      PUBLICATION_STATES,
      RELATION_KINDS,
      DISCLOSURE_METHODS,
      INTERPRETATION_FORMS,
    ]) {
      assert.equal(new Set(list).size, list.length);
    }
    assert.equal(isValidity('partly_invalid'), true);
    assert.equal(isValidity('有效'), false);
    assert.equal(isEffectLevel('rule'), true);
    assert.equal(isEffectLevel(null), false);
    assert.equal(isRelationKind('abolishes'), true);
    assert.equal(isRelationKind('cancels'), false);
  });
});
