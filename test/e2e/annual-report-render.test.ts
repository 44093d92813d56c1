// The standalone HTML of an annual report in a real browser (issue 12): at 1280 and 390 px the page
// never scrolls sideways (a wide table scrolls in its own box), the charts are drawn at a readable
// size, and axe-core finds no serious or critical problem. Screenshots go to test-results/ for a
// person to look at.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { renderAnnualReport } from '../../src/render/annual-report/index.js';
import { sample2021Report, suzhouReport } from '../support/annual-report-samples.js';
import { assertAccessible, describeWithBrowser, launchBrowser, screenshot } from './browser.js';

declare const document: {
  documentElement: { scrollWidth: number };
  querySelectorAll(s: string): ArrayLike<{ scrollWidth: number; clientWidth: number }>;
};
declare const window: { innerWidth: number };

describeWithBrowser('annual report HTML in a browser', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  for (const [name, make] of [
    ['suzhou-2020', suzhouReport],
    ['sample-2021', sample2021Report],
  ] as const) {
    for (const width of [1280, 390]) {
      it(`${name} at ${width} px: no sideways page scroll, tables scroll in their box, accessible`, async () => {
        const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height: 900 } });
        try {
          const page = await context.newPage();
          const html = String((await renderAnnualReport(make(), 'html')).body);
          await page.setContent(html, { waitUntil: 'load' });
          const sizes = await page.evaluate(() => ({
            page: document.documentElement.scrollWidth,
            inner: window.innerWidth,
            wraps: Array.from(
              document.querySelectorAll('.ar-table-wrap'),
              (w) => w.scrollWidth > w.clientWidth,
            ),
            charts: Array.from(document.querySelectorAll('.ar-chart svg'), (s) => s.clientWidth),
          }));
          assert.ok(sizes.page <= sizes.inner, `page ${sizes.page} px wide in a ${sizes.inner} px window`);
          assert.equal(sizes.wraps.length, 3);
          // Table 三 (ten columns) scrolls inside its box on a phone, and fits on a desktop.
          assert.equal(sizes.wraps[1], width === 390, `table 三 scrolling at ${width} px`);
          assert.ok(sizes.charts.length >= 3);
          for (const w of sizes.charts) assert.ok(w >= 300, `a chart is ${w} px wide`);
          await assertAccessible(page, `${name} at ${width} px`);
          await screenshot(page, `annual-report-${name}-${width}`);
        } finally {
          await context.close();
        }
      });
    }
  }
});
