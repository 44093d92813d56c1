// The state of a deadline in one Chinese sentence, for the CLI and the public calculator alike.
// Overdue is said in calendar days too: on a rest day after the due date no working day may have
// passed yet, and 「已逾期 0 个工作日」 would read as "not overdue".
import type { Deadline } from './clock.js';
import { daysBetween, type IsoDate } from './iso-date.js';

export function deadlineStatusText(x: Deadline, today: IsoDate): string {
  const left = x.daysLeft ?? 0;
  switch (x.state) {
    case 'closed':
      return '已结束';
    case 'paused':
      return x.dueDate
        ? `暂停计算（不计算在期限内的期间），截至今天（${today}）还剩 ${left} 个工作日`
        : '暂停计算：等待申请人补正（第三十条）';
    case 'overdue': {
      const days = daysBetween(x.dueDate!, today);
      const workdays = -left;
      return workdays > 0
        ? `已逾期 ${workdays} 个工作日（${days} 天），答复期限为 ${x.dueDate}（今天为 ${today}）`
        : `已逾期 ${days} 天：答复期限 ${x.dueDate} 已过，此后尚未经过工作日（今天为 ${today}）`;
    }
    case 'running':
      return left === 0 ? `今天（${today}）到期` : `进行中，今天（${today}）之后还剩 ${left} 个工作日`;
  }
}

/**
 * When the due date is a 调休上班日 (a weekend day made a working day), say so: people do not expect
 * a deadline on a Saturday or Sunday. Null otherwise.
 */
export function dueDateNote(x: Deadline): string | null {
  const last = x.explanation?.segments.at(-1);
  if (!x.dueDate || !last || last.to !== x.dueDate || last.kind !== 'makeup-workday') return null;
  return `该日为${last.reason}，是工作日`;
}
