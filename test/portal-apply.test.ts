// 依申请公开 on the portal (/apply): the form, the check page, the submission with its confirmation,
// and the applicant's lookup with the notices served online — through app.inject, like a browser
// without JavaScript. Today is Monday 30 November 2026 in Beijing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { application, applicationFile, notice, storedFile } from '../src/db/schema.js';
import { storedZip } from '../src/extract/zip-guard.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { buildCity } from './support/factories.js';
import { submitted, VALID_CREDIT_CODE, VALID_RESIDENT_ID, validApplication } from './support/applications.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const DOCX = Buffer.from(
  storedZip([
    { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
    { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
  ]),
);
const OTHER_ZIP = Buffer.from(storedZip([{ name: 'readme.md', data: Buffer.from('word/document.xml') }]));
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);

interface FilePart {
  name: string;
  bytes: Buffer;
}

let ip = 0;
/** A fresh client address per request where a test sends many (the routes are rate-limited). */
function nextIp(): string {
  ip += 1;
  return `10.0.${Math.floor(ip / 250)}.${(ip % 250) + 1}`;
}

function fieldsOf(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v ?? '')]));
}

async function multipart(fields: Record<string, string>, files: FilePart[]) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('attachments', new Blob([new Uint8Array(f.bytes)]), f.name);
  const req = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await req.arrayBuffer()),
    contentType: req.headers.get('content-type') ?? '',
  };
}

/** The text of the error summary's links, in order. */
function summaryLinks(html: string): { href: string; text: string }[] {
  const summary = /<div class="error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map((m) => ({ href: m[1]!, text: m[2]! }));
}

