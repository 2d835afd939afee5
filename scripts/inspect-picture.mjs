// Makes the README's picture of `charter import --inspect` (docs/inspect.png) from a producer
// fixture (a borderless, middle-aligned Chromium PDF), in Debian's headless Chromium: the top of
// its first page as charter read it. Run after `npm run build`: node scripts/inspect-picture.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './lib/headlessChromium.mjs';

const dir = mkdtempSync(join(tmpdir(), 'charter-picture-'));
const page = join(dir, 'inspect.html');
execFileSync(
  process.execPath,
  ['bin/charter.js', 'import', 'fixtures/producers/kingsmead-2016-chromium-header-footer-middle.pdf', '--inspect', page, '-q'],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const context = await launchChromium(join(dir, 'profile'), { width: 1000, height: 900 });
try {
  const tab = await context.newPage();
  await tab.goto(pathToFileURL(page).href);
  await tab.screenshot({ path: 'docs/inspect.png' });
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}
