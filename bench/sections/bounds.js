// bounds: the speeds the tests once asserted with a clock, measured here instead (a test that
// reads the clock fails at random on a loaded machine). Each row keeps the bound the test had.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMs, formatRatio } from '../lib/measure.js';

function timed(run) {
  const started = process.hrtime.bigint();
  const value = run();
  return value instanceof Promise
    ? value.then(() => Number(process.hrtime.bigint() - started) / 1e6)
    : Number(process.hrtime.bigint() - started) / 1e6;
}

export default {
  name: 'bounds',
  title: 'bounds: adversarial inputs and no-return papers, against the bounds the tests once had',
  async run(ctx) {
    const dist = (path) => import(join(ctx.repoRoot, 'dist', path));
    const { readTimes } = await dist('timescales/parseTimescales.js');
    const { readMarkdown } = await dist('read/markdown/readMarkdown.js');
    const { importReturn } = await dist('pipeline.js');
    const { writeReturns } = await dist('write/writeReturns.js');
    const { readPdf } = await dist('read/pdf/readPdf.js');
    const { DEFAULT_LIMITS } = await dist('read/pdf/engine.js');
    const fixture = (name) => readFileSync(join(ctx.repoRoot, 'fixtures', name));
    const rows = [];

    const units = ['2015 ', '15/16 ', 'Sept ', 'Q3 ', 'aaaa', 'a-', '1/', '31/03/', 'next ', 'EOLCAugust', ' ', 'early '];
    let slowest = { unit: '', ms: 0 };
    for (const unit of units) {
      const ms = timed(() => readTimes(unit.repeat(Math.ceil((1 << 20) / unit.length))));
      if (ms > slowest.ms) slowest = { unit, ms };
    }
    ctx.log(`timescales in a 1 MB answer, slowest of ${units.length} repeated units: ${formatMs(slowest.ms)} (${JSON.stringify(slowest.unit)})`);
    rows.push({
      measure: 'timescales of a 1 MB answer (slowest unit)',
      charter: formatMs(slowest.ms),
      reference: '',
      ratio: '',
      goal: 'under 3 s',
      met: slowest.ms < 3000,
    });

    const emphasis = timed(() => readMarkdown(`Intro\n\n${'*a'.repeat(50_000)}\n`, []));
    ctx.log(`markdown: 50,000 emphasis markers in a paragraph: ${formatMs(emphasis)}`);
    rows.push({
      measure: 'markdown, 50,000 emphasis markers',
      charter: formatMs(emphasis),
      reference: '',
      ratio: '',
      goal: 'under 10 s',
      met: emphasis < 10_000,
    });

    // Issue 14's two: '*_' 20,000 times (76 s once), and a 1 MB table 50,000 columns wide (31 s, 1.2 GB once).
    const underscores = timed(() => readMarkdown('*_'.repeat(100_000), []));
    ctx.log(`markdown: '*_' 100,000 times (200 KB): ${formatMs(underscores)}`);
    rows.push({
      measure: "markdown, '*_' x 100,000 (200 KB)",
      charter: formatMs(underscores),
      reference: '',
      ratio: '',
      goal: 'under 5 s',
      met: underscores < 5000,
    });
    const wideRow = `|${'a|'.repeat(50_000)}`;
    const wide = timed(() => readMarkdown([wideRow, `|${'-|'.repeat(50_000)}`, ...Array(8).fill(wideRow)].join('\n'), []));
    ctx.log(`markdown: a 1 MB table 50,000 columns wide: ${formatMs(wide)}`);
    rows.push({
      measure: 'markdown, 1 MB table 50,000 columns wide',
      charter: formatMs(wide),
      reference: '',
      ratio: '',
      goal: 'under 5 s',
      met: wide < 5000,
    });

    await importReturn(fixture('blank-form.md'), { path: 'blank-form.md' });
    const agenda = await timed(() => importReturn(fixture('croydon-agenda-2017.md'), { path: 'croydon-agenda-2017.md' }));
    ctx.log(`an agenda pack with no return (markdown): ${formatMs(agenda)}`);
    rows.push({
      measure: 'agenda pack with no return (md)',
      charter: formatMs(agenda),
      reference: '',
      ratio: '',
      goal: 'under 1 s',
      met: agenda < 1000,
    });

    const croydon = (await importReturn(fixture('croydon-2015.tsv'), { path: 'croydon-2015.tsv' })).charterReturn;
    const markdownReturn = await writeReturns([croydon], 'md');
    const paper = (lines) =>
      Buffer.from(`${Array.from({ length: lines }, (_, i) => `line ${i} of the minutes of a long meeting`).join('\n')}\n\n${markdownReturn}`);
    const small = await timed(() => importReturn(paper(3_000), { path: 'paper.md' }));
    const large = await timed(() => importReturn(paper(12_000), { path: 'paper.md' }));
    const ratio = large / Math.max(small, 50);
    ctx.log(`markdown paper before the return, 3,000 then 12,000 lines: ${formatMs(small)} -> ${formatMs(large)}`);
    rows.push({
      measure: 'md paper, 3,000 -> 12,000 lines',
      charter: `${formatMs(small)} -> ${formatMs(large)}`,
      reference: '',
      ratio: formatRatio(ratio),
      goal: 'under 8x (linear: 4x)',
      met: ratio < 8,
    });

    const pdfBytes = fixture('pdf/croydon-2015-council-paper.pdf');
    const stopped = await timed(() => readPdf(pdfBytes, { path: null }, { ...DEFAULT_LIMITS, timeLimitMs: 1 }));
    ctx.log(`a PDF under a 1 ms time limit is stopped in ${formatMs(stopped)}`);
    rows.push({
      measure: 'PDF time limit of 1 ms: stopped in',
      charter: formatMs(stopped),
      reference: '',
      ratio: '',
      goal: 'under 5 s',
      met: stopped < 5000,
    });
    return { rows, notes: [] };
  },
};
