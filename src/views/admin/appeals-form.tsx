// 登记复议诉讼案件: a new 行政复议 or 行政诉讼, optionally linked to an application (prefilled from its
// case page: the agency, the tracking number and the applicant's name).
import type { FC } from 'hono/jsx';
import {
  Button,
  ErrorSummary,
  fieldId,
  Input,
  PostForm,
  Select,
  TextArea,
  type FieldErrors,
} from '../components/forms.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { APPEAL_FIELD_LABELS as F, kindOptions, resultOptions, type Option } from './appeals.js';

export type AppealFormValues = Partial<
  Record<
    | 'agencyId'
    | 'applicationId'
    | 'trackingNumber'
    | 'kind'
    | 'afterReconsideration'
    | 'body'
    | 'caseNumber'
    | 'appellant'
    | 'filedOn'
    | 'result'
    | 'decidedOn'
    | 'note',
    string
  >
>;

export interface AppealFormView {
  shell: Omit<AdminShellProps, 'title'>;
  values: AppealFormValues;
  agencyOptions: Option[];
  errors?: FieldErrors;
  /** Where 取消 goes: the application's case page when opened from it, else the register. */
  back: string;
}

/** 复议后起诉: one checkbox (only meaningful for a lawsuit); its id is the one the error summary links to. */
export const AfterReconsiderationBox: FC<{ checked: boolean; errors?: FieldErrors }> = (p) => {
  const id = fieldId('afterReconsideration');
  const error = p.errors?.afterReconsideration;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <p class="hint" id={`${id}-hint`}>
        仅行政诉讼填写：起诉前已经申请过行政复议的请勾选；未经复议直接起诉的不勾选。
      </p>
      {error ? (
        <p class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">错误：</span>
          {error}
        </p>
      ) : null}
      <div class="radio">
        <input
          type="checkbox"
          id={id}
          name="afterReconsideration"
          value="yes"
          checked={p.checked}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        />
        <label for={id}>{F.afterReconsideration}（经过行政复议后起诉）</label>
      </div>
    </div>
  );
};

export const AppealFormPage: FC<AppealFormView> = (p) => {
  const title = '登记复议诉讼案件';
  const v = p.values;
  return (
    <AdminLayout {...p.shell} title={title} hasErrors={!!p.errors}>
      <ErrorSummary lang="zh" errors={p.errors} />
      <h1>{title}</h1>
      <PostForm action="/admin/appeals/new" csrf={p.shell.csrf ?? ''}>
        {v.applicationId ? <input type="hidden" name="applicationId" value={v.applicationId} /> : null}
        <Select
          name="kind"
          label={F.kind}
          value={v.kind}
          options={kindOptions}
          errors={p.errors}
          includeBlank="请选择"
        />
        <AfterReconsiderationBox
          checked={v.afterReconsideration === 'yes' || v.afterReconsideration === 'on'}
          errors={p.errors}
        />
        <Select
          name="agencyId"
          label={F.agencyId}
          hint="被申请复议或被起诉的机关（年度报告表四统计在该机关名下）。关联申请时，须为该申请的办理机关。"
          value={v.agencyId}
          options={p.agencyOptions}
          errors={p.errors}
          includeBlank="请选择"
        />
        {v.applicationId ? (
          <p class="hint">关联申请：{v.trackingNumber}</p>
        ) : (
          <Input
            name="trackingNumber"
            label={`${F.trackingNumber}（选填）`}
            hint="案件因某件政府信息公开申请引起的，填写该申请的编号，例如 2026-0001234。"
            value={v.trackingNumber}
            errors={p.errors}
            width="medium"
          />
        )}
        <Input
          name="appellant"
          label={F.appellant}
          hint="关联申请且未填写的，使用申请人姓名或名称。"
          value={v.appellant}
          errors={p.errors}
          width="medium"
        />
        <Input
          name="body"
          label={F.body}
          hint="例如：江南市人民政府；江南市中级人民法院。"
          value={v.body}
          errors={p.errors}
        />
        <Input
          name="caseNumber"
          label={`${F.caseNumber}（选填）`}
          value={v.caseNumber}
          errors={p.errors}
          width="medium"
        />
        <Input
          name="filedOn"
          label={F.filedOn}
          hint="格式：年-月-日，例如 2026-03-15。"
          value={v.filedOn}
          errors={p.errors}
          width="short"
        />
        <Select
          name="result"
          label={F.result}
          value={v.result ?? 'pending'}
          options={resultOptions}
          errors={p.errors}
        />
        <Input
          name="decidedOn"
          label={`${F.decidedOn}（已审结的填写）`}
          hint="格式：年-月-日。尚未审结的不填。"
          value={v.decidedOn}
          errors={p.errors}
          width="short"
        />
        <TextArea name="note" label={`${F.note}（选填）`} value={v.note} errors={p.errors} rows={3} />
        <div class="button-group">
          <Button>登记</Button>
          <a href={p.back}>取消</a>
        </div>
      </PostForm>
    </AdminLayout>
  );
};
