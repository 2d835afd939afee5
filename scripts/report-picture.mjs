// Makes the README's picture of `charter report` (docs/report.png) from the fixture set
// (fixtures/report/returns/), in Debian's headless Chromium: the matrix, with a square hovered so that
// its answers show beside it. Run after `npm run build`: node scripts/report-picture.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './lib/headlessChromium.mjs';

const dir = mkdtempSync(join(tmpdir(), 'charter-picture-'));
const page = join(dir, 'report.html');
try {
  execFileSync(process.execPath, ['bin/charter.js', 'report', 'fixtures/report/returns/', '--group-by', 'section', '-q', '-o', page], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
} catch (error) {
  // Exit 1: one fixture misses a point on purpose; the report is written all the same.
  if (error.status !== 1) throw error;
}
const context = await launchChromium(join(dir, 'profile'), { width: 1180, height: 640 });
try {
  const tab = await context.newPage();
  await tab.goto(pathToFileURL(page).href);
  await tab.locator('#matrix-svg a[href="#r2p4"]').hover();
  await tab.screenshot({ path: 'docs/report.png' });
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}
