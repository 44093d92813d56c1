// Letters (政民互动) end to end through the commands: writing in with a tracking number and a query
// code, personal data encrypted; triage, assignment, transfer, instructions, reply and review, the
// writer's lookup and rating, publication with masking, archive; every step dated with its actor,
// audited, under optimistic locking; scope hides other agencies' letters.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import { submitLetter } from '../src/commands/letters/submit.js';
import { acceptLetter, declineLetter } from '../src/commands/letters/triage.js';
import { assignLetter, transferLetter } from '../src/commands/letters/assign.js';
import { escalateLetter, recordInstruction } from '../src/commands/letters/instruct.js';
import { reviewReply, submitReply } from '../src/commands/letters/reply.js';
import { decideExtension, requestExtension } from '../src/commands/letters/extension.js';
import { decidePublication } from '../src/commands/letters/publication.js';
import { rateLetter } from '../src/commands/letters/rate.js';
import { archiveLetter } from '../src/commands/letters/archive.js';
import { revealLetterPersonalData } from '../src/commands/letters/reveal-personal-data.js';
import { saveMailbox } from '../src/commands/letters/save-mailbox.js';
import { auditEvent, letter, letterEvent, letterFile, outbox } from '../src/db/schema.js';
import { Conflict, InvalidInput, InvalidTransition, NotAllowed, NotFound } from '../src/domain/errors.js';
import { lookupLetter } from '../src/queries/letter-lookup.js';
import { verifyAuditLog } from '../src/queries/verify-audit.js';
import { createTestApp, type TestApp } from './support/app.js';
import { buildCity, buildUser } from './support/factories.js';
import { actorOf } from './support/applications.js';
import {
  buildMailbox,
  letterInState,
  letterVersion,
  PORTAL,
  SYSTEM,
  validLetter,
  WRITER,
  writeLetter,
} from './support/letters.js';