describe('依申请公开 on the portal', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-30T02:00:00Z') });
    city = await buildCity(t.deps);
  });
  after(() => t.close());

  const rows = async () => (await t.deps.db.select({ n: count() }).from(application))[0]!.n;
  const fileRows = async () => (await t.deps.db.select({ n: count() }).from(storedFile))[0]!.n;

  /** A browser that has opened the form (it holds the CSRF cookie and token). */
  async function onForm(url = '/apply'): Promise<Browser> {
    const b = new Browser(t.app);
    const res = await b.get(url);
    assert.equal(res.statusCode, 200);
    return b;
  }

  /** The final submission from the check page: multipart, the hidden answers and the files. */
  async function submit(
    b: Browser,
    fields: Record<string, string>,
    files: FilePart[] = [],
    opts: { csrf?: boolean } = {},
  ): Promise<LightMyRequestResponse> {
    const body = await multipart(
      { ...(opts.csrf === false ? {} : { _csrf: b.csrfToken() }), ...fields },
      files,
    );
    return t.app.inject({
      method: 'POST',
      url: '/apply/submit',
      payload: body.payload,
      headers: { 'content-type': body.contentType, cookie: `gk_csrf=${b.cookie('gk_csrf')}` },
      remoteAddress: nextIp(),
    });
  }

  /** Follows the submission's redirect like a browser: its cookies kept, then the confirmation. */
  async function follow(b: Browser, posted: LightMyRequestResponse): Promise<LightMyRequestResponse> {
    assert.equal(posted.statusCode, 303, posted.body.slice(0, 2000));
    for (const c of posted.cookies) b.setCookie(c.name, c.value);
    return b.get(String(posted.headers.location));
  }

  async function lookup(trackingNumber: string, queryCode: string) {
    const b = await onForm('/apply/lookup');
    return { b, res: await b.post('/apply/lookup', { trackingNumber, queryCode }) };
  }

  test('the form: every agency to choose, the applicant types of the report, 第二十九条, the clock; linked from home, nav and guide', async () => {
    const res = await new Browser(t.app).get('/apply');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>在线申请政府信息公开<\/h1>/);
    assert.match(res.body, /<html lang="zh-CN">/);
    for (const name of ['测试市人民政府', '东区人民政府', '测试市教育局', '西区乙镇人民政府'])
      assert.match(res.body, new RegExp(`<option value="[^"]+">\\u3000*${name}</option>`), name);
    // The applicant types are the report's columns: 自然人, then 法人或其他组织 in five.
    assert.match(res.body, /<legend>申请人类型<\/legend>/);
    assert.match(res.body, /<legend>法人或其他组织<\/legend>/);
    for (const label of [
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他法人或其他组织',
    ])
      assert.match(res.body, new RegExp(`<label for="f-applicantType(-\\d)?">${label}</label>`), label);
    for (const label of [
      '居民身份证',
      '统一社会信用代码',
      '护照',
      '港澳居民来往内地通行证',
      '台湾居民来往大陆通行证',
    ])
      assert.match(res.body, new RegExp(`<label for="f-idType(-\\d)?">${label}</label>`), label);
    for (const label of [
      '纸质',
      '电子',
      '当场阅读、抄录',
      '邮寄',
      '当面领取',
      '电子邮件',
      '网上获取（本平台）',
    ])
      assert.match(res.body, new RegExp(`>${label.replace(/[()（）]/g, '.')}</label>`), label);
    for (const label of ['姓名或名称', '证件号码', '联系电话', '所需政府信息的描述', '文号（选填）'])
      assert.match(
        res.body,
        new RegExp(`<label for="f-[A-Za-z]+">${label.replace(/[()（）]/g, '.')}</label>`),
        label,
      );
    // No purpose is asked (the 2019 revision removed it).
    assert.doesNotMatch(res.body, /用途/);
    assert.match(res.body, /提交之日即为收到申请之日（《条例》第三十一条）/);
    assert.match(res.body, /20\s*个工作日内答复/);
    assert.match(res.body, /<a href="\/deadlines">期限如何计算<\/a>/);
    assert.match(res.body, /<a href="\/apply" aria-current="page">依申请公开<\/a>/);
    assert.doesNotMatch(res.body, /lang-switch/, 'the application pages are Chinese only');

    const home = await t.app.inject({ url: '/' });
    assert.match(home.body, /<a href="\/apply">在线申请<\/a>/);
    assert.match(home.body, /<a href="\/apply\/lookup">查询申请办理进度<\/a>/);
    const guide = await t.app.inject({ url: `/agencies/${city.dept.code}/guide` });
    assert.match(
      guide.body,
      new RegExp(
        `<a class="button button-primary" href="/apply\\?agency=${city.dept.code}">向本机关申请</a>`,
      ),
    );
  });

  test('an agency’s guide preselects it; a search narrows the list and chooses a single match', async () => {
    const pre = await new Browser(t.app).get(`/apply?agency=${city.dept.code}`);
    assert.match(
      pre.body,
      new RegExp(`<option value="${city.dept.code}" selected="">\\u3000测试市教育局</option>`),
    );
    const search = await new Browser(t.app).get(`/apply?q=${encodeURIComponent('教育')}`);
    assert.match(
      search.body,
      new RegExp(`<option value="${city.dept.code}" selected="">测试市教育局</option>`),
    );
    assert.doesNotMatch(search.body, /东区人民政府<\/option>/);
    assert.match(search.body, /找到 1 个名称包含“教育”的机关/);
    const none = await new Browser(t.app).get(`/apply?q=${encodeURIComponent('不存在的局')}`);
    assert.match(none.body, /没有名称包含“不存在的局”的机关/);
  });

  test('happy path: form → check page (everything shown, 修改 back) → submit → tracking number and query code, due 2026-12-28', async () => {
    const before = await rows();
    const b = await onForm();
    const answers = fieldsOf(
      validApplication(city.dept.code, {
        postalCode: '215000',
        documentTitle: '老旧小区改造计划',
        documentNumber: '测教发〔2026〕3号',
      }),
    );
    const check = await b.post('/apply/check', answers);
    assert.equal(check.statusCode, 200);
    assert.equal(check.headers['cache-control'], 'no-store');
    assert.match(check.body, /<h1>核对申请信息<\/h1>/);
    for (const shown of [
      '测试市教育局',
      '自然人',
      '张三',
      '居民身份证',
      VALID_RESIDENT_ID, // the applicant's own entry, in full
      '13812345678',
      'zhangsan@example.com',
      '江苏省苏州市姑苏区人民路100号',
      '215000',
      '老旧小区改造计划',
      '测教发〔2026〕3号',
      '电子',
      '网上获取（本平台）',
    ])
      assert.match(check.body, new RegExp(`<dd class="pre-line">${shown}</dd>`), shown);
    assert.match(
      check.body,
      /formaction="\/apply\/edit#f-idNumber"[^>]*>修改<span class="visually-hidden">证件号码<\/span>/,
    );
    assert.match(check.body, /enctype="multipart\/form-data"/);
    assert.match(
      check.body,
      new RegExp(`<input type="hidden" name="idNumber" value="${VALID_RESIDENT_ID}"/>`),
    );
    assert.equal(await rows(), before, 'the check page stores nothing');

    // 修改 takes the answers back to the form, filled in.
    const edit = await b.post('/apply/edit', answers);
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /<input id="f-name" name="name" type="text" value="张三"/);
    assert.match(
      edit.body,
      /<input type="radio" id="f-applicantType" name="applicantType" value="natural" checked=""/,
    );
    assert.match(edit.body, new RegExp(`<option value="${city.dept.code}" selected="">`));

    await b.post('/apply/check', answers);
    const files = await fileRows();
    const posted = await submit(b, answers, [
      { name: '身份证明.pdf', bytes: PDF },
      { name: 'photo.png', bytes: PNG },
      { name: '说明.docx', bytes: DOCX },
      { name: '补充.txt', bytes: Buffer.from('补充说明：第一期项目。\r\n') },
    ]);
    // Post/Redirect/Get to a fixed address: reloading the confirmation cannot submit twice.
    assert.equal(posted.headers.location, '/apply/done');
    const done = await follow(b, posted);
    assert.equal(done.statusCode, 200, done.body.slice(0, 2000));
    assert.equal(done.headers['cache-control'], 'no-store');
    assert.match(done.body, /<h1>申请已提交<\/h1>/);
    const trackingNumber = /<dd class="big-code" id="tracking-number">([^<]+)<\/dd>/.exec(done.body)?.[1];
    const queryCode = /<dd class="big-code" id="query-code">([^<]+)<\/dd>/.exec(done.body)?.[1];
    assert.match(trackingNumber ?? '', /^2026-\d{7}$/);
    assert.match(queryCode ?? '', /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    assert.match(done.body, /查询码只在本页显示这一次/);
    // 20 working days after Mon 2026-11-30: Dec 1–4 (4), 7–11 (9), 14–18 (14), 21–25 (19), Mon 28 (20).
    assert.match(done.body, /<strong class="due-date">2026年12月28日<\/strong>/);
    assert.match(done.body, /<caption>计算过程<\/caption>/);
    assert.match(done.body, /<a href="\/apply\/lookup">查询申请办理进度<\/a>/);
    // The handoff cookie does not hold the code in clear, and the confirmation is shown once.
    const handoff = posted.cookies.find((c) => c.name === 'gk_apply_done');
    assert.ok(handoff && handoff.httpOnly && handoff.sameSite === 'Strict' && handoff.path === '/apply/done');
    assert.ok(!handoff.value.includes(queryCode!) && !handoff.value.includes(trackingNumber!));
    const again = await b.get('/apply/done');
    assert.equal(again.statusCode, 200);
    assert.match(again.body, /<h1>确认页面已关闭<\/h1>/);
    assert.doesNotMatch(again.body, new RegExp(queryCode!));
    assert.equal(await rows(), before + 1, 'one application, however often the page is opened');

    assert.equal(await rows(), before + 1);
    const [row] = await t.deps.db
      .select()
      .from(application)
      .where(eq(application.trackingNumber, trackingNumber!));
    assert.ok(row);
    assert.equal(row.channel, 'online');
    assert.equal(row.receivedOn, '2026-11-30');
    assert.equal(row.dueDate, '2026-12-28');
    assert.equal(row.documentNumber, '测教发〔2026〕3号');
    assert.ok(!JSON.stringify(row).includes(queryCode!), 'only the hash of the query code is stored');
    const stored = await t.deps.db
      .select({ filename: storedFile.filename, mediaType: storedFile.mediaType })
      .from(applicationFile)
      .innerJoin(storedFile, eq(storedFile.id, applicationFile.fileId))
      .where(eq(applicationFile.applicationId, row.id));
    assert.deepEqual(stored.map((s) => s.mediaType).sort(), [
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'image/png',
      'text/plain; charset=utf-8',
    ]);
    assert.ok(stored.some((s) => s.filename === '身份证明.pdf'));
    assert.equal(await fileRows(), files + 4);

    // The lookup with both shows the state and the due date.
    const { res } = await lookup(trackingNumber!, queryCode!.toLowerCase().replace(/-/g, ''));
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(res.body, /<strong id="case-state">办理中<\/strong>/);
    assert.match(res.body, /<strong class="due-date" id="due-date">2026年12月28日<\/strong>/);
    assert.match(res.body, /<dd>测试市教育局<\/dd>/);
    assert.match(res.body, /收到申请/);
    assert.match(res.body, /<caption>计算过程<\/caption>/);
  });

  test('an organisation applies with its 统一社会信用代码 and a contact person', async () => {
    const b = await onForm();
    const answers = fieldsOf(
      validApplication(city.city.code, {
        applicantType: 'legalService',
        name: '江南律师事务所',
        contactPerson: '李四',
        idType: 'creditCode',
        idNumber: VALID_CREDIT_CODE,
      }),
    );
    const check = await b.post('/apply/check', answers);
    assert.equal(check.statusCode, 200);
    assert.match(check.body, /<dd class="pre-line">法人或其他组织：法律服务机构<\/dd>/);
    const done = await follow(b, await submit(b, answers));
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /<h1>申请已提交<\/h1>/);
    const [row] = await t.deps.db.select().from(application).where(eq(application.name, '江南律师事务所'));
    assert.equal(row?.applicantType, 'legalService');
    assert.equal(row?.contactPerson, '李四');
  });

  const BAD: [string, Record<string, unknown>, string][] = [
    ['agencyCode', { agencyCode: '' }, '请选择受理机关'],
    ['agencyCode', { agencyCode: 'NO.SUCH' }, '所选受理机关不存在或已停用，请重新选择'],
    ['applicantType', { applicantType: '' }, '请选择申请人类型'],
    ['name', { name: '  ' }, '请填写申请人姓名或名称'],
    ['contactPerson', { contactPerson: '联'.repeat(51) }, '联系人不能超过 50 个字'],
    ['idType', { idType: '' }, '请选择证件类型'],
    [
      'idType',
      { idType: 'creditCode', idNumber: VALID_CREDIT_CODE },
      '自然人应提供居民身份证、护照、通行证或其他身份证明',
    ],
    ['idNumber', { idNumber: '' }, '请填写公民身份号码'],
    ['idNumber', { idNumber: '320508198503121235' }, '公民身份号码的校验位不正确'],
    [
      'idNumber',
      { applicantType: 'commercial', idType: 'creditCode', idNumber: '913205001234567895' },
      '统一社会信用代码的校验位不正确',
    ],
    ['phone', { phone: '' }, '请填写联系电话'],
    ['phone', { phone: '12345' }, '联系电话格式不正确，请填写手机号码或带区号的固定电话'],
    ['email', { email: 'not-an-address' }, '电子邮箱格式不正确'],
    ['email', { email: '', delivery: 'email' }, '选择电子邮件时请填写电子邮箱'],
    ['address', { address: '', delivery: 'post' }, '选择邮寄时请填写通信地址'],
    ['address', { address: '路'.repeat(201) }, '通信地址不能超过 200 个字'],
    ['postalCode', { postalCode: '2150' }, '邮政编码应为 6 位数字'],
    [
      'description',
      { description: '名单' },
      '请描述所需的政府信息（至少 5 个字），写明名称、文号或便于查找的特征',
    ],
    ['documentTitle', { documentTitle: '文'.repeat(201) }, '文件名称不能超过 200 个字'],
    ['documentNumber', { documentNumber: '号'.repeat(101) }, '文号不能超过 100 个字'],
    ['form', { form: '' }, '请选择获取信息的形式'],
    ['delivery', { delivery: 'pigeon' }, '请选择获取信息的途径'],
  ];

  test('every field’s bad input gets its Chinese message, linked from the error summary, on the form again; nothing is stored', async () => {
    const before = await rows();
    const files = await fileRows();
    for (const [field, override, message] of BAD) {
      const answers = fieldsOf(validApplication(city.dept.code, override));
      // At the check step …
      const b = await onForm();
      const check = await b.post('/apply/check', answers);
      assert.equal(check.statusCode, 422, `${field}: ${message}`);
      assert.match(check.body, /<title>错误：/);
      assert.ok(
        summaryLinks(check.body).some((l) => l.href === `f-${field}` && l.text === message),
        `${field}: the summary links「${message}」to its field; got ${JSON.stringify(summaryLinks(check.body))}`,
      );
      assert.match(
        check.body,
        new RegExp(
          `<p class="error-message" id="f-${field}-error"><span class="visually-hidden">错误：</span>${message.replace(/[()（）]/g, '.')}</p>`,
        ),
      );
      assert.match(check.body, /<h1>在线申请政府信息公开<\/h1>/, 'the form again');
      // … and at the submission (hidden fields can be changed): the form again, nothing stored.
      const done = await submit(b, answers, [{ name: 'a.pdf', bytes: PDF }]);
      assert.equal(done.statusCode, 422, `${field} at submission`);
      assert.ok(
        summaryLinks(done.body).some((l) => l.text === message),
        `${field} at submission`,
      );
    }
    assert.equal(await rows(), before, 'no application stored');
    assert.equal(await fileRows(), files, 'no attachment stored');
  });

  test('every problem at once, in the order of the form', async () => {
    const b = await onForm();
    const res = await b.post('/apply/check', { agencyCode: '', name: '', phone: 'x' });
    assert.equal(res.statusCode, 422);
    const fields = summaryLinks(res.body).map((l) => l.href);
    assert.deepEqual(fields.slice(0, 4), ['f-agencyCode', 'f-applicantType', 'f-name', 'f-idType']);
    assert.ok(
      fields.includes('f-phone') && fields.includes('f-description') && fields.includes('f-delivery'),
    );
  });

  test('attachments: another type, a ZIP that is not a Word document, too many, too large → refused with a Chinese message on the check page; nothing stored', async () => {
    const before = await rows();
    const files = await fileRows();
    const answers = fieldsOf(validApplication(city.dept.code));
    const cases: [FilePart[], RegExp][] = [
      [
        [{ name: 'setup.pdf', bytes: EXE }],
        /附件“setup.pdf”的文件类型不支持。请上传PDF、JPEG、PNG、Word 文档（.docx）或纯文本（.txt）文件/,
      ],
      [[{ name: 'archive.docx', bytes: OTHER_ZIP }], /附件“archive.docx”的文件类型不支持/],
      [
        Array.from({ length: 6 }, (_, i) => ({ name: `${i}.pdf`, bytes: PDF })),
        /附件最多 5 个，您选择了 6 个/,
      ],
      [
        [{ name: 'big.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]) }],
        /附件“big.pdf”超过 10 MB/,
      ],
    ];
    for (const [parts, message] of cases) {
      const b = await onForm();
      await b.post('/apply/check', answers);
      const res = await submit(b, answers, parts);
      assert.equal(res.statusCode, 422, String(message));
      assert.match(res.body, /<h1>核对申请信息<\/h1>/);
      assert.match(res.body, message);
      assert.ok(summaryLinks(res.body).some((l) => l.href === 'f-attachments'));
      // The answers are still there to submit again.
      assert.match(res.body, /<input type="hidden" name="name" value="张三"\/>/);
    }
    assert.equal(await rows(), before);
    assert.equal(await fileRows(), files);
  });

  test('CSRF: a submission without the token, or from another site, is refused and stores nothing', async () => {
    const before = await rows();
    const answers = fieldsOf(validApplication(city.dept.code));
    const b = await onForm();
    const noToken = await submit(b, answers, [], { csrf: false });
    assert.equal(noToken.statusCode, 403);
    const noCookie = await t.app.inject({
      method: 'POST',
      url: '/apply/check',
      payload: new URLSearchParams({ ...answers, _csrf: b.csrfToken() }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(noCookie.statusCode, 403);
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/apply/lookup',
      payload: 'trackingNumber=2026-0000001&queryCode=AAAA',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
    });
    assert.equal(crossSite.statusCode, 403);
    assert.equal(await rows(), before);
  });

  test('lookup: a wrong code and an unknown number get the same 404 and the same words; no query code in any address', async () => {
    const s = await submitted(t.deps, city.dept.code);
    const wrongCode = await lookup(s.trackingNumber, 'ABCD-EFGH-JKMN');
    const unknown = await lookup('2026-9999999', s.queryCode);
    for (const r of [wrongCode.res, unknown.res]) {
      assert.equal(r.statusCode, 404);
      assert.match(r.body, /申请编号或查询码不正确，请核对后重新输入/);
      assert.equal(r.headers.location, undefined);
      assert.doesNotMatch(r.body, new RegExp(s.queryCode));
    }
    const normalise = (html: string, number: string) =>
      html.replace(/name="_csrf" value="[^"]+"/g, '').replaceAll(number, 'NUMBER');
    assert.equal(
      normalise(wrongCode.res.body, s.trackingNumber),
      normalise(unknown.res.body, '2026-9999999'),
      'the two answers are the same page',
    );
    // Empty fields are named.
    const empty = await lookup('', '');
    assert.equal(empty.res.statusCode, 422);
    assert.deepEqual(
      summaryLinks(empty.res.body).map((l) => l.text),
      ['请填写申请编号', '请填写查询码'],
    );
    // The lookup form posts; the steps answer GET with the start page.
    const form = await new Browser(t.app).get('/apply/lookup');
    assert.match(form.body, /<form method="post" action="\/apply\/lookup"/);
    // Without the handoff (another browser, or later): no code, the way to the lookup.
    const gone = await new Browser(t.app).get('/apply/done');
    assert.match(gone.body, /<h1>确认页面已关闭<\/h1>/);
    for (const path of ['/apply/check', '/apply/submit', '/apply/edit']) {
      const r = await t.app.inject({ url: path });
      assert.equal(r.statusCode, 303);
      assert.equal(r.headers.location, '/apply');
    }
  });

  test('notices served online: listed in the lookup and downloadable as PDF only with the right code, only the applicant’s own', async () => {
    const s = await submitted(t.deps, city.dept.code);
    const other = await submitted(t.deps, city.dept.code);
    const values = (applicationId: number, title: string, toApplicant: boolean) => ({
      applicationId,
      kind: 'receipt',
      title,
      addressee: '张三',
      paragraphs: ['本机关于2026年11月30日收到您的政府信息公开申请。', '特此告知。'],
      issuedOn: '2026-11-30',
      servedMethod: 'online',
      servedOn: '2026-11-30',
      toApplicant,
    });
    const [mine] = await t.deps.db
      .insert(notice)
      .values({ ...values(s.id, '政府信息公开申请登记回执', true), number: '测教依受〔2026〕1号' })
      .returning({ id: notice.id });
    const [letter] = await t.deps.db
      .insert(notice)
      .values(values(s.id, '征求第三方意见函', false))
      .returning({ id: notice.id });
    const [foreign] = await t.deps.db
      .insert(notice)
      .values(values(other.id, '他人的回执', true))
      .returning({ id: notice.id });

    const { b, res } = await lookup(s.trackingNumber, s.queryCode);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<strong>政府信息公开申请登记回执<\/strong>（测教依受〔2026〕1号）/);
    assert.match(res.body, /网上送达（本平台），2026年11月30日/);
    assert.doesNotMatch(res.body, /征求第三方意见函/, 'letters to third parties are not shown');
    assert.match(res.body, new RegExp(`action="/apply/lookup/notices/${mine!.id}.pdf"`));

    const download = (id: number, queryCode: string) =>
      b.post(`/apply/lookup/notices/${id}.pdf`, { trackingNumber: s.trackingNumber, queryCode });
    const pdf = await download(mine!.id, s.queryCode);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.headers['cache-control'], 'no-store');
    assert.match(
      String(pdf.headers['content-disposition']),
      /^attachment; filename="notice-\d+\.pdf"; filename\*=UTF-8''/,
    );
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    for (const [id, code] of [
      [mine!.id, 'ABCD-EFGH-JKMN'],
      [letter!.id, s.queryCode],
      [foreign!.id, s.queryCode],
      [999999, s.queryCode],
    ] as const) {
      const r = await download(id, code);
      assert.equal(r.statusCode, 404, `notice ${id}`);
      assert.match(r.body, /申请编号或查询码不正确/);
    }
  });
});

