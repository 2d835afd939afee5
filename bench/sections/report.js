// report: the HTML page of `charter report` for the 33 London councils over two periods (the
// seed return, and a year-on copy for 2016): its size, and how long Debian's headless Chromium
// takes to draw it (the page's own navigation timing: load event end, script included).
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatMs, median } from '../lib/measure.js';
import { aYearOn, BOROUGHS, loadSeed } from '../lib/generate.js';
import { CHROMIUM, launchChromium } from '../../scripts/lib/headlessChromium.mjs';

export default {
  name: 'report',
  title: 'report: the HTML report of 33 councils over two periods, size and time to draw in Chromium',
  async run(ctx) {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is not installed`);
    const { importReturn } = await import(pathToFileURL(join(ctx.repoRoot, 'dist/pipeline.js')).href);
    const { compareReturns } = await import(pathToFileURL(join(ctx.repoRoot, 'dist/compare/comparison.js')).href);
    const { writeHtmlReport } = await import(pathToFileURL(join(ctx.repoRoot, 'dist/write/report/reportHtml.js')).href);
    const seed = loadSeed(ctx.repoRoot).join('\n');
    const returns = [];
    for (const council of BOROUGHS) {
      for (const [period, text] of [
        ['May 2015', seed],
        ['May 2016', aYearOn(seed)],
      ]) {
        const result = await importReturn(Buffer.from(text), { path: `returns/${council} ${period}.tsv`, authority: council, period });
        returns.push({
          charterReturn: result.charterReturn,
          valid: result.valid,
          places: new Map([...result.evidence].map(([n, e]) => [n, e.place])),
        });
      }
    }
    const html = writeHtmlReport(compareReturns(returns));
    const dir = join(ctx.tmp, 'report');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const runs = ctx.runs ?? (ctx.quick ? 5 : 15);
    const context = await launchChromium(join(dir, 'profile'), { width: 1400, height: 1000 });
    const times = [];
    try {
      // One warm-up load: the first pays for starting the renderer.
      for (let run = 0; run < runs + 1; run++) {
        const page = await context.newPage();
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        const load = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
        if (run > 0) times.push(load);
        await page.close();
      }
    } finally {
      await context.close();
      if (!ctx.keep) rmSync(dir, { recursive: true, force: true });
    }
    const bytes = Buffer.byteLength(html);
    const drawn = median(times);
    ctx.log(
      `${bytes.toLocaleString('en-GB')} bytes; load event after ${formatMs(drawn)} (median of ${runs}, min ${formatMs(Math.min(...times))}, max ${formatMs(Math.max(...times))})`,
    );
    return {
      rows: [
        {
          measure: 'report of 33 councils x 2 periods, size',
          charter: `${(bytes / 1000).toFixed(0)} kB`,
          reference: '',
          ratio: '',
          goal: 'under 1 MB',
          met: bytes < 1_000_000,
        },
        {
          measure: `report of 33 councils x 2 periods, drawn in Chromium (median of ${runs})`,
          charter: formatMs(drawn),
          reference: '',
          ratio: '',
          goal: 'under 1 s',
          met: drawn < 1000,
        },
      ],
      notes: [],
    };
  },
};
