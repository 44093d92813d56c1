// Charts of an annual report as server-side SVG (Apache ECharts, no browser script): outcomes by
// row, applicant types, new applications year over year, outcomes of reconsideration and lawsuits.
// Each SVG is an image for assistive technology (role="img", <title>, aria-label with the figures)
// and carries no inline style: the portal's CSP (style-src 'self') would drop style attributes, so
// they are turned into presentation attributes, and ECharts' hover <style> is left out.
import * as echarts from 'echarts';
import { TABLE3_COLUMN_LABELS, TABLE3_COLUMNS } from '../../domain/reports/table3-schema.js';
import {
  TABLE4_COLUMN_LABELS,
  TABLE4_COLUMNS,
  TABLE4_GROUP_LABELS,
  TABLE4_GROUPS,
} from '../../domain/reports/table4-schema.js';
import type { RenderableReport } from './model.js';

export interface ReportChart {
  key: 'outcomes' | 'applicants' | 'history' | 'appeals';
  title: string;
  /** The figures in one sentence (the aria-label and the text under the chart). */
  description: string;
  svg: string;
}

const FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
/** Sober colours that print well in grey: a government blue, then muted companions. */
const PALETTE = ['#2f5597', '#c0504d', '#9bbb59', '#8064a2', '#4bacc6', '#f79646', '#7f7f7f'];
/** Drawn narrower than shown on a desktop, so that its text stays readable when a phone scales it down. */
const WIDTH = 520;

/** The outcome groups of table 三 (（一）…（六）), each the sum of its rows' 总计 column. */
const OUTCOME_GROUPS: { label: string; keys: (k: string) => boolean }[] = [
  { label: '予以公开', keys: (k) => k === 'granted' },
  { label: '部分公开', keys: (k) => k === 'partial' },
  { label: '不予公开', keys: (k) => k.startsWith('denied.') },
  { label: '无法提供', keys: (k) => k.startsWith('unable.') },
  { label: '不予处理', keys: (k) => k.startsWith('notProcessed.') },
  { label: '其他处理', keys: (k) => k === 'other' || k.startsWith('other.') },
];

const total = (cells: (number | null)[] | undefined): number => cells?.[6] ?? 0;

export function outcomeFigures(r: Pick<RenderableReport, 'table3'>): { label: string; value: number }[] {
  const rows = Object.entries(r.table3.rows);
  return OUTCOME_GROUPS.map((g) => ({
    label: g.label,
    value: rows.filter(([k]) => g.keys(k)).reduce((s, [, cells]) => s + total(cells), 0),
  }));
}

export function applicantFigures(r: Pick<RenderableReport, 'table3'>): { label: string; value: number }[] {
  const received = r.table3.rows.newReceived ?? [];
  return TABLE3_COLUMNS.slice(0, 6).map((c, i) => ({
    label: TABLE3_COLUMN_LABELS[c],
    value: received[i] ?? 0,
  }));
}

const sentence = (items: { label: string; value: number }[], unit = '件') =>
  items.map((i) => `${i.label}${i.value}${unit}`).join('，');

export function reportCharts(r: RenderableReport): ReportChart[] {
  const charts: ReportChart[] = [];
  const outcomes = outcomeFigures(r);
  charts.push({
    key: 'outcomes',
    title: `${r.year}年政府信息公开申请办理结果`,
    description: `${r.year}年办理结果：${sentence(outcomes)}。`,
    svg: '',
  });
  const applicants = applicantFigures(r);
  charts.push({
    key: 'applicants',
    title: `${r.year}年新收申请的申请人类型`,
    description: `${r.year}年新收申请按申请人：${sentence(applicants)}。`,
    svg: '',
  });
  const history = [...(r.history ?? [])].sort((a, b) => a.year - b.year);
  if (history.length > 1) {
    charts.push({
      key: 'history',
      title: `${history[0]?.year}—${history[history.length - 1]?.year}年新收政府信息公开申请数量`,
      description: `新收申请数量：${history.map((h) => `${h.year}年${h.newReceived}件`).join('，')}。`,
      svg: '',
    });
  }
  charts.push({
    key: 'appeals',
    title: `${r.year}年政府信息公开行政复议、行政诉讼结果`,
    description: `${TABLE4_GROUPS.map(
      (g) =>
        `${TABLE4_GROUP_LABELS[g]}：${TABLE4_COLUMNS.slice(0, 4)
          .map((c, i) => `${TABLE4_COLUMN_LABELS[c]}${r.table4[g]?.[i] ?? 0}件`)
          .join('，')}`,
    ).join('；')}。`,
    svg: '',
  });
  return charts.map((c) => ({ ...c, svg: svgOf(c, optionFor(c.key, r, { outcomes, applicants, history })) }));
}

