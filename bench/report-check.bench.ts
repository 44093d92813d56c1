// Reports read and checked per second on one core (target ≥ 500/s on the Suzhou fixture).
//
// Baseline, measured in the same run: the same report already in the canonical JSON —
// JSON.parse of 2020-suzhou-city.expected.json plus check() — i.e. what checking costs when
// nothing has to be read. The ratio says how many times dearer reading the published text is.
// Other layouts of the same tables are listed for comparison, then reports that need joint
// solving (issue 11): rows whose digits ran together have several splits, settled together by
// A1/B1 across the table. Rates are per second of this process's CPU time (user + system), so
// that other work on a shared machine does not lower them; wall-clock rates are shown beside.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { check } from '../src/domain/reports/check.js';
import { parseReport } from '../src/domain/reports/parse/parse-report.js';
import { isReading, readReport } from '../src/domain/reports/parse/settle.js';
import { renderDocument } from '../src/domain/reports/parse/testing/layouts.js';
import { SAMPLE_2021, SUZHOU_2020 } from '../src/domain/reports/parse/testing/samples.js';
import type { AnnualReport } from '../src/domain/reports/types.js';

export const title = '年报体检：reports read and checked per second, one core';

const FIXTURES = new URL('../test/fixtures/reports/', import.meta.url);
const MIN_MS = 1500;

interface Result {
  name: string;
  perSecond: number;
  wallPerSecond: number;
}

/** Runs `fn` repeatedly for at least MIN_MS after a warm-up; returns calls per CPU and wall second. */
function measure(name: string, fn: () => unknown): Result {
  for (let i = 0; i < 50; i++) fn();
  let calls = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_MS) {
    for (let i = 0; i < 20; i++) fn();
    calls += 20;
    elapsed = performance.now() - start;
  }
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  return { name, perSecond: (calls / cpuMs) * 1000, wallPerSecond: (calls / elapsed) * 1000 };
}

/** True when some row of the text has several readings before the rules tie the rows together. */
function needsJointSolving(text: string): boolean {
  const reading = readReport(text);
  if (!isReading(reading)) return false;
  return reading.rows.table3.vars.some((v) => v.candidates.length > 1);
}

export async function run(): Promise<void> {
  const text = readFileSync(new URL('2020-suzhou-city.txt', FIXTURES), 'utf8');
  const json = readFileSync(new URL('2020-suzhou-city.expected.json', FIXTURES), 'utf8');
  const sanity = parseReport(text);
  if (sanity.status !== 'ok') throw new Error(`the fixture no longer reads as ok: ${sanity.status}`);
  for (const [name, doc] of JOINT) {
    if (!needsJointSolving(doc)) throw new Error(`${name} no longer needs joint solving`);
  }

  const baseline = measure('baseline: JSON.parse(expected.json) + check()', () =>
    check(JSON.parse(json) as AnnualReport),
  );
  const results: Result[] = [
    measure('fixture text (layout a) → parseReport', () => parseReport(text)),
    measure('same tables, layout (b) one row per line', () => parseReport(layoutB)),
    measure('same tables, layout (e) HTML', () => parseReport({ html: layoutE })),
  ];
  const joint = JOINT.map(([name, doc]) => measure(`needs joint solving: ${name}`, () => parseReport(doc)));
  const all = [baseline, ...results, ...joint];
  const width = Math.max(...all.map((r) => r.name.length));
  console.log(`${'case'.padEnd(width)}  reports/s (CPU)  ms/report  baseline÷case  reports/s (wall)`);
  for (const r of all) {
    const ratio = baseline.perSecond / r.perSecond;
    console.log(
      `${r.name.padEnd(width)}  ${r.perSecond.toFixed(0).padStart(15)}  ${(1000 / r.perSecond).toFixed(3).padStart(9)}  ${ratio.toFixed(1).padStart(12)}×  ${r.wallPerSecond.toFixed(0).padStart(16)}`,
    );
  }
  const fixture = results[0] as Result;
  const jointRate = joint.length / joint.reduce((s, r) => s + 1 / r.perSecond, 0);
  console.log(
    `reports that need joint solving: ${jointRate.toFixed(0)} reports/s (CPU) over ${joint.length} cases`,
  );
  console.log(
    `target ≥ 500 reports/s on the fixture: ${fixture.perSecond >= 500 ? 'met' : 'NOT met'} (${fixture.perSecond.toFixed(0)}/s CPU, ${fixture.wallPerSecond.toFixed(0)}/s wall)`,
  );
}

const layoutB = renderDocument(SUZHOU_2020, 'b', {});
const layoutE = renderDocument(SUZHOU_2020, 'e', {});
/** Reports whose rows have several splits each until A1/B1 settle them together. */
const JOINT: [string, string][] = [
  ['Suzhou tables, layout (d) run together', renderDocument(SUZHOU_2020, 'd', {})],
  ['2021 sample, layout (d) run together', renderDocument(SAMPLE_2021, 'd', {})],
  [
    'Suzhou tables, layout (c) empty cells left out',
    renderDocument(SUZHOU_2020, 'c', { zeros: 'blank', omitEmpty: true }),
  ],
];

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
