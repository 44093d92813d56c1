// The human (Chinese) rendering of a Deadline for the terminal: the due date, the state, and the
// explanation day range by day range, so the result can be checked by hand (design rule 2).
import {
  daysBetween,
  deadlineStatusText,
  dueDateNote,
  weekday,
  type Deadline,
  type IsoDate,
} from '../domain/calendar/index.js';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export function zhDate(d: IsoDate): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日（${d}，${WEEKDAYS[weekday(d)]}）`;
}

export function deadlineText(x: Deadline, today: IsoDate): string {
  const out: string[] = [];
  const note = dueDateNote(x);
  out.push(
    x.dueDate
      ? `答复期限：${zhDate(x.dueDate)}${note ? `——${note}` : ''}`
      : '答复期限：尚未开始计算（等待补正后的申请）',
  );
  const extension = x.explanation?.segments.filter((s) => s.kind === 'extension') ?? [];
  if (x.originalDueDate && x.originalDueDate !== x.dueDate) {
    out.push(`原答复期限（20个工作日）：${zhDate(x.originalDueDate)}`);
    const n = extension.reduce((sum, s) => sum + s.workdays, 0);
    if (n > 0) out.push(`延长答复期限：${n} 个工作日（第三十三条第二款）`);
  }
  out.push(`状态：${deadlineStatusText(x, today)}`);
  out.push(`补正告知期限：${zhDate(x.correctionNoticeDue)}（收到申请之日起7个工作日内，第三十条）`);
  for (const c of x.consultations) {
    const got = c.answeredOn ? `，${c.answeredOn}答复` : '，尚未答复';
    out.push(
      `征求意见（${c.party}）：${c.sentOn}发出，${c.receiptAssumed ? '推定' : ''}${c.receivedOn}收到，答复期限 ${c.answerDue}${got}；不计算的时间至 ${c.excludedUntil}`,
    );
  }
  const ex = x.explanation;
  if (ex) {
    out.push('', '计算过程：', `  起算日 ${ex.start}：${ex.startReason}`);
    for (const s of ex.segments) {
      const range = s.from === s.to ? s.from : `${s.from} 至 ${s.to}（${daysBetween(s.from, s.to) + 1}天）`;
      const counted = s.workdays > 0 ? `计 ${s.workdays} 个工作日` : '不计';
      out.push(`  ${range}  ${s.reason}  ${counted}`);
    }
    out.push(`  合计 ${ex.period} 个工作日`);
    if (ex.notes.length > 0) {
      out.push('', '说明：');
      for (const n of ex.notes) out.push(`  · ${n}`);
    }
  }
  if (x.warnings.length > 0) {
    out.push('', '警告：');
    for (const w of x.warnings) out.push(`  ! ${w.message}`);
  }
  return out.join('\n');
}
