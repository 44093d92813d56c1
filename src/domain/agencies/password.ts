// Password rules for staff accounts (checked before hashing).

export function passwordProblem(password: string, login?: string): string | null {
  if (password.length < 10) return '密码至少需要 10 个字符';
  if (password.length > 200) return '密码不能超过 200 个字符';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return '密码须同时包含字母和数字';
  if (login && password.toLowerCase().includes(login.toLowerCase())) return '密码不能包含登录名';
  return null;
}