function optionFor(
  key: ReportChart['key'],
  r: RenderableReport,
  d: {
    outcomes: { label: string; value: number }[];
    applicants: { label: string; value: number }[];
    history: { year: number; newReceived: number }[];
  },
): { option: echarts.EChartsOption; height: number } {
  const base = {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: FONT, fontSize: 13, color: '#333' },
  };
  const label = { show: true, color: '#222', fontSize: 12 };
  if (key === 'outcomes' || key === 'applicants') {
    const items = key === 'outcomes' ? d.outcomes : d.applicants;
    return {
      height: 40 + items.length * 34,
      option: {
        ...base,
        grid: { left: 96, right: 64, top: 12, bottom: 24 },
        xAxis: { type: 'value', splitLine: { lineStyle: { color: '#e5e5e5' } } },
        yAxis: {
          type: 'category',
          inverse: true,
          data: items.map((i) => i.label),
          axisTick: { show: false },
        },
        series: [
          {
            type: 'bar',
            data: items.map((i) => i.value),
            barWidth: 18,
            label: { ...label, position: 'right' },
            itemStyle: { color: key === 'outcomes' ? PALETTE[0] : PALETTE[4] },
          },
        ],
      },
    };
  }
  if (key === 'history') {
    return {
      height: 260,
      option: {
        ...base,
        grid: { left: 64, right: 24, top: 28, bottom: 32 },
        xAxis: { type: 'category', data: d.history.map((h) => `${h.year}年`) },
        yAxis: { type: 'value', splitLine: { lineStyle: { color: '#e5e5e5' } } },
        series: [
          {
            type: 'bar',
            data: d.history.map((h) => h.newReceived),
            barMaxWidth: 48,
            label: { ...label, position: 'top' },
          },
        ],
      },
    };
  }
  return {
    height: 230,
    option: {
      ...base,
      legend: { top: 0, data: TABLE4_COLUMNS.slice(0, 4).map((c) => TABLE4_COLUMN_LABELS[c]) },
      grid: { left: 120, right: 24, top: 36, bottom: 24 },
      xAxis: { type: 'value', splitLine: { lineStyle: { color: '#e5e5e5' } } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: TABLE4_GROUPS.map((g) => TABLE4_GROUP_LABELS[g]),
        axisTick: { show: false },
      },
      series: TABLE4_COLUMNS.slice(0, 4).map((c, i) => ({
        type: 'bar' as const,
        name: TABLE4_COLUMN_LABELS[c],
        stack: 'all',
        barWidth: 22,
        data: TABLE4_GROUPS.map((g) => r.table4[g]?.[i] ?? 0),
        label: {
          show: true,
          color: '#fff',
          fontSize: 11,
          formatter: (p: { value: unknown }) => (p.value ? String(p.value) : ''),
        },
      })),
    },
  };
}

function svgOf(c: ReportChart, spec: { option: echarts.EChartsOption; height: number }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: spec.height });
  try {
    chart.setOption(spec.option);
    return accessible(chart.renderToSVGString(), c);
  } finally {
    chart.dispose();
  }
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** role="img" with a title and label; style attributes as presentation attributes; no <style>. */
export function accessible(svg: string, c: Pick<ReportChart, 'key' | 'title' | 'description'>): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>\s*/g, '')
    .replace(/ style="([^"]*)"/g, (_, css: string) =>
      css
        .split(';')
        .map((d) => d.trim())
        .filter((d) => d.includes(':'))
        .map((d) => {
          const at = d.indexOf(':');
          return ` ${d.slice(0, at).trim()}="${escapeXml(d.slice(at + 1).trim())}"`;
        })
        .join(''),
    )
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/^<svg /, `<svg role="img" aria-label="${escapeXml(`${c.title}：${c.description}`)}" `)
    .replace(/(<svg[^>]*>)/, `$1<title>${escapeXml(c.title)}</title>`);
}
