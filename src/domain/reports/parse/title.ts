// Title, year and agency from the report's title: 「苏州市人民政府2020年政府信息公开工作年度报告」
// or 「2020年苏州市人民政府政府信息公开工作年度报告」, on its own line or quoted in 《》.

export interface TitleInfo {
  title?: string;
  year: number | null;
  agency: string | null;
}

const NAME = '[\\p{Script=Han}A-Za-z0-9()·]';
const TAIL = '政府信息公开(?:工作)?年度?报告';
const AGENCY_FIRST = new RegExp(`(${NAME}{2,40}?)((?:19|20)\\d\\d)年度?(?:本级)?${TAIL}`, 'u');
const YEAR_FIRST = new RegExp(`((?:19|20)\\d\\d)年度?(${NAME}{2,40}?)${TAIL}`, 'u');
/** Words that run into a title in prose: 「现发布苏州市…」. */
const LEAD_IN = /^.*?(?:现予?发布|现予?公布|特发布|予以发布|现将|关于)/u;

export function readTitle(text: string): TitleInfo {
  const head = text.slice(0, 20_000);
  const a = AGENCY_FIRST.exec(head);
  const b = YEAR_FIRST.exec(head);
  const first = a && (!b || a.index <= b.index) ? 'a' : b ? 'b' : null;
  if (first === null) return { year: null, agency: null };
  const [whole, agencyRaw, yearText] = first === 'a' ? [a![0], a![1], a![2]] : [b![0], b![2], b![1]];
  const agency = (agencyRaw ?? '').replace(LEAD_IN, '');
  const title = first === 'a' ? whole.slice((agencyRaw ?? '').length - agency.length) : whole;
  return { title, year: Number(yearText), agency: agency.length >= 2 ? agency : null };
}
