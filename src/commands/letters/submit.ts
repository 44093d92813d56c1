// A letter arrives (docs/letters.md): written on the portal or through the API by anyone (the
// public actor: a system actor naming the door), or entered by staff from a paper letter, a call or
// a visit (channel post/phone/staff, with the day it was received). The spam check runs on what the
// public writes; the writer gets a tracking number and a query code (only its hash is stored), and
// an e-mail when they gave an address. One transaction: the letter, its first step, its files, the
// audit event and the message.
import { isSystem } from '../../domain/agencies/actor.js';
import { isIsoDate, type IsoDate } from '../../domain/calendar/iso-date.js';
import { InvalidInput } from '../../domain/errors.js';
import type { SubmittedEvent } from '../../domain/letters/events.js';
import type { LetterChannel } from '../../domain/letters/kinds.js';
import { spamCheck } from '../../domain/letters/spam.js';
import {
  hashLetterQueryCode,
  letterTrackingNumber,
  newQueryCode,
  trackingPrefix,
} from '../../domain/letters/tracking.js';
import { letterView, letterViewColumns } from '../../domain/letters/view.js';
import { databaseFileStore, type FileToStore } from '../../db/file-store.js';
import { appendLetterEvent, enqueueLetterMessage, nextNumberOfDay } from '../../db/repositories/letters.js';
import { letter, letterFile } from '../../db/schema.js';
import { formatDate, localDate } from '../../lib/time.js';
import { authorize } from '../../policies/policy.js';
import { cachedWorkCalendar } from '../../queries/calendar-cache.js';
import { mailboxByCode } from '../../queries/letter-rules.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { LetterFields, writerColumns } from './fields.js';
import { LETTER_KIND_NAMES } from './messages.js';

export interface LetterSubmitted {
  id: number;
  trackingNumber: string;
  /** Given once, to the writer; only its hash is stored. */
  queryCode: string;
  receivedOn: IsoDate;
  dueDate: IsoDate | null;
}

/** Channels the public may name (web: the portal, api: the JSON API); staff enter the others. */
const PUBLIC_CHANNELS: readonly LetterChannel[] = ['web', 'api'];

