// Renders an audit event's data readably: a before/after table of changed fields, then any other
// facts as a list. Values are translated where we know them (roles, agency kinds, flags).
import type { FC } from 'hono/jsx';
import { AGENCY_KIND_LABELS, isAgencyKind } from '../../domain/agencies/agency.js';
import { formatDate, formatDateTime, type Lang } from '../i18n.js';
import { ACTIVE_LABELS, WORKDAY_LABELS } from '../models/admin-labels.js';
import { calendarDayKindLabel, dataLabel, sortDataKeys } from '../models/audit-labels.js';
import { roleLabel } from './users.js';

const T = {
  field: { zh: '字段', en: 'Field' },
  before: { zh: '修改前', en: 'Before' },
  after: { zh: '修改后', en: 'After' },
  value: { zh: '内容', en: 'Value' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  outOfScope: { zh: '（管辖范围外的机构）', en: '(an agency outside your scope)' },
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Names of agencies referred to by id (agencyId, parentId): `agency:12` → 江南市财政局. */
export type AuditNames = Record<string, string>;

export function formatValue(
  lang: Lang,
  subjectType: string,
  key: string,
  v: unknown,
  names: AuditNames = {},
): string {
  if (key === 'agencyId' && subjectType === 'calendar_day' && v === null)
    return lang === 'zh' ? '全国' : 'Nationwide';
  if (v === null || v === undefined || v === '') return '—';
  if (key === 'role' && typeof v === 'string') return roleLabel(lang, v);
  if (key === 'kind' && typeof v === 'string') {
    if (subjectType === 'agency' && isAgencyKind(v)) return AGENCY_KIND_LABELS[v];
    if (subjectType === 'calendar_day') return calendarDayKindLabel(lang, v) ?? v;
  }
  if (key === 'workday' && typeof v === 'boolean') return WORKDAY_LABELS[`${v}`][lang];
  if (key === 'active' && typeof v === 'boolean') return ACTIVE_LABELS[`${v}`][lang];
  if (typeof v === 'boolean') return v ? T.yes[lang] : T.no[lang];
  if ((key === 'agencyId' || key === 'parentId') && typeof v === 'number')
    return names[`agency:${v}`] ?? T.outOfScope[lang];
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return formatDateTime(lang, v);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(lang, v);
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v))
    return v.map((x) => (typeof x === 'object' && x ? dayLine(lang, x as Obj) : String(x))).join('；');
  return JSON.stringify(v);
}

/** One imported calendar day: 2026年10月1日 国庆节（放假）. */
function dayLine(lang: Lang, d: Obj): string {
  const date = typeof d.date === 'string' ? formatDate(lang, d.date) : '';
  const name = typeof d.name === 'string' ? ` ${d.name}` : '';
  const work = typeof d.workday === 'boolean' ? `（${WORKDAY_LABELS[`${d.workday}`][lang]}）` : '';
  return `${date}${name}${work}`;
}

export const AuditData: FC<{ lang: Lang; subjectType: string; data: Obj; names?: AuditNames }> = ({
  lang,
  subjectType,
  data,
  names,
}) => {
  const before = isObj(data.before) ? data.before : {};
  const after = isObj(data.after) ? data.after : {};
  const hasBefore = isObj(data.before);
  // A creation has no "before": its empty fields say nothing.
  const shown = (k: string) => hasBefore || (after[k] !== null && after[k] !== '');
  const changed = sortDataKeys(subjectType, [
    ...new Set([...Object.keys(before), ...Object.keys(after)]),
  ]).filter(shown);
  const rest = Object.entries(data).filter(([k]) => k !== 'before' && k !== 'after');
  return (
    <>
      {rest.length ? (
        <ul class="audit-facts">
          {rest.map(([k, v]) => (
            <li>
              {dataLabel(lang, subjectType, k)}：{formatValue(lang, subjectType, k, v, names)}
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
                <th scope="row">{dataLabel(lang, subjectType, k)}</th>
                {hasBefore ? <td>{formatValue(lang, subjectType, k, before[k], names)}</td> : null}
                <td>{k in after ? formatValue(lang, subjectType, k, after[k], names) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
};
