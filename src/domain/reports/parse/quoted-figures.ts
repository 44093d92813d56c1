// Rule C4: a figure quoted in the text that contradicts the tables. Only phrasings that can mean
// nothing else are used (「共收到政府信息公开申请2833件」): the overview of a 汇总 report often
// quotes the 本级 figures, which rightly differ from the tables.
import { place } from '../location.js';
import type { Table3, Violation } from '../types.js';

const NEW_RECEIVED = /(?:全年|本年|本年度)?共(?:新)?收到(?:各类)?政府信息公开申请(?:共计?|合计)?(\d+)件/;

export function quotedFigureViolations(text: string, table3: Table3): Violation[] {
  const m = NEW_RECEIVED.exec(text);
  const total = table3.rows['newReceived']?.[6];
  if (!m || total === null || total === undefined) return [];
  const quoted = Number(m[1]);
  if (quoted === total) return [];
  return [
    {
      rule: 'C4',
      severity: 'warning',
      ...place.table3Cell('newReceived', 'total'),
      expected: quoted,
      actual: total,
      message: `正文称「${m[0]}」，表三「本年新收政府信息公开申请数量」总计却为 ${total}。`,
    },
  ];
}