export async function submitLetter(
  deps: Deps,
  ctx: CommandContext,
  input: Record<string, unknown> & { files?: FileToStore[] },
): Promise<LetterSubmitted> {
  const now = deps.now();
  const today = localDate(now);
  const { files = [], ...fields } = input;
  const parsed = LetterFields.safeParse(fields);
  const errors: Record<string, string> = {};
  if (!parsed.success)
    for (const issue of parsed.error.issues) errors[issue.path.join('.') || '_form'] ??= issue.message;
  const code = typeof fields.mailboxCode === 'string' ? fields.mailboxCode : '';
  const box = code.trim() ? await mailboxByCode(deps.db, code) : null;
  if (code.trim() && (!box || !box.mailbox.active || !box.agencyActive))
    errors.mailboxCode = '所选信箱不存在或已停用，请重新选择';
  if (box) {
    const given = (k: string) => typeof fields[k] === 'string' && (fields[k] as string).trim() !== '';
    if (box.mailbox.nameRequired && !given('name')) errors.name ??= '请填写姓名';
    if (box.mailbox.phoneRequired && !given('phone')) errors.phone ??= '请填写联系电话';
    if (box.mailbox.emailRequired && !given('email')) errors.email ??= '请填写电子邮箱';
  }
  if (Object.keys(errors).length > 0 || !parsed.success || !box) throw new InvalidInput(errors);
  const f = parsed.data;
  const m = box.mailbox;

  const staffActor = isSystem(ctx.actor) ? null : ctx.actor;
  const staff = staffActor !== null;
  if (staffActor) authorize(staffActor, 'letter.handle', { agencyPath: box.agencyPath });
  const channel: LetterChannel = staff
    ? (f.channel ?? 'staff')
    : f.channel && PUBLIC_CHANNELS.includes(f.channel)
      ? f.channel
      : 'web';
  let receivedOn: IsoDate = today;
  if (staff && f.receivedOn) {
    if (!isIsoDate(f.receivedOn)) throw new InvalidInput({ receivedOn: '收信日期无效，应为 YYYY-MM-DD' });
    if (f.receivedOn > today) throw new InvalidInput({ receivedOn: '收信日期不能晚于今天' });
    receivedOn = f.receivedOn;
  }
  // The public's letters are checked for junk; staff enter what reached them.
  const spam = spamCheck({ title: f.title, content: f.content, name: f.name });
  if (!staff && spam.verdict === 'refuse')
    throw new InvalidInput(
      { content: `您的留言疑似广告或垃圾信息（${spam.reasons.join('；')}），请修改后重新提交` },
      '留言未能提交',
    );

  const calendar = await cachedWorkCalendar(deps.db, box.agencyPath);
  const first: SubmittedEvent = { type: 'submitted', on: receivedOn, kind: f.kind, channel };
  const view = letterView([first], box.rules, calendar, today);
  const queryCode = newQueryCode(m.queryCodeLength);
  const p = deps.personalData;
  const writer = writerColumns(f, p);
  const actorId = staffActor?.userId ?? null;
  const actorAgencyId = staffActor?.agencyId ?? null;
  const dayPrefix = `${trackingPrefix(m.code)}${receivedOn.replace(/-/g, '')}`;

  return inTransaction(deps, ctx, async (tx, audit) => {
    const n = await nextNumberOfDay(tx, dayPrefix);
    const trackingNumber = letterTrackingNumber(trackingPrefix(m.code), receivedOn, n);
    const [row] = await tx
      .insert(letter)
      .values({
        mailboxId: m.id,
        agencyId: m.agencyId,
        trackingNumber,
        queryCodeHash: hashLetterQueryCode(queryCode),
        kind: f.kind,
        title: f.title,
        content: f.content,
        ...writer,
        publicConsent: f.publicConsent,
        channel,
        submittedAt: now,
        receivedOn,
        spamScore: spam.score,
        ...letterViewColumns(view, today),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: letter.id });
    const id = row!.id;
    await appendLetterEvent(tx, { letterId: id, seq: 1, event: first, actorId, actorAgencyId, at: now });
    for (const file of files) {
      const stored = await databaseFileStore.put(tx, file);
      await tx
        .insert(letterFile)
        .values({ letterId: id, fileId: stored.id, kind: 'attachment', addedBy: actorId });
    }
    await audit({
      action: staff ? 'letter.registered' : 'letter.submitted',
      subjectType: 'letter',
      subjectId: id,
      agencyId: m.agencyId,
      data: {
        trackingNumber,
        mailbox: m.name,
        kind: LETTER_KIND_NAMES[f.kind],
        channel,
        receivedOn,
        attachments: files.length,
        ...(spam.verdict === 'ok' ? {} : { spam: spam.reasons.join('；') }),
      },
    });
    if (f.email)
      await enqueueLetterMessage(tx, {
        topic: 'letter.received',
        letterId: id,
        agencyId: m.agencyId,
        recipientEnc: p.encrypt(f.email),
        subject: `您的来信已收到（${trackingNumber}）`,
        body: [
          `${f.name ?? '您好'}：`,
          `${m.name}已于${formatDate('zh', receivedOn)}收到您的来信「${f.title}」，信件编号 ${trackingNumber}。`,
          view.dueDate ? `我们将在受理后按时限办理，预计${formatDate('zh', view.dueDate)}前答复。` : '',
          '您可以凭信件编号和查询码在网站「政民互动」查询办理进度和答复。',
        ]
          .filter(Boolean)
          .join('\n'),
      });
    return { id, trackingNumber, queryCode, receivedOn, dueDate: view.dueDate };
  });
}
