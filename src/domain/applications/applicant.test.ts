import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TABLE3_COLUMNS } from '../reports/table3-schema.js';
import {
  APPLICANT_COLUMN_LABELS,
  APPLICANT_TYPES,
  idTypeProblem,
  idTypesFor,
  table3ColumnOf,
  validateApplicantIdentity,
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

describe('validateApplicantIdentity: every problem at once, keyed by the API/form field', () => {
  it('a company with a valid 统一社会信用代码 (check H, worked out in identity.test.ts)', () => {
    assert.deepEqual(
      validateApplicantIdentity({
        applicantType: 'commercial',
        idType: 'creditCode',
        idNumber: '91110000ma0000000h',
      }),
      { ok: true, applicantType: 'commercial', idType: 'creditCode', idNumber: '91110000MA0000000H' },
    );
  });
  it('a person giving a credit code with a wrong check character: both fields', () => {
    assert.deepEqual(
      validateApplicantIdentity({
        applicantType: 'natural',
        idType: 'creditCode',
        idNumber: '91110000MA00000000',
      }),
      {
        ok: false,
        fieldErrors: {
          idType: '自然人应提供居民身份证、护照、通行证或其他身份证明',
          idNumber: '统一社会信用代码的校验位不正确',
        },
      },
    );
  });
  it('unknown types', () => {
    assert.deepEqual(validateApplicantIdentity({ applicantType: 'x', idType: 'y', idNumber: '1' }), {
      ok: false,
      fieldErrors: { applicantType: '请选择申请人类型', idType: '请选择证件类型' },
    });
  });
});
