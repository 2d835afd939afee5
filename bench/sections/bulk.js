// bulk: a folder of wrapped tab-separated returns to a folder of JSON files, against Miller
// converting the same files (TSV to JSON, no understanding of the return).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadSeed, writeReturnArchive } from '../lib/generate.js';
import { formatMB, formatMs, formatRatio, formatSpeed, median, runMeasured, which } from '../lib/measure.js';

function listFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listFiles(path));
    else found.push(path);
  }
  return found.sort();
}

/** Every output must be a whole return of the council its file is named after. */
function checkOutputs(outDir, expectedCount) {
  if (!existsSync(outDir)) return { good: 0, total: 0, firstBad: 'no output folder' };
  const files = listFiles(outDir).filter((file) => file.endsWith('.json'));
  let good = 0;
  let firstBad = null;
  for (const file of files) {
    const council = file.split('/').pop().replace(/-\d+\.json$/, '');
    const charterReturn = JSON.parse(readFileSync(file, 'utf8'));
    const ok =
      charterReturn.points?.length === 21 &&
      (charterReturn.authority ?? '').toLowerCase().replace(/ /g, '-') === council &&
      charterReturn.points.every((point) => point.whereWeAreNow !== '');
    if (ok) good++;
    else firstBad ??= `${file}: ${charterReturn.points?.length} points, authority ${charterReturn.authority}`;
  }
  return { good, total: files.length, expected: expectedCount, firstBad };
}

export default {
  name: 'bulk',
  title: 'bulk: wrapped tab-separated returns to a folder of JSON files',
  async run(ctx) {
    const count = ctx.quick ? 200 : 1000;
    const runs = ctx.runs ?? (ctx.quick ? 3 : 5);
    const dir = join(ctx.tmp, 'bulk');
    rmSync(dir, { recursive: true, force: true });
    const inDir = join(dir, 'returns');
    const outDir = join(dir, 'out');
    mkdirSync(dir, { recursive: true });
    const seed = loadSeed(ctx.repoRoot);
    const paths = writeReturnArchive(seed, inDir, count, { perFolder: 250 });
    const bytes = paths.reduce((sum, path) => sum + statSync(path).size, 0);
    ctx.log(`${count} returns generated from fixtures/croydon-2015.tsv (33 councils, 5 wrappings, a title on 1 in 3), ${(bytes / 1e6).toFixed(1)} MB, in ${relative(ctx.repoRoot, inDir)}/`);

    const charterArgs = [ctx.charterBin, 'import', inDir, '--out-dir', outDir, '--format', 'json'];
    const mlr = which('mlr');
    const millerArgs = ['--itsv', '--ojson', '--allow-ragged-csv-input', 'cat', ...paths.map((path) => relative(inDir, path))];
    const charterRuns = [];
    const millerRuns = [];
    // Alternate the two so that a busy moment on the machine does not favour one of them.
    for (let run = 0; run < runs; run++) {
      rmSync(outDir, { recursive: true, force: true });
      const charter = await runMeasured(ctx.node, charterArgs, { cwd: ctx.repoRoot, stderrFile: join(dir, 'charter.stderr'), scratch: dir });
      charterRuns.push(charter);
      if (charter.status !== 0) ctx.log(`charter exited ${charter.status}${charter.timedOut ? ' (timed out)' : ''}: ${charter.stderrTail}`);
      if (mlr) {
        const miller = await runMeasured(mlr, millerArgs, { cwd: inDir, stdoutFile: join(dir, 'miller.json'), stderrFile: join(dir, 'miller.stderr'), scratch: dir });
        millerRuns.push(miller);
        if (miller.status !== 0) ctx.log(`mlr exited ${miller.status}: ${miller.stderrTail}`);
      }
    }
    const check = checkOutputs(outDir, count);
    ctx.log(`outputs checked: ${check.good} of ${count} are whole returns of the right council${check.firstBad ? ` (first bad: ${check.firstBad})` : ''}`);

    const charterMs = median(charterRuns.map((run) => run.ms));
    const charterRss = median(charterRuns.map((run) => run.rssMB));
    const charterCpu = median(charterRuns.map((run) => run.cpuMs));
    ctx.log(`charter import <folder> --out-dir: runs ${charterRuns.map((run) => formatMs(run.ms)).join(', ')}; median ${formatMs(charterMs)} (${(charterMs / count).toFixed(2)} ms a file), CPU ${formatMs(charterCpu)}, peak ${formatMB(charterRss)}`);
    const rows = [
      { measure: `${count} returns, median of ${runs}`, charter: formatMs(charterMs), reference: 'n/a', ratio: 'n/a', goal: '>= 3x faster than Miller', met: null },
    ];
    const notes = [];
    if (mlr) {
      const millerMs = median(millerRuns.map((run) => run.ms));
      const millerRss = median(millerRuns.map((run) => run.rssMB));
      const millerCpu = median(millerRuns.map((run) => run.cpuMs));
      ctx.log(`mlr --itsv --ojson --allow-ragged-csv-input cat: runs ${millerRuns.map((run) => formatMs(run.ms)).join(', ')}; median ${formatMs(millerMs)}, CPU ${formatMs(millerCpu)}, peak ${formatMB(millerRss)} (${ctx.toolVersions.mlr ?? 'Miller'})`);
      const speedUp = millerMs / charterMs;
      rows[0] = {
        ...rows[0],
        reference: `${formatMs(millerMs)} (Miller)`,
        ratio: `${formatSpeed(charterMs, millerMs)} (CPU ${formatSpeed(charterCpu, millerCpu)})`,
        met: speedUp >= 3 && check.good === count,
      };
      rows.push({ measure: `${count} returns, peak memory`, charter: formatMB(charterRss), reference: `${formatMB(millerRss)} (Miller)`, ratio: formatRatio(charterRss / millerRss), goal: '(information)', met: null });
    } else {
      notes.push('Miller (mlr) is not installed: no comparison (apt-get install -y miller)');
      ctx.log(`skipped Miller: mlr is not installed (apt-get install -y miller)`);
    }
    if (check.good !== count) notes.push(`only ${check.good} of ${count} outputs were whole returns of the right council`);
    if (!ctx.keep) rmSync(dir, { recursive: true, force: true });
    return { rows, notes };
  },
};
