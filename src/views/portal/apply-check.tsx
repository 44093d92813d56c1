// 核对申请信息: every answer as the applicant gave it (the identity number in full: it is their own
// entry, on a page no cache keeps), each with a 修改 button that takes the answers back to the form
// at that field. The answers travel in hidden fields; the attachments are chosen here and sent with
// the submission itself, so nothing waits on the server between the pages.
import type { Child, FC } from 'hono/jsx';
import { APPLICANT_TYPE_LABELS, isApplicantType } from '../../domain/applications/applicant.js';
import { ID_TYPE_LABELS, isIdType } from '../../domain/applications/identity.js';
import {
  DELIVERY_LABELS,
  FORM_LABELS,
  type Delivery,
  type InfoForm,
} from '../../domain/applications/request.js';
import { ErrorSummary, Field, fieldId, PostForm, type FieldErrors } from '../components/forms.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import {
  APPLY_EDIT_PATH,
  APPLY_SUBMIT_PATH,
  ATTACHMENT_LIMITS,
  ATTACHMENTS_FIELD,
  ClockRule,
  FIELD_LABELS,
  HiddenAnswers,
  type ApplicationField,
  type ApplicationValues,
} from './apply-parts.js';

export interface ApplyCheckView {
  shell: Omit<ShellProps, 'title'>;
  csrf: string;
  values: ApplicationValues;
  agencyName: string;
  errors?: FieldErrors;
}

function shown(f: ApplicationField, v: ApplicationValues, agencyName: string): string {
  const raw = (v[f] ?? '').trim();
  switch (f) {
    case 'agencyCode':
      return agencyName;
    case 'applicantType':
      return isApplicantType(raw)
        ? raw === 'natural'
          ? APPLICANT_TYPE_LABELS.natural
          : `法人或其他组织：${APPLICANT_TYPE_LABELS[raw]}`
        : raw;
    case 'idType':
      return isIdType(raw) ? ID_TYPE_LABELS[raw] : raw;
    case 'form':
      return FORM_LABELS[raw as InfoForm] ?? raw;
    case 'delivery':
      return DELIVERY_LABELS[raw as Delivery] ?? raw;
    default:
      return raw;
  }
}

const SECTIONS: { title: string; fields: ApplicationField[] }[] = [
  { title: '受理机关', fields: ['agencyCode'] },
  {
    title: '申请人信息',
    fields: [
      'applicantType',
      'name',
      'contactPerson',
      'idType',
      'idNumber',
      'phone',
      'email',
      'address',
      'postalCode',
    ],
  },
  { title: '所需政府信息', fields: ['description', 'documentTitle', 'documentNumber'] },
  { title: '获取信息的方式', fields: ['form', 'delivery'] },
];

/** 修改: posts the answers back to the form (urlencoded, no files), which opens at that field. */
const Change: FC<{ field: ApplicationField }> = ({ field }) => (
  <button
    type="submit"
    class="link-button"
    formAction={`${APPLY_EDIT_PATH}#${fieldId(field)}`}
    formenctype="application/x-www-form-urlencoded"
    formnovalidate
  >
    修改<span class="visually-hidden">{FIELD_LABELS[field]}</span>
  </button>
);

const Row: FC<{ field: ApplicationField; value: Child }> = ({ field, value }) => (
  <div class="summary-row summary-row-change">
    <dt>{FIELD_LABELS[field]}</dt>
    <dd class="pre-line">{value === '' ? '—' : value}</dd>
    <dd class="summary-change">
      <Change field={field} />
    </dd>
  </div>
);

export const ApplyCheckPage: FC<ApplyCheckView> = ({ shell, csrf, values, agencyName, errors }) => {
  const hasErrors = Boolean(errors && Object.keys(errors).length);
  const fileId = fieldId(ATTACHMENTS_FIELD);
  const described = [`${fileId}-hint`, errors?.[ATTACHMENTS_FIELD] ? `${fileId}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <PortalLayout {...shell} title="核对申请信息" hasErrors={hasErrors}>
      <ErrorSummary lang="zh" errors={errors} />
      <h1>核对申请信息</h1>
      <p class="lead">请核对以下内容。需要更正的，点击该项的“修改”；确认无误后，提交申请。</p>
      <PostForm action={APPLY_SUBMIT_PATH} csrf={csrf} enctype="multipart/form-data" class="apply-check-form">
        <HiddenAnswers values={values} />
        {SECTIONS.map((s) => (
          <section aria-labelledby={`s-${s.fields[0]}`}>
            <h2 id={`s-${s.fields[0]}`}>{s.title}</h2>
            <dl class="summary-list">
              {s.fields.map((f) => (
                <Row field={f} value={shown(f, values, agencyName)} />
              ))}
            </dl>
          </section>
        ))}
        <h2>附件（选填）</h2>
        <Field
          name={ATTACHMENTS_FIELD}
          label="上传附件"
          hint={`可选择 PDF、JPEG、PNG、Word 文档（.docx）或纯文本文件，最多 ${ATTACHMENT_LIMITS.files} 个，每个不超过 10 MB。附件随申请一并提交；如页面提示错误，请重新选择附件。`}
          errors={errors}
        >
          <input
            id={fileId}
            name={ATTACHMENTS_FIELD}
            type="file"
            multiple
            class="file-input"
            accept=".pdf,.jpg,.jpeg,.png,.docx,.txt"
            aria-describedby={described}
            aria-invalid={errors?.[ATTACHMENTS_FIELD] ? 'true' : undefined}
          />
        </Field>
        <ClockRule />
        <div class="button-group">
          <button type="submit" class="button button-primary">
            提交申请
          </button>
        </div>
      </PostForm>
    </PortalLayout>
  );
};
