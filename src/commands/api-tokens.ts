// Bearer tokens for integrations: shown once, stored as SHA-256, revocable.
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { InvalidInput, NotFound } from '../domain/errors.js';
import { findUserByLogin } from '../db/repositories/users.js';
import { apiToken } from '../db/schema.js';
import { randomToken, sha256 } from '../lib/secrets.js';
import { authorizeAction } from '../policies/policy.js';
import { inTransaction, type CommandContext, type Deps } from './context.js';
import { parseInput } from './validation.js';

const TokenFields = z.object({
  login: z.string().trim().min(1, '请指定用户'),
  name: z.string().trim().min(1, '请填写令牌名称').max(100).default('integration'),
});

export async function createApiToken(deps: Deps, ctx: CommandContext, input: z.input<typeof TokenFields>) {
  const f = parseInput(TokenFields, input);
  authorizeAction(ctx.actor, 'token.manage');
  const user = await findUserByLogin(deps.db, f.login);
  if (!user) throw new InvalidInput({ login: `用户 ${f.login} 不存在` });
  if (user.disabledAt) throw new InvalidInput({ login: `用户 ${f.login} 已停用` });
  const token = `gk_${randomToken(32)}`;
  const row = await inTransaction(deps, ctx, async (tx, audit) => {
    const [r] = await tx
      .insert(apiToken)
      .values({ userId: user.id, name: f.name, prefix: token.slice(0, 10), tokenHash: sha256(token) })
      .returning({ id: apiToken.id });
    await audit({
      action: 'token.created',
      subjectType: 'api_token',
      subjectId: r!.id,
      agencyId: user.agencyId,
      data: { user: user.login, name: f.name },
    });
    return r!;
  });
  return { id: row.id, token, login: user.login, name: f.name };
}

export async function revokeApiToken(deps: Deps, ctx: CommandContext, id: number) {
  authorizeAction(ctx.actor, 'token.manage');
  await inTransaction(deps, ctx, async (tx, audit) => {
    const [r] = await tx
      .update(apiToken)
      .set({ revokedAt: deps.now() })
      .where(and(eq(apiToken.id, id), isNull(apiToken.revokedAt)))
      .returning({ id: apiToken.id });
    if (!r) throw new NotFound('令牌不存在或已撤销');
    await audit({ action: 'token.revoked', subjectType: 'api_token', subjectId: id });
  });
}
