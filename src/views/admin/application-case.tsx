// One application as the office handles it (一案一档): who applied (personal data masked unless
// revealed, audited), what is sought, the state and the due date with the clock's explanation, the
// pending extension, the handling actions, the history of facts, the notices, the attachments and
// the same applicant's other applications (重复申请 and 第三十五条 rest on facts).
import type { Child, FC } from 'hono/jsx';
import type { PersonalData } from '../../commands/applications/reveal-personal-data.js';
import type { CaseDetail } from '../../queries/application-case.js';
import { isOutcome, OUTCOME_RULES } from '../../domain/applications/outcomes.js';
import { CASE_STATE_LABELS, type CaseState } from '../../domain/applications/transitions.js';
import { DeadlineExplanationTable } from '../components/deadline-explanation.js';
import { Button, ErrorSummary, Input, PostForm, Select } from '../components/forms.js';
import { SummaryList } from '../components/summary-list.js';
import { Table } from '../components/table.js';
import { formatDate, formatDateTime } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { eventDetails } from '../models/application-labels.js';
import {
  ActionForms,
  type ActionsProps,
  type FeeCalculation,
  type PostedAction,
} from './application-actions.js';
import { DueMark } from './applications.js';

type Option = { value: string; label: string };

export interface CasePageView {
  shell: Omit<AdminShellProps, 'title'>;
  detail: CaseDetail;
  today: string;
  /** What this actor may do on this case. */
  can: { handle: boolean; approveExtension: boolean; personalData: boolean };
  /** The actions offered now: allowed by the state and by the actor's rights. */
  actions: ActionsProps['actions'];
  officers: Option[];
  /** 「已记录：…」 after a Post/Redirect/Get. */
  done?: string;
  /** A failed step: its form comes back with the officer's input. */
  posted?: PostedAction;
  /** The step could not be recorded because someone else changed the case first. */
  conflict?: string;
  revealed?: PersonalData;
  decisionOutcome?: ActionsProps['decisionOutcome'];
  fee?: FeeCalculation;
  feeEarlierDefault: number;
  feeSchedule?: ActionsProps['feeSchedule'];
  /**
   * The 告知书 section with downloads and 送达 records (the notices pages' NoticesSection); without
   * it the case's notices are listed plainly, with `noticeLinks` as an extra column when given.
   */
  noticesSection?: Child;
  noticeLinks?: (n: CaseDetail['notices'][number]) => Child;
  /** The 行政复议 / 行政诉讼 register of this application: filled in by the appeals pages. */
  appealsSection?: Child;
}

const OPEN: readonly CaseState[] = ['received', 'awaiting-correction', 'consulting', 'awaiting-payment'];

