// The list of common passwords (49,000 entries from the zxcvbn-ts project, MIT), loaded on the first
// password set rather than at start: it costs ~0.3 s and ~8 MB, and most processes never set one.
/** Membership test on lower-cased passwords (the domain's CommonPasswords shape). */
export interface PasswordList {
  has(lowerCased: string): boolean;
}

let list: Promise<PasswordList> | undefined;

export function commonPasswords(): Promise<PasswordList> {
  list ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) => {
    const set = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
    return { has: (p: string) => set.has(p) };
  });
  return list;
}
