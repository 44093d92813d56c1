// 新增信箱 / 编辑信箱: one form for both (saveMailbox). Time limits per kind in working days, the
// warning offsets, the longest extension, review before sending, the query code's length, the
// contact fields a writer must give, active. Values come back exactly as typed after an error.
import type { FC } from 'hono/jsx';
import { DEFAULT_TIME_LIMITS, LETTER_KINDS, MAILBOX_KINDS } from '../../domain/letters/kinds.js';
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
import { LETTER_KIND_LABELS, MAILBOX_KIND_LABELS } from '../models/letter-labels.js';

export type MailboxFormValues = Record<string, string>;

export interface MailboxFormView {
  shell: Omit<AdminShellProps, 'title'>;
  mode: 'new' | 'edit';
  id?: number;
  values: MailboxFormValues;
  errors?: FieldErrors;
  /** A stale save: someone else saved the mailbox since the form was read. */
  conflict?: string;
  agencyOptions: { value: string; label: string }[];
}

/** Form values of a new mailbox: the documented defaults. */
export function newMailboxValues(agencyId: string): MailboxFormValues {
  const v: MailboxFormValues = {
    kind: 'agency',
    agencyId,
    warnDaysBefore: '2',
    yellowDaysAfter: '0',
    redDaysAfter: '5',
    maxExtensionDays: '10',
    reviewRequired: 'yes',
    queryCodeLength: '6',
    nameRequired: 'yes',
    phoneRequired: 'yes',
    active: 'yes',
    sortOrder: '0',
  };
  for (const k of LETTER_KINDS) v[`timeLimits.${k}`] = String(DEFAULT_TIME_LIMITS[k]);
  return v;
}

const Check: FC<{ name: string; label: string; checked: boolean; hint?: string; errors?: FieldErrors }> = (
  p,
) => {
  const id = fieldId(p.name);
  const error = p.errors?.[p.name];
  return (
    <div class={error ? 'field field-error' : 'field'}>
      {error ? (
        <p class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">错误：</span>
          {error}
        </p>
      ) : null}
      <div class="radio">
        <input type="checkbox" id={id} name={p.name} value="yes" checked={p.checked} />
        <label for={id}>{p.label}</label>
      </div>
      {p.hint ? <p class="hint">{p.hint}</p> : null}
    </div>
  );
};

export const MailboxFormPage: FC<MailboxFormView> = (p) => {
  const title = p.mode === 'new' ? '新增信箱' : '编辑信箱';
  const v = p.values;
  const action = p.mode === 'new' ? '/admin/mailboxes/new' : `/admin/mailboxes/${p.id}/edit`;
  const field = (
    name: string,
    label: string,
    opts: { hint?: string; width?: 'short' | 'medium' | 'long'; type?: string } = {},
  ) => <Input name={name} label={label} value={v[name]} errors={p.errors} {...opts} />;
  return (
    <AdminLayout {...p.shell} title={title} hasErrors={!!p.errors || !!p.conflict}>
      <ErrorSummary lang="zh" errors={p.errors} message={p.conflict} />
      <p>
        <a href="/admin/mailboxes">返回信箱设置</a>
      </p>
      <h1>{title}</h1>
      <PostForm action={action} csrf={p.shell.csrf ?? ''}>
        {v.version ? <input type="hidden" name="version" value={v.version} /> : null}
        {field('name', '信箱名称', { hint: '例如：市长信箱、市教育局局长信箱' })}
        {field('code', '信箱代码', {
          hint: '小写字母、数字和短横线，例如 mayor。门户网址和接口使用此代码。',
          width: 'medium',
        })}
        <Select
          name="kind"
          label="信箱类型"
          value={v.kind}
          errors={p.errors}
          options={MAILBOX_KINDS.map((k) => ({ value: k, label: MAILBOX_KIND_LABELS[k] }))}
        />
        <Select
          name="agencyId"
          label="所属机构"
          hint="由该机构分拣来信；部门信箱默认由该机构答复"
          value={v.agencyId}
          errors={p.errors}
          includeBlank="请选择"
          options={p.agencyOptions}
        />
        {field('leaderName', '领导姓名（领导信箱填写）', { width: 'medium' })}
        {field('leaderTitle', '领导职务（领导信箱填写）', { width: 'medium', hint: '例如：市长' })}
        <TextArea
          name="intro"
          label="信箱说明"
          hint="受理范围和不予受理的情形，显示在写信表单上方"
          value={v.intro}
          errors={p.errors}
          rows={5}
        />
        <fieldset class="fieldset">
          <legend>办理时限（工作日，自受理之日起算）</legend>
          <p class="hint">默认：咨询、建议 5 个工作日，投诉、求助 7 个工作日（可按本地规定修改）。</p>
          <div class="letter-limits">
            {LETTER_KINDS.map((k) =>
              field(`timeLimits.${k}`, LETTER_KIND_LABELS[k], { width: 'short', type: 'number' }),
            )}
          </div>
          {field('maxExtensionDays', '最长可延期（工作日）', {
            width: 'short',
            type: 'number',
            hint: '经批准可延长的最多工作日数（默认 10，办理时限连同延期一般不超过 15 个工作日）',
          })}
        </fieldset>
        <fieldset class="fieldset">
          <legend>预警和黄牌、红牌</legend>
          {field('warnDaysBefore', '到期前几个工作日预警', { width: 'short', type: 'number' })}
          {field('yellowDaysAfter', '逾期超过几个工作日亮黄牌', {
            width: 'short',
            type: 'number',
            hint: '0 表示逾期即亮黄牌',
          })}
          {field('redDaysAfter', '逾期超过几个工作日亮红牌', { width: 'short', type: 'number' })}
        </fieldset>
        <fieldset class="fieldset">
          <legend>办理和查询</legend>
          <Check
            name="reviewRequired"
            label="答复须经审核后发出"
            checked={v.reviewRequired === 'yes'}
            errors={p.errors}
          />
          {field('queryCodeLength', '查询码位数', { width: 'short', type: 'number', hint: '4 至 12 位' })}
        </fieldset>
        <fieldset class="fieldset">
          <legend>写信人必须填写</legend>
          <Check name="nameRequired" label="姓名" checked={v.nameRequired === 'yes'} errors={p.errors} />
          <Check
            name="phoneRequired"
            label="联系电话"
            checked={v.phoneRequired === 'yes'}
            errors={p.errors}
          />
          <Check
            name="emailRequired"
            label="电子邮箱"
            checked={v.emailRequired === 'yes'}
            errors={p.errors}
          />
        </fieldset>
        <Check
          name="active"
          label="启用（门户显示此信箱并接收来信）"
          checked={v.active === 'yes'}
          errors={p.errors}
        />
        {field('sortOrder', '排列顺序', { width: 'short', type: 'number', hint: '数字越小越靠前' })}
        <div class="button-group">
          <Button>{p.mode === 'new' ? '新增信箱' : '保存'}</Button>
          <a href="/admin/mailboxes">取消</a>
        </div>
      </PostForm>
    </AdminLayout>
  );
};
