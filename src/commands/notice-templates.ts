// An office's notice templates and the 文号 prefix of its notices (notice.configure, the actor's own
// agency). A template is checked by validateTemplate before it is saved, so a notice issued later
// can always be filled; saving changes the NEXT notices only (issued ones keep their frozen text).
// 恢复默认 deletes the agency's own template (the installation's default or the built-in one
// applies again). Each change is audited with the text before and after.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AnyActor } from '../domain/agencies/actor.js';
import { isSystem } from '../domain/agencies/actor.js';
import { InvalidInput, NotAllowed, NotFound } from '../domain/errors.js';
import { defaultTemplate, numberLabel } from '../domain/notices/index.js';
import { agencySetting, noticeTemplate } from '../db/schema.js';
import { authorize } from '../policies/policy.js';
import { checkNoticeTemplate, templateKeyInfo } from '../queries/notice-templates.js';
import { NOTICE_PREFIX_SETTING } from '../domain/notices/number.js';
import { inTransaction, type CommandContext, type Deps } from './context.js';
import { parseInput } from './validation.js';

/** The agency of the actor, once it may configure notices there. */
function agencyOf(actor: AnyActor) {
  if (isSystem(actor)) throw new NotAllowed('告知书模板由各机关自行设置');
  authorize(actor, 'notice.configure', { agencyPath: actor.agencyPath });
  return { userId: actor.userId, agencyId: actor.agencyId };
}

const TemplateFields = z.object({
  key: z.string(),
  title: z.string({ error: '请填写标题' }),
  body: z.string({ error: '请填写正文' }),
});

/** Line ends as one \n, no trailing spaces on a line, no empty lines at the ends. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();
}

export async function saveNoticeTemplate(
  deps: Deps,
  ctx: CommandContext,
  input: z.input<typeof TemplateFields>,
) {
  const who = agencyOf(ctx.actor);
  const f = parseInput(TemplateFields, input);
  const info = templateKeyInfo(f.key);
  if (!info) throw new NotFound('没有这种告知书模板');
  const builtIn = defaultTemplate(info.kind, info.outcome);
  const text = { title: tidy(f.title), addressee: builtIn.addressee, body: tidy(f.body) };
  checkNoticeTemplate(info, text);
  return inTransaction(deps, ctx, async (tx, audit) => {
    const [before] = await tx
      .select()
      .from(noticeTemplate)
      .where(and(eq(noticeTemplate.agencyId, who.agencyId), eq(noticeTemplate.kind, info.key)));
    if (before && before.title === text.title && before.body === text.body) return { changed: false };
    if (before)
      await tx
        .update(noticeTemplate)
        .set({ title: text.title, body: text.body, updatedBy: who.userId, updatedAt: deps.now() })
        .where(eq(noticeTemplate.id, before.id));
    else
      await tx.insert(noticeTemplate).values({
        agencyId: who.agencyId,
        kind: info.key,
        title: text.title,
        body: text.body,
        updatedBy: who.userId,
      });
    await audit({
      action: 'notice.templateUpdated',
      subjectType: 'notice_template',
      subjectId: info.key,
      agencyId: who.agencyId,
      data: {
        template: info.label,
        before: { title: before?.title ?? null, body: before?.body ?? null },
        after: { title: text.title, body: text.body },
      },
    });
    return { changed: true };
  });
}

export async function resetNoticeTemplate(deps: Deps, ctx: CommandContext, input: { key: string }) {
  const who = agencyOf(ctx.actor);
  const info = templateKeyInfo(String(input.key ?? ''));
  if (!info) throw new NotFound('没有这种告知书模板');
  return inTransaction(deps, ctx, async (tx, audit) => {
    const [before] = await tx
      .delete(noticeTemplate)
      .where(and(eq(noticeTemplate.agencyId, who.agencyId), eq(noticeTemplate.kind, info.key)))
      .returning();
    if (!before) return { changed: false };
    await audit({
      action: 'notice.templateUpdated',
      subjectType: 'notice_template',
      subjectId: info.key,
      agencyId: who.agencyId,
      data: {
        template: info.label,
        before: { title: before.title, body: before.body },
        // 恢复默认: the agency's own text is gone; the default applies again.
        after: { title: null, body: null },
      },
    });
    return { changed: true };
  });
}

const PrefixFields = z.object({
  prefix: z.string({ error: '请填写机关代字' }).trim().max(20, '机关代字不能超过20个字符'),
});

/**
 * Sets the agency's 文号 prefix (机关代字, e.g. 江南府办 → 江南府办依复〔2026〕12号); empty = the
 * agency's short name again. Numbers already issued keep theirs.
 */
export async function setNoticePrefix(deps: Deps, ctx: CommandContext, input: z.input<typeof PrefixFields>) {
  const who = agencyOf(ctx.actor);
  const f = parseInput(PrefixFields, input);
  if (f.prefix !== '') {
    try {
      numberLabel(f.prefix, 2026, 1);
    } catch (e) {
      if (e instanceof InvalidInput && e.fieldErrors.prefix)
        throw new InvalidInput({ prefix: e.fieldErrors.prefix });
      throw e;
    }
  }
  return inTransaction(deps, ctx, async (tx, audit) => {
    const where = and(eq(agencySetting.agencyId, who.agencyId), eq(agencySetting.key, NOTICE_PREFIX_SETTING));
    const [row] = await tx.select({ value: agencySetting.value }).from(agencySetting).where(where);
    const before = typeof row?.value === 'string' ? row.value : null;
    const after = f.prefix === '' ? null : f.prefix;
    if (before === after) return { changed: false };
    if (after === null) await tx.delete(agencySetting).where(where);
    else
      await tx
        .insert(agencySetting)
        .values({ agencyId: who.agencyId, key: NOTICE_PREFIX_SETTING, value: after })
        .onConflictDoUpdate({
          target: [agencySetting.agencyId, agencySetting.key],
          set: { value: after, updatedAt: deps.now() },
        });
    await audit({
      action: 'notice.prefixUpdated',
      subjectType: 'notice_template',
      subjectId: 'prefix',
      agencyId: who.agencyId,
      data: { before: { noticePrefix: before }, after: { noticePrefix: after } },
    });
    return { changed: true };
  });
}
