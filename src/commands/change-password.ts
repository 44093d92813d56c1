// A staff member changes their own password. Other sessions of the user are ended.
import { and, eq, ne } from 'drizzle-orm';
import type { Actor } from '../domain/agencies/actor.js';
import { passwordProblem } from '../domain/agencies/password.js';
import { InvalidInput, NotFound } from '../domain/errors.js';
import { findUserById } from '../db/repositories/users.js';
import { appUser, session } from '../db/schema.js';
import { commonPasswords } from '../lib/common-passwords.js';
import { hashPassword, sha256, verifyPassword } from '../lib/secrets.js';
import { inTransaction, type Deps } from './context.js';

export interface ChangePasswordInput {
  current: string;
  next: string;
  confirm: string;
  /** The session to keep (the one making the change). */
  keepSessionToken?: string;
}

export async function changePassword(
  deps: Deps,
  actor: Actor,
  input: ChangePasswordInput,
  requestId?: string,
): Promise<void> {
  const user = await findUserById(deps.db, actor.userId);
  if (!user) throw new NotFound();
  const errors: Record<string, string> = {};
  if (!(await verifyPassword(user.passwordHash, input.current))) errors.current = '当前密码不正确';
  const problem = passwordProblem(input.next, user.login, await commonPasswords());
  if (problem) errors.next = problem;
  else if (input.next === input.current) errors.next = '新密码不能与当前密码相同';
  if (!errors.next && input.next !== input.confirm) errors.confirm = '两次输入的新密码不一致';
  if (Object.keys(errors).length) throw new InvalidInput(errors);
  const hash = await hashPassword(input.next);
  const now = deps.now();
  await inTransaction(deps, { actor, requestId }, async (tx, audit) => {
    await tx
      .update(appUser)
      .set({ passwordHash: hash, mustChangePassword: false, passwordChangedAt: now, updatedAt: now })
      .where(eq(appUser.id, user.id));
    const keep = input.keepSessionToken ? sha256(input.keepSessionToken) : '';
    await tx.delete(session).where(and(eq(session.userId, user.id), ne(session.idHash, keep)));
    await audit({
      action: 'user.password_changed',
      subjectType: 'user',
      subjectId: user.id,
      agencyId: user.agencyId,
    });
  });
}
