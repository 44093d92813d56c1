import type { Child, FC } from 'hono/jsx';

/** A data table: column headers (scope="col"), one row of cells per record, optional caption. */
export const Table: FC<{ head: string[]; rows: Child[][]; caption?: Child }> = ({ head, rows, caption }) => (
  <div class="table-wrap">
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
