// The human (Chinese) rendering of a Deadline for the terminal: the due date, the state, and the
// explanation day range by day range, so the result can be checked by hand (design rule 2).
import { daysBetween, weekday, type Deadline, type IsoDate } from '../domain/calendar/index.js';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function zhDate(d: IsoDate): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日（${d}，${WEEKDAYS[weekday(d)]}）`;
}

function stateLine(x: Deadline, today: IsoDate): string {
  const left = x.daysLeft;
  switch (x.state) {
    case 'closed':
      return '已结束';
    case 'paused':
      return x.dueDate
        ? `暂停计算（不计算在期限内的期间），截至今天（${today}）还剩 ${left} 个工作日`
        : '暂停计算：等待申请人补正（第三十条）';
    case 'overdue':
      return `已逾期 ${-(left ?? 0)} 个工作日（今天为 ${today}）`;
    case 'running':
      return left === 0 ? `今天（${today}）到期` : `进行中，今天（${today}）之后还剩 ${left} 个工作日`;
  }
}

export function deadlineText(x: Deadline, today: IsoDate, extend?: number | null): string {
  const out: string[] = [];
  out.push(x.dueDate ? `答复期限：${zhDate(x.dueDate)}` : '答复期限：尚未开始计算（等待补正后的申请）');
  if (x.originalDueDate && x.originalDueDate !== x.dueDate) {
    out.push(`原答复期限（20个工作日）：${zhDate(x.originalDueDate)}`);
    if (extend) out.push(`延长答复期限：${extend} 个工作日（第三十三条第二款）`);
  }
  out.push(`状态：${stateLine(x, today)}`);
  out.push(`补正告知期限：${zhDate(x.correctionNoticeDue)}（收到申请之日起7个工作日内，第三十条）`);
  const ex = x.explanation;
  if (ex) {
    out.push('', '计算过程：', `  起算日 ${ex.start}：${ex.startReason}`);
    for (const s of ex.segments) {
      const range = s.from === s.to ? s.from : `${s.from} 至 ${s.to}（${daysBetween(s.from, s.to) + 1}天）`;
      const counted = s.workdays > 0 ? `计 ${s.workdays} 个工作日` : '不计';
      out.push(`  ${range}  ${s.reason}  ${counted}`);
    }
    out.push(`  合计 ${ex.period} 个工作日`);
  }
  if (x.warnings.length > 0) {
    out.push('', '警告：');
    for (const w of x.warnings) out.push(`  ! ${w.message}`);
  }
  return out.join('\n');
}
