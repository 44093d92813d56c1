import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { calendarDaysFromChineseDays } from './chinese-days.js';
import { computeDeadline } from './clock.js';
import { deadlineStatusText, dueDateNote } from './status-text.js';
import { buildWorkCalendar } from './work-calendar.js';

const official = calendarDaysFromChineseDays(data);
const cal = buildWorkCalendar(official.days, official.years);
const received = (date: string) => ({ received: { channel: 'in-person' as const, date } });

describe('the state in words: never 「已逾期 0 个工作日」', () => {
  it('two days after a Thursday due date, on Saturday: 1 working day and 2 days', () => {
    // Received 2026-10-09: Sat 10-10 (make-up) = 1; 10-12..16 = 6; 10-19..23 = 11; 10-26..30 = 16;
    // 11-02..05 = 20 → due Thursday 11-05. Friday 11-06 is one working day past; Saturday adds none.
    const d = computeDeadline(received('2026-10-09'), cal, '2026-11-07');
    assert.equal(d.dueDate, '2026-11-05');
    assert.equal(
      deadlineStatusText(d, '2026-11-07'),
      '已逾期 1 个工作日（2 天），答复期限为 2026-11-05（今天为 2026-11-07）',
    );
  });
  it('a Friday due date seen on Saturday and Sunday: 1 and 2 days, no working day yet', () => {
    // Received Thursday 2026-06-04: 06-05 = 1; 06-08..12 = 6; 06-15..18 = 10 (端午 06-19 off);
    // 06-22..26 = 15; 06-29..07-03 = 20 → due Friday 07-03. The CLI said 「已逾期 0 个工作日」 here.
    const d = computeDeadline(received('2026-06-04'), cal, '2026-07-04');
    assert.equal(d.dueDate, '2026-07-03');
    assert.equal(d.state, 'overdue');
    assert.equal(
      deadlineStatusText(d, '2026-07-04'),
      '已逾期 1 天：答复期限 2026-07-03 已过，此后尚未经过工作日（今天为 2026-07-04）',
    );
    const sunday = deadlineStatusText(
      computeDeadline(received('2026-06-04'), cal, '2026-07-05'),
      '2026-07-05',
    );
    assert.match(sunday, /^已逾期 2 天/);
    assert.doesNotMatch(sunday, /0 个工作日/);
  });
  it('a due date on a make-up Saturday says so', () => {
    // Pause 09-10..15 (clock-pause.test.ts): received 2026-09-01 → due Saturday 10-10, a 调休上班日.
    const d = computeDeadline(
      { ...received('2026-09-01'), pauses: [{ from: '2026-09-10', to: '2026-09-15' }] },
      cal,
      '2026-09-01',
    );
    assert.equal(d.dueDate, '2026-10-10');
    assert.equal(dueDateNote(d), '该日为调休上班日（国庆节），是工作日');
    assert.equal(dueDateNote(computeDeadline(received('2026-09-30'), cal, '2026-09-30')), null);
  });
});
