// What the public letter pages (政民互动) share: their addresses, the fields of the writing form in
// the order it asks them, their labels, the attachment limits, and the rules a mailbox applies,
// stated as the system applies them (time limits per kind in working days, what is not accepted,
// privacy).
import type { FC } from 'hono/jsx';
import { LETTER_KINDS } from '../../domain/letters/kinds.js';
import { LETTER_KIND_LABELS } from '../models/letter-labels.js';

export * from './letter-paths.js';

/** The fields of the writing form, in its order (the command's names). */
export const LETTER_FORM_FIELDS = [
  'kind',
  'name',
  'phone',
  'email',
  'title',
  'content',
  'publicConsent',
] as const;
export type LetterFormField = (typeof LETTER_FORM_FIELDS)[number];
export type LetterFormValues = Partial<Record<LetterFormField, string>>;

export const LETTER_ATTACHMENTS_FIELD = 'attachments';
/** Up to 3 files of 10 MB each (the application form's types). */
export const LETTER_ATTACHMENT_LIMITS = { files: 3, maxFileBytes: 10 * 1024 * 1024 } as const;

export const LETTER_FIELD_LABELS: Record<LetterFormField | 'attachments' | 'mailboxCode', string> = {
  mailboxCode: '信箱',
  kind: '留言类型',
  name: '姓名',
  phone: '联系电话',
  email: '电子邮箱',
  title: '标题',
  content: '留言内容',
  publicConsent: '同意公开',
  attachments: '附件',
};

export const LETTER_KIND_OPTIONS = LETTER_KINDS.map((k) => ({ value: k, label: LETTER_KIND_LABELS[k] }));

/** The values of a submitted form, only the form's fields, as strings. */
export function letterFormValues(body: unknown): LetterFormValues {
  const b = (body ?? {}) as Record<string, unknown>;
  const out: LetterFormValues = {};
  for (const f of LETTER_FORM_FIELDS) {
    const v = b[f];
    if (typeof v === 'string') out[f] = v;
  }
  return out;
}

/** What the form shows about a mailbox's rules (from the mailbox's configuration). */
export interface MailboxRules {
  timeLimits: Record<string, number>;
  maxExtensionDays: number;
  nameRequired: boolean;
  phoneRequired: boolean;
  emailRequired: boolean;
}

/** The rules the system applies to a letter, as the writer reads them before writing. */
export const MailboxRulesNotice: FC<{ rules: MailboxRules }> = ({ rules }) => (
  <section class="notice" aria-labelledby="s-rules">
    <h2 id="s-rules" class="notice-title">
      办理规则
    </h2>
    <ul>
      <li>
        答复时限（自受理之日起计算，按工作日）：
        {LETTER_KIND_OPTIONS.map((k, i) => (
          <span class="nowrap">
            {i ? '；' : ''}
            {k.label} {rules.timeLimits[k.value] ?? '—'} 个工作日
          </span>
        ))}
        。情况复杂的，经批准可以延长，延长不超过 {rules.maxExtensionDays} 个工作日，并告知您。
      </li>
      <li>
        不予受理的留言：需要紧急处置的事项（请拨打 110、119、120
        等电话）；已经或者依法应当通过诉讼、仲裁、行政复议、信访等途径解决的事项；
        党群、人大、政协、法院、检察院和军队的事项；涉及国家秘密、商业秘密、个人隐私的内容；办理期间重复提交的同一事项；
        {rules.nameRequired || rules.phoneRequired
          ? '没有真实姓名或联系方式的留言。'
          : '无法联系、内容无法核实的留言。'}
        不予受理的留言也会答复并说明理由。
      </li>
      <li>
        个人信息保护：您的姓名、联系电话、电子邮箱只用于办理和答复您的留言，不会公开。您同意公开的，答复后经审核公开的是工作人员编辑、去除个人信息后的标题、内容和答复，姓名只显示姓氏（例如“张*”）。不同意公开的，留言不会公开。
      </li>
    </ul>
  </section>
);
