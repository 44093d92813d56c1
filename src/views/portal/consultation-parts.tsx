// Pieces shared by the portal's and the back office's consultation pages: status and adoption tags,
// the period line with the rule applied, and the feedback report's table (masked names only).
import type { FC } from 'hono/jsx';
import {
  ADOPTION_LABELS,
  CONSULTATION_TYPE_LABELS,
  periodText,
  STATUS_LABELS,
  type Adoption,
  type ConsultationStatus,
  type ConsultationType,
  type FeedbackReport,
  type MinimumPeriod,
} from '../../domain/consultations/index.js';
import { Table } from '../components/table.js';
import { formatDate } from '../i18n.js';

const STATUS_TAG: Record<ConsultationStatus, string> = {
  draft: 'tag-grey',
  upcoming: 'tag-amber',
  open: 'tag-green',
  ended: 'tag-amber',
  closed: 'tag-grey',
  feedback_published: 'tag-grey',
};

export const StatusTag: FC<{ status: ConsultationStatus }> = ({ status }) => (
  <span class={`tag ${STATUS_TAG[status]}`}>{STATUS_LABELS[status]}</span>
);

const ADOPTION_TAG: Record<Adoption, string> = {
  pending: 'tag-amber',
  adopted: 'tag-green',
  partly: 'tag-green',
  not_adopted: 'tag-grey',
};

export const AdoptionTag: FC<{ adoption: Adoption }> = ({ adoption }) => (
  <span class={`tag ${ADOPTION_TAG[adoption]}`}>{ADOPTION_LABELS[adoption]}</span>
);

/** 规章 / 行政规范性文件（涉及市场主体） */
export function typeText(c: { decisionType: ConsultationType; concernsMarket: boolean }): string {
  return `${CONSULTATION_TYPE_LABELS[c.decisionType]}${c.decisionType === 'normative' && c.concernsMarket ? '（涉及市场主体）' : ''}`;
}

/** 2026年6月1日至2026年6月30日 */
export function periodRange(c: { opensOn: string | null; closesOn: string | null }): string {
  if (!c.opensOn || !c.closesOn) return '未定';
  return `${formatDate('zh', c.opensOn)}至${formatDate('zh', c.closesOn)}`;
}

/** 不少于30日（依据） */
export function ruleText(rule: MinimumPeriod): string {
  return rule.days > 0 ? `不少于${periodText(rule)}（${rule.source}）` : rule.source;
}

/** The published report: the figures, then 序号 | 反馈人 | 意见内容 | 是否采纳 | 理由. */
export const FeedbackTable: FC<{ report: FeedbackReport }> = ({ report: r }) => (
  <>
    <dl class="consultation-figures">
      <div>
        <dt>征集期间</dt>
        <dd>{periodRange(r)}</dd>
      </div>
      <div>
        <dt>收到意见数</dt>
        <dd>{r.received} 条</dd>
      </div>
      <div>
        <dt>采纳数</dt>
        <dd>
          {r.adopted + r.partly} 条（其中部分采纳 {r.partly} 条）
        </dd>
      </div>
      <div>
        <dt>不予采纳数</dt>
        <dd>{r.notAdopted} 条</dd>
      </div>
    </dl>
    <Table
      caption="意见采纳情况"
      head={['序号', '反馈人', '意见内容', '是否采纳', '理由']}
      rows={r.rows.map((row) => [
        String(row.number),
        <span class="nowrap">{row.name}</span>,
        <>
          {row.clause ? <p class="consultation-clause">关于{row.clause}：</p> : null}
          <p class="consultation-text">{row.content}</p>
        </>,
        <AdoptionTag adoption={row.adoption} />,
        row.reason ?? '—',
      ])}
    />
  </>
);
