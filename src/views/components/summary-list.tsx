import type { Child, FC } from 'hono/jsx';

/** Key/value rows (GOV.UK summary list): the "check your answers" and record-detail display. */
export const SummaryList: FC<{ rows: { key: string; value: Child }[] }> = ({ rows }) => (
  <dl class="summary-list">
    {rows.map((r) => (
      <div class="summary-row">
        <dt>{r.key}</dt>
        <dd>{r.value === null || r.value === undefined || r.value === '' ? '—' : r.value}</dd>
      </div>
    ))}
  </dl>
);
