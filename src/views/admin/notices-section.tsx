// The 告知书 section of an application's case page: every notice of the case with its 文号, title,
// addressee (致申请人 / 致第三方), date of issue and 送达 — or 「未送达」 with the form that records
// it — and its PDF and Word downloads; the 一案一档 export buttons above the list. Rendered by the
// case page with `noticesOfApplication(db, actor, id)` (src/queries/notices.ts) or the case's own
// notice list; the routes are in src/http/admin/notices.tsx.
import type { FC } from 'hono/jsx';
import { isNoticeKind, NOTICE_KIND_LABELS } from '../../domain/notices/kinds.js';
import { addresseeKindLabel, serviceMethodName, SERVICE_METHOD_NAMES } from '../../domain/notices/service.js';
import { Button, Input, PostForm, Select } from '../components/forms.js';
import { formatDate } from '../i18n.js';

/** What the section shows of a notice (NoticeListItem of the query, or the case's NoticeItem). */
export interface NoticeSectionItem {
  id: number;
  kind: string;
  number: string | null;
  title: string;
  issuedOn: string;
  servedMethod: string | null;
  servedOn: string | null;
  toApplicant: boolean;
}

export interface NoticesSectionProps {
  notices: readonly NoticeSectionItem[];
  applicationId: number;
  csrf: string;
  /** May record 送达 (application.handle on the case). */
  canRecordService: boolean;
  /** May export the case file (application.personalData on the case). */
  canExport?: boolean;
  /** Today (YYYY-MM-DD): the default 送达 date. */
  today?: string;
}

/** The form fields of notice `id`: names are prefixed so that ids stay unique on the page. */
export const serviceField = (id: number, field: 'method' | 'on') => `service${id}-${field}`;

export const SERVICE_METHOD_OPTIONS = Object.entries(SERVICE_METHOD_NAMES).map(([value, label]) => ({
  value,
  label,
}));

export const NoticesSection: FC<NoticesSectionProps> = (p) => {
  const base = `/admin/applications/${p.applicationId}`;
  return (
    <section aria-labelledby="notices-title" id="notices" class="case-notices">
      <h2 id="notices-title">告知书</h2>
      {p.canExport ? (
        <div class="button-group case-file-export">
          <a class="button button-secondary" href={`${base}/case-file.pdf`}>
            导出案卷（PDF）
          </a>
          <a class="button button-secondary" href={`${base}/case-file.zip`}>
            导出案卷（ZIP）
          </a>
          <p class="hint">
            案卷含申请人信息、办理过程和全部告知书，ZIP 另含 Word 版告知书和申请附件；每次导出均记入审计日志。
          </p>
        </div>
      ) : null}
      {p.notices.length === 0 ? (
        <p>尚未生成告知书。</p>
      ) : (
        <ol class="case-notice-list">
          {p.notices.map((n) => {
            const kindLabel = isNoticeKind(n.kind) ? NOTICE_KIND_LABELS[n.kind] : '告知书';
            return (
              <li class="case-notice" id={`notice-${n.id}`}>
                <h3 class="case-notice-title">
                  {n.title}
                  <span class="tag tag-grey">{addresseeKindLabel(n.kind, n.toApplicant)}</span>
                </h3>
                <dl class="case-notice-facts">
                  <div>
                    <dt>文号</dt>
                    <dd>{n.number ?? `无文号（${kindLabel}）`}</dd>
                  </div>
                  <div>
                    <dt>发出日期</dt>
                    <dd class="nowrap">{formatDate('zh', n.issuedOn)}</dd>
                  </div>
                  <div>
                    <dt>送达</dt>
                    <dd>
                      {n.servedOn ? (
                        <>
                          {serviceMethodName(n.servedMethod) ?? '已送达'}{' '}
                          <span class="nowrap">{formatDate('zh', n.servedOn)}</span>
                        </>
                      ) : (
                        <span class="tag tag-amber">未送达</span>
                      )}
                    </dd>
                  </div>
                </dl>
                <p class="case-notice-files">
                  <a href={`${base}/notices/${n.id}.pdf`} download>
                    下载PDF<span class="visually-hidden">：{n.number ?? n.title}</span>
                  </a>
                  <a href={`${base}/notices/${n.id}.docx`} download>
                    下载Word文档<span class="visually-hidden">：{n.number ?? n.title}</span>
                  </a>
                </p>
                {!n.servedOn && p.canRecordService ? (
                  <details class="case-notice-service">
                    <summary>记录送达</summary>
                    <PostForm action={`${base}/notices/${n.id}/service`} csrf={p.csrf}>
                      <Select
                        name={serviceField(n.id, 'method')}
                        label="送达方式"
                        options={SERVICE_METHOD_OPTIONS}
                        includeBlank="请选择"
                      />
                      <Input
                        name={serviceField(n.id, 'on')}
                        type="date"
                        label="送达日期"
                        hint={`不早于发出日期（${formatDate('zh', n.issuedOn)}），不晚于今天`}
                        value={p.today ?? ''}
                        width="short"
                      />
                      <Button variant="secondary">记录送达</Button>
                    </PostForm>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
};
