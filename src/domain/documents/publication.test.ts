import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { calendarDaysFromChineseDays } from '../calendar/chinese-days.js';
import { buildWorkCalendar } from '../calendar/work-calendar.js';
import { InvalidTransition } from '../errors.js';
import {
  assertPublishable,
  availableActions,
  canTransition,
  isPublicationOverdue,
  nextPublicationState,
  PUBLICATION_ACTIONS,
  publicationDeadline,
  publicationDueDate,
  publicationRefusal,
  publicationTimeliness,
  requiredPermission,
  type PublicationFacts,
} from './publication.js';
import { PUBLICATION_STATES } from './vocab.js';

const official = calendarDaysFromChineseDays(data);
const cal = buildWorkCalendar(official.days, official.years);

describe('publication states: draft → review → published → withdrawn', () => {
  it('allows exactly the steps of the review workflow (第十七条: reviewed before it is public)', () => {
    const allowed = PUBLICATION_STATES.flatMap((from) =>
      PUBLICATION_ACTIONS.filter((a) => canTransition(from, a)).map(
        (a) => `${from}-${a}->${nextPublicationState(from, a)}`,
      ),
    );
    assert.deepEqual(allowed, [
      'draft-edit->draft',
      'draft-submit->review',
      'review-return->draft',
      'review-publish->published',
      'published-edit->published',
      'published-withdraw->withdrawn',
      'withdrawn-reopen->draft',
    ]);
  });

  it('refuses to publish a draft that was never reviewed, in Chinese', () => {
    assert.throws(
      () => nextPublicationState('draft', 'publish'),
      (e: unknown) => {
        assert.ok(e instanceof InvalidTransition);
        assert.equal(e.message, '草稿状态的文件不能发布');
        return true;
      },
    );
  });

  it('a withdrawn item goes back through review before it is public again', () => {
    assert.equal(canTransition('withdrawn', 'publish'), false);
    assert.deepEqual(availableActions('withdrawn'), ['reopen']);
    assert.equal(nextPublicationState('withdrawn', 'reopen'), 'draft');
  });

  it('an item under review is not edited in place: it is returned first', () => {
    assert.deepEqual(availableActions('review'), ['return', 'publish']);
  });

  it('names the permission of each step; changing a public item needs the publisher’s', () => {
    assert.equal(requiredPermission('draft', 'edit'), 'document.edit');
    assert.equal(requiredPermission('draft', 'submit'), 'document.edit');
    assert.equal(requiredPermission('review', 'publish'), 'document.publish');
    assert.equal(requiredPermission('review', 'return'), 'document.publish');
    assert.equal(requiredPermission('published', 'edit'), 'document.publish');
    assert.equal(requiredPermission('published', 'withdraw'), 'document.withdraw');
  });
});

describe('第二十六条: publish within 20 working days of formation or change', () => {
  it('formed Fri 2026-11-06 → due Fri 2026-12-04: four plain weeks counted from Mon 11-09', () => {
    // 11-09…13 (5), 16…20 (10), 23…27 (15), 11-30…12-04 (20): no holiday in between.
    assert.equal(publicationDueDate('2026-11-06', cal), '2026-12-04');
  });

  it('formed Mon 2026-06-15 → due Tue 2026-07-14, skipping 端午节 Fri 06-19', () => {
    // 06-16…18 (3), 06-19 端午节, 06-22…26 (8), 06-29…07-03 (13), 07-06…10 (18), 07-13 (19), 07-14 (20).
    const d = publicationDeadline('2026-06-15', cal);
    assert.equal(d.dueDate, '2026-07-14');
    assert.ok(d.explanation.segments.some((s) => s.from === '2026-06-19' && s.reason === '端午节'));
    assert.deepEqual(d.warnings, []);
  });

  it('counts from the same day when the installation’s rule says so (ClockRules.countFromNextDay)', () => {
    // Day 1 is Fri 11-06 itself, so day 20 is one working day earlier: Thu 12-03.
    assert.equal(publicationDueDate('2026-11-06', cal, { countFromNextDay: false }), '2026-12-03');
  });

  it('warns when the due date falls in a year without official holiday data', () => {
    const last = Math.max(...official.years);
    const d = publicationDeadline(`${last}-12-20`, cal);
    assert.ok(d.dueDate > `${last}-12-31`);
    assert.ok(d.warnings.length > 0);
  });
});

describe('overdue publication', () => {
  const formed: PublicationFacts = { state: 'review', formedOn: '2026-11-06', publishedOn: null };

  it('is not overdue on the due day itself, and is the next day', () => {
    assert.equal(isPublicationOverdue(formed, cal, '2026-12-04'), false);
    assert.equal(isPublicationOverdue(formed, cal, '2026-12-05'), true);
    assert.deepEqual(publicationTimeliness(formed, cal, '2026-12-07'), {
      status: 'overdue',
      dueDate: '2026-12-04',
    });
  });

  it('tells on-time from late publication by the publication date, whatever today is', () => {
    const onTime = { ...formed, state: 'published' as const, publishedOn: '2026-12-04' };
    const late = { ...formed, state: 'published' as const, publishedOn: '2026-12-07' };
    assert.equal(publicationTimeliness(onTime, cal, '2027-03-01').status, 'on_time');
    assert.equal(publicationTimeliness(late, cal, '2027-03-01').status, 'late');
    assert.equal(isPublicationOverdue(late, cal, '2027-03-01'), false);
  });

  it('does not apply without a formation date, to items not disclosed proactively, or once withdrawn', () => {
    const today = '2027-03-01';
    assert.equal(publicationTimeliness({ ...formed, formedOn: null }, cal, today).status, 'not_applicable');
    assert.equal(
      publicationTimeliness({ ...formed, disclosureMethod: 'on_request' }, cal, today).status,
      'not_applicable',
    );
    assert.equal(isPublicationOverdue({ ...formed, state: 'withdrawn' }, cal, today), false);
    assert.equal(isPublicationOverdue({ ...formed, disclosureMethod: 'proactive' }, cal, today), true);
  });
});

describe('what may be published (第十九条、第二十条: 主动公开 only)', () => {
  it('lets a 主动公开 item be published', () => {
    assert.equal(publicationRefusal('proactive'), null);
    assert.doesNotThrow(() => assertPublishable('proactive'));
  });

  it('refuses 依申请公开 and 不予公开 items with the reason in Chinese', () => {
    assert.match(publicationRefusal('on_request') ?? '', /依申请公开.*不在平台发布/);
    assert.match(publicationRefusal('not_disclosed') ?? '', /不予公开.*不能发布/);
    assert.throws(() => assertPublishable('on_request'), InvalidTransition);
    assert.throws(() => assertPublishable('not_disclosed'), /第十四条至第十六条/);
    assert.throws(() => assertPublishable(''), InvalidTransition);
  });
});
