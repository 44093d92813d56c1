// 检查结果: every finding of the rules on a report — errors (which block the submission) and
// warnings (each acknowledged with its own checkbox, inside the submission form) — with the cells
// named, the expected and the actual value, and links to the cases behind a cell of table 三 or 四.
import type { FC } from 'hono/jsx';
import type { Finding } from '../../domain/reports/annual/text-findings.js';
import type { CellRef } from '../../domain/reports/types.js';
import { fieldId, type FieldErrors } from '../components/forms.js';

export interface FindingsProps {
  findings: Finding[];
  /** Checkboxes to acknowledge the warnings (only inside the submission form). */
  acknowledging?: boolean;
  acknowledged: readonly string[];
  /** The page of the cases behind a cell (table 三 and 四 only), or null when not offered. */
  casesHref: ((cell: CellRef) => string) | null;
  errors?: FieldErrors;
}

const value = (v: Finding['expected']) => (v === null || v === undefined ? '—' : String(v));

const FindingItem: FC<{ f: Finding; i: number; p: FindingsProps }> = ({ f, i, p }) => {
  const linked = p.casesHref ? f.cells.filter((c) => c.cell.table !== 'table2') : [];
  const boxId = `ack-${i}`;
  const figures = f.expected !== null || f.actual !== null;
  return (
    <li class={f.severity === 'error' ? 'violation' : 'violation violation-warning'}>
      <p>
        <span class={f.severity === 'error' ? 'tag tag-red' : 'tag tag-amber'}>
          {f.severity === 'error' ? '错误' : '提示'}
        </span>{' '}
        <strong>{f.ruleTitle}</strong>
      </p>
      <p>{f.message}</p>
      {f.cells.length > 0 || figures ? (
        <p class="hint">
          {f.cells.length > 0 ? `涉及单元格：${f.cells.map((c) => c.name).join('；')}。` : null}
          {figures ? `应为 ${value(f.expected)}，实际为 ${value(f.actual)}。` : null}
        </p>
      ) : null}
      {linked.length > 0 ? (
        <p>
          相关案件：
          {linked.slice(0, 6).map((c, k) => (
            <>
              {k > 0 ? '、' : null}
              <a href={p.casesHref!(c.cell)}>{c.name}</a>
            </>
          ))}
          {linked.length > 6 ? `等 ${linked.length} 个单元格` : null}
        </p>
      ) : null}
      {f.severity === 'warning' && p.acknowledging ? (
        <div class="radio">
          <input
            type="checkbox"
            id={boxId}
            name="acknowledged"
            value={f.id}
            checked={p.acknowledged.includes(f.id)}
          />
          <label for={boxId}>已核对此项提示，确认按现有数据报送</label>
        </div>
      ) : null}
    </li>
  );
};

export const ReportFindings: FC<FindingsProps> = (p) => {
  const errors = p.findings.filter((f) => f.severity === 'error');
  const warnings = p.findings.filter((f) => f.severity === 'warning');
  const ackError = p.errors?.acknowledged;
  return (
    <section aria-labelledby={fieldId('findings')}>
      <h2 id={fieldId('findings')} tabindex={-1}>
        检查结果
      </h2>
      {p.errors?.findings ? (
        <p class="error-message">
          <span class="visually-hidden">错误：</span>
          {p.errors.findings}
        </p>
      ) : null}
      <p role="status">
        {p.findings.length === 0
          ? '各项规则均已通过：没有错误，也没有提示。'
          : `错误 ${errors.length} 项（须更正数据后才能报送），提示 ${warnings.length} 项（须逐条核对确认）。`}
      </p>
      {errors.length > 0 ? (
        <ol class="violations">
          {errors.map((f, i) => (
            <FindingItem f={f} i={i} p={p} />
          ))}
        </ol>
      ) : null}
      {warnings.length > 0 ? (
        <fieldset class={ackError ? 'fieldset field-error' : 'fieldset'} id={fieldId('acknowledged')}>
          <legend>提示</legend>
          {ackError ? (
            <p class="error-message">
              <span class="visually-hidden">错误：</span>
              {ackError}
            </p>
          ) : null}
          <ol class="violations">
            {warnings.map((f, i) => (
              <FindingItem f={f} i={errors.length + i} p={p} />
            ))}
          </ol>
        </fieldset>
      ) : null}
    </section>
  );
};
