import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TABLE3_COLUMNS } from '../reports/table3-schema.js';
import {
  APPLICANT_COLUMN_LABELS,
  APPLICANT_TYPES,
  idTypeProblem,
  idTypesFor,
  table3ColumnOf,
} from './applicant.js';

describe('applicant types are the table 三 columns', () => {
  it('the six applicant columns in report order, 总计 last and not an applicant type', () => {
    assert.deepEqual([...APPLICANT_TYPES, 'total'], [...TABLE3_COLUMNS]);
    for (const t of APPLICANT_TYPES) assert.equal(table3ColumnOf(t), t);
  });
  it('report labels: 自然人 … 法律服务机构, 其他', () => {
    assert.equal(APPLICANT_COLUMN_LABELS.natural, '自然人');
    assert.equal(APPLICANT_COLUMN_LABELS.legalService, '法律服务机构');
    assert.equal(APPLICANT_COLUMN_LABELS.otherOrg, '其他');
  });
  it('a person shows a personal document; an organisation its 统一社会信用代码', () => {
    assert.ok(idTypesFor('natural').includes('residentId'));
    assert.ok(!idTypesFor('natural').includes('creditCode'));
    assert.deepEqual(idTypesFor('research'), ['creditCode', 'other']);
    assert.equal(
      idTypeProblem('commercial', 'residentId'),
      '法人或其他组织应提供统一社会信用代码或其他身份证明',
    );
    assert.equal(
      idTypeProblem('natural', 'creditCode'),
      '自然人应提供居民身份证、护照、通行证或其他身份证明',
    );
    assert.equal(idTypeProblem('natural', 'passport'), null);
  });
});
