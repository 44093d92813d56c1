// 答问知识库 (国办发〔2018〕123号: one authoritative Q&A library for the website, new media and the
// 12345 hotline): the states of an item, the portal's categories, and the pure rules the commands and
// queries share — alternative questions one per line, the text searched, the words of a letter that
// are worth matching on, and the flags of an item that needs attention.

/** draft 草稿 → published 已发布 ⇄ withdrawn 已撤回 (a withdrawn item may be published again). */
export const QA_STATES = ['draft', 'published', 'withdrawn'] as const;
export type QaState = (typeof QA_STATES)[number];

export function isQaState(v: unknown): v is QaState {
  return typeof v === 'string' && (QA_STATES as readonly string[]).includes(v);
}

/**
 * The portal's categories, in display order (the matters residents ask about most). An item may use
 * another name; these are offered in the form and listed first on the portal.
 */
export const QA_CATEGORIES = [
  '户籍办理',
  '社会保障',
  '医疗保障',
  '住房公积金',
  '不动产登记',
  '教育入学',
  '企业开办',
  '住房保障',
  '就业创业',
  '交通出行',
  '生态环境',
  '政府信息公开申请',
  '其他',
] as const;

export const MAX_ALT_QUESTIONS = 10;
export const MAX_QUESTION_LENGTH = 200;
export const MAX_ANSWER_LENGTH = 10_000;
export const MAX_LINKED_DOCUMENTS = 10;

/** Alternative questions typed one per line: trimmed, blank lines and repeats dropped. */
export function altQuestionLines(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const q = line.trim();
    if (q !== '' && !out.includes(q)) out.push(q);
  }
  return out;
}

/**
 * The references to documents typed in the form: one per line (or separated by commas, 、 or ；),
 * each an id or a 发文字号.
 */
export function documentReferences(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[\r\n,，;；、]+/)) {
    const ref = part.trim();
    if (ref !== '' && !out.includes(ref)) out.push(ref);
  }
  return out;
}

/**
 * The "title" searched with weight A: the question and every other way of asking it, so that an
 * alternative question ranks like the question itself. The answer is the body (weight B).
 */
export function qaTitleText(question: string, altQuestions: readonly string[]): string {
  return [question, ...altQuestions].join('\n');
}

/**
 * Words that say nothing about a letter's matter: greetings, the mailbox, verbs of asking. A letter is
 * matched on its other words (OR-ed and ranked), so these would only add noise.
 */
export const LETTER_STOP_WORDS: ReadonlySet<string> = new Set([
  '您好',
  '你好',
  '请问',
  '问题',
  '咨询',
  '反映',
  '建议',
  '投诉',
  '求助',
  '希望',
  '谢谢',
  '感谢',
  '领导',
  '市长',
  '部门',
  '相关',
  '有关',
  '关于',
  '情况',
  '我们',
  '你们',
  '他们',
  '自己',
  '什么',
  '怎么',
  '怎样',
  '如何',
  '为什么',
  '可以',
  '能否',
  '是否',
  '需要',
  '已经',
  '因为',
  '所以',
  '但是',
  '现在',
  '目前',
  '这个',
  '那个',
  '一下',
  '一个',
  '没有',
  '还是',
  '或者',
  '以及',
  '如果',
  '时候',
  '本人',
  '今年',
  '去年',
  '解决',
  '处理',
  '答复',
  '回复',
  '及时',
  '尽快',
  '江南',
  '江南市',
]);

/** Most words of a letter used for matching (the first ones: the title comes first). */
export const MAX_MATCH_WORDS = 40;

/**
 * The words of a letter worth matching on, from its tokenised title and content: two characters or
 * more (or a number of three digits or more), not a stop word, each once, at most MAX_MATCH_WORDS.
 */
export function meaningfulWords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    if (out.length >= MAX_MATCH_WORDS) break;
    if (!/^[\p{L}\p{N}]+$/u.test(w)) continue;
    if (/^\d+$/.test(w) ? w.length < 3 : w.length < 2) continue;
    if (LETTER_STOP_WORDS.has(w) || out.includes(w)) continue;
    out.push(w);
  }
  return out;
}

/** Why an item needs attention in the back office. */
export interface QaFlags {
  /** 复核日期 passed: the answer may be stale. */
  reviewOverdue: boolean;
  /** A linked document is no longer in force (有效性 other than 有效). */
  documentNotEffective: boolean;
}

export function qaFlags(
  item: { reviewBy: string | null },
  documentValidity: readonly string[],
  today: string,
): QaFlags {
  return {
    reviewOverdue: item.reviewBy !== null && item.reviewBy < today,
    documentNotEffective: documentValidity.some((v) => v !== 'effective' && v !== 'pending'),
  };
}
