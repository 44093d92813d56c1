import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  feedbackBlockers,
  feedbackReport,
  maskName,
  reasonRequired,
  type OpinionForReport,
} from './feedback.js';
import { consultationStatus } from './status.js';

describe('feedback report', () => {
  it('masks the middle of a name and keeps organisations', () => {
    assert.equal(maskName('张三丰'), '张*丰');
    assert.equal(maskName('李四'), '李*');
    assert.equal(maskName('欧阳娜娜'), '欧**娜');
    assert.equal(maskName('王'), '*');
    assert.equal(maskName('  '), '匿名');
    assert.equal(maskName(null), '匿名');
    assert.equal(maskName('江南市某某科技有限公司'), '江南市某某科技有限公司');
  });

  it('counts what it lists: received, adopted, partly, not adopted', () => {
    const o = (adoption: OpinionForReport['adoption'], name: string | null): OpinionForReport => ({
      authorNameMasked: name,
      content: '建议',
      clause: null,
      adoption,
      reason: adoption === 'adopted' ? null : '理由',
      receivedOn: '2026-06-02',
    });
    const r = feedbackReport({ opensOn: '2026-06-01', closesOn: '2026-06-30' }, [
      o('adopted', '张*丰'),
      o('partly', null),
      o('not_adopted', '李*'),
      o('adopted', '王*'),
    ]);
    assert.deepEqual([r.received, r.adopted, r.partly, r.notAdopted], [4, 2, 1, 1]);
    assert.deepEqual(
      r.rows.map((x) => [x.number, x.name]),
      [
        [1, '张*丰'],
        [2, '匿名'],
        [3, '李*'],
        [4, '王*'],
      ],
    );
    assert.equal(r.rows.length, r.adopted + r.partly + r.notAdopted);
  });

  it('is published only after closing, with every opinion decided', () => {
    assert.deepEqual(feedbackBlockers('open', []), ['征集结束后才能发布意见采纳情况']);
    assert.deepEqual(feedbackBlockers('closed', [{ adoption: 'pending' }, { adoption: 'adopted' }]), [
      '还有 1 条意见未作出采纳决定',
    ]);
    assert.deepEqual(feedbackBlockers('closed', [{ adoption: 'partly' }]), []);
  });

  it('needs a reason unless adopted', () => {
    assert.equal(reasonRequired('adopted'), false);
    assert.equal(reasonRequired('partly'), true);
    assert.equal(reasonRequired('not_adopted'), true);
  });

  it('derives the status from the state and the dates', () => {
    const c = { state: 'open', opensOn: '2026-06-01', closesOn: '2026-06-30' };
    assert.equal(consultationStatus(c, '2026-05-31'), 'upcoming');
    assert.equal(consultationStatus(c, '2026-06-30'), 'open');
    assert.equal(consultationStatus(c, '2026-07-01'), 'ended');
    assert.equal(consultationStatus({ ...c, state: 'draft' }, '2026-06-10'), 'draft');
  });
});
