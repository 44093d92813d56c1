// One issue of the gazette in the back office: what it is (with a form to correct it), its PDF
// (upload or replace), the documents it holds in order (move up/down, remove), and adding a
// document by its 索引号 or 发文字号 or from the agency's recent documents that no issue holds yet.
import type { FC } from 'hono/jsx';
import type { GazetteIssueDetail } from '../../queries/gazette.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button, ErrorSummary, Input, PostForm, type FieldErrors } from '../components/forms.js';
import { SummaryList } from '../components/summary-list.js';
import { Table } from '../components/table.js';
import { formatDate } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { EFFECT_LEVEL_LABELS, PUBLICATION_STATE_LABELS, labelOf } from '../models/document-labels.js';
import {
  GAZETTE_FIELD_LABELS as F,
  GazetteIssueFieldsBlock,
  issueName,
  type GazetteFormValues,
} from './gazette.js';

export type GazetteDone = 'created' | 'updated' | 'pdf' | 'added' | 'removed' | 'moved';

const DONE: Record<GazetteDone, string> = {
  created: '已新增本期公报，请上传 PDF 并添加收录的文件。',
  updated: '已保存。',
  pdf: 'PDF 已上传。',
  added: '已收录该文件。',
  removed: '已移除该文件。',
  moved: '已调整顺序。',
};

export interface GazetteIssueView {
  shell: Omit<AdminShellProps, 'title'>;
  issue: GazetteIssueDetail;
  candidates: { id: number; title: string; docNumber: string | null; publishedOn: string | null }[];
  values: GazetteFormValues;
  /** Errors of one of the forms, and which. */
  errors?: FieldErrors;
  form?: 'edit' | 'pdf' | 'add' | 'delete';
  reference?: string;
  done?: GazetteDone;
  maxPdfMb: number;
}

