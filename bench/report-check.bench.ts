// Reports read and checked per second on one core (target ≥ 500/s on the Suzhou fixture).
//
// Baseline, measured in the same run: the same report already in the canonical JSON —
// JSON.parse of 2020-suzhou-city.expected.json plus check() — i.e. what checking costs when
// nothing has to be read. The ratio says how many times dearer reading the published text is.
// Other layouts of the same tables are listed for comparison (run-together digits are the
// costliest: the cells are recovered by search).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { check } from '../src/domain/reports/check.js';
import { parseReport } from '../src/domain/reports/parse/parse-report.js';
import { renderDocument } from '../src/domain/reports/parse/testing/layouts.js';
import { SUZHOU_2020 } from '../src/domain/reports/parse/testing/samples.js';
import type { AnnualReport } from '../src/domain/reports/types.js';

export const title = '年报体检：reports read and checked per second, one core';

const FIXTURES = new URL('../test/fixtures/reports/', import.meta.url);
const MIN_MS = 1500;

interface Result {
  name: string;
  perSecond: number;
}

/** Runs `fn` repeatedly for at least MIN_MS after a warm-up; returns calls per second. */
function measure(fn: () => unknown): number {
  for (let i = 0; i < 50; i++) fn();
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_MS) {
    for (let i = 0; i < 20; i++) fn();
    calls += 20;
    elapsed = performance.now() - start;
  }
  return (calls / elapsed) * 1000;
}

export async function run(): Promise<void> {
  const text = readFileSync(new URL('2020-suzhou-city.txt', FIXTURES), 'utf8');
  const json = readFileSync(new URL('2020-suzhou-city.expected.json', FIXTURES), 'utf8');
  const sanity = parseReport(text);
  if (sanity.status !== 'ok') throw new Error(`the fixture no longer reads as ok: ${sanity.status}`);

  const baseline: Result = {
    name: 'baseline: JSON.parse(expected.json) + check()',
    perSecond: measure(() => check(JSON.parse(json) as AnnualReport)),
  };
  const results: Result[] = [
    { name: 'fixture text (layout a) → parseReport', perSecond: measure(() => parseReport(text)) },
    { name: 'same tables, layout (b) one row per line', perSecond: measure(() => parseReport(layoutB)) },
    { name: 'same tables, layout (e) HTML', perSecond: measure(() => parseReport({ html: layoutE })) },
    { name: 'same tables, layout (d) run together', perSecond: measure(() => parseReport(layoutD)) },
  ];
  const width = Math.max(...[baseline, ...results].map((r) => r.name.length));
  console.log(`${'case'.padEnd(width)}  reports/s   ms/report  baseline÷case`);
  for (const r of [baseline, ...results]) {
    const ratio = baseline.perSecond / r.perSecond;
    console.log(
      `${r.name.padEnd(width)}  ${r.perSecond.toFixed(0).padStart(9)}  ${(1000 / r.perSecond).toFixed(3).padStart(10)}  ${ratio.toFixed(1).padStart(12)}×`,
    );
  }
  const fixture = results[0] as Result;
  console.log(
    `target ≥ 500 reports/s on the fixture: ${fixture.perSecond >= 500 ? 'met' : 'NOT met'} (${fixture.perSecond.toFixed(0)}/s)`,
  );
}

const layoutB = renderDocument(SUZHOU_2020, 'b', {});
const layoutD = renderDocument(SUZHOU_2020, 'd', {});
const layoutE = renderDocument(SUZHOU_2020, 'e', {});

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
