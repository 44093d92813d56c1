import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { calendarDaysFromChineseDays } from '../calendar/chinese-days.js';
import { buildWorkCalendar } from '../calendar/work-calendar.js';
import {
  interviewPhase,
  openQuestionsDue,
  parseGuests,
  parseTranscript,
  questionPhaseAt,
  shortNotice,
  transcriptText,
} from './interview.js';

const official = calendarDaysFromChineseDays(data, 'chinese-days@1.5.7');
const cal = buildWorkCalendar(official.days, official.years);

describe('the due date of questions left open (working days after the end day)', () => {
  it('over 国庆节 2026 (10月1日至7日放假, 10月10日 周六上班): ended Wed 30 Sep, 5 working days → Tue 13 Oct', () => {
    // 10-08 Thu (1), 10-09 Fri (2), 10-10 Sat make-up (3), 10-12 Mon (4), 10-13 Tue (5).
    assert.equal(openQuestionsDue(cal, '2026-09-30', 5), '2026-10-13');
    assert.equal(openQuestionsDue(cal, '2026-09-30', 3), '2026-10-10');
  });
  it('over a weekend: ended Fri 4 Dec 2026, 5 working days → Fri 11 Dec', () => {
    // 12-07 Mon (1) … 12-11 Fri (5)
    assert.equal(openQuestionsDue(cal, '2026-12-04', 5), '2026-12-11');
  });
  it('over 春节 2026 (2月15日至23日放假, 2月14日 周六、2月28日 周六上班): ended Fri 13 Feb, 2 working days → Sat 14 Feb, Tue 24 Feb', () => {
    // 02-14 Sat make-up (1), 02-15 … 02-23 holiday, 02-24 Tue (2).
    assert.equal(openQuestionsDue(cal, '2026-02-13', 2), '2026-02-24');
  });
  it('property: the due day is a working day, after the end, with exactly n working days in between', () => {
    for (let d = 0; d < 366; d += 3) {
      const end = new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10);
      for (const n of [1, 5, 10]) {
        const due = openQuestionsDue(cal, end, n);
        assert.ok(due > end && cal.isWorkday(due), `${end} +${n}`);
        let count = 0;
        for (let x = new Date(`${end}T00:00:00Z`); ;) {
          x = new Date(x.getTime() + 86_400_000);
          const iso = x.toISOString().slice(0, 10);
          if (cal.isWorkday(iso)) count++;
          if (iso === due) break;
        }
        assert.equal(count, n, `${end} +${n}`);
      }
    }
  });
});

describe('phases and the announcement notice', () => {
  const i = {
    state: 'announced',
    startsAt: new Date('2026-09-30T01:30:00Z'),
    endsAt: new Date('2026-09-30T02:30:00Z'),
  };
  it('follows the times; a draft has no phase on the portal', () => {
    assert.equal(interviewPhase(i, new Date('2026-09-30T01:29:59Z')), 'upcoming');
    assert.equal(interviewPhase(i, new Date('2026-09-30T01:30:00Z')), 'live');
    assert.equal(interviewPhase(i, new Date('2026-09-30T02:30:00Z')), 'ended');
    assert.equal(interviewPhase({ ...i, state: 'draft' }, new Date('2026-09-30T02:00:00Z')), 'draft');
    assert.equal(questionPhaseAt(i, new Date('2026-09-29T00:00:00Z')), 'before');
    assert.equal(questionPhaseAt(i, new Date('2026-09-30T02:00:00Z')), 'during');
    assert.equal(questionPhaseAt(i, new Date('2026-09-30T03:00:00Z')), null);
  });
  it('short notice: fewer than 3 days between the announcement day and the start day', () => {
    assert.equal(shortNotice('2026-09-27', '2026-09-30'), false);
    assert.equal(shortNotice('2026-09-28', '2026-09-30'), true);
    assert.equal(shortNotice('2026-09-28', '2026-09-30', 2), false);
  });
});

describe('transcript and guests as text', () => {
  it('reads 「发言人：内容」 lines with either colon, and writes them back', () => {
    const r = parseTranscript('主持人：各位网友好。\n\n张明: 谢谢主持人。\r\n');
    assert.deepEqual(r, {
      lines: [
        { speaker: '主持人', text: '各位网友好。' },
        { speaker: '张明', text: '谢谢主持人。' },
      ],
      errors: [],
    });
    assert.equal(transcriptText(r.lines), '主持人：各位网友好。\n张明：谢谢主持人。');
  });
  it('names the line without a speaker or without content', () => {
    assert.deepEqual(parseTranscript('主持人：好\n没有冒号的一行\n张明：').errors, [
      '第2行没有发言人：请写成「发言人：内容」',
      '第3行「张明」后没有内容',
    ]);
  });
  it('reads guests 「姓名，职务」', () => {
    assert.deepEqual(parseGuests('张明，市教育局局长\n李华 市教育局副局长').guests, [
      { name: '张明', title: '市教育局局长' },
      { name: '李华', title: '市教育局副局长' },
    ]);
    assert.match(parseGuests('张明').errors[0]!, /请在姓名后写上嘉宾的职务/);
  });
});
