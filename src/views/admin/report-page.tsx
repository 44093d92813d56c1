// One agency's annual report of a year (本级 or 汇总) in the back office: where it stands in the
// workflow, the findings of every rule, the texts, the report as it will be published (the tables
// computed now for a draft, frozen for a submitted or published version), and the step forms the
// person may take.
import type { Child, FC } from 'hono/jsx';
import type { Finding } from '../../domain/reports/annual/text-findings.js';
import type { ReportTexts } from '../../domain/reports/annual/text.js';
import type { CellRef } from '../../domain/reports/types.js';
import type { ReportVersion } from '../../queries/annual-report-admin.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button, ErrorSummary, PostForm, type FieldErrors } from '../components/forms.js';
import { SummaryList } from '../components/summary-list.js';
import { formatDateTime } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { ANNUAL_REPORT_CSS_HREF } from '../portal/annual-report-links.js';
import { ReportFindings } from './report-findings.js';
import { CorrectForm, PublishForm, ReviewForm, TextsForm } from './report-forms.js';
import { REPORT_DONE, STATE_TAG, stateName, type ReportDone } from './report-labels.js';

export interface ReportPageView {
  shell: Omit<AdminShellProps, 'title'>;
  base: string;
  title: string;
  scopeName: string;
  current: ReportVersion | null;
  versions: ReportVersion[];
  supervisor: string | null;
  live: boolean;
  /** The report as it will be published (the renderers' component, rendered by the route). */
  preview: Child;
  texts: ReportTexts;
  findings: Finding[];
  placeholders: { name: string; meaning: string }[];
  feesCollected: number | null;
  membersImported: string[];
  sourcesNote: string | null;
  can: { edit: boolean; submit: boolean; review: boolean; publish: boolean; correct: boolean };
  casesHref: ((cell: CellRef) => string) | null;
  publicHref: string | null;
  values?: Record<string, string>;
  acknowledged?: string[];
  errors?: FieldErrors;
  conflict?: string;
  done?: ReportDone;
}

export const ReportPage: FC<ReportPageView> = (p) => {
  const c = p.current;
  const csrf = p.shell.csrf ?? '';
  const revision = c ? c.revision : null;
  const editable = !c || c.state === 'draft' || c.state === 'returned';
  const submitting = editable && p.can.submit && c !== null;
  const v = p.values ?? {};
  return (
    <AdminLayout {...p.shell} title={p.title} hasErrors={!!p.errors}>
      <ErrorSummary lang="zh" errors={p.errors} />
      <Breadcrumbs lang="zh" items={[{ label: '年度报告', href: '/admin/reports' }, { label: p.title }]} />
      {p.done ? (
        <div class="notice notice-success" role="status">
          {REPORT_DONE[p.done]}
        </div>
      ) : null}
      {p.conflict ? (
        <div class="notice notice-warning" role="alert">
          {p.conflict}
        </div>
      ) : null}
      <h1>{p.title}</h1>
      <SummaryList
        rows={[
          { key: '范围', value: p.scopeName },
          {
            key: '状态',
            value: (
              <span class={`tag ${STATE_TAG[(c?.state ?? 'none') as keyof typeof STATE_TAG]}`}>
                {stateName(c?.state ?? null)}
              </span>
            ),
          },
          { key: '版本', value: c && c.version > 1 ? `第 ${c.version} 版（更正）` : '第 1 版' },
          ...(c?.correctionNote ? [{ key: '更正说明', value: c.correctionNote }] : []),
          { key: '审核机关', value: p.supervisor ?? '本机关（无上级机关）' },
          ...(c?.submittedAt
            ? [
                {
                  key: '报送时间',
                  value: `${formatDateTime('zh', c.submittedAt)}（${c.submittedByName ?? '系统'}）`,
                },
              ]
            : []),
          ...(c?.decidedAt
            ? [
                {
                  key: '审核时间',
                  value: `${formatDateTime('zh', c.decidedAt)}（${c.decidedByName ?? '系统'}）`,
                },
              ]
            : []),
          ...(c?.reviewComment ? [{ key: '审核意见', value: c.reviewComment }] : []),
          ...(c?.publishedAt
            ? [
                {
                  key: '发布时间',
                  value: `${formatDateTime('zh', c.publishedAt)}（${c.publishedByName ?? '系统'}）`,
                },
              ]
            : []),
          {
            key: '表格数据',
            value: p.live ? '按当前数据实时统计（报送时冻结）' : '报送时冻结，此后的数据变化不影响本报告',
          },
          ...(p.membersImported.length
            ? [{ key: '采用已发布报告的机关', value: p.membersImported.join('、') }]
            : []),
          ...(p.sourcesNote ? [{ key: '表二数据来源', value: p.sourcesNote }] : []),
        ]}
      />
      {p.publicHref ? (
        <p>
          <a href={p.publicHref}>在门户网站查看已发布的报告</a>
        </p>
      ) : null}
      {p.can.edit && editable ? (
        <p>
          <a href={`${p.base}/figures`}>填报表二数据（行政许可、行政处罚、行政强制、收费等）</a>
        </p>
      ) : null}
      {submitting ? (
        <PostForm action={`${p.base}/submit`} csrf={csrf}>
          <input type="hidden" name="revision" value={String(revision)} />
          <ReportFindings
            findings={p.findings}
            acknowledging
            acknowledged={p.acknowledged ?? c?.acknowledged ?? []}
            casesHref={p.casesHref}
            errors={p.errors}
          />
          <div class="button-group">
            <Button>报送上级审核</Button>
          </div>
        </PostForm>
      ) : (
        <ReportFindings
          findings={p.findings}
          acknowledged={c?.acknowledged ?? []}
          casesHref={p.casesHref}
          errors={p.errors}
        />
      )}
      {editable && p.can.edit ? (
        <TextsForm
          action={`${p.base}/texts`}
          csrf={csrf}
          revision={revision}
          texts={{ ...p.texts, ...(v as Partial<ReportTexts>) }}
          placeholders={p.placeholders}
          feesCollected={p.feesCollected}
          errors={p.errors}
        />
      ) : null}
      {c?.state === 'submitted' && p.can.review ? (
        <ReviewForm
          action={`${p.base}/review`}
          csrf={csrf}
          revision={revision}
          comment={v.comment ?? ''}
          errors={p.errors}
        />
      ) : null}
      {c?.state === 'approved' && p.can.publish ? (
        <PublishForm action={`${p.base}/publish`} csrf={csrf} revision={revision} />
      ) : null}
      {c?.state === 'published' && p.can.correct ? (
        <CorrectForm
          action={`${p.base}/correct`}
          csrf={csrf}
          revision={revision}
          note={v.note ?? ''}
          errors={p.errors}
        />
      ) : null}
      <section aria-labelledby="preview-title">
        <h2 id="preview-title">{p.live ? '报告预览（按当前数据）' : '报告内容（已冻结）'}</h2>
        <link rel="stylesheet" href={ANNUAL_REPORT_CSS_HREF} />
        <div class="table-wrap">{p.preview}</div>
      </section>
      {p.versions.length > 1 ? (
        <section aria-labelledby="versions-title">
          <h2 id="versions-title">各版本</h2>
          <ul>
            {p.versions.map((x) => (
              <li>
                第 {x.version} 版：{stateName(x.state)}
                {x.publishedAt ? `，${formatDateTime('zh', x.publishedAt)} 发布` : ''}
                {x.correctionNote ? `（更正说明：${x.correctionNote}）` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </AdminLayout>
  );
};
