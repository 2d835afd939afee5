// scale: peak memory and time of one run over 2,500 / 5,000 / 10,000 returns, to show that
// memory stays flat (does not grow with the number of inputs).
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadSeed, writeReturnArchive } from '../lib/generate.js';
import { formatMB, formatMs, formatRatio, runMeasured } from '../lib/measure.js';

function countFiles(dir) {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) count += countFiles(join(dir, entry.name));
    else count++;
  }
  return count;
}

export default {
  name: 'scale',
  title: 'scale: peak memory as the number of returns grows',
  async run(ctx) {
    const counts = ctx.quick ? [500, 1000, 2000] : [2500, 5000, 10000];
    const step = counts[0];
    const dir = join(ctx.tmp, 'scale');
    rmSync(dir, { recursive: true, force: true });
    const inDir = join(dir, 'returns');
    mkdirSync(inDir, { recursive: true });
    const seed = loadSeed(ctx.repoRoot);
    const largest = counts[counts.length - 1];
    writeReturnArchive(seed, inDir, largest, { perFolder: step });
    const batches = readdirSync(inDir).sort();
    const bytes = batches.reduce(
      (sum, batch) => sum + readdirSync(join(inDir, batch)).reduce((s, f) => s + statSync(join(inDir, batch, f)).size, 0),
      0,
    );
    ctx.log(`${largest} returns generated (${(bytes / 1e6).toFixed(0)} MB) in folders of ${step}; one run for each count`);

    const rows = [];
    const notes = [];
    const peaks = [];
    const modes = [
      { label: '--out-dir, json', args: (folders, out) => [...folders, '--out-dir', out, '--format', 'json'], counts },
      { label: 'ndjson to stdout', args: (folders) => [...folders, '--format', 'ndjson'], counts: [largest] },
    ];
    for (const mode of modes) {
      for (const count of mode.counts) {
        const folders = batches.slice(0, count / step).map((batch) => join(inDir, batch));
        const out = join(dir, 'out');
        rmSync(out, { recursive: true, force: true });
        const run = await runMeasured(ctx.node, [ctx.charterBin, 'import', ...mode.args(folders, out)], {
          cwd: ctx.repoRoot,
          stdoutFile: join(dir, 'stdout.ndjson'),
          stderrFile: join(dir, 'stderr.txt'),
          scratch: dir,
          timeoutMs: 480_000,
        });
        const written = mode.label.startsWith('--out-dir') ? countFiles(out) : statSync(join(dir, 'stdout.ndjson')).size > 0 ? count : 0;
        const status = run.timedOut ? 'timed out' : `exit ${run.status}`;
        ctx.log(
          `${String(count).padStart(6)} returns, ${mode.label.padEnd(16)} ${formatMs(run.ms).padStart(8)} (${(run.ms / count).toFixed(2)} ms a file), CPU ${formatMs(run.cpuMs)}, peak ${formatMB(run.rssMB)}, ${status}${mode.label.startsWith('--out-dir') ? `, ${written} files written` : ''}`,
        );
        if (run.status !== 0) ctx.log(`  ${run.stderrTail}`);
        if (mode === modes[0]) peaks.push(run.rssMB);
        rows.push({
          measure: `${count} returns, ${mode.label}`,
          charter: `${formatMB(run.rssMB)}, ${formatMs(run.ms)}`,
          reference: '',
          ratio: '',
          goal: count === largest ? '< 200 MB' : '',
          met: count === largest ? run.rssMB !== null && run.rssMB < 200 && run.status === 0 : null,
        });
        rmSync(out, { recursive: true, force: true });
      }
    }
    const growth = peaks[peaks.length - 1] / peaks[0];
    rows.push({
      measure: `peak at ${largest} / peak at ${counts[0]} (--out-dir)`,
      charter: formatRatio(growth),
      reference: '',
      ratio: '',
      goal: 'flat (<= 1.25x)',
      met: Number.isFinite(growth) ? growth <= 1.25 : null,
    });
    if (!ctx.keep) rmSync(dir, { recursive: true, force: true });
    return { rows, notes };
  },
};
