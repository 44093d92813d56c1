// 记录送达 of one notice, on a page of its own when the form on the case page came back with an
// error (the error summary at the top, the message beside the field, the officer's input kept).
import type { FC } from 'hono/jsx';
import { addresseeKindLabel } from '../../domain/notices/service.js';
import { Button, ErrorSummary, Input, PostForm, Select, type FieldErrors } from '../components/forms.js';
import { SummaryList } from '../components/summary-list.js';
import { formatDate } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { serviceField, SERVICE_METHOD_OPTIONS, type NoticeSectionItem } from './notices-section.js';

export interface RecordServiceView {
  shell: Omit<AdminShellProps, 'title'>;
  applicationId: number;
  trackingNumber: string;
  notice: NoticeSectionItem;
  values: { method: string; on: string };
  errors?: FieldErrors;
  message?: string;
}

export const RecordServicePage: FC<RecordServiceView> = (p) => {
  const n = p.notice;
  const title = `记录送达：${n.number ?? n.title}`;
  return (
    <AdminLayout {...p.shell} title={title} hasErrors={!!p.errors || !!p.message}>
      <p>
        <a href={`/admin/applications/${p.applicationId}#notice-${n.id}`}>返回申请 {p.trackingNumber}</a>
      </p>
      <ErrorSummary lang="zh" errors={p.errors} message={p.message} />
      <h1>{title}</h1>
      <SummaryList
        rows={[
          { key: '告知书', value: n.title },
          { key: '文号', value: n.number ?? '无文号' },
          { key: '对象', value: addresseeKindLabel(n.kind, n.toApplicant) },
          { key: '发出日期', value: formatDate('zh', n.issuedOn) },
        ]}
      />
      <PostForm
        action={`/admin/applications/${p.applicationId}/notices/${n.id}/service`}
        csrf={p.shell.csrf ?? ''}
      >
        <Select
          name={serviceField(n.id, 'method')}
          label="送达方式"
          options={SERVICE_METHOD_OPTIONS}
          includeBlank="请选择"
          value={p.values.method}
          errors={p.errors}
        />
        <Input
          name={serviceField(n.id, 'on')}
          type="date"
          label="送达日期"
          hint={`不早于发出日期（${formatDate('zh', n.issuedOn)}），不晚于今天`}
          value={p.values.on}
          errors={p.errors}
          width="short"
        />
        <Button>记录送达</Button>
      </PostForm>
    </AdminLayout>
  );
};
