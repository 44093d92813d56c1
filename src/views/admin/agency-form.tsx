// "新增下级机构" and "编辑机构": one form for both. Values come back exactly as typed after an error.
import type { FC } from 'hono/jsx';
import { AGENCY_KIND_LABELS, AGENCY_KINDS } from '../../domain/agencies/agency.js';
import {
  Button,
  ErrorSummary,
  Input,
  PostForm,
  Select,
  TextArea,
  type FieldErrors,
} from '../components/forms.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { AGENCY_FIELD_LABELS as F } from '../models/admin-labels.js';

const T = {
  newTitle: { zh: '新增下级机构', en: 'Add a subordinate agency' },
  editTitle: { zh: '编辑机构', en: 'Edit agency' },
  parentIs: { zh: '上级机构：', en: 'Parent: ' },
  codeHint: {
    zh: '字母、数字、点和短横线，最长 40 个字符，例如 SZ.FGW。门户网址使用此代码，修改后原链接将失效。',
    en: 'Letters, digits, dots and dashes, up to 40 characters, e.g. SZ.FGW. Portal links use it.',
  },
  office: {
    zh: '政府信息公开工作机构（用于政府信息公开指南）',
    en: 'Disclosure office (for the disclosure guide)',
  },
  sortHint: { zh: '数字越小越靠前', en: 'Smaller numbers come first' },
  noMove: {
    zh: '如需调整上级机构，请联系系统管理员。',
    en: 'To move the agency under another parent, ask a system administrator.',
  },
  save: { zh: '保存', en: 'Save' },
  create: { zh: '新增机构', en: 'Create agency' },
  cancel: { zh: '取消', en: 'Cancel' },
  choose: { zh: '请选择', en: 'Choose' },
};

export type AgencyFormValues = Partial<Record<keyof typeof F, string>>;

export interface AgencyFormView {
  shell: Omit<AdminShellProps, 'title'>;
  mode: 'new' | 'edit';
  /** The parent (new) or the agency itself (edit). */
  context: { id: number; name: string };
  values: AgencyFormValues;
  errors?: FieldErrors;
}

export const AgencyFormPage: FC<AgencyFormView> = (p) => {
  const l = p.shell.lang;
  const title = p.mode === 'new' ? T.newTitle[l] : T.editTitle[l];
  const action = p.mode === 'new' ? '/admin/agencies/new' : `/admin/agencies/${p.context.id}/edit`;
  const back = `/admin/agencies/${p.context.id}`;
  const field = (
    name: keyof typeof F,
    opts: { hint?: string; width?: 'short' | 'medium' | 'long'; type?: string } = {},
  ) => <Input name={name} label={F[name][l]} value={p.values[name]} errors={p.errors} {...opts} />;
  return (
    <AdminLayout {...p.shell} title={title} hasErrors={!!p.errors}>
      <ErrorSummary lang={l} errors={p.errors} />
      <h1>{title}</h1>
      <p class="lead">
        {p.mode === 'new' ? T.parentIs[l] : ''}
        {p.context.name}
      </p>
      {p.mode === 'edit' ? <p class="hint">{T.noMove[l]}</p> : null}
      <PostForm action={action} csrf={p.shell.csrf ?? ''}>
        {p.mode === 'new' ? <input type="hidden" name="parentId" value={String(p.context.id)} /> : null}
        {field('code', { hint: T.codeHint[l], width: 'medium' })}
        {field('name')}
        {field('shortName', { width: 'medium' })}
        <Select
          name="kind"
          label={F.kind[l]}
          value={p.values.kind}
          errors={p.errors}
          includeBlank={T.choose[l]}
          options={AGENCY_KINDS.map((k) => ({ value: k, label: AGENCY_KIND_LABELS[k] }))}
        />
        {field('sortOrder', { hint: T.sortHint[l], width: 'short' })}
        <fieldset class="fieldset">
          <legend>{T.office[l]}</legend>
          {field('officeName')}
          {field('address')}
          {field('postalCode', { width: 'short' })}
          {field('officeHours')}
          {field('phone', { width: 'medium', type: 'tel' })}
          {field('fax', { width: 'medium', type: 'tel' })}
          {field('email', { width: 'medium', type: 'email' })}
          {field('website')}
          <TextArea
            name="functions"
            label={F.functions[l]}
            value={p.values.functions}
            errors={p.errors}
            rows={6}
          />
        </fieldset>
        <div class="button-group">
          <Button>{p.mode === 'new' ? T.create[l] : T.save[l]}</Button>
          <a href={back}>{T.cancel[l]}</a>
        </div>
      </PostForm>
    </AdminLayout>
  );
};
