// The installation's minimum consultation periods (system administrator): per decision type the
// number, the unit (自然日 / 工作日) and the source quoted on the pages and in the refusal.
import type { FC } from 'hono/jsx';
import {
  PERIOD_KEY_LABELS,
  PERIOD_KEYS,
  periodText,
  type ConsultationPeriods,
} from '../../domain/consultations/index.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button, ErrorSummary, Input, PostForm, Select, type FieldErrors } from '../components/forms.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';

export interface ConsultationSettingsView {
  shell: Omit<AdminShellProps, 'title'>;
  periods: ConsultationPeriods;
  defaults: ConsultationPeriods;
  values?: Record<string, string>;
  errors?: FieldErrors;
  saved?: boolean;
}

const TITLE = '意见征集最短期限';

export const ConsultationSettingsPage: FC<ConsultationSettingsView> = (p) => {
  const csrf = p.shell.csrf ?? '';
  const value = (k: string, field: 'days' | 'unit' | 'source') =>
    p.values?.[`${k}.${field}`] ?? String(p.periods[k as keyof ConsultationPeriods][field]);
  return (
    <AdminLayout {...p.shell} title={TITLE} hasErrors={!!p.errors}>
      <ErrorSummary lang="zh" errors={p.errors} />
      <Breadcrumbs
        lang="zh"
        items={[{ label: '意见征集', href: '/admin/consultations' }, { label: TITLE }]}
      />
      {p.saved ? (
        <div class="notice notice-success" role="status">
          已保存。此后开始的意见征集按新的期限检查。
        </div>
      ) : null}
      <h1>{TITLE}</h1>
      <p>
        开始征集时，征集期（开始和截止当日都计入）不得短于所属事项类型的最短期限。默认值为国家规定的最低要求；本地规定更长的，可在此修改，并写明依据。
      </p>
      <PostForm action="/admin/consultations/settings" csrf={csrf}>
        {PERIOD_KEYS.map((k) => (
          <fieldset class="fieldset">
            <legend>
              {PERIOD_KEY_LABELS[k]}（默认{p.defaults[k].days > 0 ? periodText(p.defaults[k]) : '无最短期限'}
              ）
            </legend>
            <Input name={`${k}.days`} label="天数" value={value(k, 'days')} errors={p.errors} width="short" />
            <Select
              name={`${k}.unit`}
              label="单位"
              value={value(k, 'unit')}
              options={[
                { value: 'days', label: '自然日' },
                { value: 'workdays', label: '工作日' },
              ]}
              errors={p.errors}
            />
            <Input name={`${k}.source`} label="依据" value={value(k, 'source')} errors={p.errors} />
          </fieldset>
        ))}
        <div class="button-group">
          <Button>保存</Button>
          <Button variant="secondary" name="restore" value="yes">
            恢复默认值
          </Button>
        </div>
      </PostForm>
    </AdminLayout>
  );
};
