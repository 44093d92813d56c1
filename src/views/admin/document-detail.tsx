// One library item in the back office: its metadata, the 第二十六条 due date while unpublished, the
// actions its state and the actor's rights allow (submit, return, publish, withdraw with a reason,
// reopen, edit), its relations both ways (with add and remove), its attachments (upload: PDF, DOCX,
// XLSX, JPEG, PNG) and the history of its published versions.
import { raw } from 'hono/html';
import type { FC } from 'hono/jsx';
import type { PublicationAction } from '../../domain/documents/publication.js';
import { ARTICLE20_CATEGORIES, RELATION_KINDS, type RelationKind } from '../../domain/documents/vocab.js';
import type { AdminDocumentDetail, RelationItem } from '../../queries/document-admin-detail.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import {
  Button,
  ErrorSummary,
  Field,
  fieldId,
  Input,
  PostForm,
  Select,
  TextArea,
  type FieldErrors,
} from '../components/forms.js';
import { SummaryList } from '../components/summary-list.js';
import { Table } from '../components/table.js';
import { formatDate, formatDateTime } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import {
  DISCLOSURE_METHOD_LABELS,
  DOCUMENT_FIELD_LABELS as F,
  DOCUMENT_KIND_LABELS,
  EFFECT_LEVEL_LABELS,
  INTERPRETATION_FORM_LABELS,
  labelOf,
  PUBLICATION_STATE_LABELS,
  RELATION_INVERSE_LABELS,
  RELATION_LABELS,
  VALIDITY_LABELS,
} from '../models/document-labels.js';
import { DueMark } from './applications.js';

/** A form on the page that failed: which one, what was typed, and why. */
export interface PostedForm {
  form: 'withdraw' | 'return' | 'relation' | 'file' | 'step';
  values: Record<string, string>;
  errors?: FieldErrors;
  message?: string;
}

export interface DocumentDetailView {
  shell: Omit<AdminShellProps, 'title'>;
  detail: AdminDocumentDetail;
  /** Publication actions offered to this actor now. */
  actions: PublicationAction[];
  canEdit: boolean;
  canRelate: boolean;
  /** A never-published draft the actor may edit: offer 删除草稿 (through its confirmation page). */
  canDelete?: boolean;
  done?: string;
  posted?: PostedForm;
  conflict?: string;
  /** The public page of a published item, when the portal has one. */
  publicHref?: string;
  /** Why the item can never be published (not 主动公开), shown where the publish button would be. */
  publishRefusal?: string | null;
}

const STEP_HINTS: Partial<Record<PublicationAction, string>> = {
  submit: '提交后由工作机构负责人或信息发布员审核发布（第十七条：公开前审查）。',
  publish: '发布后立即在门户网站公开、可被检索；首次发布时生成索引号，此后不再改变。',
  reopen: '重新编辑后文件回到草稿状态，修改后可再次提交审核、发布；索引号保持不变。',
};
const STEP_BUTTONS: Partial<Record<PublicationAction, string>> = {
  submit: '提交审核',
  publish: '审核发布',
  reopen: '重新编辑',
};

const bytes = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

const RelationRows: FC<{
  items: RelationItem[];
  inverse: boolean;
  canRelate: boolean;
  documentId: number;
  csrf: string;
}> = (p) => (
  <Table
    head={['关系', '文件', '发布机构', '生效日期', '说明', ...(p.canRelate && !p.inverse ? [''] : [])]}
    rows={p.items.map((r) => [
      labelOf(p.inverse ? RELATION_INVERSE_LABELS : RELATION_LABELS, r.kind),
      <>
        <a href={`/admin/documents/${r.otherId}`}>{r.otherTitle}</a>
        {r.otherDocNumber ? `（${r.otherDocNumber}）` : ''}
        {r.otherState !== 'published' ? ` [${labelOf(PUBLICATION_STATE_LABELS, r.otherState)}]` : ''}
      </>,
      r.otherAgencyName,
      r.effectiveOn ? <span class="nowrap">{formatDate('zh', r.effectiveOn)}</span> : '—',
      r.note ?? '—',
      ...(p.canRelate && !p.inverse
        ? [
            <PostForm action={`/admin/documents/${p.documentId}/relations/${r.id}/delete`} csrf={p.csrf}>
              <Button variant="secondary">删除关系</Button>
            </PostForm>,
          ]
        : []),
    ])}
  />
);

