import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInput } from '../errors.js';
import { fillTemplate, placeholdersIn, validateTemplate } from './template.js';
import { placeholdersFor, PLACEHOLDERS } from './placeholders.js';

/** Runs fn, expects InvalidInput, returns it. */
function invalid(fn: () => unknown): InvalidInput {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof InvalidInput, `expected InvalidInput, got ${String(e)}`);
    return e;
  }
  assert.fail('expected InvalidInput, nothing was thrown');
}

describe('fillTemplate', () => {
  it('replaces every placeholder, numbers included, tolerating spaces inside the braces', () => {
    assert.equal(
      fillTemplate('{{applicantName}}：延长{{ workdays }}个工作日，至{{dueBy}}。', {
        applicantName: '张三',
        workdays: 15,
        dueBy: '2026年12月21日',
      }),
      '张三：延长15个工作日，至2026年12月21日。',
    );
  });

  it('refuses an unknown placeholder, naming it in Chinese', () => {
    const e = invalid(() => fillTemplate('尊敬的{{applicant}}：', { applicantName: '张三' }));
    assert.match(e.message, /\{\{applicant\}\}/);
    assert.match(e.message, /不存在/);
  });

  it('refuses a placeholder without a value (undefined or null), naming it and what it stands for', () => {
    const e = invalid(() =>
      fillTemplate('{{applicantName}}：{{dueBy}}', { applicantName: '张三', dueBy: null }),
    );
    assert.deepEqual(Object.keys(e.fieldErrors), ['dueBy']);
    assert.match(e.fieldErrors.dueBy!, /\{\{dueBy\}\}/);
    assert.match(e.fieldErrors.dueBy!, /期限届满日/);
    invalid(() => fillTemplate('{{reasons}}', {}));
  });

  it('accepts an empty string as a value', () => {
    assert.equal(fillTemplate('甲{{reasons}}乙', { reasons: '' }), '甲乙');
  });

  it('does not expand braces inside a value (one pass)', () => {
    assert.equal(fillTemplate('{{reasons}}', { reasons: '见{{dueBy}}' }), '见{{dueBy}}');
  });

  it('refuses a broken brace pair', () => {
    const e = invalid(() => fillTemplate('请于{{dueBy前补正', { dueBy: '2026年12月1日' }));
    assert.match(e.message, /括号不完整/);
  });

  it('with a kind, refuses a placeholder that kind does not allow', () => {
    const e = invalid(() =>
      fillTemplate('{{applicantName}}', { applicantName: '张三' }, 'consultationThirdParty'),
    );
    assert.match(e.message, /第三方意见征询函.*\{\{applicantName\}\}/);
  });
});

describe('validateTemplate', () => {
  const reply = '本机关于{{receivedOn}}收到您的申请。\n经审查，{{reasons}}\n{{remedies}}';

  it('accepts a reply ending with the remedies paragraph and lists the placeholders used', () => {
    assert.deepEqual(validateTemplate(reply, 'decision').placeholders, ['receivedOn', 'reasons', 'remedies']);
  });

  it('refuses a reply without the remedies paragraph', () => {
    const e = invalid(() => validateTemplate('经审查，{{reasons}}', 'decision'));
    assert.match(e.fieldErrors.body!, /必须包含占位符「\{\{remedies\}\}」/);
  });

  it('refuses a reply whose remedies paragraph is not last, or shares its line', () => {
    invalid(() => validateTemplate('{{remedies}}\n特此告知。', 'decision'));
    const e = invalid(() => validateTemplate('经审查，{{reasons}}{{remedies}}', 'decision'));
    assert.match(e.fieldErrors.body!, /最后一段/);
  });

  it('reports unknown placeholders per part and every problem at once', () => {
    const e = invalid(() =>
      validateTemplate(
        { title: '{{titel}}', addressee: '{{applicantName}}', body: '{{foo}}\n{{remedies}}' },
        'decision',
      ),
    );
    assert.match(e.fieldErrors.title!, /\{\{titel\}\}/);
    assert.match(e.fieldErrors.body!, /\{\{foo\}\}/);
    assert.equal(e.fieldErrors.addressee, undefined);
  });

  it('refuses a correction notice without the items or the period (第三十条)', () => {
    const e = invalid(() => validateTemplate('请补正。', 'correction'));
    assert.match(e.fieldErrors.body!, /\{\{corrections\}\}/);
    assert.match(e.fieldErrors.body!, /\{\{dueBy\}\}/);
  });

  it('refuses an empty body and a title on two lines', () => {
    invalid(() => validateTemplate('  ', 'receipt'));
    const e = invalid(() =>
      validateTemplate(
        { title: '回执\n第二行', addressee: '{{applicantName}}', body: '{{receivedOn}}' },
        'receipt',
      ),
    );
    assert.match(e.fieldErrors.title!, /一行/);
  });
});

describe('placeholders', () => {
  it('placeholdersIn lists each name once in order of use', () => {
    assert.deepEqual(placeholdersIn('{{b}}{{a}}{{ b }}'), ['b', 'a']);
  });

  it('every kind lists its placeholders with a Chinese description, required ones marked', () => {
    for (const kind of Object.keys(PLACEHOLDERS) as (keyof typeof PLACEHOLDERS)[]) {
      for (const p of placeholdersFor(kind))
        assert.match(p.description, /\p{Script=Han}/u, `${kind}.${p.name}`);
    }
    assert.ok(placeholdersFor('decision').some((p) => p.name === 'remedies' && p.required));
  });
});
