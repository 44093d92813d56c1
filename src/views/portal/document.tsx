// A published document's page: the banner when it is no longer (wholly) in force, the gov.cn metadata
// block (索引号, 发文机关, 发文字号, 主题分类, 文种, 效力级别, 统一编号, dates, 有效性, 公开方式), the body
// (sanitised when saved: the only raw HTML of the portal), attachments, the relations both ways
// (修改 / 废止 …) and the 政策解读 of a document or the document a 解读 explains.
import type { Child, FC } from 'hono/jsx';
import { raw } from 'hono/html';
import { bookTitle } from '../../domain/documents/book-title.js';
import { ARTICLE20_CATEGORIES } from '../../domain/documents/vocab.js';
import { themeLabel } from '../../domain/documents/themes.js';
import type { DocumentRelationView, PublicDocument } from '../../queries/document-page.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { SummaryList } from '../components/summary-list.js';
import { formatDate } from '../i18n.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import {
  DISCLOSURE_METHOD_LABELS,
  DOCUMENT_FIELD_LABELS as F,
  DOCUMENT_KIND_LABELS,
  EFFECT_LEVEL_LABELS,
  INTERPRETATION_FORM_LABELS,
  labelOf,
  RELATION_INVERSE_LABELS,
  RELATION_LABELS,
  VALIDITY_LABELS,
} from '../models/document-labels.js';
import {
  attachmentHref,
  documentHref,
  documentsHref,
  gazetteHref,
  platformHref,
} from '../models/document-links.js';
import { validityNotice, type ValidityNotice } from '../models/document-status.js';
import { SyntheticTag } from './document-parts.js';

export interface PortalDocumentView {
  shell: Omit<ShellProps, 'title'>;
  doc: PublicDocument;
}

const Banner: FC<{ notice: ValidityNotice }> = ({ notice: n }) => (
  <div
    class={
      n.tone === 'ended'
        ? 'notice notice-warning notice-loud doc-status'
        : n.tone === 'partial'
          ? 'notice notice-warning doc-status'
          : 'notice doc-status'
    }
  >
    <p>
      {n.before}
      {n.by ? <a href={documentHref(n.by.id)}>{bookTitle(n.by.title)}</a> : null}
      {n.after}
    </p>
  </div>
);

const date = (iso: string | null) =>
  iso ? (
    <time datetime={iso} class="nowrap">
      {formatDate('zh', iso)}
    </time>
  ) : null;

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const FILE_KINDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word 文档',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel 表格',
  'image/png': 'PNG 图片',
  'image/jpeg': 'JPEG 图片',
};

function metadataRows(d: PublicDocument): { key: string; value: Child }[] {
  const category = ARTICLE20_CATEGORIES.find((c) => c.key === d.category);
  const validity = (
    <>
      {labelOf(VALIDITY_LABELS, d.validity)}
      {d.validitySince && d.validity !== 'effective' ? `（${formatDate('zh', d.validitySince)}起）` : null}
    </>
  );
  const rows: { key: string; value: Child }[] = [
    { key: F.indexNumber.zh, value: d.indexNumber },
    {
      key: F.agencyId.zh,
      value: d.issuers.map((a, i) => (
        <>
          {i > 0 ? '、' : null}
          <a href={platformHref.home(a.code)}>{a.name}</a>
        </>
      )),
    },
    { key: F.docNumber.zh, value: d.docNumber },
    {
      key: F.themes.zh,
      value: d.themes.map((code, i) => (
        <>
          {i > 0 ? '；' : null}
          <a href={documentsHref({ theme: code })}>{themeLabel(code) || code}</a>
        </>
      )),
    },
    { key: F.kind.zh, value: labelOf(DOCUMENT_KIND_LABELS, d.kind) },
    { key: F.genre.zh, value: d.genre },
    { key: F.effectLevel.zh, value: labelOf(EFFECT_LEVEL_LABELS, d.effectLevel) },
  ];
  if (d.unifiedNumber || d.effectLevel === 'normative')
    rows.push({ key: F.unifiedNumber.zh, value: d.unifiedNumber });
  rows.push(
    { key: F.writtenOn.zh, value: date(d.writtenOn) },
    { key: F.publishedOn.zh, value: date(d.publishedOn) },
    { key: F.effectiveOn.zh, value: date(d.effectiveOn) },
  );
  if (d.expiresOn) rows.push({ key: F.expiresOn.zh, value: date(d.expiresOn) });
  rows.push(
    { key: F.validity.zh, value: validity },
    { key: F.disclosureMethod.zh, value: labelOf(DISCLOSURE_METHOD_LABELS, d.disclosureMethod) },
  );
  if (category) rows.push({ key: F.category.zh, value: `${category.article}：${category.label}` });
  if (d.gazette.length > 0)
    rows.push({
      key: '刊登公报',
      value: d.gazette.map((g, i) => (
        <>
          {i > 0 ? '；' : null}
          <a href={gazetteHref(g)}>
            {bookTitle(`${g.agencyName}公报`)}
            {g.year}年第{g.number}期
          </a>
        </>
      )),
    });
  if (d.kind === 'interpretation') {
    rows.push({
      key: F.interpretationForm.zh,
      value: labelOf(INTERPRETATION_FORM_LABELS, d.interpretationForm),
    });
    if (d.mediaUrl)
      rows.push({
        key: F.mediaUrl.zh,
        // Linked only when http(s): anything else is shown as text, never followed.
        value: /^https?:\/\//i.test(d.mediaUrl) ? (
          <a href={d.mediaUrl} rel="noopener noreferrer">
            {d.mediaUrl}
          </a>
        ) : (
          d.mediaUrl
        ),
      });
  }
  return rows;
}

