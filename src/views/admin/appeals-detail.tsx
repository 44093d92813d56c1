// One appeal: what was registered, and (for those who manage appeals) the form that records its
// result, its date, the case number and a note. The form carries the version read (optimistic lock).
import type { FC } from 'hono/jsx';
import { APPEAL_BODY_LABELS, appealKindText } from '../../domain/appeals/appeals.js';
import type { AppealItem } from '../../queries/appeals.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
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
import { formatDate, formatDateTime } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { APPEAL_FIELD_LABELS as F, ResultTag, resultOptions } from './appeals.js';

export type AppealResultValues = Partial<
  Record<'result' | 'decidedOn' | 'caseNumber' | 'note' | 'version', string>
>;

export type AppealDone = 'created' | 'updated';

export interface AppealDetailView {
  shell: Omit<AdminShellProps, 'title'>;
  appeal: AppealItem;
  canManage: boolean;
  values: AppealResultValues;
  errors?: FieldErrors;
  /** Someone else saved the appeal first (the form shows the current values again). */
  conflict?: string;
  done?: AppealDone;
}

const DONE: Record<AppealDone, string> = { created: '案件已登记。', updated: '已保存。' };

export const AppealDetailPage: FC<AppealDetailView> = (p) => {
  const a = p.appeal;
  const title = `${appealKindText(a)}：${a.appellant}`;
  return (
    <AdminLayout {...p.shell} title={title} hasErrors={!!p.errors}>
      <ErrorSummary lang="zh" errors={p.errors} />
      <Breadcrumbs lang="zh" items={[{ label: '复议诉讼', href: '/admin/appeals' }, { label: title }]} />
      {p.done ? (
        <div class="notice notice-success" role="status">
          {DONE[p.done]}
        </div>
      ) : null}
      {p.conflict ? (
        <div class="notice notice-warning" role="alert">
          {p.conflict}
        </div>
      ) : null}
      <h1>{title}</h1>
      <SummaryList
        rows={[
          { key: F.kind, value: appealKindText(a) },
          { key: F.appellant, value: a.appellant },
          { key: F.agencyId, value: a.agency.name },
          { key: APPEAL_BODY_LABELS[a.kind], value: a.body },
          { key: F.caseNumber, value: a.caseNumber },
          { key: F.filedOn, value: formatDate('zh', a.filedOn) },
          { key: F.result, value: <ResultTag result={a.result} /> },
          { key: F.decidedOn, value: a.decidedOn ? formatDate('zh', a.decidedOn) : null },
          {
            key: '关联申请',
            value: a.application ? (
              <a href={`/admin/applications/${a.application.id}`}>{a.application.trackingNumber}</a>
            ) : null,
          },
          { key: F.note, value: a.note },
          {
            key: '登记',
            value: `${a.createdBy ?? '系统'}，${formatDateTime('zh', a.createdAt)}`,
          },
        ]}
      />
      {p.canManage ? (
        <section aria-labelledby="result-title">
          <h2 id="result-title">记录审理结果</h2>
          <PostForm action={`/admin/appeals/${a.id}`} csrf={p.shell.csrf ?? ''}>
            <input type="hidden" name="version" value={p.values.version ?? String(a.version)} />
            <Select
              name="result"
              label={F.result}
              value={p.values.result}
              options={resultOptions}
              errors={p.errors}
            />
            <Input
              name="decidedOn"
              label={F.decidedOn}
              hint="格式：年-月-日，例如 2026-06-30。尚未审结的不填。"
              value={p.values.decidedOn}
              errors={p.errors}
              width="short"
            />
            <Input
              name="caseNumber"
              label={`${F.caseNumber}（选填）`}
              value={p.values.caseNumber}
              errors={p.errors}
              width="medium"
            />
            <TextArea
              name="note"
              label={`${F.note}（选填）`}
              value={p.values.note}
              errors={p.errors}
              rows={3}
            />
            <div class="button-group">
              <Button>保存</Button>
              <a href="/admin/appeals">返回列表</a>
            </div>
          </PostForm>
        </section>
      ) : null}
    </AdminLayout>
  );
};
