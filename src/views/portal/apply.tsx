// 在线申请 (依申请公开): the application form of 第二十九条. Works without JavaScript: the agency is
// found with a plain GET search that narrows the list, every other answer is one POST to the check
// page. No purpose is asked. Attachments are chosen on the check page (they travel with the final
// submission, so nothing is held on the server between the pages).
import type { FC } from 'hono/jsx';
import { APPLICANT_TYPE_LABELS } from '../../domain/applications/applicant.js';
import { ErrorSummary, fieldId, Input, PostForm, TextArea, type FieldErrors } from '../components/forms.js';
import { SearchBox } from '../components/search-box.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import {
  APPLICANT_TYPE_OPTIONS,
  APPLY_CHECK_PATH,
  APPLY_PATH,
  ClockRule,
  DELIVERY_OPTIONS,
  FIELD_LABELS,
  FORM_OPTIONS,
  ID_TYPE_OPTIONS,
  LOOKUP_PATH,
  Radios,
  type AgencyChoice,
  type ApplicationValues,
} from './apply-parts.js';

export interface ApplyPageView {
  shell: Omit<ShellProps, 'title'>;
  csrf: string;
  /** The agencies to choose from (narrowed by `q`). */
  agencies: AgencyChoice[];
  /** The search text that narrowed the list ('' = all). */
  q: string;
  values: ApplicationValues;
  errors?: FieldErrors;
}

const ORG_TYPES = APPLICANT_TYPE_OPTIONS.filter((o) => o.value !== 'natural');

const AgencySelect: FC<{ agencies: AgencyChoice[]; value?: string; errors?: FieldErrors }> = ({
  agencies,
  value,
  errors,
}) => {
  const id = fieldId('agencyCode');
  const error = errors?.agencyCode;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id}>{FIELD_LABELS.agencyCode}</label>
      <p class="hint" id={`${id}-hint`}>
        向掌握所需信息的机关申请。不确定时，可查看该机关的政府信息公开指南。
      </p>
      {error ? (
        <p class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">错误：</span>
          {error}
        </p>
      ) : null}
      <select
        id={id}
        name="agencyCode"
        class="select"
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? 'true' : undefined}
      >
        {agencies.length === 1 ? null : <option value="">请选择受理机关</option>}
        {agencies.map((a) => (
          <option value={a.code} selected={value === a.code}>
            {`${'　'.repeat(a.depth)}${a.name}`}
          </option>
        ))}
      </select>
    </div>
  );
};

