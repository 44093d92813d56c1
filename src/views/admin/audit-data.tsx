// Renders an audit event's data readably: a before/after table of changed fields, then any other
// facts as a list. Values are translated where we know them (roles, agency kinds, flags).
import type { FC } from 'hono/jsx';
import { AGENCY_KIND_LABELS, isAgencyKind } from '../../domain/agencies/agency.js';
import { formatDateTime, type Lang } from '../i18n.js';
import { dataLabel, sortDataKeys } from '../models/audit-labels.js';
import { roleLabel } from './users.js';

const T = {
  field: { zh: '字段', en: 'Field' },
  before: { zh: '修改前', en: 'Before' },
  after: { zh: '修改后', en: 'After' },
  value: { zh: '内容', en: 'Value' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function formatValue(lang: Lang, key: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (key === 'role' && typeof v === 'string') return roleLabel(lang, v);
  if (key === 'kind' && typeof v === 'string' && isAgencyKind(v)) return AGENCY_KIND_LABELS[v];
  if (typeof v === 'boolean') return v ? T.yes[lang] : T.no[lang];
  if ((key === 'agencyId' || key === 'parentId') && typeof v === 'number') return `#${v}`;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return formatDateTime(lang, v);
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

export const AuditData: FC<{ lang: Lang; data: Obj }> = ({ lang, data }) => {
  const before = isObj(data.before) ? data.before : {};
  const after = isObj(data.after) ? data.after : {};
  const hasBefore = isObj(data.before);
  // A creation has no "before": its empty fields say nothing.
  const shown = (k: string) => hasBefore || (after[k] !== null && after[k] !== '');
  const changed = sortDataKeys([...new Set([...Object.keys(before), ...Object.keys(after)])]).filter(shown);
  const rest = Object.entries(data).filter(([k]) => k !== 'before' && k !== 'after');
  return (
    <>
      {rest.length ? (
        <ul class="audit-facts">
          {rest.map(([k, v]) => (
            <li>
              {dataLabel(lang, k)}：{formatValue(lang, k, v)}
            </li>
          ))}
        </ul>
      ) : null}
      {changed.length ? (
        <table class="audit-changes">
          <thead>
            <tr>
              <th scope="col">{T.field[lang]}</th>
              {hasBefore ? <th scope="col">{T.before[lang]}</th> : null}
              <th scope="col">{hasBefore ? T.after[lang] : T.value[lang]}</th>
            </tr>
          </thead>
          <tbody>
            {changed.map((k) => (
              <tr>
                <th scope="row">{dataLabel(lang, k)}</th>
                {hasBefore ? <td>{formatValue(lang, k, before[k])}</td> : null}
                <td>{k in after ? formatValue(lang, k, after[k]) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
};
