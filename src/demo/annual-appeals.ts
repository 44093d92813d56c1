// The demo city's 行政复议 and 行政诉讼 of 2020 (issue 12 item 8): table 四 of the city's 2020 汇总
// report, less the imported bureau's, one appeal per count — the city government's own 15 and the
// rest over the agencies whose refusals were appealed. Counted under the installation's default
// appeal-year rule (立案年度与审结年度分别统计): a case decided in 2020 counts under its result; one
// filed in 2020 and decided in 2021 counts as 尚未审结 in 2020 (and under its result in 2021).
// Each appeal is against a refusal of the same agency, filed after the reply.
import { addDays, type IsoDate } from '../domain/calendar/iso-date.js';
import { TABLE4_GROUPS, type Table4Group } from '../domain/reports/table4-schema.js';
import type { AppealResult } from '../domain/appeals/appeals.js';
import type { DemoAppeal } from './applications.js';
import type { WorkCalendar } from '../domain/calendar/work-calendar.js';
import { demoHistoryCases, type HistoryCase } from './annual-cases.js';
import { seeded } from './annual-people.js';
import { CITY_2020, CITY_OWN_2020, IMPORTED_MEMBER_2020, minus } from './annual-target.js';

const SEED = 20210115;
const RESULTS: readonly AppealResult[] = ['upheld', 'corrected', 'other', 'pending'];

const NOTES: Partial<Record<AppealResult, string>> = {
  corrected: '复议机关（法院）认为答复理由不充分，责令被申请人重新答复。',
  other: '申请人撤回申请，案件终止。',
};

/** The reconsideration body: the government above (the province above the city government). */
function reviewBody(code: string): string {
  if (code === 'JN') return '江东省人民政府';
  const parts = code.split('.');
  return parts.length === 2 ? '江南市人民政府' : `${AREA_NAMES[parts[1]!] ?? '江南市'}人民政府`;
}
const AREA_NAMES: Record<string, string> = {
  DC: '江南市东城区',
  XC: '江南市西城区',
  JB: '江南市江北区',
  HB: '江南市湖滨区',
  XG: '江南市新港区',
  NH: '江南市南湖区',
  MS: '梅山市',
  QX: '青溪市',
  LJ: '临江市',
  YY: '云阳县',
};
const court = (code: string) => (code === 'JN' ? '江南市中级人民法院' : '江南市东城区人民法院');

/** `history`: demoHistoryCases' list; each appeal names its application by index in it. */
export function demoHistoryAppeals(history: readonly HistoryCase[]): DemoAppeal[] {
  const r = seeded(SEED);
  const { table4 } = CITY_2020;
  const rest = minus(minus(table4, IMPORTED_MEMBER_2020.figures.table4), CITY_OWN_2020.table4);
  // Refusals answered in 2020 (the ones the city's courts and reconsideration bodies heard).
  const refused = history
    .map((c, index) => ({ c, index }))
    .filter(
      ({ c }) =>
        c.row !== 'granted' &&
        c.row !== 'other' &&
        c.concludedOn >= '2020-01-01' &&
        c.concludedOn <= '2020-12-31',
    );
  const used = new Set<number>();
  const out: DemoAppeal[] = [];
  let number = 0;
  const add = (group: Table4Group, result: AppealResult, city: boolean) => {
    const decided = result !== 'pending';
    // Decided cases were answered early enough to be decided in 2020; pending ones later.
    const fits = ({ c, index }: (typeof refused)[number]) =>
      !used.has(index) &&
      (c.agencyCode === 'JN') === city &&
      (decided
        ? c.concludedOn <= '2020-08-31'
        : c.concludedOn >= '2020-06-01' && c.concludedOn <= '2020-10-15');
    const candidates = refused.filter(fits);
    if (candidates.length === 0) throw new Error(`no refusal left to appeal (${group}, ${result})`);
    const { c, index } = r.pick(candidates);
    used.add(index);
    const litigation = group !== 'review';
    // A suit after reconsideration follows the reconsideration decision (行政诉讼法 第四十五条).
    const filedOn = addDays(c.concludedOn, group === 'suitAfterReview' ? r.int(60, 75) : r.int(15, 40));
    const decidedOn: IsoDate = decided
      ? addDays(filedOn, r.int(30, Math.min(75, dayDiff(filedOn, '2020-12-31'))))
      : addDays('2021-01-01', r.int(20, 150));
    out.push({
      application: index,
      kind: litigation ? 'litigation' : 'reconsideration',
      body: litigation ? court(c.agencyCode) : reviewBody(c.agencyCode),
      caseNumber: litigation
        ? `（2020）江05${c.agencyCode === 'JN' ? '' : '02'}行初${100 + ++number}号`
        : `${c.agencyCode === 'JN' ? '江东' : '江南'}复〔2020〕${200 + ++number}号`,
      filedOn,
      afterReconsideration: group === 'suitAfterReview',
      // Pending in 2020: decided in 2021, mostly upheld.
      result: decided ? result : r.chance(0.8) ? 'upheld' : 'corrected',
      decidedOn,
      note: NOTES[decided ? result : 'pending'] ?? null,
    });
  };
  for (const group of TABLE4_GROUPS)
    RESULTS.forEach((result, i) => {
      for (let k = 0; k < CITY_OWN_2020.table4[group][i]!; k++) add(group, result, true);
      for (let k = 0; k < rest[group][i]!; k++) add(group, result, false);
    });
  return out;
}

function dayDiff(a: IsoDate, b: IsoDate): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

/** The whole 2019–2020 history: the applications and the appeals against them. */
export function demoHistory(calendar: WorkCalendar): { cases: HistoryCase[]; appeals: DemoAppeal[] } {
  const cases = demoHistoryCases(calendar);
  return { cases, appeals: demoHistoryAppeals(cases) };
}