export const DocumentDetailPage: FC<DocumentDetailView> = (p) => {
  const d = p.detail;
  const r = d.row;
  const csrf = p.shell.csrf ?? '';
  const posted = p.posted;
  const errorsOf = (form: PostedForm['form']) => (posted?.form === form ? posted.errors : undefined);
  const valuesOf = (form: PostedForm['form']) => (posted?.form === form ? posted.values : {});
  const category = ARTICLE20_CATEGORIES.find((c) => c.key === r.category);
  const steps = p.actions.filter((a) => a === 'submit' || a === 'publish' || a === 'reopen');
  return (
    <AdminLayout {...p.shell} title={r.title} hasErrors={!!posted || !!p.conflict}>
      {p.conflict ? (
        <ErrorSummary lang="zh" message={p.conflict} />
      ) : posted ? (
        <ErrorSummary lang="zh" errors={posted.errors} message={posted.message} />
      ) : null}
      <Breadcrumbs lang="zh" items={[{ label: '主动公开', href: '/admin/documents' }, { label: r.title }]} />
      {p.done ? (
        <div class="notice notice-success" role="status">
          {p.done}
        </div>
      ) : null}
      {d.warnings.length > 0 ? (
        <div class="notice notice-warning" role="status">
          <h2 class="notice-title">请核对</h2>
          <ul>
            {d.warnings.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <h1>{r.title}</h1>
      <p>
        <span class="tag tag-status">{labelOf(PUBLICATION_STATE_LABELS, r.state)}</span>{' '}
        {d.due.dueDate ? (
          <>
            第二十六条发布期限：<span class="nowrap">{formatDate('zh', d.due.dueDate)}</span>{' '}
            <DueMark overdue={d.due.overdue} dueSoon={d.due.dueSoon} />
          </>
        ) : null}
        {p.publicHref ? (
          <>
            {' '}
            <a href={p.publicHref}>查看门户网站页面</a>
          </>
        ) : null}
      </p>
      {r.state === 'withdrawn' && r.withdrawnReason ? (
        <div class="notice notice-warning" role="status">
          已于 {r.withdrawnAt ? formatDateTime('zh', r.withdrawnAt.toISOString()) : ''} 撤回。撤回理由：
          {r.withdrawnReason}
        </div>
      ) : null}
      <SummaryList
        rows={[
          { key: F.indexNumber.zh, value: r.indexNumber ?? '发布时生成' },
          { key: F.kind.zh, value: labelOf(DOCUMENT_KIND_LABELS, r.kind) },
          { key: '发布机构', value: d.agencyName },
          { key: F.issuers.zh, value: d.issuers.map((i) => i.name).join('、') || null },
          { key: F.docNumber.zh, value: r.docNumber },
          { key: F.genre.zh, value: r.genre },
          { key: F.effectLevel.zh, value: labelOf(EFFECT_LEVEL_LABELS, r.effectLevel) },
          { key: F.unifiedNumber.zh, value: r.unifiedNumber },
          { key: F.themes.zh, value: d.themes.map((t) => t.label).join('；') || null },
          { key: F.writtenOn.zh, value: r.writtenOn ? formatDate('zh', r.writtenOn) : null },
          { key: F.formedOn.zh, value: r.formedOn ? formatDate('zh', r.formedOn) : null },
          { key: F.publishedOn.zh, value: r.publishedOn ? formatDate('zh', r.publishedOn) : null },
          { key: F.effectiveOn.zh, value: r.effectiveOn ? formatDate('zh', r.effectiveOn) : null },
          { key: F.expiresOn.zh, value: r.expiresOn ? formatDate('zh', r.expiresOn) : null },
          {
            key: F.validity.zh,
            value: `${labelOf(VALIDITY_LABELS, r.validity)}${r.validitySince ? `（自 ${formatDate('zh', r.validitySince)}）` : ''}`,
          },
          { key: F.disclosureMethod.zh, value: labelOf(DISCLOSURE_METHOD_LABELS, r.disclosureMethod) },
          { key: F.category.zh, value: category ? `${category.article}：${category.label}` : null },
          ...(r.kind === 'interpretation'
            ? [
                {
                  key: F.interpretationForm.zh,
                  value: labelOf(INTERPRETATION_FORM_LABELS, r.interpretationForm),
                },
                { key: F.mediaUrl.zh, value: r.mediaUrl },
              ]
            : []),
          {
            key: '起草',
            value: `${d.createdByName ?? '系统'}，${formatDateTime('zh', r.createdAt.toISOString())}`,
          },
        ]}
      />

      <h2>办理</h2>
      {p.canEdit ? (
        <p>
          <a class="button button-secondary" href={`/admin/documents/${r.id}/edit`}>
            {r.state === 'published' ? '修改已发布文件' : '编辑'}
          </a>
          {p.canDelete ? (
            <>
              {' '}
              <a class="button button-warning" href={`/admin/documents/${r.id}/delete`}>
                删除草稿
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {steps.map((a) => (
        <PostForm action={`/admin/documents/${r.id}/${a}`} csrf={csrf}>
          <input type="hidden" name="version" value={String(r.version)} />
          <p class="hint">{STEP_HINTS[a]}</p>
          <Button>{STEP_BUTTONS[a]}</Button>
        </PostForm>
      ))}
      {p.actions.includes('return') ? (
        <PostForm action={`/admin/documents/${r.id}/return`} csrf={csrf}>
          <input type="hidden" name="version" value={String(r.version)} />
          <TextArea
            name="note"
            label="退回意见"
            hint="写明需要修改的内容（可不填）。"
            value={valuesOf('return').note}
            errors={errorsOf('return')}
            rows={2}
          />
          <Button variant="secondary">退回修改</Button>
        </PostForm>
      ) : null}
      {p.actions.includes('withdraw') ? (
        <PostForm action={`/admin/documents/${r.id}/withdraw`} csrf={csrf}>
          <input type="hidden" name="version" value={String(r.version)} />
          <TextArea
            name="reason"
            label="撤回理由"
            hint="撤回后门户网站不再显示该文件；理由记入操作日志。索引号保留，不再分配给其他文件。"
            value={valuesOf('withdraw').reason}
            errors={errorsOf('withdraw')}
            rows={2}
          />
          <Button variant="warning">撤回</Button>
        </PostForm>
      ) : null}
      {p.publishRefusal ? (
        <div class="notice notice-warning" role="note">
          <h3 class="notice-title">本文件不能发布</h3>
          <p>{p.publishRefusal}</p>
        </div>
      ) : null}
      {!p.canEdit && p.actions.length === 0 ? <p>您可以查看该文件，但不能办理。</p> : null}

      <h2>正文</h2>
      {r.bodyHtml ? (
        // Sanitised when saved (src/lib/sanitize-html.ts): only the allow-listed tags and links.
        <div class="doc-body">{raw(r.bodyHtml)}</div>
      ) : (
        <p>（无正文）</p>
      )}

      <h2>关联文件</h2>
      {d.outgoing.length > 0 ? (
        <RelationRows
          items={d.outgoing}
          inverse={false}
          canRelate={p.canRelate}
          documentId={r.id}
          csrf={csrf}
        />
      ) : (
        <p>本文件未记录修改、废止、解读等关系。</p>
      )}
      {d.incoming.length > 0 ? (
        <>
          <h3>其他文件与本文件的关系</h3>
          <RelationRows items={d.incoming} inverse={true} canRelate={false} documentId={r.id} csrf={csrf} />
        </>
      ) : null}
      {p.canRelate ? (
        <PostForm action={`/admin/documents/${r.id}/relations`} csrf={csrf}>
          <h3>记录关系</h3>
          <Select
            name="kind"
            label="本文件……"
            value={valuesOf('relation').kind}
            options={RELATION_KINDS.map((k: RelationKind) => ({ value: k, label: RELATION_LABELS[k].zh }))}
            includeBlank="请选择"
            errors={errorsOf('relation')}
          />
          <Input
            name="target"
            label="目标文件"
            hint="填写目标文件的索引号或发文字号。废止、代替或宣布失效后，目标文件的有效性随之改变（本文件发布后生效）。"
            value={valuesOf('relation').target}
            errors={errorsOf('relation')}
            width="medium"
          />
          <Input
            name="effectiveOn"
            label="生效日期"
            hint="不填则视为即日起生效。格式：年-月-日"
            value={valuesOf('relation').effectiveOn}
            errors={errorsOf('relation')}
            width="short"
          />
          <Input
            name="note"
            label="说明"
            hint="部分失效或修改时，写明涉及的条款。"
            value={valuesOf('relation').note}
            errors={errorsOf('relation')}
          />
          <Button variant="secondary">记录关系</Button>
        </PostForm>
      ) : null}

      <h2>附件</h2>
      {d.files.length > 0 ? (
        <Table
          head={['文件名', '大小', '全文检索', ...(p.canEdit ? [''] : [])]}
          rows={d.files.map((f) => [
            <a href={`/admin/documents/${r.id}/files/${f.id}`}>{f.filename}</a>,
            bytes(f.size),
            f.textLength > 0 ? `已提取 ${f.textLength} 字` : '未提取文字',
            ...(p.canEdit
              ? [
                  <PostForm action={`/admin/documents/${r.id}/files/${f.id}/delete`} csrf={csrf}>
                    <input type="hidden" name="version" value={String(r.version)} />
                    <Button variant="secondary">删除附件</Button>
                  </PostForm>,
                ]
              : []),
          ])}
        />
      ) : (
        <p>暂无附件。</p>
      )}
      {p.canEdit && r.state !== 'withdrawn' ? (
        <PostForm action={`/admin/documents/${r.id}/files`} csrf={csrf} enctype="multipart/form-data">
          <input type="hidden" name="version" value={String(r.version)} />
          <Field
            name="file"
            label="上传附件"
            hint="PDF、Word（.docx）、Excel（.xlsx）、JPEG 或 PNG，不超过 20 MB。PDF 和 Word 文件的文字将纳入全文检索；Excel 和图片不提取文字。"
            errors={errorsOf('file')}
          >
            <input type="file" id={fieldId('file')} name="file" class="file-upload" />
          </Field>
          <Button variant="secondary">上传</Button>
        </PostForm>
      ) : null}

      <h2>修订记录</h2>
      {d.revisions.length > 0 ? (
        <Table
          head={['版本', '修改时间', '修改人', '修改说明', '修改前标题']}
          rows={d.revisions.map((v) => [
            `第 ${v.version} 版`,
            <span class="nowrap">{formatDateTime('zh', v.changedAt)}</span>,
            v.changedBy ?? '系统',
            v.note ?? '—',
            v.title,
          ])}
        />
      ) : (
        <p>发布后尚未修改。</p>
      )}
    </AdminLayout>
  );
};
