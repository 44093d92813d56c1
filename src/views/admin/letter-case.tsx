// One letter as the office handles it: state, due date with its warning level, the three-month line
// (veto risk), the handling actions, the original letter (the writer's name masked; the full contact
// only through the audited reveal), the reply, the publication, every dated step with actor and unit,
// the attachments and the same writer's other letters.
import type { FC } from 'hono/jsx';
import type { LetterCase, LetterHistoryItem } from '../../queries/letter-case.js';
import { Button, ErrorSummary, PostForm } from '../components/forms.js';
import { SummaryList } from '../components/summary-list.js';
import { Table } from '../components/table.js';
import { formatDate, formatDateTime } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import {
  LETTER_CHANNEL_LABELS,
  LETTER_EVENT_LABELS,
  LETTER_KIND_LABELS,
  LETTER_STATE_LABELS,
  MAILBOX_KIND_LABELS,
  PUBLICATION_LABELS,
  SATISFACTION_LABELS,
  TRIAGE_LABELS,
} from '../models/letter-labels.js';
import { LetterActionForms, type LetterActionsProps, type PostedLetterAction } from './letter-actions.js';
import { SupervisedBadge, VetoBadge, WarningBadge } from './letter-badges.js';

/** The writer's contact details in full, after the audited reveal. */
export interface RevealedContact {
  name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export interface LetterCasePageView {
  shell: Omit<AdminShellProps, 'title'>;
  detail: LetterCase;
  today: string;
  canPersonalData: boolean;
  /** Whether an audited reveal is available at all (the command exists). */
  revealAvailable: boolean;
  actions: LetterActionsProps['actions'];
  forms: Omit<LetterActionsProps, 'detail' | 'csrf' | 'today' | 'actions' | 'posted'>;
  done?: string;
  posted?: PostedLetterAction;
  conflict?: string;
  revealed?: RevealedContact;
}

const label = <T extends string>(labels: Record<T, string>, v: string): string =>
  (labels as Record<string, string>)[v] ?? '其他';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The lines that explain one step (the reason, the unit, the text), in words. */
export function letterEventDetails(h: LetterHistoryItem, names: LetterCase['names']): string[] {
  const d = h.data;
  const agencyName = (v: unknown) => (typeof v === 'number' ? (names.agencies[v] ?? '') : '');
  const out: string[] = [];
  switch (h.type) {
    case 'submitted':
      if (d.channel) out.push(`渠道：${label(LETTER_CHANNEL_LABELS, str(d.channel))}`);
      break;
    case 'accepted':
      if (d.agencyId) out.push(`承办单位：${agencyName(d.agencyId)}`);
      break;
    case 'declined':
      out.push(`分拣结果：${label(TRIAGE_LABELS, str(d.triage))}`);
      if (d.reason) out.push(`理由：${str(d.reason)}`);
      if (typeof d.duplicateOf === 'number' && names.letters[d.duplicateOf])
        out.push(`重复于：${names.letters[d.duplicateOf]}`);
      if (d.replyText) out.push(`答复：${str(d.replyText)}`);
      break;
    case 'assigned':
      out.push(`承办单位：${agencyName(d.agencyId)}`);
      if (typeof d.userId === 'number' && names.users[d.userId]) out.push(`承办人：${names.users[d.userId]}`);
      break;
    case 'transferred':
      out.push(`由${agencyName(d.fromAgencyId)}转至${agencyName(d.toAgencyId)}`);
      if (d.reason) out.push(`理由：${str(d.reason)}`);
      break;
    case 'escalated':
      out.push(`呈送：${str(d.leader)}`);
      if (d.note) out.push(`拟办意见：${str(d.note)}`);
      break;
    case 'instructed':
      out.push(`批示：${str(d.instruction)}`);
      out.push(`交办：${agencyName(d.agencyId)}`);
      break;
    case 'replyDrafted':
    case 'replied':
      if (d.text) out.push(str(d.text));
      break;
    case 'reviewReturned':
      out.push(`退回意见：${str(d.comment)}`);
      break;
    case 'extensionRequested':
      out.push(`申请延期${String(d.days ?? '')}个工作日，理由：${str(d.reason)}`);
      break;
    case 'extensionApproved':
      out.push(`批准延期${String(d.days ?? '')}个工作日`);
      break;
    case 'extensionRefused':
      out.push(`理由：${str(d.reason)}`);
      break;
    case 'supervised':
      out.push(`督办意见：${str(d.comment)}`);
      break;
    case 'rated':
      out.push(`满意度：${label(SATISFACTION_LABELS, str(d.satisfaction))}`);
      if (d.comment) out.push(`评价：${str(d.comment)}`);
      break;
    case 'withheld':
      if (d.reason) out.push(`理由：${str(d.reason)}`);
      break;
  }
  return out;
}

export const LetterCasePage: FC<LetterCasePageView> = (p) => {
  const l = p.shell.lang;
  const d = p.detail;
  const v = d.view;
  const csrf = p.shell.csrf ?? '';
  const title = `信件 ${d.trackingNumber}`;
  const isOpen = v.state !== 'replied' && v.state !== 'archived';
  const r = p.revealed;
  const w = d.writer;
  const hidden = (has: boolean) => (has ? '已填写（已隐藏）' : '未填写');
  return (
    <AdminLayout {...p.shell} title={title} hasErrors={!!p.conflict || !!p.posted}>
      <p>
        <a href="/admin/letters">返回信件办理</a>
      </p>
      {p.conflict ? (
        <ErrorSummary lang={l} message={p.conflict} />
      ) : p.posted ? (
        <ErrorSummary
          lang={l}
          errors={p.posted.errors}
          message={p.posted.message ?? (p.posted.errors ? undefined : '未能办理，请检查后重试')}
        />
      ) : null}
      {p.done ? (
        <div class="notice notice-success" role="status">
          已办理：{p.done}
        </div>
      ) : null}
      <h1>{title}</h1>
      <SummaryList
        rows={[
          {
            key: '状态',
            value: (
              <>
                <span class={`tag ${isOpen ? 'tag-amber' : 'tag-grey'}`}>
                  {label(LETTER_STATE_LABELS, v.state)}
                </span>
                {v.triage !== 'pending' && v.triage !== 'accepted'
                  ? ` ${label(TRIAGE_LABELS, v.triage)}`
                  : ''}{' '}
                <SupervisedBadge supervised={v.supervised} />
              </>
            ),
          },
          {
            key: '办理期限',
            value: v.dueDate ? (
              <>
                <span class="nowrap">{formatDate(l, v.dueDate)}</span> <WarningBadge level={v.warningLevel} />
                {v.workingDaysLeft !== null
                  ? v.workingDaysLeft >= 0
                    ? `（还剩${v.workingDaysLeft}个工作日）`
                    : `（已逾期${-v.workingDaysLeft}个工作日）`
                  : ''}
                {v.extensionDays > 0 ? `，含批准延期${v.extensionDays}个工作日` : ''}
              </>
            ) : v.repliedOn ? (
              `${formatDate(l, v.repliedOn)}已答复`
            ) : (
              '—'
            ),
          },
          {
            key: '三个月答复期限',
            value: (
              <>
                <span class="nowrap">{formatDate(l, d.vetoOn)}</span> <VetoBadge risk={d.vetoRisk} />
                <div class="hint">有效来信超过三个月未答复的，网站检查单项否决。</div>
              </>
            ),
          },
          { key: '受理日期', value: v.acceptedOn ? formatDate(l, v.acceptedOn) : '尚未受理' },
          { key: '信箱', value: `${d.mailbox.name}（${label(MAILBOX_KIND_LABELS, d.mailbox.kind)}）` },
          { key: '类型', value: label(LETTER_KIND_LABELS, d.kind) },
          { key: '责任单位', value: d.agency.name },
          { key: '承办单位', value: d.handlingAgency?.name ?? '尚未交办' },
          { key: '承办人', value: d.assignedTo?.name ?? '未指定' },
          ...(d.duplicateOf
            ? [
                {
                  key: '重复于',
                  value: <a href={`/admin/letters/${d.duplicateOf.id}`}>{d.duplicateOf.trackingNumber}</a>,
                },
              ]
            : []),
        ]}
      />
      {d.extensionPending ? (
        <div class="notice notice-warning" role="status">
          <h2 class="notice-title">延期待审批</h2>
          <p>
            {formatDate(l, d.extensionPending.on)}申请延期{d.extensionPending.days}个工作日，理由：
            {d.extensionPending.reason}
          </p>
        </div>
      ) : null}
      {d.escalatedTo ? (
        <div class="notice" role="status">
          <h2 class="notice-title">等待领导批示</h2>
          <p>
            {formatDate(l, d.escalatedTo.on)}呈{d.escalatedTo.leader}批示。
          </p>
        </div>
      ) : null}

      <LetterActionForms
        detail={d}
        csrf={csrf}
        today={p.today}
        actions={p.actions}
        posted={p.posted}
        {...p.forms}
      />

      <section aria-labelledby="letter-title">
        <h2 id="letter-title">来信</h2>
        <SummaryList
          rows={[
            { key: '标题', value: d.title },
            { key: '内容', value: <div class="letter-text">{d.content}</div> },
            { key: '来信人', value: r ? (r.name ?? '未填写') : (w.nameMasked ?? '未填写') },
            { key: '联系电话', value: r ? (r.phone ?? '未填写') : (w.phoneMasked ?? hidden(w.hasPhone)) },
            { key: '电子邮箱', value: r ? (r.email ?? '未填写') : hidden(w.hasEmail) },
            { key: '通信地址', value: r ? (r.address ?? '未填写') : hidden(w.hasAddress) },
            { key: '是否同意公开', value: d.publicConsent ? '同意公开' : '不同意公开' },
            { key: '来信渠道', value: label(LETTER_CHANNEL_LABELS, d.channel) },
            { key: '来信日期', value: formatDate(l, d.receivedOn) },
            { key: '提交时间', value: formatDateTime(l, d.submittedAt) },
          ]}
        />
        {r ? (
          <p class="notice" role="status" id="personal-data-shown">
            已显示来信人完整联系方式。本次查看已记入审计日志。
          </p>
        ) : p.canPersonalData && p.revealAvailable ? (
          <PostForm action={`/admin/letters/${d.id}/personal-data`} csrf={csrf}>
            <p class="hint">
              来信人的姓名、电话、邮箱和地址默认隐藏。确需联系来信人时方可查看，每次查看均记入审计日志。
            </p>
            <Button variant="secondary">查看完整联系方式</Button>
          </PostForm>
        ) : null}
        {d.files.length > 0 ? (
          <>
            <h3>附件</h3>
            <ul>
              {d.files.map((f) => (
                <li>
                  <a href={`/admin/letters/${d.id}/files/${f.id}`}>{f.filename}</a>（
                  {Math.max(1, Math.round(f.size / 1024))} KB）
                  {f.kind === 'reply' ? '（答复附件）' : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {d.reply ? (
        <section aria-labelledby="reply-title">
          <h2 id="reply-title">答复</h2>
          <SummaryList
            rows={[
              { key: '答复日期', value: formatDate(l, d.reply.on) },
              { key: '答复单位', value: d.reply.agencyName ?? '—' },
              { key: '答复内容', value: <div class="letter-text">{d.reply.text}</div> },
              {
                key: '满意度',
                value: d.satisfaction
                  ? `${label(SATISFACTION_LABELS, d.satisfaction.value)}${d.satisfaction.comment ? `：${d.satisfaction.comment}` : ''}`
                  : '来信人尚未评价',
              },
            ]}
          />
        </section>
      ) : null}

      <section aria-labelledby="publication-title">
        <h2 id="publication-title">公开</h2>
        <SummaryList
          rows={[
            { key: '来信人意愿', value: d.publicConsent ? '同意公开' : '不同意公开' },
            { key: '公开决定', value: label(PUBLICATION_LABELS, d.publication.state) },
            ...(d.publication.state === 'published'
              ? [
                  { key: '公开时间', value: formatDateTime(l, d.publication.publishedAt) },
                  { key: '公开标题', value: d.publication.title },
                  { key: '公开的来信内容', value: <div class="letter-text">{d.publication.content}</div> },
                  { key: '公开的答复内容', value: <div class="letter-text">{d.publication.reply}</div> },
                ]
              : []),
          ]}
        />
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">办理记录</h2>
        <Table
          label="办理记录"
          caption={`共 ${d.history.length} 项`}
          head={['日期', '事项', '说明', '办理人', '单位', '记录时间']}
          rows={d.history.map((h) => [
            <span class="nowrap">{formatDate(l, h.on)}</span>,
            label(LETTER_EVENT_LABELS, h.type),
            <>
              {letterEventDetails(h, d.names).map((line) => (
                <div class="letter-text">{line}</div>
              ))}
              {h.note ? <div class="history-note">{h.note}</div> : null}
            </>,
            h.actorName ?? (h.type === 'submitted' || h.type === 'rated' ? '来信人' : '系统'),
            h.actorAgencyName ?? '—',
            <span class="nowrap">{formatDateTime(l, h.recordedAt)}</span>,
          ])}
        />
      </section>

      <section aria-labelledby="same-title">
        <h2 id="same-title">同一来信人的其他信件</h2>
        <p class="hint">按联系电话匹配（不解密）。</p>
        {d.sameWriter.length === 0 ? (
          <p>没有该来信人的其他信件。</p>
        ) : (
          <Table
            caption={`共 ${d.sameWriter.length} 件`}
            head={['信件编号', '标题', '来信日期', '状态']}
            rows={d.sameWriter.map((s) => [
              <a href={`/admin/letters/${s.id}`}>{s.trackingNumber}</a>,
              s.title,
              <span class="nowrap">{formatDate(l, s.receivedOn)}</span>,
              label(LETTER_STATE_LABELS, s.state),
            ])}
          />
        )}
      </section>
    </AdminLayout>
  );
};
