// The public version of a letter (docs/letters.md, 脱敏): names, phone numbers, identity numbers,
// e-mail and street addresses in a text are found and masked automatically — a suggestion only: a
// person checks the public version before it is published (decidePublication).

export type MaskingKind = 'name' | 'phone' | 'idNumber' | 'email' | 'address';

export interface MaskingFinding {
  kind: MaskingKind;
  original: string;
  replacement: string;
}

export interface MaskingSuggestion {
  masked: string;
  findings: MaskingFinding[];
}

/** 张三丰 → 张*丰, 李四 → 李*, 欧阳娜娜 → 欧**娜; one character → *. */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** 13812345678 → 138****5678; 0571-87654321 → 0571-****4321. */
function maskPhoneNumber(s: string): string {
  const digits = s.replace(/\D/g, '');
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  const m = /^(0\d{2,3})([-\s]?)(\d+)$/.exec(s);
  if (m) return `${m[1]}${m[2]}${'*'.repeat(Math.max(0, m[3]!.length - 4))}${m[3]!.slice(-4)}`;
  return `${'*'.repeat(Math.max(0, s.length - 4))}${s.slice(-4)}`;
}

/** 330102199001011234 → 330102********1234. */
function maskIdNumber(s: string): string {
  return `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
}

/** zhangsan@example.com → z***@example.com */
function maskEmail(s: string): string {
  const at = s.indexOf('@');
  return `${s.slice(0, 1)}***${s.slice(at)}`;
}

const NUMBER_PART = String.raw`[0-9０-９A-Za-z一二三四五六七八九十百零〇\-－]+`;
const UNIT_WORD = '(?:号楼|号院|栋|幢|单元|室|号|楼|层|弄|组)';
/** A road, street, village or housing estate followed by house, building, unit or room numbers. */
const ADDRESS_RE = new RegExp(
  String.raw`([\u4e00-\u9fa5]{1,12}?(?:路|街|巷|道|村|小区|花园|苑|公寓|大厦|社区|里))((?:${NUMBER_PART}${UNIT_WORD})+)`,
  'gu',
);

interface Rule {
  kind: MaskingKind;
  re: RegExp;
  mask: (match: RegExpExecArray) => string;
}

// Order matters: an identity number contains what looks like a phone number, an e-mail address a name.
const RULES: Rule[] = [
  { kind: 'email', re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, mask: (m) => maskEmail(m[0]) },
  { kind: 'idNumber', re: /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, mask: (m) => maskIdNumber(m[0]) },
  {
    kind: 'phone',
    re: /(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g,
    mask: (m) => maskPhoneNumber(m[0].replace(/^\+?86[-\s]?/, '')),
  },
  { kind: 'phone', re: /(?<!\d)0\d{2,3}[-\s]?\d{7,8}(?!\d)/g, mask: (m) => maskPhoneNumber(m[0]) },
  {
    kind: 'address',
    re: ADDRESS_RE,
    mask: (m) => `${m[1]}${m[2]!.replace(new RegExp(NUMBER_PART, 'gu'), '*')}`,
  },
  {
    // 我叫王小明, 本人李四, 姓名：张三 — the two or three characters after the phrase.
    kind: 'name',
    re: /(?:我叫|我是|本人|姓名[:：]?|联系人[:：]?|署名[:：]?)([\u4e00-\u9fa5]{2,3})(?=[，。,.\s；;：:、！!]|$)/gu,
    mask: (m) => m[0].slice(0, m[0].length - m[1]!.length) + maskPersonName(m[1]!),
  },
];

/** Words after 我是 that are not names (我是一名, 我是本市…). */
const NOT_NAMES = /^(一名|一位|本市|本区|本县|市民|居民|业主|家长|学生|老师|村民|职工|退休|外地|残疾)/u;

/**
 * The text with every finding masked, and what was found (in order of position). `knownNames`:
 * names the office knows (the writer's own) — masked wherever they occur, before the heuristics.
 */
export function suggestMasking(text: string, knownNames: readonly string[] = []): MaskingSuggestion {
  const findings: MaskingFinding[] = [];
  let masked = text;
  const names = [...new Set(knownNames.map((n) => n.trim()).filter((n) => [...n].length >= 2))].sort(
    (a, b) => b.length - a.length,
  );
  for (const name of names) {
    if (!masked.includes(name)) continue;
    const replacement = maskPersonName(name);
    findings.push({ kind: 'name', original: name, replacement });
    masked = masked.split(name).join(replacement);
  }
  for (const rule of RULES) {
    masked = masked.replace(new RegExp(rule.re.source, rule.re.flags), (...args: unknown[]) => {
      const groups = args.slice(0, -2).filter((a) => typeof a === 'string' || a === undefined) as string[];
      const match = Object.assign([...groups], { index: 0, input: '' }) as unknown as RegExpExecArray;
      if (rule.kind === 'name' && NOT_NAMES.test(match[1] ?? '')) return match[0];
      if (match[0].includes('*')) return match[0];
      const replacement = rule.mask(match);
      if (replacement === match[0]) return match[0];
      findings.push({ kind: rule.kind, original: match[0], replacement });
      return replacement;
    });
  }
  return { masked, findings };
}
