// Browser tests: playwright-core driving the Debian chromium (docs/dependencies.md §4.2), axe-core for
// accessibility, and the real app listening on 127.0.0.1 with the demo city loaded.
// Without chromium the tests are skipped with a visible reason — except in CI, where they fail.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { createTestApp, type TestApp } from '../support/app.js';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The chromium binary: $CHROMIUM_PATH, else the Debian/Ubuntu locations. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

const inCi = process.env.CI === 'true';
const MISSING = 'chromium not installed (apt-get install chromium, or set CHROMIUM_PATH)';

/**
 * A describe() that needs a browser. Without chromium the block becomes one test: skipped with the
 * reason outside CI, failed in CI (CI=true), so CI cannot pass without having run the browser tests.
 */
export function describeWithBrowser(name: string, fn: () => void): void {
  if (findChromium()) {
    describe(name, fn);
    return;
  }
  if (inCi) {
    test(`${name}: ${MISSING}`, () => {
      assert.fail(`${MISSING}; browser tests may not be skipped when CI=true`);
    });
  } else {
    test.skip(`${name}: ${MISSING}`);
  }
}

// Flags measured in docs/dependencies.md §4.2: no sandbox (root in CI), no network chatter, no GPU.
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(MISSING);
  return chromium.launch({ executablePath, args: LAUNCH_ARGS, headless: true });
}

/**
 * A fresh browser context. bypassCSP lets axe-core be injected: our CSP rightly blocks the script
 * otherwise. The app's own pages load no script, so this does not hide a CSP problem of ours.
 */
export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ bypassCSP: true, locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
}

export interface SiteUnderTest {
  t: TestApp;
  url: string;
  close(): Promise<void>;
}

/** The real app with the demo city, listening on 127.0.0.1 on a free port. */
export async function startSite(): Promise<SiteUnderTest> {
  const t = await createTestApp({ now: new Date(), demo: true });
  await t.deps.refreshDemoFlag();
  const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
  return { t, url: address, close: () => t.close() };
}

export interface BrowserSession {
  browser: Browser;
  site: SiteUnderTest;
  page: Page;
}

/**
 * The demo site, a browser and one page on it — a suite's `before`; `closeSession` in its `after`.
 * Without options the page is in `newContext`'s desktop context; with them, in a context made from them.
 */
export async function openSession(contextOptions?: BrowserContextOptions): Promise<BrowserSession> {
  const browser = await launchBrowser();
  try {
    const site = await startSite();
    const context = contextOptions ? await browser.newContext(contextOptions) : await newContext(browser);
    return { browser, site, page: await context.newPage() };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

export async function closeSession(s: { browser?: Browser; site?: SiteUnderTest }): Promise<void> {
  await s.browser?.close();
  await s.site?.close();
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

// The few browser globals the functions below use inside the page. Declared here rather than adding
// the DOM lib to the whole project, where server code could then use them by mistake.
declare const document: { activeElement: { id: string } | null };
declare function getComputedStyle(el: unknown): Record<string, string>;
interface Axe {
  run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }>;
}

/** The id of the element that has the keyboard focus. */
export function focusedId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.id);
}

/** One computed CSS property of the first element the locator finds. */
export function computedStyle(locator: Locator, property: string): Promise<string | undefined> {
  return locator.first().evaluate((el, prop) => getComputedStyle(el)[prop], property);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

/** Runs axe-core on the page; fails listing every serious or critical violation. */
export async function assertAccessible(page: Page, label: string): Promise<void> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: Axe }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations;
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map((v) => {
      const nodes = v.nodes.map(
        (n) =>
          `    ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
      );
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join('\n')}`;
    })
    .join('\n');
  assert.equal(
    bad.length,
    0,
    `axe-core found serious/critical violations on ${label} (${page.url()}):\n${report}`,
  );
}

/** Saves a full-page screenshot into test-results/ (gitignored) for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(process.cwd(), 'test-results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
