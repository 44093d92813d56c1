// 登记申请: an application that reached the office on paper, in person, by post or by fax, typed in
// by an officer with the facts of its arrival (第三十一条 decides the day of receipt by channel),
// then the tracking number and the query code to hand to the applicant — shown this once.
import type { FC } from 'hono/jsx';
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES } from '../../domain/applications/applicant.js';
import { ID_TYPE_LABELS, ID_TYPES } from '../../domain/applications/identity.js';
import { DELIVERIES, DELIVERY_LABELS, FORM_LABELS, FORMS } from '../../domain/applications/request.js';
import { RECEIPT_CHANNEL_LABELS, RECEIPT_CHANNELS } from '../../domain/calendar/receipt.js';
import {
  Button,
  ErrorSummary,
  Input,
  PostForm,
  Select,
  TextArea,
  type FieldErrors,
} from '../components/forms.js';
import { SummaryList } from '../components/summary-list.js';
import { formatDate } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';

type Option = { value: string; label: string };

const options = <T extends string>(keys: readonly T[], labels: Record<T, string>): Option[] =>
  keys.map((k) => ({ value: k, label: labels[k] }));

/** 第三十一条, in the words an officer needs at the counter. */
export const RECEIPT_RULES: { channel: string; rule: string }[] = [
  {
    channel: RECEIPT_CHANNEL_LABELS['in-person'],
    rule: '以申请人提交之日为收到申请之日：填写「提交日期」。',
  },
  {
    channel: RECEIPT_CHANNEL_LABELS['signed-post'],
    rule: '以本机关签收之日为收到申请之日：填写「签收日期」。',
  },
  {
    channel: RECEIPT_CHANNEL_LABELS['ordinary-post'],
    rule: '以本机关与申请人确认之日为收到申请之日：填写「到达日期」和「确认日期」。',
  },
  {
    channel: `${RECEIPT_CHANNEL_LABELS.fax}、${RECEIPT_CHANNEL_LABELS.online}（如电子邮件）`,
    rule: '以双方确认之日为收到申请之日：填写「到达日期」和「确认日期」。尚未确认的，请先与申请人确认再登记。',
  },
];

export interface RegisterFormView {
  shell: Omit<AdminShellProps, 'title'>;
  values: Record<string, string>;
  errors?: FieldErrors;
  /** Agencies of the actor's subtree that receive applications, by code. */
  agencyOptions: Option[];
  today: string;
}

