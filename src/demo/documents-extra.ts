// The demo library's documents that come once a year (synthetic): the statistics bulletin, the
// budget, the procurement catalogue, civil-service recruitment, flood plans, the annual report on
// disclosure — each with its 第二十条 category — and the bodies of the city's clean-up decisions,
// which list the documents they abolish, amend or declare invalid by title and 发文字号.
import type { IsoDate } from '../domain/calendar/iso-date.js';
import type { Doc } from './documents.js';
import { quoted } from './documents-text.js';

export interface Special {
  agencyCode: string;
  on: IsoDate;
  title: string;
  genre: string;
  category: string;
  /** Theme names (documents-vocab.ts themeCode). */
  themes?: string[];
}

export function specialsOf(year: number): Special[] {
  const y = String(year);
  return [
    {
      agencyCode: 'JN',
      on: `${y}-01-20`,
      title: `江南市人民政府${year - 1}年政府信息公开工作年度报告`,
      genre: '报告',
      category: 'a20-15',
      themes: ['政务公开'],
    },
    {
      agencyCode: 'JN.CZJ',
      on: `${y}-01-15`,
      title: `江南市${y}—${year + 1}年政府集中采购目录及标准`,
      genre: '通知',
      category: 'a20-09',
      themes: ['财政'],
    },
    {
      agencyCode: 'JN.CZJ',
      on: `${y}-02-20`,
      title: `江南市${y}年市级财政预算公开说明`,
      genre: '其他',
      category: 'a20-07',
      themes: ['财政'],
    },
    {
      agencyCode: 'JN.RSJ',
      on: `${y}-02-12`,
      title: `江南市${y}年度考试录用公务员公告`,
      genre: '公告',
      category: 'a20-14',
      themes: ['人事工作'],
    },
    {
      agencyCode: 'JN.FGW',
      on: `${y}-03-05`,
      title: `江南市${y}年重大建设项目投资计划`,
      genre: '计划',
      category: 'a20-10',
      themes: ['重大建设项目'],
    },
    {
      agencyCode: 'JN.TJJ',
      on: `${y}-03-16`,
      title: `江南市${year - 1}年国民经济和社会发展统计公报`,
      genre: '公报',
      category: 'a20-04',
      themes: ['统计'],
    },
    {
      agencyCode: 'JN.SWJ',
      on: `${y}-04-15`,
      title: `江南市${y}年防汛防台应急预案`,
      genre: '方案',
      category: 'a20-12',
      themes: ['水利', '应急管理'],
    },
    {
      agencyCode: 'JN.SCJGJ',
      on: `${y}-03-25`,
      title: `江南市${y}年食品安全监督抽检计划`,
      genre: '计划',
      category: 'a20-13',
      themes: ['食品药品监管'],
    },
  ];
}

const p = (text: string) => `<p>${text}</p>`;
const named = (d: Doc) =>
  `${quoted(d.ruleName && d.level === 'rule' ? d.ruleName : d.title)}${d.docNumber ? `（${d.docNumber}）` : ''}`;

/** The body of a clean-up decision, from its relations (the targets are numbered by now). */
export function decisionBody(d: Doc, docs: readonly Doc[]): string {
  const of = (kind: string, partial?: boolean) =>
    d.relations
      .filter((r) => r.kind === kind && (partial === undefined || Boolean(r.note) === partial))
      .map((r, i) =>
        p(`${i + 1}. ${named(docs[r.to]!)}${r.note && kind === 'invalidates' ? `${r.note}` : ''}`),
      );
  const intro = p(
    d.level === 'rule'
      ? '为维护社会主义法制统一，市人民政府对现行政府规章进行了清理。经研究，决定：'
      : '为维护法制统一，根据《江南市行政规范性文件管理办法》有关规定，市人民政府组织对现行行政规范性文件进行了清理。经研究，决定：',
  );
  const parts =
    d.level === 'rule'
      ? [
          p('一、对下列政府规章的部分条款作出修改：'),
          ...of('amends'),
          p('二、废止下列政府规章：'),
          ...of('abolishes'),
        ]
      : d.relations.some((r) => r.kind === 'abolishes')
        ? [
            p('一、对下列行政规范性文件予以废止：'),
            ...of('abolishes'),
            p('二、对下列行政规范性文件的部分条款予以修改：'),
            ...of('amends'),
          ]
        : [
            p('一、宣布下列行政规范性文件失效：'),
            ...of('invalidates', false),
            p('二、宣布下列行政规范性文件的部分条款失效：'),
            ...of('invalidates', true),
          ];
  return [intro, ...parts, p('本决定自公布之日起施行。')].join('');
}
