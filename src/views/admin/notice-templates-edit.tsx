// Editing one notice template: title and body (one paragraph per line) with the placeholders the
// kind allows listed beside the text, each with what it stands for; the problems of validateTemplate
// in the error summary; a preview filled with sample values, laid out like the notice on paper; and
// 恢复默认 when the agency has its own text.
import type { FC } from 'hono/jsx';
import { chineseUpperDate } from '../../domain/notices/dates.js';
import type { NoticeDocument } from '../../domain/notices/document.js';
import type { NoticeTemplateDetail } from '../../queries/notice-templates.js';
import { Button, ErrorSummary, Input, PostForm, TextArea, type FieldErrors } from '../components/forms.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { SOURCE_TEXT, SourceTag } from './notice-templates.js';

export interface NoticeTemplateEditView {
  shell: Omit<AdminShellProps, 'title'>;
  detail: NoticeTemplateDetail;
  values: { title: string; body: string };
  errors?: FieldErrors;
  /** The text filled with sample values; null when it cannot be filled (see errors). */
  preview: NoticeDocument | null;
  /** 「以下为修改后（尚未保存）的预览」 after 预览. */
  previewOfUnsaved?: boolean;
}

/** A notice laid out as on paper (文号, title, addressee, paragraphs, signature, footer). */
export const NoticePaper: FC<{ doc: NoticeDocument }> = ({ doc }) => (
  <div class="notice-paper">
    {doc.number ? <p class="notice-paper-number">{doc.number}</p> : null}
    <p class="notice-paper-title">{doc.title}</p>
    <p class="notice-paper-addressee">{doc.addressee}：</p>
    {doc.paragraphs.map((para) => (
      <p class="notice-paper-paragraph">{para}</p>
    ))}
    <p class="notice-paper-signature">
      {doc.signature.agency}
      <br />
      {chineseUpperDate(doc.signature.date)}
    </p>
    {doc.footer?.map((line) => (
      <p class="notice-paper-footer">{line}</p>
    ))}
  </div>
);

export const NoticeTemplateEditPage: FC<NoticeTemplateEditView> = (p) => {
  const d = p.detail;
  const csrf = p.shell.csrf ?? '';
  const action = `/admin/notice-templates/${encodeURIComponent(d.key)}`;
  const title = `编辑模板：${d.label}`;
  return (
    <AdminLayout {...p.shell} title={title} hasErrors={!!p.errors}>
      <p>
        <a href="/admin/notice-templates">返回告知书模板</a>
      </p>
      <ErrorSummary lang="zh" errors={p.errors} />
      <h1>{title}</h1>
      <p>
        当前使用：
        <SourceTag source={d.source} />
        {d.source === 'agency' ? `（恢复默认后使用${SOURCE_TEXT[d.fallbackSource]}）` : null}
      </p>
      <p class="hint">
        收件人一行为「{d.current.addressee}」，由系统填写。正文每行为一段。用 {'{{名称}}'}{' '}
        插入右侧列出的内容，例如 {'{{applicantName}}'}。保存后只影响此后发出的告知书。
      </p>
      <div class="template-editor">
        <PostForm action={action} csrf={csrf} class="template-fields">
          <Input name="title" label="标题" value={p.values.title} errors={p.errors} />
          <TextArea name="body" label="正文" value={p.values.body} errors={p.errors} rows={18} />
          <div class="button-group">
            <Button>保存模板</Button>
            <Button variant="secondary" name="intent" value="preview">
              预览
            </Button>
          </div>
        </PostForm>
        <aside class="template-placeholders" aria-labelledby="placeholders-title">
          <h2 id="placeholders-title">可以使用的占位符</h2>
          <dl>
            {d.placeholders.map((ph) => (
              <div>
                <dt>
                  <code>{`{{${ph.name}}}`}</code>
                  {ph.required ? <span class="tag tag-amber">必须包含</span> : null}
                </dt>
                <dd>{ph.description}</dd>
              </div>
            ))}
          </dl>
        </aside>
      </div>

      <section aria-labelledby="preview-title">
        <h2 id="preview-title">预览</h2>
        {p.preview ? (
          <>
            <p class="hint">
              {p.previewOfUnsaved ? '以下为修改后（尚未保存）的效果，' : ''}
              占位符以示例内容填充，文号和日期仅为示例。
            </p>
            <NoticePaper doc={p.preview} />
          </>
        ) : (
          <p>模板有错误，改正后可以预览。</p>
        )}
      </section>

      {d.source === 'agency' ? (
        <section aria-labelledby="reset-title">
          <h2 id="reset-title">恢复默认</h2>
          <p>删除本机关修改的内容，改用{SOURCE_TEXT[d.fallbackSource]}。已发出的告知书不受影响。</p>
          <PostForm action={`${action}/reset`} csrf={csrf}>
            <Button variant="warning">恢复默认模板</Button>
          </PostForm>
        </section>
      ) : null}
    </AdminLayout>
  );
};
