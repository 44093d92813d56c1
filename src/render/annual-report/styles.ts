// The stylesheet of an annual report (政府信息公开工作年度报告) in the look of a published
// government document. Inlined in standalone pages (annualReportDocument); the portal serves it as
// a stylesheet of its own (its CSP allows no inline style): see docs/annual-report.md.
export const ANNUAL_REPORT_CSS = `
.annual-report {
  --ar-ink: #111;
  --ar-rule: #222;
  --ar-soft: #f4f4f2;
  max-width: 50rem;
  margin: 0 auto;
  color: var(--ar-ink);
  font-family:
    'FangSong', 'STFangsong', '仿宋', '仿宋_GB2312', 'Noto Serif CJK SC', 'Noto Serif SC',
    'Source Han Serif SC', 'Songti SC', serif;
  font-size: 1.05rem;
  line-height: 1.85;
}
.annual-report .ar-head {
  text-align: center;
  margin: 1rem 0 2rem;
}
.annual-report .ar-title {
  font-family:
    '方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'SimSun', 'Songti SC', 'Noto Serif CJK SC', 'Noto Serif SC',
    serif;
  font-weight: 700;
  font-size: 1.6rem;
  line-height: 1.5;
  letter-spacing: 0.02em;
  margin: 0 0 0.75rem;
  color: var(--ar-ink);
}
.annual-report .ar-byline p {
  margin: 0;
  text-indent: 0;
  color: #444;
  font-size: 0.95rem;
}
.annual-report .ar-correction {
  display: inline-block;
  margin-top: 0.5rem !important;
  padding: 0.25rem 0.75rem;
  border: 1px solid #a4161a;
  color: #7d1013 !important;
}
.annual-report h2 {
  font-family:
    'SimHei', 'Heiti SC', '黑体', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif;
  font-weight: 700;
  font-size: 1.1rem;
  margin: 1.75rem 0 0.5rem;
  text-indent: 2em;
}
.annual-report h3 {
  font-family: 'KaiTi', 'STKaiti', '楷体', '楷体_GB2312', 'AR PL UKai CN', 'Noto Serif CJK SC', serif;
  font-weight: 700;
  font-size: 1.05rem;
  margin: 0.75rem 0 0.25rem;
  text-indent: 2em;
}
.annual-report p {
  margin: 0 0 0.5rem;
  text-indent: 2em;
  text-align: justify;
}
.annual-report .ar-remark {
  font-size: 0.9rem;
  text-indent: 0;
  color: #333;
}

/* Tables */
.annual-report .ar-table-wrap {
  overflow-x: auto;
  position: relative;
  max-width: 100%;
  margin: 0.75rem 0 1rem;
}
.annual-report .ar-table-wrap:focus-visible {
  outline: 3px solid #ffbf47;
}
.annual-report .ar-table {
  border-collapse: collapse;
  width: 100%;
  font-family: 'SimSun', 'Songti SC', 'Noto Serif CJK SC', 'Noto Serif SC', serif;
  font-size: 0.82rem;
  line-height: 1.45;
  background: #fff;
}
.annual-report .ar-table caption {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  clip-path: inset(50%);
  white-space: nowrap;
}
.annual-report .ar-table th,
.annual-report .ar-table td {
  border: 1px solid var(--ar-rule);
  padding: 0.3rem 0.35rem;
  vertical-align: middle;
  text-align: center;
  font-weight: 400;
}
.annual-report .ar-table thead th,
.annual-report .ar-table th[scope='colgroup'],
.annual-report .ar-table th[scope='col'] {
  background: var(--ar-soft);
  font-weight: 700;
}
.annual-report .ar-table th[scope='row'],
.annual-report .ar-table th[scope='rowgroup'] {
  text-align: left;
}
.annual-report .ar-table td.num {
  font-variant-numeric: tabular-nums;
  white-space: nowrap;
}
.annual-report .ar-table .ar-note {
  font-size: 0.75rem;
  text-align: left;
  color: #222;
}
.annual-report .ar-table th.ar-vertical {
  text-align: center;
  width: 2.2em;
  padding: 0.3rem 0.45rem;
}
.annual-report .ar-table2 {
  min-width: 30rem;
}
.annual-report .ar-table2 th[scope='row'] {
  text-align: center;
}
.annual-report .ar-table3 {
  min-width: 46rem;
}
.annual-report .ar-table3 .ar-col-1 {
  width: 2.4em;
}
.annual-report .ar-table3 .ar-col-2 {
  width: 6.5em;
}
.annual-report .ar-table3 .ar-col-3 {
  width: 15em;
}
.annual-report .ar-table4 {
  min-width: 44rem;
  table-layout: fixed;
}
.annual-report .ar-table4 thead tr:last-child th {
  font-weight: 400;
}

/* Charts */
.annual-report .ar-chart {
  margin: 1rem 0 1.5rem;
  break-inside: avoid;
}
.annual-report .ar-chart svg {
  display: block;
  width: 100%;
  max-width: 40rem;
  height: auto;
  margin: 0 auto;
}
.annual-report .ar-chart figcaption {
  text-align: center;
  font-size: 0.9rem;
  line-height: 1.6;
}
.annual-report .ar-chart figcaption strong {
  display: block;
}
.annual-report .ar-chart-desc {
  display: block;
  color: #444;
  font-size: 0.82rem;
}

/* The standalone page */
body.ar-page {
  margin: 0;
  background: #eceae6;
}
body.ar-page main {
  max-width: 54rem;
  margin: 1.5rem auto;
  padding: 2.5rem 3rem 3rem;
  background: #fff;
  box-shadow: 0 1px 6px rgba(0, 0, 0, 0.15);
}

@media (max-width: 40rem) {
  .annual-report {
    font-size: 1rem;
  }
  .annual-report .ar-title {
    font-size: 1.3rem;
  }
  .annual-report .ar-table {
    font-size: 0.75rem;
  }
  .annual-report .ar-table3 {
    min-width: 36rem;
  }
  .annual-report .ar-table3 .ar-col-2 {
    width: 4.5em;
  }
  .annual-report .ar-table3 .ar-col-3 {
    width: 10em;
  }
  .annual-report .ar-table3 .ar-note {
    font-size: 0.7rem;
  }
  body.ar-page main {
    margin: 0;
    padding: 1.25rem 1rem 2rem;
    box-shadow: none;
  }
}

@media print {
  @page {
    size: A4;
    margin: 25mm 22mm 25mm 24mm;
  }
  body.ar-page {
    background: #fff;
  }
  body.ar-page main {
    max-width: none;
    margin: 0;
    padding: 0;
    box-shadow: none;
  }
  .annual-report {
    max-width: none;
    font-size: 12pt;
  }
  .annual-report .ar-table-wrap {
    overflow: visible;
  }
  .annual-report .ar-table {
    min-width: 0;
    font-size: 8.5pt;
  }
  .annual-report .ar-table tr {
    break-inside: avoid;
  }
  .annual-report h2,
  .annual-report h3 {
    break-after: avoid;
  }
  .annual-report .ar-table thead th {
    background: none;
  }
}
`;
