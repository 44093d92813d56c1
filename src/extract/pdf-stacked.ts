// Column headers printed one character per line (issue 11): a narrow header cell stacks 「总」 over
// 「计」, and with several such cells side by side each line holds one character of every column
// («维 | 纠 | 其 | 尚 | 总», then «持 | 正 | 他 | 未 | 计» …), which reads as nonsense. A run of two or
// more lines made only of such characters is read column by column instead: the characters whose
// x-intervals overlap form one column, top to bottom, giving one header line of words.
import type { PdfTextItem } from './pdf.js';

type Line = PdfTextItem[];

const STACKED = /^[^\d\s]{1,2}$/;
const isStacked = (line: Line) => line.length > 0 && line.every((w) => STACKED.test(w.str.trim()));

export function unstackHeaders(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length;) {
    let end = i;
    while (end < lines.length && isStacked(lines[end] as Line)) end++;
    const run = lines.slice(i, end);
    if (run.length >= 2 && run.some((l) => l.length >= 2)) {
      out.push(columnWords(run));
      i = end;
    } else {
      out.push(lines[i] as Line);
      i++;
    }
  }
  return out;
}

function columnWords(run: Line[]): Line {
  const columns: { left: number; right: number; chars: PdfTextItem[] }[] = [];
  for (const line of run) {
    for (const w of line) {
      const column = columns.find((c) => w.x < c.right && w.x + w.width > c.left);
      if (column) {
        column.chars.push(w);
        column.left = Math.min(column.left, w.x);
        column.right = Math.max(column.right, w.x + w.width);
      } else columns.push({ left: w.x, right: w.x + w.width, chars: [w] });
    }
  }
  const y = run[0]?.[0]?.y ?? 0;
  return columns
    .sort((a, b) => a.left - b.left)
    .map((c) => ({
      str: c.chars.map((w) => w.str.trim()).join(''),
      x: c.left,
      y,
      width: c.right - c.left,
      size: c.chars[0]?.size ?? 10,
    }));
}
