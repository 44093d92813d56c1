import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildQuestions,
  percent,
  questionDraftsFromForm,
  readQuestions,
  readResponse,
  surveyPhase,
  tallySurvey,
  type SurveyQuestion,
} from './survey.js';

const Q: SurveyQuestion[] = [
  { id: 'q1', text: '满意度', type: 'single', options: ['满意', '一般', '不满意'], required: true },
  { id: 'q2', text: '关注', type: 'multiple', options: ['教育', '医疗', '交通', '住房'], required: false },
  { id: 'q3', text: '建议', type: 'text', options: [], required: false },
];

describe('survey questions from the back-office form', () => {
  it('reads the blocks in order, skips blank ones and numbers the questions q1, q2, …', () => {
    const drafts = questionDraftsFromForm({
      'q0.text': ' 您的年龄段 ',
      'q0.type': 'single',
      'q0.options': '18岁以下\r\n18-60岁\n\n60岁以上\n',
      'q0.required': 'yes',
      'q1.text': '',
      'q1.type': 'single',
      'q1.options': '',
      'q10.text': '其他',
      'q10.type': 'text',
    });
    const { questions, errors } = buildQuestions(drafts);
    assert.deepEqual(errors, {});
    assert.deepEqual(questions, [
      {
        id: 'q1',
        text: '您的年龄段',
        type: 'single',
        options: ['18岁以下', '18-60岁', '60岁以上'],
        required: true,
      },
      { id: 'q2', text: '其他', type: 'text', options: [], required: false },
    ]);
  });

  it('refuses a choice with fewer than two options, repeated options, options without a question', () => {
    const { errors } = buildQuestions([
      { text: '甲', type: 'single', options: '只有一个', required: false },
      { text: '乙', type: 'multiple', options: 'A\nA', required: false },
      { text: '', type: 'single', options: 'A\nB', required: false },
      { text: '丁', type: 'rating', options: '', required: false },
    ]);
    assert.equal(errors['q0.options'], '第1题：选择题至少要有 2 个选项，每行一个');
    assert.equal(errors['q1.options'], '第2题：选项有重复，请删去重复的一行');
    assert.equal(errors['q2.text'], '第3题：请填写题目');
    assert.equal(errors['q3.type'], '第3题：请选择题型');
  });

  it('reads stored questions defensively', () => {
    assert.deepEqual(readQuestions(null), []);
    assert.deepEqual(readQuestions([{ id: 'q1', text: 'x', type: 'bogus' }, Q[0]]), [Q[0]]);
  });
});

describe('a response checked against the questions', () => {
  it('takes an offered option, checked boxes and a text', () => {
    const r = readResponse(Q, { q1: '2', 'q2.0': 'on', 'q2.3': 'on', q3: ' 多建公园 ' });
    assert.deepEqual(r, { answers: { q1: 2, q2: [0, 3], q3: '多建公园' }, errors: {} });
  });
  it('requires the required, refuses an option that was not offered, ignores unknown fields', () => {
    assert.deepEqual(readResponse(Q, { q9: 'x' }).errors, { q1: '第1题：请选择一项' });
    assert.deepEqual(readResponse(Q, { q1: '3' }).errors, { q1: '第1题：请从列出的选项中选择' });
    assert.deepEqual(readResponse(Q, { q1: '-1' }).errors, { q1: '第1题：请从列出的选项中选择' });
    assert.deepEqual(readResponse(Q, { q1: '0', 'q2.7': 'on' }).answers, { q1: 0 });
  });
  it('limits a text answer', () => {
    assert.match(readResponse(Q, { q1: '0', q3: '字'.repeat(1001) }).errors.q3!, /不能超过 1000 个字/);
  });
});

describe('tallies', () => {
  it('counts by hand: 4 responses', () => {
    const t = tallySurvey(Q, [
      { q1: 0, q2: [0, 1] },
      { q1: 0, q2: [1] },
      { q1: 1, q3: '多建公园' },
      { q1: 2, q2: [1, 2], q3: '' },
    ]);
    assert.equal(t.responses, 4);
    // q1: 满意 2/4 = 50%, 一般 1/4 = 25%, 不满意 1/4 = 25%
    assert.deepEqual(
      t.questions[0]!.options.map((o) => [o.count, o.percent]),
      [
        [2, 50],
        [1, 25],
        [1, 25],
      ],
    );
    // q2: answered by 3; 教育 1 (33.3%), 医疗 3 (100%), 交通 1 (33.3%), 住房 0
    assert.equal(t.questions[1]!.answered, 3);
    assert.deepEqual(
      t.questions[1]!.options.map((o) => [o.count, o.percent]),
      [
        [1, 33.3],
        [3, 100],
        [1, 33.3],
        [0, 0],
      ],
    );
    // q3: one non-blank text
    assert.equal(t.questions[2]!.answered, 1);
  });
  it('does not count answers that no longer fit, nor a box twice', () => {
    const t = tallySurvey(Q, [{ q1: 7, q2: [1, 1, 9] }, { q1: '0' }]);
    assert.equal(t.questions[0]!.answered, 0);
    assert.deepEqual(
      t.questions[1]!.options.map((o) => o.count),
      [0, 1, 0, 0],
    );
  });
  it('property: single-choice percentages sum to 100 within rounding', () => {
    for (let n = 1; n <= 50; n++) {
      const responses = Array.from({ length: n }, (_, i) => ({ q1: (i * 7) % 3 }));
      const sum = tallySurvey(Q, responses).questions[0]!.options.reduce((s, o) => s + o.percent, 0);
      assert.ok(Math.abs(sum - 100) <= 0.15, `n=${n}: ${sum}`);
    }
    assert.equal(percent(1, 3), 33.3);
    assert.equal(percent(2, 3), 66.7);
    assert.equal(percent(0, 0), 0);
  });
});

describe('phase', () => {
  const open = { state: 'open', opensOn: '2026-12-01', closesOn: '2026-12-31' };
  it('follows the dates while open', () => {
    assert.equal(surveyPhase(open, '2026-11-30'), 'upcoming');
    assert.equal(surveyPhase(open, '2026-12-01'), 'open');
    assert.equal(surveyPhase(open, '2026-12-31'), 'open');
    assert.equal(surveyPhase(open, '2027-01-01'), 'closed');
    assert.equal(surveyPhase({ ...open, state: 'draft' }, '2026-12-05'), 'draft');
    assert.equal(surveyPhase({ ...open, state: 'results_published' }, '2026-12-05'), 'results_published');
  });
});
