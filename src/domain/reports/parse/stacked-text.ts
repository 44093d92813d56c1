// Column headers printed one character per line, in text copied from a PDF (issue 11): with
// several narrow header cells side by side, each line holds one character of every column
//   本  本  现
//   年  年  行
//   制  废  有 …
// and the key view reads 「本本现年年行…」. A run of two or more such lines (only single CJK
// characters, at least two a line) is read column by column instead: 「本年制发件数 | 本年废止件数 | …」.
const STACKED = /^(?:[\u3400-\u9fff](?:[ \t|\u3000]+|$)){2,}$/;

const isStacked = (line: string) => STACKED.test(line.replace(/^[\s|]+/, '').trimEnd());

/** Characters of a stacked line with their offsets in it. */
function chars(line: string): { ch: string; at: number }[] {
  const out: { ch: string; at: number }[] = [];
  for (let i = 0; i < line.length; i++)
    if (/[\u3400-\u9fff]/.test(line[i] as string)) out.push({ ch: line[i] as string, at: i });
  return out;
}

function transpose(run: string[]): string {
  const rows = run.map(chars);
  const width = rows[0]?.length ?? 0;
  // The same count on every line: column i is the i-th character of each line.
  if (rows.every((r) => r.length === width)) {
    return Array.from({ length: width }, (_, i) => rows.map((r) => r[i]?.ch ?? '').join('')).join(' | ');
  }
  // Otherwise by offset: a character joins the column whose offset is within one of its own.
  const columns: { at: number; text: string }[] = [];
  for (const row of rows) {
    for (const c of row) {
      const column = columns.find((k) => Math.abs(k.at - c.at) <= 1);
      if (column) column.text += c.ch;
      else columns.push({ at: c.at, text: c.ch });
    }
  }
  return columns
    .sort((a, b) => a.at - b.at)
    .map((c) => c.text)
    .join(' | ');
}

/** Two single characters apart on one line: the cheap test before the lines are looked at. */
const MAYBE = /^[\s|]*[\u3400-\u9fff][ \t|\u3000]+[\u3400-\u9fff](?:[ \t|\u3000]|$)/m;

export function unstackText(text: string): string {
  if (!text.includes('\n') || !MAYBE.test(text)) return text;
  const lines = text.split('\n');
  const out: string[] = [];
  let changed = false;
  for (let i = 0; i < lines.length;) {
    let end = i;
    while (end < lines.length && isStacked(lines[end] as string)) end++;
    if (end - i >= 2) {
      out.push(transpose(lines.slice(i, end)));
      changed = true;
      i = end;
    } else out.push(lines[i++] as string);
  }
  return changed ? out.join('\n') : text;
}