describe('letters: writing in, handling, lookup, publication', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let mayor: { id: number; code: string };
  let quick: { id: number; code: string };
  let office: Awaited<ReturnType<typeof actorOf>>;
  let head: Awaited<ReturnType<typeof actorOf>>;
  let deptOfficer: Awaited<ReturnType<typeof actorOf>>;
  let westOfficer: Awaited<ReturnType<typeof actorOf>>;
  before(async () => {
    // Monday 2026-11-30, 10:00 in Beijing.
    t = await createTestApp({ now: new Date('2026-11-30T02:00:00Z') });
    city = await buildCity(t.deps);
    mayor = await buildMailbox(t.deps, {
      agencyId: city.city.id,
      code: 'mayor',
      kind: 'leader',
      name: '市长信箱',
      leaderName: '王某某',
      leaderTitle: '市长',
    });
    quick = await buildMailbox(t.deps, {
      agencyId: city.dept.id,
      code: 'edu',
      reviewRequired: false,
      queryCodeLength: 4,
    });
    office = await actorOf(t.deps, (await buildUser(t.deps, { agencyId: city.city.id, role: 'officer' })).id);
    head = await actorOf(
      t.deps,
      (await buildUser(t.deps, { agencyId: city.city.id, role: 'office_head' })).id,
    );
    deptOfficer = await actorOf(
      t.deps,
      (await buildUser(t.deps, { agencyId: city.dept.id, role: 'officer' })).id,
    );
    westOfficer = await actorOf(
      t.deps,
      (await buildUser(t.deps, { agencyId: city.west.id, role: 'officer' })).id,
    );
  });
  after(() => t.close());

  test('a letter written on the portal gets a tracking number, a query code and a due date; contact details are encrypted', async () => {
    const s = await writeLetter(t.deps, mayor.code);
    assert.match(s.trackingNumber, /^MAYOR20261130\d{5}$/);
    assert.match(s.queryCode, /^\d{6}$/);
    assert.equal(s.receivedOn, '2026-11-30');
    // consult: 5 working days after Mon 2026-11-30 → Mon 2026-12-07.
    assert.equal(s.dueDate, '2026-12-07');
    const [row] = await t.deps.db.select().from(letter).where(eq(letter.id, s.id));
    assert.ok(row);
    const stored = JSON.stringify(row);
    for (const secret of [WRITER.phone, WRITER.email, WRITER.address, s.queryCode])
      assert.ok(!stored.includes(secret), `${secret} stored in clear`);
    assert.equal(row.writerNameMasked, '张*丰');
    assert.equal(row.phoneMasked, '138****5678');
    assert.equal(row.phoneHash, t.deps.personalData.lookupHash('13812345678'));
    assert.equal(row.state, 'submitted');
    const second = await writeLetter(t.deps, mayor.code);
    assert.equal(Number(second.trackingNumber.slice(-5)), Number(s.trackingNumber.slice(-5)) + 1);
    const mail = await t.deps.db.select().from(outbox).where(eq(outbox.letterId, s.id));
    assert.equal(mail.length, 1);
    assert.equal(mail[0]!.topic, 'letter.received');
    assert.equal(t.deps.personalData.decrypt(mail[0]!.recipientEnc), WRITER.email);
  });

  test('letters written at the same moment get distinct numbers of the day', async () => {
    const all = await Promise.all([1, 2, 3, 4, 5].map(() => writeLetter(t.deps, mayor.code)));
    const numbers = all.map((s) => s.trackingNumber);
    assert.equal(new Set(numbers).size, 5);
    assert.ok(numbers.every((n) => n.startsWith('MAYOR20261130')));
  });

  test('attachments are stored with the letter', async () => {
    const s = await submitLetter(t.deps, PORTAL, {
      ...validLetter(mayor.code),
      files: [{ filename: '现场照片.png', mediaType: 'image/png', bytes: Buffer.from('png bytes') }],
    });
    const files = await t.deps.db.select().from(letterFile).where(eq(letterFile.letterId, s.id));
    assert.equal(files.length, 1);
    assert.equal(files[0]!.kind, 'attachment');
  });

  test('missing and wrong fields are reported at once, in Chinese, by field', async () => {
    await assert.rejects(
      submitLetter(t.deps, PORTAL, {
        mailboxCode: mayor.code,
        kind: 'other',
        title: '',
        content: '短',
        phone: '123',
      }),
      (e: unknown) => {
        assert.ok(e instanceof InvalidInput);
        assert.deepEqual(Object.keys(e.fieldErrors).sort(), [
          'content',
          'kind',
          'name',
          'phone',
          'publicConsent',
          'title',
        ]);
        assert.match(e.fieldErrors.phone!, /联系电话格式不正确/);
        return true;
      },
    );
    await assert.rejects(
      writeLetter(t.deps, 'nope'),
      (e: unknown) => e instanceof InvalidInput && /不存在/.test(e.fieldErrors.mailboxCode!),
    );
  });

  test('advertising is refused by the spam check; a doubtful letter is kept with its score', async () => {
    await assert.rejects(
      writeLetter(t.deps, mayor.code, {
        content: '代开发票，加微信 abc123，办证刻章，详见 www.example.top 点击链接免费领取',
      }),
      (e: unknown) => e instanceof InvalidInput && /垃圾信息/.test(e.fieldErrors.content!),
    );
    const held = await writeLetter(t.deps, mayor.code, {
      content: '请看 http://a.example.com 和 http://b.example.com 这两个网站上的违规内容',
    });
    const [row] = await t.deps.db
      .select({ spamScore: letter.spamScore })
      .from(letter)
      .where(eq(letter.id, held.id));
    assert.ok(row!.spamScore >= 5);
  });

  test('the whole way: accept with a unit, reply, review returned and approved, lookup, rating, publication, archive', async () => {
    const s = await writeLetter(t.deps, mayor.code);
    let version = await letterVersion(t.deps, s.id);
    await acceptLetter(t.deps, { actor: office }, { letterId: s.id, version, agencyId: city.dept.id });
    const assigned = await t.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.letterId, s.id), eq(outbox.topic, 'letter.assigned')));
    assert.deepEqual(
      assigned.map((m) => m.userId),
      [deptOfficer.userId],
    );
    // The unit sees it now; another district does not.
    version = await letterVersion(t.deps, s.id);
    await assert.rejects(
      submitReply(t.deps, { actor: westOfficer }, { letterId: s.id, version, text: '答复' }),
      NotFound,
    );
    await submitReply(t.deps, { actor: deptOfficer }, { letterId: s.id, version, text: '初稿' });
    // A stale version is a Conflict.
    await assert.rejects(
      reviewReply(t.deps, { actor: head }, { letterId: s.id, version, decision: 'approve' }),
      Conflict,
    );
    // An officer may not review.
    await assert.rejects(
      reviewReply(t.deps, { actor: office }, { letterId: s.id, version: version + 1, decision: 'approve' }),
      NotAllowed,
    );
    await assert.rejects(
      reviewReply(t.deps, { actor: head }, { letterId: s.id, version: version + 1, decision: 'return' }),
      (e: unknown) => e instanceof InvalidInput && e.fieldErrors.comment === '退回修改请填写审核意见',
    );
    await reviewReply(
      t.deps,
      { actor: head },
      { letterId: s.id, version: version + 1, decision: 'return', comment: '请写明完成时间' },
    );
    version = await letterVersion(t.deps, s.id);
    await submitReply(
      t.deps,
      { actor: deptOfficer },
      { letterId: s.id, version, text: `${WRITER.name}您好，排水管道将于12月20日前疏通完毕。` },
    );
    // The mailbox's office (which assigned it away) still reviews it.
    await reviewReply(t.deps, { actor: head }, { letterId: s.id, version: version + 1, decision: 'approve' });
    const [row] = await t.deps.db.select().from(letter).where(eq(letter.id, s.id));
    assert.equal(row!.state, 'replied');
    assert.equal(row!.repliedOn, '2026-11-30');
    assert.equal(row!.replyAgencyId, city.dept.id);
    assert.equal(row!.dueDate, null);
    const replied = await t.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.letterId, s.id), eq(outbox.topic, 'letter.replied')));
    assert.equal(replied.length, 1);

    const steps = await t.deps.db
      .select()
      .from(letterEvent)
      .where(eq(letterEvent.letterId, s.id))
      .orderBy(asc(letterEvent.seq));
    assert.deepEqual(
      steps.map((e) => e.type),
      [
        'submitted',
        'accepted',
        'replyDrafted',
        'reviewReturned',
        'replyDrafted',
        'reviewApproved',
        'replied',
      ],
    );
    assert.deepEqual(
      steps.map((e) => e.on),
      Array(7).fill('2026-11-30'),
    );
    assert.equal(steps[0]!.actorId, null);
    assert.equal(steps[1]!.actorId, office.userId);
    assert.equal(steps[6]!.actorId, head.userId);

    // The writer looks it up: a wrong code is the same as an unknown number.
    assert.equal(
      await lookupLetter(t.deps.db, s.trackingNumber, '000000' === s.queryCode ? '111111' : '000000'),
      null,
    );
    assert.equal(await lookupLetter(t.deps.db, 'MAYOR2026113099999', s.queryCode), null);
    const seen = await lookupLetter(t.deps.db, s.trackingNumber.toLowerCase(), s.queryCode, '2026-11-30');
    assert.ok(seen);
    assert.equal(seen.state, 'replied');
    assert.equal(seen.replyAgencyName, '测试市教育局');
    assert.equal(seen.canRate, true);
    assert.deepEqual(
      seen.history.map((h) => h.type),
      ['submitted', 'accepted', 'replied'],
    );
    assert.ok(!JSON.stringify(seen).includes(WRITER.phone));

    await assert.rejects(
      rateLetter(t.deps, PORTAL, {
        trackingNumber: s.trackingNumber,
        queryCode: 'x',
        satisfaction: 'satisfied',
      }),
      NotFound,
    );
    await rateLetter(t.deps, PORTAL, {
      trackingNumber: s.trackingNumber,
      queryCode: s.queryCode,
      satisfaction: 'satisfied',
      comment: '谢谢',
    });
    await assert.rejects(
      rateLetter(t.deps, PORTAL, {
        trackingNumber: s.trackingNumber,
        queryCode: s.queryCode,
        satisfaction: 'dissatisfied',
      }),
      InvalidTransition,
    );
    assert.equal((await lookupLetter(t.deps.db, s.trackingNumber, s.queryCode))!.canRate, false);

    // Publication: the writer's name, phone or e-mail in the public texts is refused.
    version = await letterVersion(t.deps, s.id);
    await assert.rejects(
      decidePublication(
        t.deps,
        { actor: head },
        {
          letterId: s.id,
          version,
          publish: true,
          publicTitle: '积水',
          publicContent: '请联系 13812345678',
          publicReply: `${WRITER.name}您好`,
        },
      ),
      (e: unknown) =>
        e instanceof InvalidInput &&
        Boolean(e.fieldErrors.publicContent) &&
        Boolean(e.fieldErrors.publicReply),
    );
    await decidePublication(
      t.deps,
      { actor: head },
      {
        letterId: s.id,
        version,
        publish: true,
        publicTitle: '关于小区门口积水的咨询',
        publicContent: '小区门口每逢下雨就积水。',
        publicReply: '张*丰您好，排水管道将于12月20日前疏通完毕。',
      },
    );
    const [pub] = await t.deps.db.select().from(letter).where(eq(letter.id, s.id));
    assert.equal(pub!.publication, 'published');
    await archiveLetter(t.deps, { actor: office }, { letterId: s.id, version: pub!.version });
    const [archived] = await t.deps.db.select().from(letter).where(eq(letter.id, s.id));
    assert.equal(archived!.state, 'archived');
    assert.deepEqual((await verifyAuditLog(t.deps.db, t.deps.auditSecret)).problems, []);
  });

  test('a letter the writer did not agree to publish cannot be published', async () => {
    const s = await letterInState(t.deps, mayor.code, 'replied', { publicConsent: false });
    await assert.rejects(
      decidePublication(
        t.deps,
        { actor: head },
        {
          letterId: s.id,
          version: await letterVersion(t.deps, s.id),
          publish: true,
          publicTitle: '标题',
          publicContent: '内容内容',
          publicReply: '答复',
        },
      ),
      (e: unknown) => e instanceof InvalidTransition && /未同意公开/.test(e.message),
    );
  });

  test('declined letters are answered with the reason; a duplicate links to the earlier letter', async () => {
    const first = await writeLetter(t.deps, mayor.code);
    const again = await writeLetter(t.deps, mayor.code);
    await assert.rejects(
      declineLetter(
        t.deps,
        { actor: office },
        {
          letterId: again.id,
          version: 1,
          triage: 'duplicate',
          reason: '重复来信',
          replyText: '您的来信与此前来信内容相同，已合并办理。',
        },
      ),
      (e: unknown) => e instanceof InvalidInput && Boolean(e.fieldErrors.duplicateOfTracking),
    );
    await declineLetter(
      t.deps,
      { actor: office },
      {
        letterId: again.id,
        version: 1,
        triage: 'duplicate',
        reason: '重复来信',
        duplicateOfTracking: first.trackingNumber,
        replyText: '您的来信与此前来信内容相同，已合并办理。',
      },
    );
    const [row] = await t.deps.db.select().from(letter).where(eq(letter.id, again.id));
    assert.equal(row!.state, 'replied');
    assert.equal(row!.triage, 'duplicate');
    assert.equal(row!.duplicateOf, first.id);
    assert.equal(row!.replyText, '您的来信与此前来信内容相同，已合并办理。');
    const seen = await lookupLetter(t.deps.db, again.trackingNumber, again.queryCode);
    assert.equal(seen!.triage, 'duplicate');
    assert.equal(seen!.replyText, '您的来信与此前来信内容相同，已合并办理。');
  });

  test('transfer, escalation to a leader and the instruction handed down; extension approved moves the due date', async () => {
    const s = await writeLetter(t.deps, mayor.code, { kind: 'complain' });
    // 转办 before triage: the receiving agency triages it.
    await transferLetter(
      t.deps,
      { actor: office },
      { letterId: s.id, version: 1, agencyId: city.west.id, reason: '属西区事权' },
    );
    let [row] = await t.deps.db.select().from(letter).where(eq(letter.id, s.id));
    assert.equal(row!.agencyId, city.west.id);
    assert.equal(row!.state, 'submitted');
    await acceptLetter(t.deps, { actor: westOfficer }, { letterId: s.id, version: 2 });
    await escalateLetter(t.deps, { actor: westOfficer }, { letterId: s.id, version: 3, leader: '李区长' });
    [row] = await t.deps.db.select().from(letter).where(eq(letter.id, s.id));
    assert.equal(row!.state, 'instructing');
    await recordInstruction(
      t.deps,
      { actor: westOfficer },
      { letterId: s.id, version: 4, instruction: '请西区乙镇办理', agencyId: city.westTown.id },
    );
    [row] = await t.deps.db.select().from(letter).where(eq(letter.id, s.id));
    assert.equal(row!.state, 'handling');
    assert.equal(row!.handlingAgencyId, city.westTown.id);
    // complain: 7 working days after Mon 2026-11-30 → Wed 2026-12-09.
    assert.equal(row!.dueDate, '2026-12-09');
    await assert.rejects(
      requestExtension(
        t.deps,
        { actor: westOfficer },
        { letterId: s.id, version: 5, days: 11, reason: '需现场核查' },
      ),
      (e: unknown) => e instanceof InvalidInput && e.fieldErrors.days === '最多还能延期 10 个工作日',
    );
    await requestExtension(
      t.deps,
      { actor: westOfficer },
      { letterId: s.id, version: 5, days: 5, reason: '需现场核查' },
    );
    await assert.rejects(
      requestExtension(
        t.deps,
        { actor: westOfficer },
        { letterId: s.id, version: 6, days: 1, reason: '再延' },
      ),
      InvalidTransition,
    );
    await decideExtension(t.deps, { actor: head }, { letterId: s.id, version: 6, approve: true });
    [row] = await t.deps.db.select().from(letter).where(eq(letter.id, s.id));
    // 7 + 5 = 12 working days after 2026-11-30 → Wed 2026-12-16.
    assert.equal(row!.dueDate, '2026-12-16');
    // A unit outside the actor's own scope is a 转办, not an assignment.
    await assert.rejects(
      assignLetter(t.deps, { actor: westOfficer }, { letterId: s.id, version: 7, agencyId: city.dept.id }),
      (e: unknown) => e instanceof InvalidInput && Boolean(e.fieldErrors.agencyId),
    );
  });

  test('without review the reply goes out at once; staff see the contact details only through an audited reveal', async () => {
    const s = await writeLetter(t.deps, quick.code, { email: null });
    assert.match(s.queryCode, /^\d{4}$/);
    await acceptLetter(t.deps, { actor: deptOfficer }, { letterId: s.id, version: 1 });
    await submitReply(t.deps, { actor: deptOfficer }, { letterId: s.id, version: 2, text: '答复内容' });
    const [row] = await t.deps.db.select().from(letter).where(eq(letter.id, s.id));
    assert.equal(row!.state, 'replied');
    const contact = await revealLetterPersonalData(t.deps, { actor: deptOfficer }, { letterId: s.id });
    assert.equal(contact.phone, WRITER.phone);
    const audits = await t.deps.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, 'letter.personalDataViewed'));
    assert.equal(audits.length, 1);
    await assert.rejects(
      revealLetterPersonalData(t.deps, { actor: westOfficer }, { letterId: s.id }),
      NotFound,
    );
  });

  test('staff enter a paper letter with the day it arrived; a mailbox edit with a stale version is a Conflict', async () => {
    const s = await submitLetter(
      t.deps,
      { actor: office },
      { ...validLetter(mayor.code), channel: 'post', receivedOn: '2026-11-27' },
    );
    assert.equal(s.receivedOn, '2026-11-27');
    const [row] = await t.deps.db.select().from(letter).where(eq(letter.id, s.id));
    assert.equal(row!.channel, 'post');
    await assert.rejects(
      submitLetter(t.deps, { actor: westOfficer }, { ...validLetter(mayor.code), channel: 'post' }),
      NotFound,
    );
    await assert.rejects(
      saveMailbox(t.deps, SYSTEM, {
        id: quick.id,
        version: 99,
        code: 'edu',
        kind: 'agency',
        name: '教育局信箱',
        agencyId: city.dept.id,
      }),
      Conflict,
    );
    await assert.rejects(
      saveMailbox(t.deps, SYSTEM, { code: 'edu', kind: 'agency', name: '另一个', agencyId: city.dept.id }),
      (e: unknown) => e instanceof InvalidInput && /已被其他信箱使用/.test(e.fieldErrors.code!),
    );
  });
});
