import type { FC } from 'hono/jsx';
import { formatDate } from '../../lib/time.js';

/** 办理经过 as the applicant or the writer sees it: each step's day and what happened. */
export const CaseHistory: FC<{ steps: { on: string; label: string }[] }> = ({ steps }) => (
  <>
    <h2>办理经过</h2>
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">办理经过</caption>
        <thead>
          <tr>
            <th scope="col">日期</th>
            <th scope="col">事项</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((h) => (
            <tr>
              <td class="nowrap">{formatDate('zh', h.on)}</td>
              <td>{h.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </>
);
