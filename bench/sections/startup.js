// startup: `charter --version` and one small import against `node -e 0`, with hyperfine where installed.
import { readFileSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatMs, formatRatio, median, runMeasured, which } from '../lib/measure.js';

const quote = (word) => (/^[\w./=-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`);

async function withHyperfine(hyperfine, commands, runs, dir, ctx) {
  const exportFile = join(dir, 'hyperfine.json');
  const args = ['-N', '--warmup', '5', '--runs', String(runs), '--export-json', exportFile, ...commands.map((argv) => argv.map(quote).join(' '))];
  const result = await runMeasured(hyperfine, args, { cwd: ctx.repoRoot, stderrFile: join(dir, 'hyperfine.stderr'), scratch: dir, memory: false });
  if (result.status !== 0) throw new Error(`hyperfine failed: ${result.stderrTail}`);
  const exported = JSON.parse(readFileSync(exportFile, 'utf8'));
  return exported.results.map((entry) => ({
    median: entry.median * 1000,
    mean: entry.mean * 1000,
    stddev: (entry.stddev ?? 0) * 1000,
    min: entry.min * 1000,
    cpu: (entry.user + entry.system) * 1000,
  }));
}

async function withLoop(commands, runs, dir, ctx) {
  const times = commands.map(() => []);
  for (let run = 0; run < runs + 3; run++) {
    for (let c = 0; c < commands.length; c++) {
      const [command, ...args] = commands[c];
      const result = await runMeasured(command, args, { cwd: ctx.repoRoot, scratch: dir, memory: false });
      if (run >= 3) times[c].push(result.ms);
    }
  }
  return times.map((list) => {
    const mean = list.reduce((sum, value) => sum + value, 0) / list.length;
    const stddev = Math.sqrt(list.reduce((sum, value) => sum + (value - mean) ** 2, 0) / list.length);
    return { median: median(list), mean, stddev, min: Math.min(...list), cpu: null };
  });
}

export default {
  name: 'startup',
  title: 'startup: charter --version and one small import against node -e 0',
  async run(ctx) {
    const runs = ctx.runs ?? (ctx.quick ? 15 : 40);
    const dir = join(ctx.tmp, 'startup');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const commands = [
      [ctx.node, ctx.charterBin, '--version'],
      [ctx.node, '-e', '0'],
      [ctx.node, ctx.charterBin, 'import', 'fixtures/croydon-2015.tsv', '--quiet', '-o', join(dir, 'one.json')],
    ];
    // Each command must work before it is timed: a failing command would stop hyperfine.
    for (const [command, ...args] of commands) {
      const check = await runMeasured(command, args, {
        cwd: ctx.repoRoot,
        stderrFile: join(dir, 'check.stderr'),
        scratch: dir,
        memory: false,
        timeoutMs: 30_000,
      });
      if (check.status !== 0)
        throw new Error(`\`${args.join(' ')}\` exited ${check.timedOut ? 'late (timed out)' : check.status}: ${check.stderrTail}`);
    }
    const hyperfine = which('hyperfine');
    const how = hyperfine
      ? `hyperfine -N, 5 warm-up runs, ${runs} runs`
      : `a loop of ${runs} spawns after 3 warm-up runs (hyperfine is not installed)`;
    const [version, bare, one] = hyperfine ? await withHyperfine(hyperfine, commands, runs, dir, ctx) : await withLoop(commands, runs, dir, ctx);
    const describe = (label, stats) =>
      ctx.log(
        `${label.padEnd(44)} median ${formatMs(stats.median)}, mean ${formatMs(stats.mean)} ± ${formatMs(stats.stddev)}, min ${formatMs(stats.min)}${stats.cpu !== null ? `, CPU ${formatMs(stats.cpu)} (mean)` : ''}`,
      );
    ctx.log(`measured with ${how}`);
    describe('charter --version', version);
    describe('node -e 0', bare);
    describe('charter import fixtures/croydon-2015.tsv', one);
    const ratio = version.median / bare.median;
    rmSync(dir, { recursive: true, force: true });
    return {
      rows: [
        {
          measure: `--version, median of ${runs}`,
          charter: formatMs(version.median),
          reference: `${formatMs(bare.median)} (node -e 0)`,
          ratio: `${formatRatio(ratio)}${version.cpu !== null ? ` (CPU ${formatRatio(version.cpu / bare.cpu)}; min ${formatRatio(version.min / bare.min)})` : ` (min ${formatRatio(version.min / bare.min)})`}`,
          // On a busy machine the medians swing with the scheduler; the fastest runs do not.
          goal: 'within 1.3x (median and min)',
          met: ratio <= 1.3 && version.min / bare.min <= 1.3,
        },
        {
          measure: `import of one small return (the seed), median of ${runs}`,
          charter: formatMs(one.median),
          reference: `${formatMs(bare.median)} (node -e 0)`,
          ratio: `${formatRatio(one.median / bare.median)} (min ${formatRatio(one.min / bare.min)})`,
          goal: 'within 1.5x',
          met: one.median / bare.median <= 1.5,
        },
      ],
      notes: [],
    };
  },
};
