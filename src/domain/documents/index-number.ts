// 索引号: the catalogue number of a published item (政府信息公开目录, 第十二条). There is no national
// format: each province or platform sets its own, e.g. gov.cn 000014349/2018-00222 (机构代码 /
// 年份-五位流水号). So the format is a template of segments an installation configures:
//   {agency}     the agency's code (organisation code or 统一社会信用代码, as the installation chooses)
//   {year}       the four-digit year of publication
//   {theme}      the code of the document's first 主题分类
//   {serial:N}   the running number, zero-padded to N digits (never truncated); {serial} = no padding
// with literal separators between them. The serial comes from `number_sequence` (name 'index-number',
// agency, year — year 0 when the template has no {year}, so the counter never restarts). An index
// number is assigned once, when first published, and never changes afterwards.
import { InvalidInput, InvalidTransition } from '../errors.js';

/** gov.cn's form: 000014349/2018-00222. */
export const DEFAULT_INDEX_TEMPLATE = '{agency}/{year}-{serial:5}';

const INDEX_TEMPLATE_MAX_LENGTH = 80;
const MAX_SERIAL_WIDTH = 10;

export type IndexSegment =
  | { kind: 'literal'; text: string }
  | { kind: 'agency' }
  | { kind: 'year' }
  | { kind: 'theme' }
  | { kind: 'serial'; width: number };

export interface IndexNumberValues {
  agencyCode: string;
  year: number;
  themeCode?: string | null;
  serial: number;
}

const PLACEHOLDER_RE = /\{([^{}]*)\}/g;
/** Literal text: printable, no whitespace or braces (an index number is copied, quoted and searched). */
const LITERAL_RE = /^[^\s{}]+$/u;

/** The segments of a template, or the Chinese problem with it. */
export function parseIndexTemplate(template: string): { segments: IndexSegment[] } | { error: string } {
  if (template.trim() === '') return { error: '索引号模板不能为空' };
  if (template.length > INDEX_TEMPLATE_MAX_LENGTH) {
    return { error: `索引号模板不能超过${INDEX_TEMPLATE_MAX_LENGTH}个字符` };
  }
  const segments: IndexSegment[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER_RE)) {
    if (m.index > last) {
      const text = literal(template.slice(last, m.index));
      if ('error' in text) return text;
      segments.push(text);
    }
    const seg = placeholder(m[1] ?? '');
    if ('error' in seg) return seg;
    segments.push(seg);
    last = m.index + m[0].length;
  }
  if (last < template.length) {
    const tail = literal(template.slice(last));
    if ('error' in tail) return tail;
    segments.push(tail);
  }
  const count = (kind: IndexSegment['kind']) => segments.filter((s) => s.kind === kind).length;
  if (count('serial') === 0) return { error: '模板必须包含流水号 {serial}（如 {serial:5}）' };
  for (const kind of ['serial', 'agency', 'year', 'theme'] as const) {
    if (count(kind) > 1) return { error: `模板中 {${kind}} 只能出现一次` };
  }
  if (count('agency') === 0) return { error: '模板必须包含机构代码 {agency}，否则不同机构的索引号会重复' };
  for (let i = 1; i < segments.length; i++) {
    if (segments[i]!.kind !== 'literal' && segments[i - 1]!.kind !== 'literal') {
      return { error: '相邻的两个占位符之间必须有分隔符（如 / 或 -）' };
    }
  }
  return { segments };
}

function literal(text: string): IndexSegment | { error: string } {
  if (text.includes('{') || text.includes('}')) return { error: '模板中的花括号不成对' };
  if (!LITERAL_RE.test(text)) return { error: '模板中的分隔符不能包含空格' };
  return { kind: 'literal', text };
}

function placeholder(body: string): IndexSegment | { error: string } {
  const [name, arg, ...rest] = body.split(':');
  if (name === 'agency' && arg === undefined) return { kind: 'agency' };
  if (name === 'year' && arg === undefined) return { kind: 'year' };
  if (name === 'theme' && arg === undefined) return { kind: 'theme' };
  if (name === 'serial' && rest.length === 0) {
    if (arg === undefined) return { kind: 'serial', width: 0 };
    const width = /^\d{1,2}$/.test(arg) ? Number(arg) : NaN;
    if (!(width >= 1 && width <= MAX_SERIAL_WIDTH)) {
      return { error: `流水号位数应为1到${MAX_SERIAL_WIDTH}之间的整数，如 {serial:5}` };
    }
    return { kind: 'serial', width };
  }
  return { error: `模板中有无法识别的占位符 {${body}}，可用 {agency}、{year}、{theme}、{serial:N}` };
}

/** Throws InvalidInput (field `indexTemplate`) when the template is not usable. */
export function validateIndexTemplate(template: string): IndexSegment[] {
  const parsed = parseIndexTemplate(template);
  if ('error' in parsed) throw new InvalidInput({ indexTemplate: parsed.error });
  return parsed.segments;
}

/** Whether the counter restarts each year: the template has {year} (else the command uses year 0). */
export function templateResetsYearly(template: string): boolean {
  return validateIndexTemplate(template).some((s) => s.kind === 'year');
}

/** Whether the template needs a theme code. */
export function templateNeedsTheme(template: string): boolean {
  return validateIndexTemplate(template).some((s) => s.kind === 'theme');
}

/** The index number of these values under the template: formatIndexNumber(DEFAULT…, …) = 000014349/2018-00222. */
export function formatIndexNumber(template: string, values: IndexNumberValues): string {
  const segments = validateIndexTemplate(template);
  const { agencyCode, year, themeCode, serial } = values;
  return segments
    .map((s) => {
      switch (s.kind) {
        case 'literal':
          return s.text;
        case 'agency':
          if (!LITERAL_RE.test(agencyCode)) {
            throw new InvalidInput({ agencyCode: '机构代码为空或含有空格，无法生成索引号' });
          }
          return agencyCode;
        case 'year':
          if (!Number.isInteger(year) || year < 1000 || year > 9999) {
            throw new InvalidInput({ year: `年份「${year}」无效，应为四位数字` });
          }
          return String(year);
        case 'theme':
          if (!themeCode || !LITERAL_RE.test(themeCode)) {
            throw new InvalidInput({ themes: '索引号模板包含主题分类，请先选择主题分类' });
          }
          return themeCode;
        case 'serial':
          if (!Number.isSafeInteger(serial) || serial < 1) {
            throw new InvalidInput({ serial: `流水号「${serial}」无效，应为正整数` });
          }
          return String(serial).padStart(s.width, '0');
      }
    })
    .join('');
}

/**
 * An index number, once assigned, is never changed or removed (it is cited, linked and archived).
 * The command calls this before every save of a document that already has one.
 */
export function assertIndexNumberUnchanged(current: string | null, next: string | null): void {
  if (current !== null && current !== next) {
    throw new InvalidTransition(`索引号「${current}」已在发布时确定，不能修改`);
  }
}
