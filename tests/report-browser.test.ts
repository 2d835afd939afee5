/**
 * The report page in a real browser: Debian's headless Chromium (.ci/run installs it), driven by
 * playwright-core. The page must draw with no console error and no request but its own file, its
 * script must draw every table it owns, hostile council text must not run, and a screenshot is
 * saved to .test-output/ for a person to look at. Render time is measured in the page (the
 * Performance API) and written beside the screenshots, never asserted: the machine is shared.
 * The drawing of how a PDF was read (`--inspect`) is checked the same way.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareReturns, type Comparison } from '../src/compare/comparison.js';
import { writeHtmlReport } from '../src/write/report/reportHtml.js';
import { importReturn } from '../src/pipeline.js';
import { writeInspection } from '../src/write/inspect.js';
import { HOSTILE, hostileReturns } from './support/hostile.js';
import { importFixtureSet } from './support/fixtureSet.js';
import { londonReturns } from './support/manyReturns.js';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = resolve('.test-output');
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let context: BrowserContext;
let profile: string;
let pages: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium), as .ci/run does`);
  profile = mkdtempSync(join(tmpdir(), 'charter-chromium-'));
  pages = mkdtempSync(join(tmpdir(), 'charter-pages-'));
  mkdirSync(OUTPUT, { recursive: true });
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 1000 },
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(pages, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  url: string;
  problems: string[];
  requests: string[];
  dialogs: string[];
}

async function open(name: string, html: string): Promise<Opened> {
  const file = join(pages, `${name}.html`);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await context.newPage();
  const opened: Opened = { page, url, problems: [], requests: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') opened.problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => opened.problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => opened.problems.push(`request failed: ${request.url()}`));
  page.on('request', (request) => opened.requests.push(request.url()));
  page.on('dialog', (dialog) => {
    opened.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return opened;
}

/** What the page drew, counted in the page. */
function drawn(page: Page) {
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      loadMs: Math.round(navigation.loadEventEnd),
      squares: document.querySelectorAll('#matrix-svg a > use').length,
      titledSquares: [...document.querySelectorAll('#matrix-svg a')].filter((a) => a.querySelector('title')?.textContent).length,
      answerRows: document.querySelectorAll('section.point tbody tr').length,
      pairRows: document.querySelectorAll('section.pair tbody tr').length,
      timelineRows: document.querySelectorAll('table.year tbody tr').length,
      waitingForScript: document.querySelectorAll('.needs-script').length,
      scripts: document.querySelectorAll('script').length,
      images: document.querySelectorAll('img, iframe, object, embed').length,
    };
  });
}

function expectedCounts(comparison: Comparison) {
  const pairs = comparison.councils.reduce((sum, council) => sum + Math.max(0, council.returns.length - 1), 0);
  return { squares: 21 * comparison.returns.length, pairRows: 21 * pairs, timelineRows: comparison.timeline.length };
}

describe('the report in headless Chromium', () => {
  it('draws 33 councils over two periods with no console error and no request but itself', async () => {
    const comparison = compareReturns(await londonReturns());
    const opened = await open('london', writeHtmlReport(comparison, { groupBy: 'section' }));
    const counts = await drawn(opened.page);
    expect(opened.problems).toEqual([]);
    expect(opened.requests).toEqual([opened.url]);
    const expected = expectedCounts(comparison);
    expect(counts).toMatchObject({ ...expected, titledSquares: expected.squares, answerRows: expected.squares, waitingForScript: 0, images: 0 });
    await opened.page.screenshot({ path: join(OUTPUT, 'report-33x2.png') });
    writeFileSync(join(OUTPUT, 'report-33x2-timing.json'), `${JSON.stringify({ loadMs: counts.loadMs, squares: counts.squares }, null, 2)}\n`);
    await opened.page.close();
  });

  it('shows a square’s answers on hover and on keyboard focus, and moves with the arrow keys', async () => {
    const { comparison, html } = await importFixtureSet();
    const opened = await open('fixtures', html);
    expect(await drawn(opened.page)).toMatchObject({ ...expectedCounts(comparison), waitingForScript: 0 });
    const square = opened.page.locator('#matrix-svg a[href="#r2p5"]');
    await square.hover();
    const detail = opened.page.locator('#detail');
    expect(await detail.locator('.d-head').textContent()).toBe('Croydon, May 2016, point 5: no date');
    expect(await detail.textContent()).toContain('No specific EOL questions have been added to the assessment yet.');
    await square.focus();
    await opened.page.keyboard.press('ArrowRight');
    expect(await opened.page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#r2p6');
    expect(await detail.locator('.d-head').textContent()).toBe('Croydon, May 2016, point 6: dated');
    await opened.page.keyboard.press('ArrowDown');
    expect(await opened.page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#r3p6');
    await opened.page.locator('#matrix-svg a[href="#r6p17"]').hover();
    expect(await detail.textContent()).toContain('The point is not in this return.');
    expect(opened.problems).toEqual([]);
    expect(opened.requests).toEqual([opened.url]);
    await opened.page.locator('#matrix-svg a[href="#r2p4"]').hover();
    await opened.page.screenshot({ path: join(OUTPUT, 'report-fixtures.png') });
    await opened.page.close();
  });

  it('runs nothing from council text, in the static page or in what its script draws', async () => {
    const comparison = compareReturns(hostileReturns());
    const opened = await open('hostile', writeHtmlReport(comparison));
    const counts = await drawn(opened.page);
    expect(opened.dialogs).toEqual([]);
    expect(opened.problems).toEqual([]);
    expect(counts).toMatchObject({ ...expectedCounts(comparison), scripts: 2, images: 0, waitingForScript: 0 });
    // Point 1 of the later return, copied by the script into the period-to-period table as text.
    const copied = await opened.page.locator('section.pair tbody tr').first().locator('td').nth(2).textContent();
    expect(copied).toBe(HOSTILE[1]);
    await opened.page.close();
  });
});

describe('the inspection of a PDF in headless Chromium', () => {
  it('draws each page of the return with every word, no console error and no request but itself', async () => {
    const path = 'fixtures/producers/kingsmead-2016-chromium-header-footer-middle.pdf';
    const result = await importReturn(readFileSync(path), { path, inspect: true });
    const inspection = result.inspection!;
    const html = writeInspection({ path, ...inspection, returns: result.returns });
    const opened = await open('inspect', html);
    const counts = await opened.page.evaluate(() => ({
      pages: document.querySelectorAll('svg').length,
      words: document.querySelectorAll('svg text.cell, svg text.heading, svg text.furniture, svg text.outside, svg text.lost').length,
      furniture: document.querySelectorAll('svg text.furniture').length,
      lost: document.querySelectorAll('svg text.lost').length,
      scripts: document.querySelectorAll('script').length,
    }));
    const drawnPages = inspection.pages.filter((page) => result.charterReturn!.source.pages!.includes(page.page));
    expect(counts).toEqual({
      pages: drawnPages.length,
      words: drawnPages.reduce((sum, page) => sum + page.words.length, 0),
      furniture: drawnPages.reduce((sum, page) => sum + page.words.filter((word) => word.role === 'furniture').length, 0),
      lost: 0,
      scripts: 0,
    });
    expect(counts.furniture).toBeGreaterThan(0);
    expect(opened.problems).toEqual([]);
    expect(opened.requests).toEqual([opened.url]);
    await opened.page.screenshot({ path: join(OUTPUT, 'inspect-kingsmead.png'), fullPage: false });
    await opened.page.close();
  });
});