export const GazetteIssuePage: FC<GazetteIssueView> = (p) => {
  const i = p.issue;
  const title = `${i.agency.name}公报 ${issueName(i)}`;
  const base = `/admin/gazette/${i.id}`;
  const csrf = p.shell.csrf ?? '';
  const errorsOf = (form: GazetteIssueView['form']) => (p.form === form ? p.errors : undefined);
  return (
    <AdminLayout {...p.shell} title={title} hasErrors={!!p.errors}>
      <ErrorSummary lang="zh" errors={p.errors} />
      <Breadcrumbs
        lang="zh"
        items={[{ label: '政府公报', href: '/admin/gazette' }, { label: issueName(i) }]}
      />
      {p.done ? (
        <div class="notice notice-success" role="status">
          {DONE[p.done]}
        </div>
      ) : null}
      <h1>{title}</h1>
      <SummaryList
        rows={[
          { key: F.agencyId, value: i.agency.name },
          { key: '期次', value: issueName(i) },
          { key: F.publishedOn, value: formatDate('zh', i.publishedOn) },
          {
            key: F.file,
            value: i.file ? (
              <a href={`${base}/pdf`}>
                {i.file.filename}（{Math.max(1, Math.round(i.file.size / 1024))} KB）
              </a>
            ) : (
              '尚未上传'
            ),
          },
          { key: F.documents, value: `${i.items.length} 件` },
          {
            key: '门户网站',
            value: (
              <a href={`/gazette/${i.year}/${i.number}?agency=${encodeURIComponent(i.agency.code)}`}>
                查看本期
              </a>
            ),
          },
        ]}
      />

      <section aria-labelledby="items-title">
        <h2 id="items-title">收录的文件</h2>
        {i.items.length === 0 ? (
          <p>本期尚未收录文件。</p>
        ) : (
          <Table
            head={['序号', '标题', '发文字号', '效力级别', '发布状态', '操作']}
            rows={i.items.map((d, k) => [
              String(d.position),
              <a href={`/admin/documents/${d.documentId}`}>{d.title}</a>,
              d.docNumber ?? '—',
              labelOf(EFFECT_LEVEL_LABELS, d.effectLevel, 'zh'),
              labelOf(PUBLICATION_STATE_LABELS, d.state, 'zh'),
              <div class="button-group">
                {k > 0 ? (
                  <ItemButton base={base} csrf={csrf} id={d.documentId} action="up" label="上移" />
                ) : null}
                {k < i.items.length - 1 ? (
                  <ItemButton base={base} csrf={csrf} id={d.documentId} action="down" label="下移" />
                ) : null}
                <ItemButton base={base} csrf={csrf} id={d.documentId} action="remove" label="移除" />
              </div>,
            ])}
          />
        )}
        <h3>添加文件</h3>
        <PostForm action={`${base}/items`} csrf={csrf}>
          <Input
            name="reference"
            label="索引号或发文字号"
            hint="例如 江府〔2026〕12号；只能收录本机关及下级机关已发布的文件"
            value={p.reference}
            errors={errorsOf('add')}
            width="medium"
          />
          <Button variant="secondary">收录</Button>
        </PostForm>
        {p.candidates.length > 0 ? (
          <>
            <h3>近期发布、尚未收录的文件</h3>
            <Table
              head={['发布日期', '标题', '发文字号', '']}
              rows={p.candidates.map((c) => [
                <span class="nowrap">{c.publishedOn ? formatDate('zh', c.publishedOn) : '—'}</span>,
                c.title,
                c.docNumber ?? '—',
                <PostForm action={`${base}/items`} csrf={csrf}>
                  <input type="hidden" name="documentId" value={String(c.id)} />
                  <Button variant="secondary">收录</Button>
                </PostForm>,
              ])}
            />
          </>
        ) : null}
      </section>

      <section aria-labelledby="pdf-title">
        <h2 id="pdf-title">{i.file ? '更换 PDF 版' : '上传 PDF 版'}</h2>
        <PostForm action={`${base}/pdf`} csrf={csrf} enctype="multipart/form-data">
          <div class={`field${errorsOf('pdf')?.file ? ' field-error' : ''}`}>
            <label for="f-file">本期公报 PDF</label>
            <p class="hint" id="f-file-hint">
              只接受 PDF 文件，不超过 {p.maxPdfMb} MB
            </p>
            {errorsOf('pdf')?.file ? (
              <p class="error-message" id="f-file-error">
                <span class="visually-hidden">错误：</span>
                {errorsOf('pdf')!.file}
              </p>
            ) : null}
            <input
              id="f-file"
              name="file"
              type="file"
              accept="application/pdf,.pdf"
              aria-describedby={errorsOf('pdf')?.file ? 'f-file-hint f-file-error' : 'f-file-hint'}
            />
          </div>
          <Button variant="secondary">上传</Button>
        </PostForm>
      </section>

      <section aria-labelledby="edit-title">
        <h2 id="edit-title">修改期次信息</h2>
        <PostForm action={base} csrf={csrf}>
          <GazetteIssueFieldsBlock values={p.values} errors={errorsOf('edit')} />
          <div class="button-group">
            <Button>保存</Button>
          </div>
        </PostForm>
        {i.items.length === 0 && !i.file ? (
          <PostForm action={`${base}/delete`} csrf={csrf}>
            <p>本期没有收录文件，也没有上传 PDF，可以删除。</p>
            <Button variant="warning">删除本期</Button>
          </PostForm>
        ) : null}
      </section>
    </AdminLayout>
  );
};

const ItemButton: FC<{
  base: string;
  csrf: string;
  id: number;
  action: 'up' | 'down' | 'remove';
  label: string;
}> = (p) => (
  <PostForm
    action={`${p.base}/items/${p.action === 'remove' ? 'remove' : 'move'}`}
    csrf={p.csrf}
    class="inline-form"
  >
    <input type="hidden" name="documentId" value={String(p.id)} />
    {p.action === 'remove' ? null : <input type="hidden" name="direction" value={p.action} />}
    <Button variant={p.action === 'remove' ? 'warning' : 'secondary'}>{p.label}</Button>
  </PostForm>
);
