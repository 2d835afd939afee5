// growth: how the time of one import grows when the input doubles — a 1 MB single cell and a
// 100,000-line file, and each doubled. Near linear means a ratio near 2.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bigCellReturn, loadSeed, manyLinesReturn } from '../lib/generate.js';
import { formatMB, formatMs, formatRatio, median, runMeasured } from '../lib/measure.js';

const CORE_TIMER = fileURLToPath(new URL('../lib/coreTimer.js', import.meta.url));
const MiB = 1024 * 1024;

export default {
  name: 'growth',
  title: 'growth: time as one input doubles (1 MB cell, 100,000 lines)',
  async run(ctx) {
    const runs = ctx.runs ?? (ctx.quick ? 2 : 3);
    const dir = join(ctx.tmp, 'growth');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const seed = loadSeed(ctx.repoRoot);
    const cases = [
      { kind: 'single cell', sizes: [1, 2], label: (n) => `${n} MB cell`, make: (n) => bigCellReturn(seed, n * MiB) },
      { kind: 'lines', sizes: [100_000, 200_000], label: (n) => `${n.toLocaleString('en-GB')} lines`, make: (n) => manyLinesReturn(seed, n) },
    ];
    ctx.log(
      `core: importReturn + JSON writing in one Node process, 1 warm-up and median of ${runs} runs; CLI: one run of charter import, peak memory`,
    );
    const rows = [];
    const notes = [];
    for (const growthCase of cases) {
      const measured = [];
      for (const size of growthCase.sizes) {
        const file = join(dir, `${growthCase.kind.replace(/ /g, '-')}-${size}.tsv`);
        const text = growthCase.make(size);
        writeFileSync(file, text);
        const core = await runMeasured(ctx.node, [CORE_TIMER, file, String(runs + 1)], {
          cwd: ctx.repoRoot,
          stdoutFile: `${file}.core.json`,
          stderrFile: `${file}.core.err`,
          scratch: dir,
          timeoutMs: 240_000,
        });
        let coreMs = null;
        let summary = '';
        if (core.status === 0) {
          const report = JSON.parse(readFileSync(`${file}.core.json`, 'utf8'));
          if (report.error) {
            summary = `the core threw ${report.error}`;
            notes.push(`${growthCase.label(size)}: the core threw ${report.error}`);
          } else {
            coreMs = median(report.times.slice(1));
            summary = `${report.points} points, ${report.valid ? 'valid' : 'not valid'}, ${report.severities.error} errors, ${report.severities.warning} warnings`;
          }
        } else {
          summary = core.timedOut ? 'timed out (a hang?)' : `failed: ${core.stderrTail}`;
        }
        const cli = await runMeasured(ctx.node, [ctx.charterBin, 'import', file, '--quiet', '-o', `${file}.json`], {
          cwd: ctx.repoRoot,
          stderrFile: `${file}.cli.err`,
          scratch: dir,
          timeoutMs: 240_000,
        });
        const cliNote = cli.timedOut ? 'timed out' : `exit ${cli.status}`;
        ctx.log(
          `${growthCase.label(size).padEnd(16)} ${(text.length / 1e6).toFixed(1).padStart(5)} MB  core ${formatMs(coreMs).padStart(9)}  CLI ${formatMs(cli.ms).padStart(9)} peak ${formatMB(cli.rssMB)} (${cliNote})  ${summary}`,
        );
        measured.push({ size, coreMs, cliMs: cli.ms, rssMB: cli.rssMB });
      }
      const [small, large] = measured;
      const coreRatio = small.coreMs && large.coreMs ? large.coreMs / small.coreMs : null;
      const cliRatio = large.cliMs / small.cliMs;
      rows.push({
        measure: `${growthCase.label(small.size)} -> ${growthCase.label(large.size)}, core`,
        charter: `${formatMs(small.coreMs)} -> ${formatMs(large.coreMs)}`,
        reference: `CLI ${formatMs(small.cliMs)} -> ${formatMs(large.cliMs)}`,
        ratio: `${formatRatio(coreRatio)} (CLI ${formatRatio(cliRatio)})`,
        goal: 'near linear (<= 2.5x)',
        met: coreRatio === null ? false : coreRatio <= 2.5,
      });
      rows.push({
        measure: `${growthCase.label(large.size)}, peak memory`,
        charter: formatMB(large.rssMB),
        reference: `${formatMB(small.rssMB)} at ${growthCase.label(small.size)}`,
        ratio: formatRatio(large.rssMB / small.rssMB),
        goal: '(information)',
        met: null,
      });
    }
    if (!ctx.keep) rmSync(dir, { recursive: true, force: true });
    return { rows, notes };
  },
};
