// Notices in the back office, as staff use them: a notice downloaded as PDF (its text holds the 文号
// and the remedies) and as Word; another agency's officer gets 404; 送达 recorded, and refused before
// the notice was issued or twice; the 一案一档 export (ZIP entries, audited; an auditor gets 403);
// template editing (an unknown placeholder is refused in Chinese; an edit changes the NEXT notice,
// never an issued one) and the 文号 prefix (it shows in the next number).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { and, asc, desc, eq } from 'drizzle-orm';
import { recordApplicationEvent } from '../src/commands/applications/record.js';
import { submitApplication } from '../src/commands/applications/submit.js';
import { auditEvent, notice } from '../src/db/schema.js';
import type { Actor } from '../src/domain/agencies/actor.js';
import { createTestApp, type TestApp } from './support/app.js';
import { actorOf, validApplication } from './support/applications.js';
import { Browser } from './support/browser.js';
import { buildCity, buildUser } from './support/factories.js';

const NOW = new Date('2026-11-30T02:00:00Z'); // Monday 30 Nov 2026, 10:00 in Beijing

const hasPoppler = spawnSync('pdftotext', ['-v']).error === undefined;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-admin-notices-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The text of a PDF without page numbers and white space. */
function pdfText(bytes: Buffer, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const r = spawnSync('pdftotext', [path, '-'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.replace(/—\s*\d+\s*—/g, '').replace(/\s+/g, '');
}

/** The entries of a ZIP archive (stored or deflated), by name. */
function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'a ZIP archive');
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(data) : data);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

const docxText = (docx: Buffer) =>
  [
    ...unzip(docx)
      .get('word/document.xml')!
      .toString('utf8')
      .matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g),
  ]
    .map((m) => m[1])
    .join('');

