// The spam check of a letter written on the portal or through the API, without any outside service:
// a score from plain signs of advertising and junk, and a verdict — ok (stored), hold (stored and
// marked for a person to look at: letter.spam_score) or refuse (the writer is told to change it).

export interface SpamInput {
  title: string;
  content: string;
  name?: string | null;
}

export type SpamVerdict = 'ok' | 'hold' | 'refuse';

export interface SpamResult {
  score: number;
  /** In Chinese, for the office (and, on refuse, the writer). */
  reasons: string[];
  verdict: SpamVerdict;
}

/** From this score a letter is held for a person; from the second it is refused. */
export const SPAM_HOLD_SCORE = 5;
export const SPAM_REFUSE_SCORE = 10;

/** Words of advertising and fraud that a letter to the government does not need. */
export const SPAM_WORDS: readonly string[] = [
  '代开发票',
  '发票代开',
  '办证',
  '刻章',
  '贷款秒批',
  '无抵押贷款',
  '网贷',
  '套现',
  '博彩',
  '赌场',
  '网赌',
  '六合彩',
  '时时彩',
  '刷单',
  '日结兼职',
  '加微信',
  '加QQ',
  '代孕',
  '裸聊',
  '色情',
  '私服',
  '香港六合',
  '澳门威尼斯',
  '点击链接',
  '免费领取',
];

const LINK_RE = /(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:com|net|cn|top|xyz|vip|cc|info)\b/gi;
const CJK_RE = /[\u3400-\u9fff]/u;

export function spamCheck(input: SpamInput): SpamResult {
  const text = `${input.title}\n${input.content}`;
  const reasons: string[] = [];
  let score = 0;
  const links = text.match(LINK_RE)?.length ?? 0;
  if (links > 0) {
    score += Math.min(8, links * 4);
    reasons.push(`含有${links}处网址链接`);
  }
  if (/([^.。…\-_=*·])\1{7,}/u.test(text.replace(/\s/g, ''))) {
    score += 4;
    reasons.push('含有大量重复字符');
  }
  if (!CJK_RE.test(input.content)) {
    score += 5;
    reasons.push('内容没有中文');
  }
  const lower = text.toLowerCase();
  const words = SPAM_WORDS.filter((w) => lower.includes(w.toLowerCase()));
  if (words.length > 0) {
    score += Math.min(10, words.length * 5);
    reasons.push(`含有广告用语「${words.join('、')}」`);
  }
  const chars = [...input.content.replace(/\s/g, '')];
  const digits = chars.filter((c) => /\d/.test(c)).length;
  if (chars.length >= 20 && digits / chars.length > 0.4) {
    score += 3;
    reasons.push('数字过多');
  }
  if (input.name && (new RegExp(LINK_RE.source, 'i').test(input.name) || /\d{5,}/.test(input.name))) {
    score += 3;
    reasons.push('姓名中含有网址或号码');
  }
  const verdict: SpamVerdict =
    score >= SPAM_REFUSE_SCORE ? 'refuse' : score >= SPAM_HOLD_SCORE ? 'hold' : 'ok';
  return { score, reasons, verdict };
}
