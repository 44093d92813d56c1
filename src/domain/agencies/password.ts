// Password rules for staff accounts (checked before hashing, on every password set: account creation,
// own change; temporary passwords are random). Length and a refusal of the passwords people pick
// most often, in the spirit of NIST SP 800-63B §5.1.1.2 — the list is handed in, so this stays pure.

/** A list of commonly used passwords, lower-cased (src/lib/common-passwords.ts loads it). */
export interface CommonPasswords {
  has(lowerCased: string): boolean;
}

/** No list: only for random passwords made by the system (which cannot be on one). */
export const NO_COMMON_PASSWORDS: CommonPasswords = { has: () => false };

/**
 * Weak patterns common in China that international lists miss (pinyin phrases and number codes:
 * 我爱你 woaini, 520/1314 "I love you (forever)"). A password is refused when it is one of these, or
 * one of these followed by digits and symbols.
 */
const CHINESE_COMMON = [
  'woaini',
  'woaini1314',
  'woaini520',
  'iloveyou1314',
  'aini1314',
  'a5201314',
  'qq123456',
  'zhang',
  'wang',
  'li',
  'liu',
  'chen',
  'yang',
  'huang',
  'zhao',
  'zhou',
  'wu',
  'xu',
  'sun',
  'ma',
  'zhu',
  'hu',
  'guo',
  'he',
  'lin',
  'gao',
  'luo',
  'zhongguo',
  'beijing',
  'shanghai',
  'nihao',
  'gongkai',
  'zhengfu',
  'xinxi',
  'xinxigongkai',
  'admin',
  'administrator',
];
const CHINESE_SET = new Set(CHINESE_COMMON);

/** "password2026!" → "password": a common word dressed up with a year or a suffix. */
function baseWord(lower: string): string {
  return lower.replace(/^[0-9]+/, '').replace(/[^a-z]+$/, '');
}

export function passwordProblem(
  password: string,
  login: string | undefined,
  common: CommonPasswords,
): string | null {
  if (password.length < 10) return '密码至少需要 10 个字符';
  if (password.length > 200) return '密码不能超过 200 个字符';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return '密码须同时包含字母和数字';
  if (login && password.toLowerCase().includes(login.toLowerCase())) return '密码不能包含登录名';
  const lower = password.toLowerCase();
  const base = baseWord(lower);
  if (
    common.has(lower) ||
    CHINESE_SET.has(lower) ||
    CHINESE_SET.has(base) ||
    (base.length >= 4 && base !== lower && common.has(base))
  )
    return '该密码过于常见，容易被猜中，请换一个不常见的密码';
  return null;
}
