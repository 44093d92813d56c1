import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OUTCOME_RULES, OUTCOMES, type Outcome } from '../applications/outcomes.js';
import { InvalidInput } from '../errors.js';
import { composeNotice } from './document.js';
import { NOTICE_KIND_LABELS, NOTICE_KINDS, type NoticeKind } from './kinds.js';
import { PLACEHOLDERS, type PlaceholderName } from './placeholders.js';
import { remediesParagraph } from './remedies.js';
import { placeholdersIn, validateTemplate, type TemplateValues } from './template.js';
import { defaultTemplate, DEFAULT_TEMPLATES } from './templates.js';

/** A value for every placeholder, as a command would pass them. */
const VALUES: Required<Record<PlaceholderName, string>> = {
  applicantName: '张三',
  receivedOn: '2026-11-02',
  description: '江南市2025年度城市道路维修专项资金的分配和使用情况',
  trackingNumber: 'GK-2026-000123',
  agencyName: '江南市人民政府办公室',
  agencyContact: '0512-12345678',
  corrections: '一、请明确所需信息的年度；\n二、请明确所指道路的名称。',
  dueBy: '2026-12-21',
  workdays: '20',
  amount: '2000',
  feeDetails: '第1至10件：10件，免费。\n第11至30件：20件 × 100元 = 2000元。',
  paymentInfo: '请通过政务服务网缴纳。',
  thirdParty: '江南路桥建设有限公司',
  otherAgency: '江南市交通运输局',
  otherAgencyContact: '0512-87654321',
  ground: '第十六条第二款',
  reasons: '该信息属于内部讨论记录',
  delivery: '现随本答复书提供（共3页）。',
  remedies: remediesParagraph({ outcome: 'partial', decidedOn: '2026-11-30' }),
};

const valuesFor = (kind: NoticeKind): TemplateValues =>
  Object.fromEntries(PLACEHOLDERS[kind].map((n) => [n, VALUES[n]]));

const compose = (kind: NoticeKind, outcome?: Outcome) =>
  composeNotice({
    kind,
    template: defaultTemplate(kind, outcome),
    values: valuesFor(kind),
    signature: { agency: '江南市人民政府办公室', date: '2026-11-30' },
  });

describe('default templates', () => {
  it('every kind has one, valid for its kind (allowed and required placeholders, remedies last)', () => {
    for (const kind of NOTICE_KINDS) {
      const outcomes: (Outcome | undefined)[] = kind === 'decision' ? [...OUTCOMES] : [undefined];
      for (const outcome of outcomes) {
        const t = defaultTemplate(kind, outcome);
        assert.equal(t.kind, kind);
        assert.doesNotThrow(() => validateTemplate(t, kind), `${kind} ${outcome ?? ''}`);
      }
    }
  });

  it('each reply template is written for exactly the outcomes it is chosen for, each outcome once', () => {
    const seen = DEFAULT_TEMPLATES.flatMap((t) => t.outcomes ?? []);
    assert.deepEqual([...seen].sort(), [...OUTCOMES].sort());
  });

  it('a reply cites the ground its outcome requires, and the 条例 by name', () => {
    for (const outcome of OUTCOMES) {
      const t = defaultTemplate('decision', outcome);
      if (OUTCOME_RULES[outcome].groundRequired)
        assert.ok(placeholdersIn(t.body).includes('ground'), `${outcome} cites {{ground}}`);
      if (OUTCOME_RULES[outcome].grounds.length > 0)
        assert.match(t.body, /《中华人民共和国政府信息公开条例》/, outcome);
    }
  });

  it('notices other than replies cite their article', () => {
    const cited: Partial<Record<NoticeKind, string>> = {
      receipt: '第三十三条',
      correction: '第三十条',
      extension: '第三十三条第二款',
      consultationThirdParty: '第三十二条',
      consultationAgency: '第三十四条',
      fee: '第四十二条',
      reasonablePeriod: '第三十五条',
      transfer: '第三十六条第（五）项',
    };
    for (const [kind, article] of Object.entries(cited))
      assert.ok(defaultTemplate(kind as NoticeKind).body.includes(article), `${kind} cites ${article}`);
  });

  it('a reply needs its outcome', () => {
    assert.throws(() => defaultTemplate('decision'), InvalidInput);
    assert.throws(() => defaultTemplate('decision', 'granted.maybe'), InvalidInput);
  });

  it('every template fills into a notice with no placeholder left and dates in Chinese', () => {
    for (const kind of NOTICE_KINDS) {
      for (const outcome of kind === 'decision' ? [...OUTCOMES] : [undefined]) {
        const doc = compose(kind, outcome);
        const text = [doc.title, doc.addressee, ...doc.paragraphs].join('\n');
        assert.doesNotMatch(
          text,
          /\{\{|\}\}|undefined|null|\d{4}-\d{2}-\d{2}/,
          `${NOTICE_KIND_LABELS[kind]} ${outcome ?? ''}`,
        );
        if (kind === 'decision' || kind === 'transfer')
          assert.match(
            doc.paragraphs.at(-1)!,
            /^如对本答复/,
            `${kind} ${outcome ?? ''} ends with the remedies`,
          );
      }
    }
  });

  it('a consultation letter is addressed to the party consulted and does not name the applicant', () => {
    const third = compose('consultationThirdParty');
    assert.equal(third.addressee, '江南路桥建设有限公司');
    assert.ok(!third.paragraphs.join('').includes('张三'));
    assert.equal(compose('consultationAgency').addressee, '江南市交通运输局');
  });
});