export const ApplicationCasePage: FC<CasePageView> = (p) => {
  const l = p.shell.lang;
  const d = p.detail;
  const v = d.view;
  const dl = v.deadline;
  const csrf = p.shell.csrf ?? '';
  const title = `申请 ${d.trackingNumber}`;
  const isOpen = OPEN.includes(v.state);
  const overdue = isOpen && dl.dueDate !== null && dl.dueDate < p.today;
  const hasErrors = !!p.conflict || !!p.posted;
  const a = d.applicant;
  const r = p.revealed;
  return (
    <AdminLayout {...p.shell} title={title} hasErrors={hasErrors}>
      <p>
        <a href="/admin/applications">返回依申请公开</a>
      </p>
      {p.conflict ? (
        <ErrorSummary lang={l} message={p.conflict} />
      ) : p.posted ? (
        <ErrorSummary
          lang={l}
          errors={p.posted.errors}
          message={p.posted.message ?? (p.posted.errors ? undefined : '未能记录，请检查后重试')}
        />
      ) : null}
      {p.done ? (
        <div class="notice notice-success" role="status">
          已记录：{p.done}
        </div>
      ) : null}
      <h1>{title}</h1>
      <SummaryList
        rows={[
          {
            key: '状态',
            value: (
              <>
                <span class={`tag ${isOpen ? 'tag-amber' : 'tag-grey'}`}>{CASE_STATE_LABELS[v.state]}</span>
                {d.outcomeLabel ? ` 办理结果：${d.outcomeLabel}` : ''}
                {v.concludedOn ? `（${formatDate(l, v.concludedOn)}办结）` : ''}
              </>
            ),
          },
          {
            key: '答复期限',
            value: dl.dueDate ? (
              <>
                <span class="nowrap">{formatDate(l, dl.dueDate)}</span>{' '}
                <DueMark
                  overdue={overdue}
                  dueSoon={isOpen && !overdue && dl.daysLeft !== null && dl.daysLeft <= 3}
                />
                {isOpen && dl.daysLeft !== null && dl.daysLeft >= 0 ? `（还剩${dl.daysLeft}个工作日）` : ''}
              </>
            ) : v.state === 'awaiting-correction' ? (
              '补正期间不计算答复期限，收到补正后重新起算'
            ) : (
              '—'
            ),
          },
          ...(dl.originalDueDate && dl.originalDueDate !== dl.dueDate
            ? [{ key: '原答复期限', value: formatDate(l, dl.originalDueDate) }]
            : []),
          { key: '受理机关', value: d.agency.name },
          { key: '承办人', value: d.assignedTo?.name ?? '未分配' },
        ]}
      />
      {v.extensionPending ? (
        <div class="notice notice-warning" role="status" id="extension-pending">
          <h2 class="notice-title">延期待批准</h2>
          <p>
            承办人于{formatDate(l, v.extensionPending.requestedOn)}申请延长答复期限
            {v.extensionPending.workdays}个工作日
            {extensionReason(d) ? `，理由：${extensionReason(d)}` : ''}。
            {dl.originalDueDate
              ? `须由政府信息公开工作机构负责人在原答复期限（${formatDate(l, dl.originalDueDate)}）前批准（第三十三条第二款）。`
              : ''}
          </p>
          {p.can.approveExtension && p.actions.includes('extensionApproved') ? (
            <PostForm action={`/admin/applications/${d.id}/events`} csrf={csrf}>
              {p.posted?.action === 'extensionApproved' && p.posted.message ? (
                <p class="error-message">{p.posted.message}</p>
              ) : null}
              <input type="hidden" name="type" value="extensionApproved" />
              <input type="hidden" name="version" value={String(d.version)} />
              <Input
                name="extensionApproved.on"
                type="date"
                label="批准日期"
                value={
                  p.posted?.action === 'extensionApproved' ? p.posted.values['extensionApproved.on'] : p.today
                }
                errors={p.posted?.action === 'extensionApproved' ? p.posted.errors : undefined}
                width="short"
              />
              <Input
                name="extensionApproved.workdays"
                type="number"
                label="批准延长的工作日数"
                value={
                  p.posted?.action === 'extensionApproved'
                    ? p.posted.values['extensionApproved.workdays']
                    : String(v.extensionPending.workdays)
                }
                errors={p.posted?.action === 'extensionApproved' ? p.posted.errors : undefined}
                width="short"
              />
              <Button>批准延长</Button>
            </PostForm>
          ) : (
            <p>只有政府信息公开工作机构负责人可以批准。</p>
          )}
        </div>
      ) : null}
      {dl.warnings.length > 0 ? (
        <div class="notice notice-warning" role="status">
          <h2 class="notice-title">期限提示</h2>
          <ul>
            {dl.warnings.map((w) => (
              <li>{w.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {dl.explanation ? (
        <details class="case-explanation">
          <summary>答复期限是怎样计算的</summary>
          {dl.explanation.notes.length > 0 ? (
            <ul>
              {dl.explanation.notes.map((n) => (
                <li>{n}</li>
              ))}
            </ul>
          ) : null}
          <DeadlineExplanationTable lang={l} explanation={dl.explanation} />
        </details>
      ) : null}

      {p.can.handle ? (
        <ActionForms
          detail={d}
          csrf={csrf}
          today={p.today}
          actions={p.actions}
          posted={p.posted}
          decisionOutcome={p.decisionOutcome}
          fee={p.fee}
          feeEarlierDefault={p.feeEarlierDefault}
          feeSchedule={p.feeSchedule}
        />
      ) : null}

      <section aria-labelledby="applicant-title">
        <h2 id="applicant-title">申请人和申请内容</h2>
        <SummaryList
          rows={[
            { key: '申请人', value: a.name },
            { key: '申请人类型', value: a.typeLabel },
            ...(a.contactPerson ? [{ key: '联系人', value: a.contactPerson }] : []),
            { key: '身份证明', value: `${a.idTypeLabel} ${r ? r.idNumber : a.idNumberMasked}` },
            { key: '联系电话', value: r ? r.phone : a.phoneMasked },
            ...(r
              ? [
                  { key: '电子邮箱', value: r.email },
                  { key: '通信地址', value: r.address },
                ]
              : [
                  { key: '电子邮箱', value: a.hasEmail ? '已填写（已隐藏）' : '未填写' },
                  { key: '通信地址', value: a.hasAddress ? '已填写（已隐藏）' : '未填写' },
                ]),
            ...(a.postalCode ? [{ key: '邮政编码', value: a.postalCode }] : []),
            { key: '所需信息', value: d.description },
            ...(d.documentTitle ? [{ key: '文件名称', value: d.documentTitle }] : []),
            ...(d.documentNumber ? [{ key: '文号', value: d.documentNumber }] : []),
            { key: '获取信息的形式', value: d.formLabel },
            { key: '获取信息的途径', value: d.deliveryLabel },
            { key: '申请渠道', value: d.channelLabel },
            { key: '收到申请之日', value: formatDate(l, d.receivedOn) },
          ]}
        />
        {r ? (
          <p class="notice" role="status" id="personal-data-shown">
            已显示完整身份信息。本次查看已记入审计日志。
          </p>
        ) : p.can.personalData ? (
          <PostForm action={`/admin/applications/${d.id}/personal-data`} csrf={csrf}>
            <p class="hint">
              身份证明号码、电话、邮箱和地址默认隐藏。确需联系或送达时方可查看，每次查看均记入审计日志。
            </p>
            <Button variant="secondary">查看完整身份信息</Button>
          </PostForm>
        ) : null}
      </section>

      {p.can.handle && isOpen ? (
        <section aria-labelledby="assign-title">
          <h2 id="assign-title">分配承办人</h2>
          <PostForm action={`/admin/applications/${d.id}/assign`} csrf={csrf} class="filters">
            <input type="hidden" name="version" value={String(d.version)} />
            <Select
              name="userId"
              label="承办人"
              value={d.assignedTo ? String(d.assignedTo.id) : ''}
              includeBlank="未分配"
              options={p.officers}
              errors={p.posted?.action === 'assign' ? p.posted.errors : undefined}
            />
            <Button variant="secondary">分配</Button>
          </PostForm>
        </section>
      ) : null}

      <section aria-labelledby="history-title">
        <h2 id="history-title">办理记录</h2>
        <Table
          caption={`共 ${d.history.length} 项`}
          head={['日期', '事项', '说明', '记录人', '记录时间']}
          rows={d.history.map((h) => [
            <span class="nowrap">{formatDate(l, h.on)}</span>,
            h.label,
            <>
              {eventDetails(h.event).map((line) => (
                <div>{line}</div>
              ))}
              {h.note ? <div class="history-note">{h.note}</div> : null}
            </>,
            h.recordedBy ?? (h.seq === 1 ? '网上申请' : '系统'),
            <span class="nowrap">{formatDateTime(l, h.recordedAt)}</span>,
          ])}
        />
      </section>

      {/* Notices (告知书): the notices pages render their section (downloads, 送达) through noticesSection. */}
      {p.noticesSection ?? (
        <section aria-labelledby="notices-title" id="notices">
          <h2 id="notices-title">告知书</h2>
          {d.notices.length === 0 ? (
            <p>尚未生成告知书。</p>
          ) : (
            <Table
              caption={`共 ${d.notices.length} 份`}
              head={['文号', '标题', '印发日期', '送达', ...(p.noticeLinks ? ['文件'] : [])]}
              rows={d.notices.map((n) => [
                n.number ?? '—',
                n.title,
                <span class="nowrap">{formatDate(l, n.issuedOn)}</span>,
                n.servedOn ? `${n.servedMethod ?? ''} ${formatDate(l, n.servedOn)}`.trim() : '尚未送达',
                ...(p.noticeLinks ? [p.noticeLinks(n)] : []),
              ])}
            />
          )}
        </section>
      )}

      <section aria-labelledby="files-title">
        <h2 id="files-title">附件</h2>
        {d.attachments.length === 0 ? (
          <p>没有附件。</p>
        ) : (
          <ul>
            {d.attachments.map((f) => (
              <li>
                <a href={`/admin/applications/${d.id}/files/${f.id}`}>{f.filename}</a>（
                {Math.max(1, Math.round(f.size / 1024))} KB）
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="same-title">
        <h2 id="same-title">同一申请人的其他申请</h2>
        <p class="hint">按身份证明号码匹配（不解密），供判断重复申请和第三十五条情形。</p>
        {d.sameApplicant.length === 0 ? (
          <p>没有该申请人的其他申请。</p>
        ) : (
          <Table
            caption={`共 ${d.sameApplicant.length} 件`}
            head={['申请编号', '受理机关', '收到日期', '状态', '办理结果']}
            rows={d.sameApplicant.map((s) => [
              <a href={`/admin/applications/${s.id}`}>{s.trackingNumber}</a>,
              s.agencyName,
              <span class="nowrap">{formatDate(l, s.receivedOn)}</span>,
              CASE_STATE_LABELS[s.state as CaseState] ?? s.state,
              s.outcome && isOutcome(s.outcome) ? OUTCOME_RULES[s.outcome].label : '—',
            ])}
          />
        )}
      </section>

      {/* Appeals (行政复议、行政诉讼): rendered by the appeals register through appealsSection. */}
      {p.appealsSection ?? null}
    </AdminLayout>
  );
};

function extensionReason(d: CaseDetail): string | null {
  const e = d.history.findLast((h) => h.type === 'extensionRequested')?.event;
  return e?.type === 'extensionRequested' ? e.reason : null;
}
