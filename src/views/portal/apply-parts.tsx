// What the pages of 在线申请 share: the fields of an application (第二十九条) in the order the form
// asks them, their labels, the radio-button group, the hidden copy of the answers that carries them
// from page to page without JavaScript, and the statement of the clock the system applies.
import type { FC } from 'hono/jsx';
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES } from '../../domain/applications/applicant.js';
import { ID_TYPE_LABELS, ID_TYPES } from '../../domain/applications/identity.js';
import { DELIVERIES, DELIVERY_LABELS, FORM_LABELS, FORMS } from '../../domain/applications/request.js';
import { fieldId, type FieldErrors } from '../components/forms.js';
import { SHELL } from '../i18n.js';

export const APPLY_PATH = '/apply';
export const APPLY_CHECK_PATH = '/apply/check';
export const APPLY_SUBMIT_PATH = '/apply/submit';
export const APPLY_EDIT_PATH = '/apply/edit';
export const APPLY_DONE_PATH = '/apply/done';
export const LOOKUP_PATH = '/apply/lookup';

/** The fields of an application as the command receives them (the API's names), in form order. */
export const APPLICATION_FIELDS = [
  'agencyCode',
  'applicantType',
  'name',
  'contactPerson',
  'idType',
  'idNumber',
  'phone',
  'email',
  'address',
  'postalCode',
  'description',
  'documentTitle',
  'documentNumber',
  'form',
  'delivery',
] as const;
export type ApplicationField = (typeof APPLICATION_FIELDS)[number];
export type ApplicationValues = Partial<Record<ApplicationField, string>>;

/** Attachments: how many, how large (each), and the field's name. */
export const ATTACHMENT_LIMITS = { files: 5, maxFileBytes: 10 * 1024 * 1024 } as const;
export const ATTACHMENTS_FIELD = 'attachments';

export const FIELD_LABELS: Record<ApplicationField | 'attachments', string> = {
  agencyCode: '受理机关',
  applicantType: '申请人类型',
  name: '姓名或名称',
  contactPerson: '联系人',
  idType: '证件类型',
  idNumber: '证件号码',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通信地址',
  postalCode: '邮政编码',
  description: '所需政府信息的描述',
  documentTitle: '文件名称',
  documentNumber: '文号',
  form: '获取信息的形式',
  delivery: '获取信息的途径',
  attachments: '附件',
};

export const APPLICANT_TYPE_OPTIONS = APPLICANT_TYPES.map((t) => ({
  value: t,
  label: APPLICANT_TYPE_LABELS[t],
}));
export const ID_TYPE_OPTIONS = ID_TYPES.map((t) => ({ value: t, label: ID_TYPE_LABELS[t] }));
export const FORM_OPTIONS = FORMS.map((f) => ({ value: f, label: FORM_LABELS[f] }));
export const DELIVERY_OPTIONS = DELIVERIES.map((d) => ({ value: d, label: DELIVERY_LABELS[d] }));

/** An agency that can be chosen, in directory order; `depth` indents it under its parent. */
export interface AgencyChoice {
  code: string;
  name: string;
  depth: number;
}

/** The id of one radio button: the first carries the field's id, so the error summary links to it. */
export function radioId(name: string, index: number): string {
  return index === 0 ? fieldId(name) : `${fieldId(name)}-${index}`;
}

/** A group of radio buttons in a fieldset whose legend is the question. */
export const Radios: FC<{
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  value?: string;
  errors?: FieldErrors;
  /** Index of the first button (several groups can share one name: 自然人 / 法人或其他组织). */
  start?: number;
  /** Nested inside another group: no error shown here (the outer group shows it). */
  nested?: boolean;
}> = (p) => {
  const id = fieldId(p.name);
  const error = p.nested ? undefined : p.errors?.[p.name];
  const groupId = `${id}-group${p.start ? `-${p.start}` : ''}`;
  const described = [p.hint ? `${groupId}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <fieldset class="fieldset radios-group" aria-describedby={described || undefined}>
        <legend>{p.legend}</legend>
        {p.hint ? (
          <p class="hint" id={`${groupId}-hint`}>
            {p.hint}
          </p>
        ) : null}
        {error ? (
          <p class="error-message" id={`${id}-error`}>
            <span class="visually-hidden">{SHELL.errorPrefix.zh}</span>
            {error}
          </p>
        ) : null}
        <div class="radios">
          {p.options.map((o, i) => {
            const rid = radioId(p.name, (p.start ?? 0) + i);
            return (
              <div class="radio">
                <input
                  type="radio"
                  id={rid}
                  name={p.name}
                  value={o.value}
                  checked={p.value === o.value}
                  aria-invalid={error ? 'true' : undefined}
                />
                <label for={rid}>{o.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
};

/** The answers as hidden fields: how the check page carries them without JavaScript or a stored draft. */
export const HiddenAnswers: FC<{ values: ApplicationValues }> = ({ values }) => (
  <>
    {APPLICATION_FIELDS.map((f) => (
      <input type="hidden" name={f} value={values[f] ?? ''} />
    ))}
  </>
);

/** The clock the system applies to an online application (第三十一条, 第三十三条). */
export const ClockRule: FC = () => (
  <section class="notice" aria-labelledby="s-clock">
    <h2 id="s-clock" class="notice-title">
      答复期限
    </h2>
    <p>
      通过本平台提交的申请，提交之日即为收到申请之日（《条例》第三十一条）。行政机关自收到申请之日起 20
      个工作日内答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过
      20 个工作日（第三十三条）。需要补正或征求第三方意见的，相应期间不计算在内。
    </p>
    <p>
      <a href="/deadlines">期限如何计算</a>
    </p>
  </section>
);

/** The values of a submitted form, only the application's fields, as strings. */
export function applicationValues(body: unknown): ApplicationValues {
  const b = (body ?? {}) as Record<string, unknown>;
  const out: ApplicationValues = {};
  for (const f of APPLICATION_FIELDS) {
    const v = b[f];
    if (typeof v === 'string') out[f] = v;
  }
  return out;
}