describe('composeNotice', () => {
  it('a correction notice: one paragraph per item to correct, the period as a Chinese date', () => {
    const doc = compose('correction');
    assert.equal(doc.title, '政府信息公开申请补正告知书');
    assert.equal(doc.addressee, '张三');
    assert.ok(doc.paragraphs.includes('一、请明确所需信息的年度；'));
    assert.ok(doc.paragraphs.includes('二、请明确所指道路的名称。'));
    assert.ok(doc.paragraphs.some((p) => p.startsWith('请您于2026年12月21日前')));
    assert.ok(doc.paragraphs[0]!.startsWith('本机关于2026年11月2日收到您（单位）提出的政府信息公开申请'));
  });

  it('reasons become a sentence before the article is cited', () => {
    const doc = compose('decision', 'denied.process');
    assert.ok(
      doc.paragraphs.includes(
        '经审查，该信息属于内部讨论记录。根据《中华人民共和国政府信息公开条例》第十六条第二款和第三十六条第（三）项的规定，本机关决定不予公开。',
      ),
      doc.paragraphs.join('\n'),
    );
  });
});

describe('remediesParagraph (routes from remediesFor, periods from STATUTE)', () => {
  it('a refusal from 2024-01-01: 行政复议 first, then 诉讼 within 15 days of the 复议 decision', () => {
    const p = remediesParagraph({
      outcome: 'denied.stateSecret',
      decidedOn: '2026-11-30',
      reconsiderationBody: '江南市人民政府',
    });
    assert.equal(
      p,
      '如对本答复不服，应当先自收到本答复之日起60日内向江南市人民政府申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起15日内依法向人民法院提起行政诉讼（《中华人民共和国行政复议法》第二十三条第一款第（四）项）。',
    );
  });

  it('a refusal before 2024, and any other reply, leave the choice: 复议 in 60 days or 诉讼 in 6 months', () => {
    const choice =
      '如对本答复不服，可以自收到本答复之日起60日内向有管辖权的行政复议机关申请行政复议，也可以自收到本答复之日起6个月内向有管辖权的人民法院提起行政诉讼。';
    assert.equal(remediesParagraph({ outcome: 'denied.process', decidedOn: '2023-12-31' }), choice);
    assert.equal(remediesParagraph({ outcome: 'unable.notHeld', decidedOn: '2026-11-30' }), choice);
    assert.equal(remediesParagraph({ outcome: null, decidedOn: '2026-11-30' }), choice);
  });

  it('a partial disclosure: 复议 first for the withheld part, the choice for the rest', () => {
    const p = remediesParagraph({ outcome: 'partial', decidedOn: '2026-11-30', court: '江南市中级人民法院' });
    assert.match(p, /^如对本答复中不予公开的部分不服，应当先/);
    assert.match(p, /如对本答复的其他内容不服，可以.*6个月内向江南市中级人民法院提起行政诉讼。$/);
  });
});
