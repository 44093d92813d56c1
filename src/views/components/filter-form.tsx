// The filter form above a back-office list: a GET form of the list's own URL with its fields, the
// 筛选 button and a 清除筛选 link back to the unfiltered list.
import type { Child, FC } from 'hono/jsx';

export const FilterForm: FC<{ action: string; children?: Child }> = (p) => (
  <form method="get" action={p.action} class="filters">
    {p.children}
    <button type="submit" class="button button-secondary">
      筛选
    </button>
    <a href={p.action}>清除筛选</a>
  </form>
);

/** The caption of a list cut at its limit: how many are shown, and that filtering narrows them. */
export function listCaption(count: number, truncated: boolean, unit: string): string {
  return truncated ? `仅显示最近 ${count} ${unit}，请用筛选缩小范围` : `共 ${count} ${unit}`;
}
