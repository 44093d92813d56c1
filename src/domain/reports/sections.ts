// The six text sections of an annual report (第五十条; docs/legal.md §2.2) with the canonical
// headings used with the 2021 format. Tables 二–四 sit under sections 二–四.

export const REPORT_SECTIONS = [
  { key: 'overview', heading: '一、总体情况' },
  { key: 'proactive', heading: '二、主动公开政府信息情况' },
  { key: 'applications', heading: '三、收到和处理政府信息公开申请情况' },
  { key: 'appeals', heading: '四、政府信息公开行政复议、行政诉讼情况' },
  { key: 'problems', heading: '五、存在的主要问题及改进情况' },
  { key: 'other', heading: '六、其他需要报告的事项' },
] as const;

export type ReportSectionKey = (typeof REPORT_SECTIONS)[number]['key'];

export function sectionHeading(key: ReportSectionKey): string {
  return REPORT_SECTIONS.find((s) => s.key === key)?.heading ?? key;
}
