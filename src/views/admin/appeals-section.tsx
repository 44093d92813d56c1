// The 复议诉讼 section of an application's case page: the appeals linked to the application, and a
// link that registers a new one prefilled from the case. Rendered by the case page with the list of
// `appealsOfApplication(db, actor, applicationId)` (src/queries/appeals.ts).
import type { FC } from 'hono/jsx';
import { appealKindText } from '../../domain/appeals/appeals.js';
import type { AppealItem } from '../../queries/appeals.js';
import { Table } from '../components/table.js';
import { formatDate } from '../i18n.js';
import { APPEAL_FIELD_LABELS as F, ResultTag } from './appeals.js';

export interface AppealsSectionProps {
  appeals: AppealItem[];
  applicationId: number;
  /** Show 登记复议诉讼 (the actor may manage appeals: can(actor, 'appeal.manage')). */
  canManage?: boolean;
}

export const AppealsSection: FC<AppealsSectionProps> = (p) => (
  <section aria-labelledby="appeals-title" class="case-appeals">
    <h2 id="appeals-title">行政复议、行政诉讼</h2>
    {p.appeals.length === 0 ? (
      <p>本申请没有登记行政复议或行政诉讼。</p>
    ) : (
      <Table
        head={[F.kind, F.filedOn, F.body, F.result, F.decidedOn]}
        rows={p.appeals.map((a) => [
          <a href={`/admin/appeals/${a.id}`}>{appealKindText(a)}</a>,
          <span class="nowrap">{formatDate('zh', a.filedOn)}</span>,
          a.body,
          <ResultTag result={a.result} />,
          a.decidedOn ? <span class="nowrap">{formatDate('zh', a.decidedOn)}</span> : '—',
        ])}
      />
    )}
    {p.canManage ? (
      <p>
        <a class="button button-secondary" href={`/admin/appeals/new?application=${p.applicationId}`}>
          登记复议诉讼
        </a>
      </p>
    ) : null}
  </section>
);