export const ApplyPage: FC<ApplyPageView> = ({ shell, csrf, agencies, q, values: v, errors }) => {
  const hasErrors = Boolean(errors && Object.keys(errors).length);
  return (
    <PortalLayout {...shell} title="在线申请政府信息公开" hasErrors={hasErrors}>
      <ErrorSummary lang="zh" errors={errors} />
      <h1>在线申请政府信息公开</h1>
      <p class="lead">
        公民、法人或者其他组织可以向行政机关申请获取政府信息（《中华人民共和国政府信息公开条例》第二十七条）。请如实填写以下内容，提交前可以核对和修改。
      </p>
      <p>
        已经提交过申请？<a href={LOOKUP_PATH}>查询申请办理进度</a>
      </p>
      <ClockRule />

      <h2>一、选择受理机关</h2>
      <SearchBox
        action={APPLY_PATH}
        class="agency-search"
        label="按名称查找机关"
        hint="输入机关名称中的几个字，例如“教育”"
        button="查找"
        showAll="显示全部机关"
        value={q}
        maxLength={50}
      />
      {q && agencies.length === 0 ? <p role="status">没有名称包含“{q}”的机关，请换一个词查找。</p> : null}
      {q && agencies.length > 0 ? (
        <p role="status">
          找到 {agencies.length} 个名称包含“{q}”的机关，请在下面的列表中选择。
        </p>
      ) : null}

      <PostForm action={APPLY_CHECK_PATH} csrf={csrf} class="apply-form">
        <AgencySelect agencies={agencies} value={v.agencyCode} errors={errors} />

        <h2>二、申请人信息</h2>
        <div class={errors?.applicantType ? 'field field-error' : 'field'}>
          <fieldset
            class="fieldset radios-group"
            aria-describedby={errors?.applicantType ? `${fieldId('applicantType')}-error` : undefined}
          >
            <legend>{FIELD_LABELS.applicantType}</legend>
            {errors?.applicantType ? (
              <p class="error-message" id={`${fieldId('applicantType')}-error`}>
                <span class="visually-hidden">错误：</span>
                {errors.applicantType}
              </p>
            ) : null}
            <div>
              <div class="radios">
                <div class="radio">
                  <input
                    type="radio"
                    id={fieldId('applicantType')}
                    name="applicantType"
                    value="natural"
                    checked={v.applicantType === 'natural'}
                  />
                  <label for={fieldId('applicantType')}>{APPLICANT_TYPE_LABELS.natural}</label>
                </div>
              </div>
              <Radios
                name="applicantType"
                legend="法人或其他组织"
                options={ORG_TYPES}
                value={v.applicantType}
                start={1}
                nested
              />
            </div>
          </fieldset>
        </div>
        <Input
          name="name"
          label={FIELD_LABELS.name}
          hint="自然人填写姓名，法人或其他组织填写全称"
          value={v.name}
          errors={errors}
          autocomplete="name"
          width="medium"
        />
        <Input
          name="contactPerson"
          label="联系人（法人或其他组织填写）"
          value={v.contactPerson}
          errors={errors}
          width="medium"
        />
        <Radios
          name="idType"
          legend={FIELD_LABELS.idType}
          hint="自然人可用居民身份证、护照、通行证或其他身份证明；法人或其他组织请用统一社会信用代码或其他身份证明"
          options={ID_TYPE_OPTIONS}
          value={v.idType}
          errors={errors}
        />
        <Input
          name="idNumber"
          label={FIELD_LABELS.idNumber}
          hint="居民身份证号码和统一社会信用代码均为 18 位，系统会核对最后一位校验码"
          value={v.idNumber}
          errors={errors}
          autocomplete="off"
          width="medium"
        />
        <Input
          name="phone"
          label={FIELD_LABELS.phone}
          hint="手机号码，或带区号的固定电话"
          value={v.phone}
          errors={errors}
          type="tel"
          autocomplete="tel"
          width="medium"
        />
        <Input
          name="email"
          label="电子邮箱（选填；选择以电子邮件获取信息时必填）"
          value={v.email}
          errors={errors}
          type="email"
          autocomplete="email"
          width="medium"
        />
        <Input
          name="address"
          label="通信地址（选填；选择邮寄时必填）"
          value={v.address}
          errors={errors}
          autocomplete="street-address"
        />
        <Input
          name="postalCode"
          label="邮政编码（选填）"
          value={v.postalCode}
          errors={errors}
          autocomplete="postal-code"
          width="short"
        />

        <h2>三、所需政府信息</h2>
        <TextArea
          name="description"
          label={FIELD_LABELS.description}
          hint="写明信息的名称、文号，或便于机关查找的其他特征，例如涉及的事项、时间、地点（第二十九条）"
          value={v.description}
          errors={errors}
          rows={6}
        />
        <Input name="documentTitle" label="文件名称（选填）" value={v.documentTitle} errors={errors} />
        <Input
          name="documentNumber"
          label="文号（选填）"
          hint="例如：江南府办发〔2026〕12号"
          value={v.documentNumber}
          errors={errors}
          width="medium"
        />

        <h2>四、获取信息的方式</h2>
        <Radios
          name="form"
          legend={FIELD_LABELS.form}
          options={FORM_OPTIONS}
          value={v.form}
          errors={errors}
        />
        <Radios
          name="delivery"
          legend={FIELD_LABELS.delivery}
          options={DELIVERY_OPTIONS}
          value={v.delivery}
          errors={errors}
        />
        <p class="hint">
          如有需要，可在下一步上传附件（例如身份证明的扫描件），最多 5 个，每个不超过 10 MB。
        </p>
        <div class="button-group">
          <button type="submit" class="button button-primary">
            下一步：核对申请信息
          </button>
        </div>
      </PostForm>
    </PortalLayout>
  );
};