describe('back office: notices', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let officerActor: Actor;
  let officer: Browser;
  let head: Browser;
  let west: Browser;
  let auditor: Browser;

  const browserOf = async (u: { login: string; password: string }) => {
    const b = new Browser(t.app);
    assert.equal((await b.login(u.login, u.password)).statusCode, 303);
    return b;
  };

  /** An application registered from paper on `submittedOn`, decided on `decidedOn`. */
  async function decided(
    submittedOn: string,
    decidedOn: string,
    overrides: Record<string, unknown> = {},
    attachments: { filename: string; mediaType: string; bytes: Buffer }[] = [],
  ) {
    const s = await submitApplication(
      t.deps,
      { actor: officerActor },
      validApplication(city.dept.code, { delivery: 'post', ...overrides }),
      { receipt: { channel: 'in-person', submittedOn }, attachments },
    );
    const r = await recordApplicationEvent(
      t.deps,
      { actor: officerActor },
      {
        applicationId: s.id,
        version: 1,
        event: {
          type: 'decisionServed',
          on: decidedOn,
          outcome: 'partial',
          ground: '第十五条',
          reasons: '名单中含有住户的个人信息',
          disclosed: '已将去除个人信息后的项目名单随本答复书一并提供',
        },
      },
    );
    return { ...s, reply: r.notice! };
  }

  const noticesOf = (id: number) =>
    t.deps.db.select().from(notice).where(eq(notice.applicationId, id)).orderBy(asc(notice.id));

  const auditsOf = (action: string) =>
    t.deps.db.select().from(auditEvent).where(eq(auditEvent.action, action)).orderBy(desc(auditEvent.seq));

  before(async () => {
    t = await createTestApp({ now: NOW, env: { RATE_LIMIT_MAX: '100000' } });
    city = await buildCity(t.deps);
    const o = await buildUser(t.deps, { agencyId: city.dept.id, role: 'officer' });
    officerActor = await actorOf(t.deps, o.id);
    officer = await browserOf(o);
    head = await browserOf(await buildUser(t.deps, { agencyId: city.dept.id, role: 'office_head' }));
    west = await browserOf(await buildUser(t.deps, { agencyId: city.west.id, role: 'officer' }));
    auditor = await browserOf(await buildUser(t.deps, { agencyId: city.dept.id, role: 'auditor' }));
  });
  after(() => t.close());

  test('a reply downloads as a PDF holding its 文号 and the remedies, with a Chinese file name, never cached', async () => {
    const a = await decided('2026-11-20', '2026-11-25');
    const res = await officer.get(`/admin/applications/${a.id}/notices/${a.reply.id}.pdf`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.headers['cache-control'], 'private, no-store');
    const cd = String(res.headers['content-disposition']);
    assert.match(cd, new RegExp(`^attachment; filename="notice-${a.reply.id}\\.pdf"; filename\\*=UTF-8''`));
    const encoded = /filename\*=UTF-8''(.+)$/.exec(cd)![1]!;
    assert.doesNotMatch(encoded, /[^A-Za-z0-9%!#$&+\-.^_`|~]/, 'RFC 5987 attr-chars only');
    assert.equal(decodeURIComponent(encoded), `${a.reply.number}-政府信息公开申请答复书.pdf`);
    assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
    if (!hasPoppler) return;
    const text = pdfText(res.rawPayload, 'reply.pdf');
    assert.ok(text.includes(a.reply.number!), 'the 文号 is printed');
    assert.match(text, /申请行政复议/, 'the remedies paragraph is printed');
    assert.ok(text.includes(`申请编号：${a.trackingNumber}`), 'the footer names the application');
  });

  test('a reply downloads as a Word document (a ZIP with word/document.xml)', async () => {
    const a = await decided('2026-11-20', '2026-11-25');
    const res = await officer.get(`/admin/applications/${a.id}/notices/${a.reply.id}.docx`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /wordprocessingml/);
    assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''.+\.docx$/);
    assert.equal(res.rawPayload.subarray(0, 2).toString(), 'PK');
    const text = docxText(res.rawPayload);
    assert.ok(text.includes(a.reply.number!));
    assert.match(text, /行政复议/);
  });

  test('another agency’s officer gets 404, and so does a notice asked for under another application', async () => {
    const a = await decided('2026-11-20', '2026-11-25');
    const b = await decided('2026-11-20', '2026-11-25');
    for (const ext of ['pdf', 'docx'])
      assert.equal(
        (await west.get(`/admin/applications/${a.id}/notices/${a.reply.id}.${ext}`)).statusCode,
        404,
      );
    assert.equal(
      (await officer.get(`/admin/applications/${b.id}/notices/${a.reply.id}.pdf`)).statusCode,
      404,
    );
    assert.equal((await west.get(`/admin/applications/${a.id}/case-file.zip`)).statusCode, 404);
  });

  test('送达 is recorded; a date before the notice was issued, a future date and a second record are refused in Chinese', async () => {
    const a = await decided('2026-11-20', '2026-11-25');
    const url = `/admin/applications/${a.id}/notices/${a.reply.id}/service`;
    const method = `service${a.reply.id}-method`;
    const on = `service${a.reply.id}-on`;
    await officer.get(`/admin/applications/${a.id}`);

    const early = await officer.post(url, { [method]: 'post', [on]: '2026-11-24' });
    assert.equal(early.statusCode, 422);
    assert.match(early.body, /class="error-summary"/);
    assert.match(early.body, /送达日期不能早于告知书的发出日期（2026年11月25日）/);
    assert.match(early.body, /value="2026-11-24"/, 'the date typed is kept');

    const future = await officer.post(url, { [method]: 'post', [on]: '2026-12-01' });
    assert.equal(future.statusCode, 422);
    assert.match(future.body, /送达日期不能晚于今天/);

    const noMethod = await officer.post(url, { [method]: '', [on]: '2026-11-27' });
    assert.equal(noMethod.statusCode, 422);
    assert.match(noMethod.body, /请选择送达方式/);

    const [before] = (await noticesOf(a.id)).filter((n) => n.id === a.reply.id);
    assert.equal(before?.servedOn, null, 'nothing was stored by the refused attempts');

    const ok = await officer.post(url, { [method]: 'post', [on]: '2026-11-27' });
    assert.equal(ok.statusCode, 303);
    assert.match(String(ok.headers.location), new RegExp(`^/admin/applications/${a.id}`));
    const [served] = (await noticesOf(a.id)).filter((n) => n.id === a.reply.id);
    assert.equal(served?.servedMethod, 'post');
    assert.equal(served?.servedOn, '2026-11-27');
    const [audit] = await auditsOf('notice.served');
    assert.equal(audit?.subjectId, String(a.id));
    assert.equal((audit?.data as { on?: string }).on, '2026-11-27');

    await officer.get(`/admin/applications/${a.id}`);
    const twice = await officer.post(url, { [method]: 'in-person', [on]: '2026-11-30' });
    assert.equal(twice.statusCode, 409);
    assert.match(twice.body, /该告知书已于2026年11月27日送达（邮寄送达），不能重复记录/);

    // The served notice now says so under the signature.
    if (hasPoppler) {
      const pdf = await officer.get(`/admin/applications/${a.id}/notices/${a.reply.id}.pdf`);
      assert.ok(pdfText(pdf.rawPayload, 'served.pdf').includes('送达：邮寄送达，2026年11月27日'));
    }

    // An auditor may read but not record.
    await auditor.get(`/admin/applications/${a.id}`);
    const b = await decided('2026-11-20', '2026-11-25');
    const denied = await auditor.post(`/admin/applications/${b.id}/notices/${b.reply.id}/service`, {
      [`service${b.reply.id}-method`]: 'post',
      [`service${b.reply.id}-on`]: '2026-11-27',
    });
    assert.equal(denied.statusCode, 403);
  });

  test('the case file exports as a ZIP with the case PDF, every notice as PDF and Word, the attachments and a 目录, audited', async (tc) => {
    const scan = Buffer.from('%PDF-1.4\n% a scanned letter\n');
    const a = await decided('2026-11-20', '2026-11-25', {}, [
      { filename: '身份证明.pdf', mediaType: 'application/pdf', bytes: scan },
    ]);
    const rows = await noticesOf(a.id);
    assert.equal(rows.length, 2, 'the 登记回执 and the reply');
    const res = await officer.get(`/admin/applications/${a.id}/case-file.zip`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/zip');
    assert.equal(res.headers['cache-control'], 'private, no-store');
    assert.equal(
      decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(String(res.headers['content-disposition']))![1]!),
      `案卷-${a.trackingNumber}.zip`,
    );
    const entries = unzip(res.rawPayload);
    const names = [...entries.keys()];
    assert.deepEqual(names, [
      '目录.txt',
      `案卷-${a.trackingNumber}.pdf`,
      `告知书/01-${a.trackingNumber}-政府信息公开申请登记回执.pdf`,
      `告知书/01-${a.trackingNumber}-政府信息公开申请登记回执.docx`,
      `告知书/02-${a.reply.number}-政府信息公开申请答复书.pdf`,
      `告知书/02-${a.reply.number}-政府信息公开申请答复书.docx`,
      '附件/身份证明.pdf',
    ]);
    assert.deepEqual(entries.get('附件/身份证明.pdf'), scan, 'the attachment as it was sent');
    // Info-ZIP's unzip (what many offices use) lists the Chinese names and the day of the export.
    const zipPath = join(dir, 'case.zip');
    writeFileSync(zipPath, res.rawPayload);
    const listing = spawnSync('unzip', ['-l', zipPath], { encoding: 'utf8' });
    // In CI a missing unzip is a failure (.ci/run installs it); elsewhere the check says it was skipped.
    if (listing.error !== undefined && process.env.CI)
      assert.fail(`unzip is missing: ${listing.error.message}`);
    if (listing.error !== undefined) tc.diagnostic('unzip not installed: the listing check was skipped');
    if (listing.error === undefined) {
      assert.equal(listing.status, 0, listing.stderr);
      assert.match(listing.stdout, /2026-11-30 10:00\s+目录\.txt/);
      assert.ok(listing.stdout.includes(`告知书/02-${a.reply.number}-政府信息公开申请答复书.docx`));
    }
    const toc = entries.get('目录.txt')!.toString('utf8');
    for (const n of names.slice(1)) assert.ok(toc.includes(n), `目录 lists ${n}`);
    assert.match(toc, /申请人提交的附件/);
    assert.ok(docxText(entries.get(names[5]!)!).includes(a.reply.number!));
    if (hasPoppler) {
      const text = pdfText(entries.get(names[1]!)!, 'case.pdf');
      for (const part of [
        '政府信息公开申请案卷',
        a.trackingNumber,
        '办理过程',
        a.reply.number!,
        '申请行政复议',
      ])
        assert.ok(text.includes(part), `the case PDF holds ${part}`);
      assert.ok(!text.includes('320508198503121234'), 'the identity number is masked');
    }
    const [audit] = await auditsOf('application.caseFileExported');
    assert.equal(audit?.subjectId, String(a.id));
    assert.deepEqual(
      {
        format: (audit?.data as Record<string, unknown>).format,
        notices: (audit?.data as Record<string, unknown>).notices,
      },
      { format: 'ZIP', notices: 2 },
    );

    const pdf = await officer.get(`/admin/applications/${a.id}/case-file.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const [pdfAudit] = await auditsOf('application.caseFileExported');
    assert.equal((pdfAudit?.data as Record<string, unknown>).format, 'PDF');
  });

  test('an auditor may not export a case file (403) and nothing is audited', async () => {
    const a = await decided('2026-11-20', '2026-11-25');
    const exportsBefore = (await auditsOf('application.caseFileExported')).length;
    for (const ext of ['zip', 'pdf']) {
      const res = await auditor.get(`/admin/applications/${a.id}/case-file.${ext}`);
      assert.equal(res.statusCode, 403);
      assert.match(res.body, /没有/);
    }
    assert.equal((await auditsOf('application.caseFileExported')).length, exportsBefore);
    // The auditor still reads the notice itself.
    assert.equal(
      (await auditor.get(`/admin/applications/${a.id}/notices/${a.reply.id}.pdf`)).statusCode,
      200,
    );
  });

  test('templates: listed for the office head, not for an officer; the editor lists the placeholders and previews', async () => {
    const list = await head.get('/admin/notice-templates');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<a href="\/admin\/notice-templates" aria-current="page">告知书模板<\/a>/);
    for (const label of ['登记回执', '补正告知书', '答复书（予以公开）', '答复书（部分公开）'])
      assert.ok(list.body.includes(label), `lists ${label}`);
    assert.match(list.body, /内置模板/);
    assert.equal((await officer.get('/admin/notice-templates')).statusCode, 403);
    assert.doesNotMatch((await officer.get('/admin')).body, /告知书模板/);

    const edit = await head.get('/admin/notice-templates/decision:granted');
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /可以使用的占位符/);
    assert.match(edit.body, /\{\{applicantName\}\}<\/code>/);
    assert.match(edit.body, /申请人姓名或者名称/);
    assert.match(edit.body, /class="notice-paper"/);
    assert.match(edit.body, /张三：/, 'the preview fills the sample applicant');
    assert.equal((await head.get('/admin/notice-templates/decision:nonsense')).statusCode, 404);
  });

  test('a template with an unknown placeholder is refused with a Chinese message and nothing is saved', async () => {
    const edit = await head.get('/admin/notice-templates/decision:granted');
    const body = /<textarea[^>]*name="body"[^>]*>([^<]*)<\/textarea>/.exec(edit.body)![1]!;
    const res = await head.post('/admin/notice-templates/decision:granted', {
      title: '政府信息公开申请答复书',
      body: `尊敬的{{申请人}}：\n${body.replaceAll('&quot;', '"')}`,
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /class="error-summary"/);
    assert.match(res.body, /模板中的占位符「\{\{申请人\}\}」不存在/);
    assert.match(res.body, /尊敬的\{\{申请人\}\}/, 'the text typed is kept');
    const wrongPlace = await head.post('/admin/notice-templates/decision:granted', {
      title: '答复书',
      body: '{{remedies}}\n以上为救济途径。',
    });
    assert.equal(wrongPlace.statusCode, 422);
    assert.match(wrongPlace.body, /救济途径段落「\{\{remedies\}\}」应单独成段，并作为正文的最后一段/);
    // A grant may come without reasons: a reply template that prints them could not be issued.
    const noReasons = await head.post('/admin/notice-templates/decision:granted', {
      title: '答复书',
      body: '经审查，{{reasons}}本机关决定予以公开。\n{{remedies}}',
    });
    assert.equal(noReasons.statusCode, 422);
    assert.match(noReasons.body, /「答复书（予以公开）」发出时没有「\{\{reasons\}\}」（理由说明/);
    const list = await head.get('/admin/notice-templates');
    assert.doesNotMatch(list.body, /本机关自定/);
  });

  test('an edited template changes the next notice, never one already issued; 恢复默认 brings the default back', async () => {
    const first = await decided('2026-11-20', '2026-11-25');
    const frozen = (await noticesOf(first.id)).at(-1)!;

    await head.get('/admin/notice-templates/decision:partial');
    const saved = await head.post('/admin/notice-templates/decision:partial', {
      title: '政府信息公开申请答复书（部分公开）',
      body: [
        '本机关于{{receivedOn}}收到您提出的申请，申请获取“{{description}}”。',
        '本机关决定部分公开。{{delivery}}',
        '不予公开部分的理由：{{reasons}}依据为条例{{ground}}。',
        '{{remedies}}',
      ].join('\n'),
    });
    assert.equal(saved.statusCode, 303);
    const [audit] = await auditsOf('notice.templateUpdated');
    assert.equal(audit?.subjectId, 'decision:partial');
    const list = await head.get('/admin/notice-templates?done=saved');
    assert.match(list.body, /本机关自定/);
    assert.match(list.body, /已发出的告知书不变/);

    const second = await decided('2026-11-20', '2026-11-26');
    const fresh = (await noticesOf(second.id)).at(-1)!;
    assert.equal(fresh.title, '政府信息公开申请答复书（部分公开）');
    assert.ok(fresh.paragraphs.some((p) => p.startsWith('本机关决定部分公开。')));
    assert.match(fresh.paragraphs.at(-1)!, /行政复议/);

    const [still] = await t.deps.db.select().from(notice).where(eq(notice.id, frozen.id));
    assert.deepEqual(still, frozen, 'the notice issued before the edit is unchanged');
    if (hasPoppler) {
      const pdf = await officer.get(`/admin/applications/${first.id}/notices/${frozen.id}.pdf`);
      const text = pdfText(pdf.rawPayload, 'frozen.pdf');
      assert.ok(!text.includes('本机关决定部分公开'));
      assert.ok(text.includes('政府信息公开申请答复书'));
    }

    await head.get('/admin/notice-templates/decision:partial');
    const reset = await head.post('/admin/notice-templates/decision:partial/reset', {});
    assert.equal(reset.statusCode, 303);
    const third = await decided('2026-11-20', '2026-11-27');
    const restored = (await noticesOf(third.id)).at(-1)!;
    assert.equal(restored.title, '政府信息公开申请答复书');
  });

  test('the 文号 prefix: refused when malformed, previewed, and shown in the next number once saved', async () => {
    await head.get('/admin/notice-templates');
    const bad = await head.post('/admin/notice-templates/prefix', { prefix: '测试(府办)' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /机关代字不能包含括号、空格，也不能以数字结尾/);
    assert.match(bad.body, /class="error-summary"/);

    const preview = await head.post('/admin/notice-templates/prefix', {
      prefix: '测试府办',
      intent: 'preview',
    });
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /下一份答复书的文号将是 <strong>测试府办依复〔2026〕\d+号<\/strong>/);
    assert.equal((await auditsOf('notice.prefixUpdated')).length, 0, 'a preview saves nothing');

    const saved = await head.post('/admin/notice-templates/prefix', { prefix: '测试府办' });
    assert.equal(saved.statusCode, 303);
    const list = await head.get('/admin/notice-templates');
    const shown = /<dd id="next-number">([^<]+)<\/dd>/.exec(list.body)![1]!;
    assert.match(shown, /^测试府办依复〔2026〕\d+号$/);
    const next = await decided('2026-11-20', '2026-11-27');
    assert.equal(next.reply.number, shown, 'the number the page announced');
    assert.equal((await auditsOf('notice.prefixUpdated')).length, 1);
    await officer.get('/admin');
    const officerTry = await officer.post('/admin/notice-templates/prefix', { prefix: '某某' });
    assert.equal(officerTry.statusCode, 403, 'an officer may not change the prefix');
    assert.equal((await auditsOf('notice.prefixUpdated')).length, 1);
  });

  test('the case page lists each notice with its 文号, addressee, 送达 or 「未送达」 with the form, downloads and export buttons', async () => {
    const a = await decided('2026-11-20', '2026-11-25');
    const page = await officer.get(`/admin/applications/${a.id}`);
    assert.equal(page.statusCode, 200);
    const section = /<section[^>]*id="notices"[^>]*>.*?<\/section>/s.exec(page.body)?.[0] ?? '';
    assert.ok(section, 'the notices section');
    assert.ok(section.includes(a.reply.number!));
    assert.match(section, /政府信息公开申请登记回执/);
    assert.match(section, /致申请人/);
    assert.match(section, /未送达/);
    assert.match(section, /<summary>记录送达<\/summary>/);
    assert.ok(section.includes(`href="/admin/applications/${a.id}/notices/${a.reply.id}.pdf"`));
    assert.ok(section.includes(`href="/admin/applications/${a.id}/notices/${a.reply.id}.docx"`));
    assert.match(section, /导出案卷（PDF）/);
    assert.match(section, /导出案卷（ZIP）/);

    const served = await officer.post(`/admin/applications/${a.id}/notices/${a.reply.id}/service`, {
      [`service${a.reply.id}-method`]: 'in-person',
      [`service${a.reply.id}-on`]: '2026-11-30',
    });
    assert.equal(served.statusCode, 303);
    const after = await officer.get(String(served.headers.location).replace(/#.*$/, ''));
    assert.match(after.body, /已记录：告知书送达/);
    assert.match(after.body, /直接送达 <span class="nowrap">2026年11月30日<\/span>/);

    // An auditor reads the notices but neither records 送达 nor exports the case file.
    const seen = await auditor.get(`/admin/applications/${a.id}`);
    assert.equal(seen.statusCode, 200);
    assert.ok(seen.body.includes(`/notices/${a.reply.id}.pdf`));
    assert.doesNotMatch(seen.body, /导出案卷|<summary>记录送达/);
  });

  test('notice routes check the notice exists and belong to the staff area', async () => {
    const a = await decided('2026-11-20', '2026-11-25');
    assert.equal((await officer.get(`/admin/applications/${a.id}/notices/999999.pdf`)).statusCode, 404);
    const anonymous = await t.app.inject({
      method: 'GET',
      url: `/admin/applications/${a.id}/notices/${a.reply.id}.pdf`,
    });
    assert.notEqual(anonymous.statusCode, 200);
    const rows = await t.deps.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.action, 'application.caseFileExported'), eq(auditEvent.subjectId, String(a.id))),
      );
    assert.equal(rows.length, 0, 'downloading one notice is not a case-file export');
  });
});
