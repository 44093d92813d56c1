// Messages about a letter: to the writer (by e-mail when they gave an address: the stored
// ciphertext is the recipient) and to the officers of the unit that handles it (held messages,
// shown on the back office's 消息 page).
import type { LetterMessage, LetterRow } from '../../db/repositories/letters.js';
import type { Tx } from '../../db/client.js';
import { formatDate } from '../../lib/time.js';
import { handlersOf } from './step.js';

/** The reply, to the writer (nothing when they gave no e-mail address). */
export function repliedMessage(row: LetterRow, mailboxName: string): LetterMessage[] {
  if (!row.emailEnc) return [];
  return [
    {
      topic: 'letter.replied',
      letterId: row.id,
      agencyId: row.agencyId,
      recipientEnc: row.emailEnc,
      subject: `您的来信已答复（${row.trackingNumber}）`,
      body: [
        `${row.writerName ?? '您好'}：`,
        `您写给${mailboxName}的来信「${row.title}」已于${formatDate('zh', row.repliedOn)}答复：`,
        '',
        row.replyText ?? '',
        '',
        '您可以凭信件编号和查询码在网站「政民互动」查看答复，并对答复作出评价。',
      ].join('\n'),
      dedupeKey: `letter:${row.id}:replied`,
    },
  ];
}

/** To the officer the letter is assigned to, or to every officer and office head of the unit. */
export async function unitMessages(
  tx: Tx,
  row: LetterRow,
  m: { topic: string; subject: string; body: string; agencyId: number; userId?: number | null },
): Promise<LetterMessage[]> {
  const to = m.userId ? [{ id: m.userId }] : await handlersOf(tx, m.agencyId);
  return to.map((u) => ({
    topic: m.topic,
    letterId: row.id,
    userId: u.id,
    agencyId: m.agencyId,
    subject: m.subject,
    body: m.body,
  }));
}
