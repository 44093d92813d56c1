// 告知书模板: every kind of notice and every kind of reply with the template in force (本机关自定 /
// 系统默认 / 内置模板) and a link to edit it; and the 文号 prefix (机关代字) of the agency's notices
// with the number the next reply would get.
import type { FC } from 'hono/jsx';
import type { NoticeTemplateOverview, TemplateSource } from '../../queries/notice-templates.js';
import { Button, ErrorSummary, Input, PostForm, type FieldErrors } from '../components/forms.js';
import { Table } from '../components/table.js';
import { formatDateTime } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';

export type TemplatesDone = 'saved' | 'reset' | 'prefix' | 'unchanged';

const DONE_TEXT: Record<TemplatesDone, string> = {
  saved: '模板已保存。此后发出的告知书使用新模板，已发出的告知书不变。',
  reset: '已恢复默认模板。此后发出的告知书使用默认模板，已发出的告知书不变。',
  prefix: '发文字号的机关代字已保存。此后发出的告知书使用新的文号，已发出的告知书不变。',
  unchanged: '内容没有变化，未作修改。',
};

/** Where the template in force comes from. */
export const SOURCE_TEXT: Record<TemplateSource, string> = {
  agency: '本机关自定',
  installation: '系统默认',
  builtIn: '内置模板',
};

export const SourceTag: FC<{ source: TemplateSource }> = ({ source }) => (
  <span class={`tag ${source === 'agency' ? 'tag-green' : 'tag-grey'}`}>{SOURCE_TEXT[source]}</span>
);

export interface NoticeTemplatesView {
  shell: Omit<AdminShellProps, 'title'>;
  overview: NoticeTemplateOverview;
  done?: TemplatesDone;
  /** The prefix form after a failed save or a preview. */
  prefixForm?: { value: string; errors?: FieldErrors; preview?: string | null };
}

export const NoticeTemplatesPage: FC<NoticeTemplatesView> = (p) => {
  const o = p.overview;
  const f = p.prefixForm;
  const csrf = p.shell.csrf ?? '';
  return (
    <AdminLayout {...p.shell} title="告知书模板" hasErrors={!!f?.errors}>
      <ErrorSummary lang="zh" errors={f?.errors} />
      {p.done ? (
        <div class="notice notice-success" role="status">
          {DONE_TEXT[p.done]}
        </div>
      ) : null}
      <h1>告知书模板</h1>
      <p>
        {o.agency.name}
        发出的登记回执、补正告知书、答复书等告知书，按下列模板生成。修改模板只影响此后发出的告知书；已发出的告知书内容保持不变。
      </p>

      <section aria-labelledby="prefix-title">
        <h2 id="prefix-title">发文字号</h2>
        <p>
          告知书的文号由机关代字、类别字、年份和序号组成，例如答复书为「机关代字 +
          依复〔年份〕序号号」。每年从1号起连续编号，不跳号、不重号。
        </p>
        <dl class="summary-list">
          <div class="summary-row">
            <dt>当前机关代字</dt>
            <dd>
              {o.prefix.value || '—'}
              {o.prefix.setting ? '' : '（未设置，使用本机关简称）'}
            </dd>
          </div>
          <div class="summary-row">
            <dt>下一份答复书的文号</dt>
            <dd id="next-number">{o.prefix.nextReplyNumber ?? '—'}</dd>
          </div>
        </dl>
        <PostForm action="/admin/notice-templates/prefix" csrf={csrf}>
          <Input
            name="prefix"
            label="机关代字"
            hint={`例如填写“江南府办”，答复书的文号为“江南府办依复〔2026〕12号”。留空则使用本机关简称（${o.prefix.fallback}）。`}
            value={f ? f.value : (o.prefix.setting ?? '')}
            errors={f?.errors}
            width="medium"
          />
          {f?.preview ? (
            <p class="notice" role="status" id="prefix-preview">
              预览：下一份答复书的文号将是 <strong>{f.preview}</strong>
            </p>
          ) : null}
          <div class="button-group">
            <Button>保存机关代字</Button>
            <Button variant="secondary" name="intent" value="preview">
              预览文号
            </Button>
          </div>
        </PostForm>
      </section>

      <section aria-labelledby="templates-title">
        <h2 id="templates-title">模板</h2>
        <Table
          caption={`共 ${o.items.length} 种告知书`}
          head={['告知书', '标题', '当前使用', '本机关修改时间', '操作']}
          rows={o.items.map((t) => [
            t.label,
            t.title,
            <SourceTag source={t.source} />,
            t.updatedAt ? <span class="nowrap">{formatDateTime('zh', t.updatedAt)}</span> : '—',
            <a href={`/admin/notice-templates/${encodeURIComponent(t.key)}`}>
              编辑<span class="visually-hidden">：{t.label}</span>
            </a>,
          ])}
        />
      </section>
    </AdminLayout>
  );
};
