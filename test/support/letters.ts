// Letters (政民互动) for tests: a mailbox, a valid letter, and a letter driven to a given state
// through the real commands (as the system actor, which holds every right). Others' tests use
// these — keep the names and shapes stable.
import { eq } from 'drizzle-orm';
import type { Deps } from '../../src/commands/context.js';
import { saveMailbox, type MailboxInput } from '../../src/commands/letters/save-mailbox.js';
import { submitLetter } from '../../src/commands/letters/submit.js';
import { acceptLetter, declineLetter } from '../../src/commands/letters/triage.js';
import { escalateLetter } from '../../src/commands/letters/instruct.js';
import { reviewReply, submitReply } from '../../src/commands/letters/reply.js';
import { archiveLetter } from '../../src/commands/letters/archive.js';
import { decidePublication } from '../../src/commands/letters/publication.js';
import { letter } from '../../src/db/schema.js';

export const SYSTEM = { actor: { system: true as const, label: 'test' } };
/** The portal's writer (a system actor naming the door, as the portal route passes it). */
export const PORTAL = { actor: { system: true as const, label: '政民互动（网上留言）' } };

/** The demo writer's contact details: a privacy test looks for them on public pages. */
export const WRITER = {
  name: '张三丰',
  phone: '13812345678',
  email: 'zhangsanfeng@example.com',
  address: '江南市人民路123号',
};

let seq = 0;

/** A mailbox of the agency (defaults: review required, 6-digit code, name and phone required). */
export async function buildMailbox(
  deps: Deps,
  opts: { agencyId: number } & Partial<MailboxInput>,
): Promise<{ id: number; code: string; version: number }> {
  seq++;
  const code = opts.code ?? `box${seq}`;
  const saved = await saveMailbox(deps, SYSTEM, {
    kind: 'agency',
    name: `测试信箱${seq}`,
    intro: '',
    ...opts,
    code,
  });
  return { ...saved, code };
}

export function validLetter(mailboxCode: string, overrides: Record<string, unknown> = {}) {
  return {
    mailboxCode,
    kind: 'consult',
    ...WRITER,
    title: '关于小区门口道路积水的咨询',
    content: '人民路小区门口每逢下雨就严重积水，居民出行很不方便，请问何时能够修缮排水设施？',
    publicConsent: true,
    ...overrides,
  };
}

/** A letter written on the portal. */
export async function writeLetter(deps: Deps, mailboxCode: string, overrides: Record<string, unknown> = {}) {
  return submitLetter(deps, PORTAL, validLetter(mailboxCode, overrides));
}

export async function letterVersion(deps: Deps, letterId: number): Promise<number> {
  const [row] = await deps.db.select({ version: letter.version }).from(letter).where(eq(letter.id, letterId));
  if (!row) throw new Error(`no letter ${letterId}`);
  return row.version;
}

export type LetterFixtureState =
  'submitted' | 'handling' | 'instructing' | 'review' | 'replied' | 'published' | 'declined' | 'archived';

/**
 * A letter written to the mailbox and driven to `state` with today's date (set the clock first).
 * 'review' needs a mailbox with reviewRequired (the default); 'published' is replied and published
 * with the writer's name masked.
 */
export async function letterInState(
  deps: Deps,
  mailboxCode: string,
  state: LetterFixtureState,
  overrides: Record<string, unknown> = {},
) {
  const s = await writeLetter(deps, mailboxCode, overrides);
  const v = () => letterVersion(deps, s.id);
  const result = { ...s, state };
  if (state === 'submitted') return result;
  if (state === 'declined') {
    await declineLetter(deps, SYSTEM, {
      letterId: s.id,
      version: await v(),
      triage: 'rejected',
      reason: '该事项已进入诉讼程序，不属于信箱受理范围',
      replyText: '您反映的事项已进入诉讼程序，依照信箱规则不予受理，请依法通过诉讼途径解决。',
    });
    return result;
  }
  await acceptLetter(deps, SYSTEM, { letterId: s.id, version: await v() });
  if (state === 'handling') return result;
  if (state === 'instructing') {
    await escalateLetter(deps, SYSTEM, { letterId: s.id, version: await v(), leader: '王市长' });
    return result;
  }
  await submitReply(deps, SYSTEM, {
    letterId: s.id,
    version: await v(),
    text: '您好，您反映的积水问题已转市政部门，将于本月内完成排水管道疏通。感谢您的来信。',
  });
  if (state === 'review') return result;
  const [row] = await deps.db.select({ state: letter.state }).from(letter).where(eq(letter.id, s.id));
  if (row?.state === 'review')
    await reviewReply(deps, SYSTEM, { letterId: s.id, version: await v(), decision: 'approve' });
  if (state === 'replied') return result;
  if (state === 'published') {
    await decidePublication(deps, SYSTEM, {
      letterId: s.id,
      version: await v(),
      publish: true,
      publicTitle: '关于小区门口道路积水的咨询',
      publicContent: '小区门口每逢下雨就严重积水，居民出行很不方便，请问何时能够修缮排水设施？',
      publicReply: '您好，您反映的积水问题已转市政部门，将于本月内完成排水管道疏通。感谢您的来信。',
    });
    return result;
  }
  await archiveLetter(deps, SYSTEM, { letterId: s.id, version: await v() });
  return result;
}
