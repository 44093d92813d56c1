import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInput } from '../errors.js';
import { computeFee } from './fees.js';
import { DEFAULT_INSTALLATION_RULES, parseInstallationRules } from './rules.js';

function errorsOf(input: unknown): Record<string, string> {
  try {
    parseInstallationRules(input);
  } catch (e) {
    assert.ok(e instanceof InvalidInput);
    return e.fieldErrors;
  }
  assert.fail('expected InvalidInput');
}

describe('parseInstallationRules', () => {
  it('gives the defaults for an empty input', () => {
    assert.deepEqual(parseInstallationRules({}), { ...DEFAULT_INSTALLATION_RULES });
    assert.deepEqual(parseInstallationRules(null), { ...DEFAULT_INSTALLATION_RULES });
  });

  it('reads form strings', () => {
    const r = parseInstallationRules({
      clock: { countFromNextDay: 'false', consultationReceiptAssumedDays: '3' },
      transferOutcome: 'other.misc',
      fees: {
        item: {
          bands: [
            { upTo: '5', rate: '0' },
            { upTo: '', rate: '50' },
            { upTo: '', rate: '' },
          ],
        },
      },
    });
    assert.equal(r.clock.countFromNextDay, false);
    assert.equal(r.clock.consultationReceiptAssumedDays, 3);
    assert.equal(r.clock.pauseExcludesToDay, true);
    assert.equal(r.transferOutcome, 'other.misc');
    assert.deepEqual(r.fees.item, {
      unit: '件',
      bands: [
        { upTo: 5, rate: 0 },
        { upTo: null, rate: 50 },
      ],
    });
    assert.equal(computeFee({ method: 'item', units: 7 }, r.fees).amount, 100);
    assert.deepEqual(r.fees.page, DEFAULT_INSTALLATION_RULES.fees.page);
  });

  it('refuses the statutory periods and bad values, keyed by field, in Chinese', () => {
    const e = errorsOf({
      clock: { replyWorkdays: 30, countFromNextDay: 'maybe', consultationReceiptAssumedDays: '-1' },
      transferOutcome: 'nonsense',
      fees: {
        page: {
          bands: [
            { upTo: '', rate: '0' },
            { upTo: '20', rate: 'x' },
          ],
          beyond: { every: '0', increment: '5' },
        },
      },
    });
    assert.match(e['clock.replyWorkdays']!, /法律规定/);
    assert.match(e['clock.countFromNextDay']!, /是或否/);
    assert.match(e['clock.consultationReceiptAssumedDays']!, /0至60之间的整数/);
    assert.match(e.transferOutcome!, /请选择/);
    assert.match(e['fees.page.bands.0.upTo']!, /只有最后一档/);
    assert.match(e['fees.page.bands.1.rate']!, /单价/);
    assert.match(e['fees.page.beyond.every']!, /正整数/);
  });

  it('requires increasing band limits and at least one band', () => {
    const e = errorsOf({
      fees: {
        item: {
          bands: [
            { upTo: '10', rate: '0' },
            { upTo: '10', rate: '1' },
          ],
        },
        page: { bands: [] },
      },
    });
    assert.match(e['fees.item.bands.1.upTo']!, /大于上一档/);
    assert.match(e['fees.page.bands']!, /至少填写一档/);
  });

  it('accepts its own output (the stored JSON)', () => {
    const stored = JSON.parse(JSON.stringify(DEFAULT_INSTALLATION_RULES));
    assert.deepEqual(parseInstallationRules(stored), JSON.parse(JSON.stringify(DEFAULT_INSTALLATION_RULES)));
  });
});
