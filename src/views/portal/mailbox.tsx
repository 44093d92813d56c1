// One mailbox: what it is for, the rules the system applies (time limits per kind in working days,
// what is not accepted, privacy) and the writing form — name and contact details required or not as
// the mailbox is configured, kind, title, content, up to 3 attachments, and whether the writer agrees
// to publication. One multipart POST, no JavaScript; on a problem the page comes back with the error
// summary and everything typed (files must be chosen again: a browser never refills a file field).
import type { FC } from 'hono/jsx';
import {
  ErrorSummary,
  Field,
  fieldId,
  Input,
  PostForm,
  TextArea,
  type FieldErrors,
} from '../components/forms.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import { Radios } from './apply-parts.js';
import {
  LETTER_ATTACHMENT_LIMITS,
  LETTER_ATTACHMENTS_FIELD,
  LETTER_FIELD_LABELS,
  LETTER_KIND_OPTIONS,
  LETTER_LOOKUP_PATH,
  mailboxSubmitHref,
  MAILBOXES_PATH,
  MailboxRulesNotice,
  type LetterFormValues,
  type MailboxRules,
} from './letter-parts.js';

export interface MailboxPageView {
  shell: Omit<ShellProps, 'title'>;
  csrf: string;
  mailbox: MailboxRules & {
    code: string;
    name: string;
    agencyName: string;
    leaderName: string | null;
    leaderTitle: string | null;
    intro: string;
  };
  values: LetterFormValues;
  errors?: FieldErrors;
}

const label = (text: string, required: boolean) => (required ? text : `${text}（选填）`);

export const MailboxPage: FC<MailboxPageView> = ({ shell, csrf, mailbox: m, values: v, errors }) => {
  const hasErrors = Boolean(errors && Object.keys(errors).length);
  const fileId = fieldId(LETTER_ATTACHMENTS_FIELD);
  const fileError = errors?.[LETTER_ATTACHMENTS_FIELD];
  const consentId = fieldId('publicConsent');
  return (
    <PortalLayout {...shell} title={m.name} hasErrors={hasErrors}>
      <ErrorSummary lang="zh" errors={errors} />
      <p>
        <a href={MAILBOXES_PATH}>全部信箱</a>
      </p>
      <h1>{m.name}</h1>
      {m.leaderName || m.leaderTitle ? (
        <p class="lead">{[m.leaderTitle, m.leaderName].filter(Boolean).join(' ')}</p>
      ) : null}
      {m.intro ? <p class="pre-line">{m.intro}</p> : null}
      <p class="hint">本信箱的留言由{m.agencyName}受理。</p>
      <MailboxRulesNotice rules={m} />
      <p>
        已经写过信？<a href={LETTER_LOOKUP_PATH}>查询办理进度和答复</a>
      </p>

      <h2>写信</h2>
      <PostForm
        action={mailboxSubmitHref(m.code)}
        csrf={csrf}
        enctype="multipart/form-data"
        class="letter-form"
      >
        <Radios
          name="kind"
          legend={LETTER_FIELD_LABELS.kind}
          options={LETTER_KIND_OPTIONS}
          value={v.kind}
          errors={errors}
        />
        <Input
          name="name"
          label={label(LETTER_FIELD_LABELS.name, m.nameRequired)}
          value={v.name}
          errors={errors}
          autocomplete="name"
          width="medium"
        />
        <Input
          name="phone"
          label={label(LETTER_FIELD_LABELS.phone, m.phoneRequired)}
          hint="手机号码，或带区号的固定电话；只用于联系您，不会公开"
          value={v.phone}
          errors={errors}
          type="tel"
          autocomplete="tel"
          width="medium"
        />
        <Input
          name="email"
          label={label(LETTER_FIELD_LABELS.email, m.emailRequired)}
          hint="填写后，办理进展和答复也会发送到此邮箱"
          value={v.email}
          errors={errors}
          type="email"
          autocomplete="email"
          width="medium"
        />
        <Input
          name="title"
          label={LETTER_FIELD_LABELS.title}
          hint="不超过 100 个字"
          value={v.title}
          errors={errors}
        />
        <TextArea
          name="content"
          label={LETTER_FIELD_LABELS.content}
          hint="请写清楚事情的经过、时间、地点和您的诉求，不超过 5000 个字。请不要在内容中写身份证号码等个人信息"
          value={v.content}
          errors={errors}
          rows={10}
        />
        <Field
          name={LETTER_ATTACHMENTS_FIELD}
          label={`${LETTER_FIELD_LABELS.attachments}（选填）`}
          hint={`可选择 PDF、JPEG、PNG、Word 文档（.docx）或纯文本文件，最多 ${LETTER_ATTACHMENT_LIMITS.files} 个，每个不超过 10 MB。如页面提示错误，请重新选择附件。`}
          errors={errors}
        >
          <input
            id={fileId}
            name={LETTER_ATTACHMENTS_FIELD}
            type="file"
            multiple
            class="file-input"
            accept=".pdf,.jpg,.jpeg,.png,.docx,.txt"
            aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ''}`}
            aria-invalid={fileError ? 'true' : undefined}
          />
        </Field>
        <div class={errors?.publicConsent ? 'field field-error' : 'field'}>
          {errors?.publicConsent ? (
            <p class="error-message" id={`${consentId}-error`}>
              <span class="visually-hidden">错误：</span>
              {errors.publicConsent}
            </p>
          ) : null}
          <div class="checkbox">
            <input
              type="checkbox"
              id={consentId}
              name="publicConsent"
              value="yes"
              checked={v.publicConsent === 'yes'}
              aria-describedby={`${consentId}-hint`}
            />
            <label for={consentId}>同意公开我的留言</label>
          </div>
          <p class="hint" id={`${consentId}-hint`}>
            同意后，答复经审核可在“留言选登”中公开：只公开去除个人信息后的标题、内容和答复，不公开您的联系方式。不勾选则不公开。
          </p>
        </div>
        <div class="button-group">
          <button type="submit" class="button button-primary">
            提交留言
          </button>
        </div>
      </PostForm>
    </PortalLayout>
  );
};