const RelatedLink: FC<{ r: DocumentRelationView }> = ({ r }) => (
  <>
    <a href={documentHref(r.other.id)}>{bookTitle(r.other.title)}</a>
    {r.other.docNumber ? `（${r.other.docNumber}）` : null}
  </>
);

/** 修改 / 代替 / 废止 / 宣布失效 / 贯彻实施, both ways, as sentences with dates. */
const Relations: FC<{ outgoing: DocumentRelationView[]; incoming: DocumentRelationView[] }> = (p) => {
  if (p.outgoing.length === 0 && p.incoming.length === 0) return null;
  const when = (r: DocumentRelationView) => (r.effectiveOn ? `，自${formatDate('zh', r.effectiveOn)}起` : '');
  const note = (r: DocumentRelationView) => (r.note?.trim() ? `（${r.note.trim()}）` : '');
  return (
    <section aria-labelledby="doc-relations">
      <h2 id="doc-relations">修订废止情况</h2>
      <ul>
        {p.incoming.map((r) => (
          <li>
            本文件{labelOf(RELATION_INVERSE_LABELS, r.kind)}：<RelatedLink r={r} />
            {when(r)}
            {note(r)}
          </li>
        ))}
        {p.outgoing.map((r) => (
          <li>
            本文件{labelOf(RELATION_LABELS, r.kind)}
            <RelatedLink r={r} />
            {when(r)}
            {note(r)}
          </li>
        ))}
      </ul>
    </section>
  );
};

export const PortalDocumentPage: FC<
  PortalDocumentView & {
    questions?: { id: number; question: string }[];
    /** 意见征集 held on this document as a draft. */
    consultations?: { id: number; title: string }[];
  }
> = ({ shell, doc: d, questions = [], consultations = [] }) => {
  const notice = validityNotice(d);
  const interprets = (r: DocumentRelationView) => r.kind === 'interprets';
  const interpretations = d.incoming.filter(interprets);
  const originals = d.outgoing.filter(interprets);
  const first = d.issuers[0]!;
  return (
    <PortalLayout {...shell} title={d.title}>
      <Breadcrumbs
        lang="zh"
        items={[
          { label: '首页', href: '/' },
          { label: '政府文件', href: '/documents' },
          { label: first.name, href: platformHref.home(first.code) },
          { label: d.title },
        ]}
      />
      {notice ? <Banner notice={notice} /> : null}
      {d.synthetic ? (
        <p class="notice">
          <SyntheticTag /> 本文件是演示用的虚构文件，并非真实的政府文件。
        </p>
      ) : null}
      <h1>{d.title}</h1>
      <section aria-labelledby="doc-meta">
        <h2 id="doc-meta" class="visually-hidden">
          文件信息
        </h2>
        <SummaryList rows={metadataRows(d)} />
      </section>
      {originals.length > 0 ? (
        <section aria-labelledby="doc-original">
          <h2 id="doc-original">解读的文件</h2>
          <ul>
            {originals.map((r) => (
              <li>
                <RelatedLink r={r} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="doc-body">
        <h2 id="doc-body">{F.body.zh}</h2>
        <div class="doc-body">{d.bodyHtml ? raw(d.bodyHtml) : <p>（本文件无正文，请查看附件。）</p>}</div>
      </section>
      {d.attachments.length > 0 ? (
        <section aria-labelledby="doc-files">
          <h2 id="doc-files">{F.attachments.zh}</h2>
          <ul>
            {d.attachments.map((f) => (
              <li>
                <a href={attachmentHref(d.id, f.fileId)}>{f.filename}</a>（
                {FILE_KINDS[f.mediaType] ?? f.mediaType}，{sizeText(f.size)}）
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {interpretations.length > 0 ? (
        <section aria-labelledby="doc-interpretations">
          <h2 id="doc-interpretations">政策解读</h2>
          <ul>
            {interpretations.map((r) => (
              <li>
                <RelatedLink r={r} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {consultations.length > 0 ? (
        <section aria-labelledby="doc-consultations">
          <h2 id="doc-consultations">意见征集</h2>
          <ul>
            {consultations.map((c) => (
              <li>
                <a href={`/consultations/${c.id}`}>{c.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {questions.length > 0 ? (
        <section aria-labelledby="doc-questions">
          <h2 id="doc-questions">相关问答</h2>
          <ul>
            {questions.map((q) => (
              <li>
                <a href={`/qa/${q.id}`}>{q.question}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Relations
        outgoing={d.outgoing.filter((r) => !interprets(r))}
        incoming={d.incoming.filter((r) => !interprets(r))}
      />
    </PortalLayout>
  );
};
