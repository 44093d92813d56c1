import type { Child, FC } from 'hono/jsx';

/**
 * A data table: column headers (scope="col"), one row of cells per record, optional caption.
 * `label`: the table may be wider than a phone and holds nothing focusable, so its scrolling box is
 * a labelled region the keyboard can reach (scrolls with the arrow keys; WCAG 2.1.1).
 */
export const Table: FC<{ head: string[]; rows: Child[][]; caption?: Child; label?: string }> = ({
  head,
  rows,
  caption,
  label,
}) => (
  <div class="table-wrap" {...(label ? { tabindex: 0, role: 'region', 'aria-label': label } : {})}>
    <table>
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {head.map((h) => (
            <th scope="col">{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((cells) => (
          <tr>
            {cells.map((c) => (
              <td>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);
