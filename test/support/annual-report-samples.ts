// Two reports for the renderers' tests and for looking at the output: the real 2020 report of
// 苏州市人民政府 (2019 format, test/fixtures/reports/2020-suzhou-city.*) with its own texts, and a
// synthetic 2021-format report (示例市, clearly not a real agency) whose tables hold every sum.
import { readFileSync } from 'node:fs';
import type { AnnualReport, Table3 } from '../../src/domain/reports/types.js';
import {
  toRenderable,
  type RenderableReport,
  type ReportTexts,
} from '../../src/render/annual-report/model.js';

const FIXTURES = new URL('../fixtures/reports/', import.meta.url);

export function suzhouTables(): AnnualReport {
  return JSON.parse(
    readFileSync(new URL('2020-suzhou-city.expected.json', FIXTURES), 'utf8'),
  ) as AnnualReport;
}

/** The fixture's texts: its seven numbered paragraphs of 一 laid out over the five parts. */
export function suzhouTexts(): ReportTexts {
  const text = readFileSync(new URL('2020-suzhou-city.txt', FIXTURES), 'utf8');
  const lines = text.split('\n').map((l) => l.trim());
  const at = (h: string) => lines.findIndex((l) => l.startsWith(h));
  const overview = lines.slice(at('一、') + 1, at('二、')).filter((l) => l !== '');
  const numbered = (n: string) =>
    (overview.find((l) => l.startsWith(`(${n})`)) ?? '').replace(/^\([一二三四五六七]\)/, '');
  const problems = lines.slice(at('五、') + 1).filter((l) => l !== '' && !l.endsWith('|'));
  return {
    overview: overview.filter((l) => !l.startsWith('(')),
    parts: {
      proactive: [numbered('一'), numbered('二')],
      onRequest: [numbered('四')],
      management: [numbered('五')],
      platform: [numbered('六'), numbered('三')],
      oversight: [numbered('七')],
    },
    problems,
  };
}

export function suzhouReport(): RenderableReport {
  return toRenderable(suzhouTables(), {
    scope: 'rollup',
    texts: suzhouTexts(),
    publishedOn: '2021-01-29',
  });
}

/** Table 三 of the synthetic report: six applicant columns per row, the 总计 column summed. */
function table3Of(rows: Record<string, number[]>): Table3 {
  const out: Table3['rows'] = {};
  for (const [k, v] of Object.entries(rows)) out[k] = [...v, v.reduce((s, x) => s + x, 0)];
  return {
    columns: ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'],
    columnLabels: ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
    rows: out,
  };
}

const z = [0, 0, 0, 0, 0, 0];
const OUTCOMES_2021: Record<string, number[]> = {
  granted: [212, 18, 3, 1, 6, 2],
  partial: [41, 4, 0, 0, 2, 0],
  'denied.stateSecret': [1, 0, 0, 0, 0, 0],
  'denied.lawForbidden': [2, 0, 0, 0, 0, 0],
  'denied.threeSecurityOneStability': z,
  'denied.thirdParty': [5, 1, 0, 0, 0, 0],
  'denied.internalAffairs': [3, 0, 0, 0, 0, 0],
  'denied.process': [4, 0, 0, 0, 1, 0],
  'denied.enforcementFile': [2, 0, 0, 0, 0, 0],
  'denied.adminQuery': [6, 1, 0, 0, 0, 0],
  'unable.notHeld': [96, 7, 1, 0, 3, 0],
  'unable.needsCreation': [11, 1, 0, 0, 0, 0],
  'unable.unclearAfterCorrection': [4, 0, 0, 0, 0, 0],
  'notProcessed.petition': [9, 0, 0, 0, 0, 0],
  'notProcessed.repeat': [13, 0, 0, 0, 0, 0],
  'notProcessed.publication': [1, 0, 0, 0, 0, 0],
  'notProcessed.massRepeat': [2, 0, 0, 0, 0, 0],
  'notProcessed.confirmOrReissue': [1, 0, 0, 0, 0, 0],
  'other.noCorrection': [17, 1, 0, 0, 0, 0],
  'other.feeUnpaid': [1, 0, 0, 0, 0, 0],
  'other.misc': [6, 0, 0, 0, 0, 0],
};

export function sample2021Tables(): AnnualReport {
  const total = z.map((_, i) => Object.values(OUTCOMES_2021).reduce((s, v) => s + (v[i] ?? 0), 0));
  const carriedOver = [12, 1, 0, 0, 1, 0];
  const carriedForward = [15, 2, 0, 0, 0, 0];
  const newReceived = total.map((t, i) => t + (carriedForward[i] ?? 0) - (carriedOver[i] ?? 0));
  return {
    format: '2021',
    year: 2021,
    agency: '示例市人民政府',
    table2: {
      regulations: { label: '规章', made: 3, repealed: 1, valid: 46 },
      normativeDocuments: { label: '行政规范性文件', made: 58, repealed: 12, valid: 412 },
      licensing: { label: '行政许可', decisions: 182406 },
      penalty: { label: '行政处罚', decisions: 35219 },
      coercion: { label: '行政强制', decisions: 1287 },
      fees: { label: '行政事业性收费', amountWan: 24518.36 },
    },
    table3: table3Of({
      newReceived,
      carriedOver,
      ...OUTCOMES_2021,
      total,
      carriedForward,
    }),
    table4: {
      columns: ['upheld', 'corrected', 'other', 'pending', 'total'],
      review: [9, 2, 1, 1, 13],
      suitDirect: [4, 1, 1, 2, 8],
      suitAfterReview: [2, 0, 0, 1, 3],
    },
    violations: [],
  };
}

export function sample2021Report(): RenderableReport {
  const p = (s: string) => [s];
  return toRenderable(sample2021Tables(), {
    scope: 'own',
    version: 2,
    correctionNote: '更正表三「（一）予以公开」行「自然人」列的数字。（示例数据）',
    texts: {
      overview: p(
        '本报告为示例数据，用于展示2021年格式年度报告的版式。2021年，示例市人民政府认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进决策、执行、管理、服务、结果公开。',
      ),
      parts: {
        proactive: p('全年主动公开政府信息3126条，其中政府文件215件，政策解读86篇。'),
        onRequest: p('全年新收政府信息公开申请492件，上年结转14件，办理完结489件，结转下年度继续办理17件。'),
        management: p('开展行政规范性文件清理，废止行政规范性文件12件，现行有效412件。'),
        platform: p('优化政府门户网站政府信息公开专栏，统一各部门公开目录。'),
        oversight: p('将政务公开纳入年度绩效考核，组织业务培训2次。'),
      },
      problems: p('存在的主要问题是政策解读形式较为单一。下一步，将丰富解读形式，提升公开质量。'),
      other: p('依据《政府信息公开信息处理费管理办法》规定，本年度发出收费通知1件，实际收取信息处理费0元。'),
    },
    history: [
      { year: 2019, newReceived: 388 },
      { year: 2020, newReceived: 417 },
      { year: 2021, newReceived: newReceivedTotal() },
    ],
    publishedOn: '2022-03-28',
  });
}

function newReceivedTotal(): number {
  return sample2021Tables().table3.rows.newReceived?.[6] ?? 0;
}
