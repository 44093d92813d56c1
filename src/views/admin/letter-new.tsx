// 登记来信: a letter that reached the office by post, a call or a visit, typed in by an officer with
// the day it was received (the three-month line counts from it), then the tracking number and the
// query code to hand to the writer — shown this once.
import type { FC } from 'hono/jsx';
import { LETTER_KINDS, type LetterChannel } from '../../domain/letters/kinds.js';
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
import { SummaryList } from '../components/summary-list.js';
import { formatDate } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { LETTER_CHANNEL_LABELS, LETTER_KIND_LABELS } from '../models/letter-labels.js';

/** Channels staff enter (the portal and the API enter their own letters). */
export const STAFF_CHANNELS: readonly LetterChannel[] = ['post', 'phone', 'staff'];

export interface EnterLetterView {
  shell: Omit<AdminShellProps, 'title'>;
  values: Record<string, string>;
  errors?: FieldErrors;
  mailboxOptions: { value: string; label: string }[];
}

export const EnterLetterPage: FC<EnterLetterView> = (p) => {
  const v = p.values;
  const e = p.errors;
  const title = '登记来信、来电';
  const consentId = fieldId('publicConsent');
  return (
    <AdminLayout {...p.shell} title={title} hasErrors={!!e}>
      <ErrorSummary lang="zh" errors={e} />
      <p>
        <a href="/admin/letters">返回信件办理</a>
      </p>
      <h1>{title}</h1>
      <p class="hint">
        登记群众的来信、来电或来访留言。办理期限自受理之日起计算；三个月答复期限自收到之日起计算。
      </p>
      {p.mailboxOptions.length === 0 ? (
        <p class="notice notice-warning">管辖范围内没有启用的信箱，请先在「信箱设置」中新增信箱。</p>
      ) : null}
      <PostForm action="/admin/letters/new" csrf={p.shell.csrf ?? ''}>
        <Select
          name="mailboxCode"
          label="信箱"
          value={v.mailboxCode}
          options={p.mailboxOptions}
          includeBlank="请选择"
          errors={e}
        />
        <Select
          name="channel"
          label="来信渠道"
          value={v.channel}
          options={STAFF_CHANNELS.map((c) => ({ value: c, label: LETTER_CHANNEL_LABELS[c] }))}
          errors={e}
        />
        <Input name="receivedOn" type="date" label="收到日期" value={v.receivedOn} errors={e} width="short" />
        <Select
          name="kind"
          label="留言类型"
          value={v.kind}
          options={LETTER_KINDS.map((k) => ({ value: k, label: LETTER_KIND_LABELS[k] }))}
          includeBlank="请选择"
          errors={e}
        />
        <fieldset class="fieldset">
          <legend>来信人</legend>
          <Input name="name" label="姓名" value={v.name} errors={e} width="medium" />
          <Input name="phone" type="tel" label="联系电话" value={v.phone} errors={e} width="medium" />
          <Input
            name="email"
            type="email"
            label="电子邮箱（可不填）"
            value={v.email}
            errors={e}
            width="medium"
          />
          <Input name="address" label="通信地址（可不填）" value={v.address} errors={e} />
        </fieldset>
        <Input name="title" label="标题" value={v.title} errors={e} />
        <TextArea name="content" label="内容" value={v.content} errors={e} rows={8} />
        <div class={e?.publicConsent ? 'field field-error' : 'field'}>
          <fieldset class="fieldset" aria-describedby={e?.publicConsent ? `${consentId}-error` : undefined}>
            <legend>来信人是否同意公开来信</legend>
            {e?.publicConsent ? (
              <p class="error-message" id={`${consentId}-error`}>
                <span class="visually-hidden">错误：</span>
                {e.publicConsent}
              </p>
            ) : null}
            <div class="radio">
              <input
                type="radio"
                id={consentId}
                name="publicConsent"
                value="yes"
                checked={v.publicConsent === 'yes'}
              />
              <label for={consentId}>同意公开（公开前隐去姓名、联系方式等个人信息）</label>
            </div>
            <div class="radio">
              <input
                type="radio"
                id={`${consentId}-no`}
                name="publicConsent"
                value="no"
                checked={v.publicConsent === 'no'}
              />
              <label for={`${consentId}-no`}>不同意公开</label>
            </div>
          </fieldset>
        </div>
        <div class="button-group">
          <Button>登记</Button>
          <a href="/admin/letters">取消</a>
        </div>
      </PostForm>
    </AdminLayout>
  );
};

export interface LetterEnteredView {
  shell: Omit<AdminShellProps, 'title'>;
  id: number;
  trackingNumber: string;
  queryCode: string;
  receivedOn: string;
  dueDate: string | null;
}

export const LetterEnteredPage: FC<LetterEnteredView> = (p) => {
  const l = p.shell.lang;
  const title = '来信已登记';
  return (
    <AdminLayout {...p.shell} title={title}>
      <div class="notice notice-success" role="status">
        来信已登记，信件编号 {p.trackingNumber}。
      </div>
      <h1>{title}</h1>
      <p>请将信件编号和查询码告知来信人。来信人凭这两项在网站查询办理情况和答复。</p>
      <SummaryList
        rows={[
          {
            key: '信件编号',
            value: (
              <span class="secret" id="tracking-number">
                {p.trackingNumber}
              </span>
            ),
          },
          {
            key: '查询码',
            value: (
              <span class="secret" id="query-code">
                {p.queryCode}
              </span>
            ),
          },
          { key: '收到日期', value: formatDate(l, p.receivedOn) },
          { key: '办理期限（受理前按收到日期估算）', value: p.dueDate ? formatDate(l, p.dueDate) : '—' },
        ]}
      />
      <p class="notice notice-warning">
        查询码只显示这一次，系统只保存其校验值，无法再次查看。离开本页前请记下。
      </p>
      <div class="button-group">
        <a class="button" href={`/admin/letters/${p.id}`}>
          办理该信件
        </a>
        <a href="/admin/letters/new">继续登记</a>
      </div>
    </AdminLayout>
  );
};
