import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { VALIDITY_STATES } from '../../domain/documents/vocab.js';
import * as labels from './document-labels.js';
import { EFFECT_LEVEL_LABELS, labelOf, VALIDITY_LABELS } from './document-labels.js';

const maps = Object.entries(labels).filter(([name]) => name.endsWith('_LABELS')) as [
  string,
  Record<string, { zh: string; en: string }>,
][];

describe('document library labels', () => {
  it('有效性 reads as on every policy library: 尚未生效 / 有效 / 已修改 / 部分失效 / 失效 / 废止', () => {
    assert.deepEqual(
      VALIDITY_STATES.map((v) => VALIDITY_LABELS[v].zh),
      ['尚未生效', '有效', '已修改', '部分失效', '失效', '废止'],
    );
  });

  it('no two values of one vocabulary look the same, in either language', () => {
    assert.ok(maps.length >= 10);
    for (const [name, map] of maps) {
      for (const lang of ['zh', 'en'] as const) {
        const texts = Object.values(map).map((t) => t[lang]);
        assert.ok(
          texts.every((t) => t.trim() !== ''),
          `${name}.${lang} has an empty label`,
        );
        assert.equal(new Set(texts).size, texts.length, `${name}.${lang} repeats a label`);
      }
    }
  });

  it('labelOf shows the label in the page’s language, an unknown stored value as it is, nothing for null', () => {
    assert.equal(labelOf(EFFECT_LEVEL_LABELS, 'normative'), '行政规范性文件');
    assert.equal(labelOf(EFFECT_LEVEL_LABELS, 'normative', 'en'), 'Normative document');
    assert.equal(labelOf(EFFECT_LEVEL_LABELS, 'regulation'), 'regulation');
    assert.equal(labelOf(EFFECT_LEVEL_LABELS, null), '');
  });
});