describe('依申请公开: what the server logs', () => {
  let t: TestApp;
  const lines: string[] = [];
  before(async () => {
    t = await createTestApp({
      now: new Date('2026-11-30T02:00:00Z'),
      env: { LOG_LEVEL: 'info' },
      build: { logStream: { write: (line: string) => void lines.push(line) } },
    });
  });
  after(() => t.close());

  test('applying and looking up leave neither the query code nor the identity number nor the phone in the log', async () => {
    const city = await buildCity(t.deps);
    const b = new Browser(t.app);
    await b.get('/apply');
    const answers = fieldsOf(validApplication(city.dept.code));
    await b.post('/apply/check', answers);
    const body = await multipart({ _csrf: b.csrfToken(), ...answers }, [{ name: 'a.pdf', bytes: PDF }]);
    const posted = await t.app.inject({
      method: 'POST',
      url: '/apply/submit',
      payload: body.payload,
      headers: { 'content-type': body.contentType, cookie: `gk_csrf=${b.cookie('gk_csrf')}` },
    });
    assert.equal(posted.statusCode, 303);
    for (const c of posted.cookies) b.setCookie(c.name, c.value);
    const done = await b.get('/apply/done');
    const queryCode = /id="query-code">([^<]+)</.exec(done.body)?.[1];
    const trackingNumber = /id="tracking-number">([^<]+)</.exec(done.body)?.[1];
    assert.ok(queryCode && trackingNumber);
    await b.get('/apply/lookup');
    const found = await b.post('/apply/lookup', { trackingNumber, queryCode });
    assert.equal(found.statusCode, 200);
    assert.ok(lines.length > 0, 'requests were logged');
    const log = lines.join('\n');
    for (const secret of [queryCode, queryCode.replace(/-/g, ''), VALID_RESIDENT_ID, '13812345678'])
      assert.ok(!log.includes(secret), `the log does not contain ${secret}`);
  });
});