export const RegisterApplicationPage: FC<RegisterFormView> = (p) => {
  const l = p.shell.lang;
  const v = p.values;
  const e = p.errors;
  const title = '登记申请';
  return (
    <AdminLayout {...p.shell} title={title} hasErrors={!!e && Object.keys(e).length > 0}>
      <p>
        <a href="/admin/applications">返回依申请公开</a>
      </p>
      <ErrorSummary lang={l} errors={e} />
      <h1>{title}</h1>
      <p class="lead">
        登记以纸质、当面、邮寄或传真等方式收到的政府信息公开申请。登记后系统按收到申请之日计算答复期限，并生成申请编号和查询码交申请人。
      </p>
      <PostForm action="/admin/applications/new" csrf={p.shell.csrf ?? ''}>
        <fieldset class="fieldset">
          <legend>收到申请的方式（第三十一条）</legend>
          <div class="table-wrap">
            <table>
              <caption>各渠道的收到申请之日</caption>
              <thead>
                <tr>
                  <th scope="col">渠道</th>
                  <th scope="col">收到申请之日</th>
                </tr>
              </thead>
              <tbody>
                {RECEIPT_RULES.map((r) => (
                  <tr>
                    <td>{r.channel}</td>
                    <td>{r.rule}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Select
            name="channel"
            label="申请渠道"
            value={v.channel}
            includeBlank="请选择"
            options={options(RECEIPT_CHANNELS, RECEIPT_CHANNEL_LABELS)}
            errors={e}
          />
          <Input
            name="submittedOn"
            type="date"
            label="提交日期（当面提交）"
            hint="申请人当面提交申请的日期"
            value={v.submittedOn}
            errors={e}
            width="short"
          />
          <Input
            name="signedOn"
            type="date"
            label="签收日期（邮寄需签收）"
            hint="本机关签收挂号信、特快专递等的日期"
            value={v.signedOn}
            errors={e}
            width="short"
          />
          <Input
            name="arrivedOn"
            type="date"
            label="到达日期（平常信函、传真、互联网）"
            hint="申请到达本机关的日期"
            value={v.arrivedOn}
            errors={e}
            width="short"
          />
          <Input
            name="confirmedOn"
            type="date"
            label="确认日期（平常信函、传真、互联网）"
            hint="本机关与申请人确认收到申请的日期"
            value={v.confirmedOn}
            errors={e}
            width="short"
          />
        </fieldset>
        <fieldset class="fieldset">
          <legend>受理机关和申请人</legend>
          <Select
            name="agencyCode"
            label="受理机关"
            value={v.agencyCode}
            includeBlank="请选择"
            options={p.agencyOptions}
            errors={e}
          />
          <Select
            name="applicantType"
            label="申请人类型"
            value={v.applicantType}
            includeBlank="请选择"
            options={options(APPLICANT_TYPES, APPLICANT_TYPE_LABELS)}
            errors={e}
          />
          <Input name="name" label="申请人姓名或名称" value={v.name} errors={e} width="medium" />
          <Input
            name="contactPerson"
            label="联系人（法人或其他组织填写，可不填）"
            value={v.contactPerson}
            errors={e}
            width="medium"
          />
          <Select
            name="idType"
            label="身份证明类型"
            value={v.idType}
            includeBlank="请选择"
            options={options(ID_TYPES, ID_TYPE_LABELS)}
            errors={e}
          />
          <Input
            name="idNumber"
            label="身份证明号码"
            hint="居民身份证和统一社会信用代码会核对校验位"
            value={v.idNumber}
            errors={e}
            width="medium"
          />
          <Input name="phone" label="联系电话" value={v.phone} errors={e} width="medium" type="tel" />
          <Input name="email" label="电子邮箱（可不填）" value={v.email} errors={e} width="medium" />
          <Input name="address" label="通信地址（选择邮寄时必填）" value={v.address} errors={e} />
          <Input name="postalCode" label="邮政编码（可不填）" value={v.postalCode} errors={e} width="short" />
        </fieldset>
        <fieldset class="fieldset">
          <legend>所需信息</legend>
          <TextArea
            name="description"
            label="所需政府信息的描述"
            hint="照录申请书：信息的名称、文号或便于查找的其他特征"
            value={v.description}
            errors={e}
            rows={5}
          />
          <Input name="documentTitle" label="文件名称（可不填）" value={v.documentTitle} errors={e} />
          <Input
            name="documentNumber"
            label="文号（可不填）"
            value={v.documentNumber}
            errors={e}
            width="medium"
          />
          <Select
            name="form"
            label="获取信息的形式"
            value={v.form}
            includeBlank="请选择"
            options={options(FORMS, FORM_LABELS)}
            errors={e}
          />
          <Select
            name="delivery"
            label="获取信息的途径"
            value={v.delivery}
            includeBlank="请选择"
            options={options(DELIVERIES, DELIVERY_LABELS)}
            errors={e}
          />
        </fieldset>
        <Button>登记申请</Button>
      </PostForm>
      <p class="hint">今天是{formatDate(l, p.today)}。收到申请的日期不能晚于今天。</p>
    </AdminLayout>
  );
};

export interface RegisteredView {
  shell: Omit<AdminShellProps, 'title'>;
  id: number;
  trackingNumber: string;
  queryCode: string;
  receivedOn: string;
  dueDate: string | null;
  channelLabel: string;
}

export const ApplicationRegisteredPage: FC<RegisteredView> = (p) => {
  const l = p.shell.lang;
  const title = '申请已登记';
  return (
    <AdminLayout {...p.shell} title={title}>
      <div class="notice notice-success" role="status">
        申请已登记，申请编号 {p.trackingNumber}。
      </div>
      <h1>{title}</h1>
      <p>
        请将申请编号和查询码告知申请人（例如写在受理回执上）。申请人凭这两项在政府信息公开平台查询办理进度和告知书。
      </p>
      <SummaryList
        rows={[
          {
            key: '申请编号',
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
          { key: '申请渠道', value: p.channelLabel },
          { key: '收到申请之日', value: formatDate(l, p.receivedOn) },
          { key: '答复期限', value: p.dueDate ? formatDate(l, p.dueDate) : '—' },
        ]}
      />
      <p class="notice notice-warning">
        查询码只显示这一次，系统只保存其校验值，无法再次查看。离开本页前请记下或打印。
      </p>
      <div class="button-group">
        <a class="button" href={`/admin/applications/${p.id}`}>
          办理该申请
        </a>
        <a class="button button-secondary" href="/admin/applications/new">
          继续登记
        </a>
      </div>
    </AdminLayout>
  );
};
