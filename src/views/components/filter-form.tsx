// The filter form above a back-office list: a GET form of the list's own URL with its fields, the
// 筛选 button and a 清除筛选 link back to the unfiltered list.
import type { Child, FC } from 'hono/jsx';
import { Select } from './forms.js';

export const FilterForm: FC<{ action: string; children?: Child }> = (p) => (
  <form method="get" action={p.action} class="filters">
    {p.children}
    <button type="submit" class="button button-secondary">
      筛选
    </button>
    <a href={p.action}>清除筛选</a>
  </form>
);

type Option = { value: string; label: string };

/** The year and agency of a list filtered by both, each 「全部」 until one is chosen. */
export const YearAgencyFilters: FC<{
  labels: { year: string; agencyId: string };
  filter: { year: string; agency: string };
  yearOptions: Option[];
  agencyOptions: Option[];
}> = (p) => (
  <>
    <Select
      name="year"
      label={p.labels.year}
      value={p.filter.year}
      options={p.yearOptions}
      includeBlank="全部"
    />
    <Select
      name="agency"
      label={p.labels.agencyId}
      value={p.filter.agency}
      options={p.agencyOptions}
      includeBlank="全部"
    />
  </>
);

/** The caption of a list cut at its limit: how many are shown, and that filtering narrows them. */
export function listCaption(count: number, truncated: boolean, unit: string): string {
  return truncated ? `仅显示最近 ${count} ${unit}，请用筛选缩小范围` : `共 ${count} ${unit}`;
}
