// bulk: a folder of different wrapped tab-separated returns to a folder of JSON files, against
// the floor (a bare Node script reading and writing the same files atomically, no parsing), and
// to NDJSON on standard output, against Miller converting the same files (TSV to JSON, no
// understanding of the return), which is about the floor for one output stream.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSeed, writeReturnArchive } from '../lib/generate.js';
import { formatMB, formatMs, formatRatio, median, runMeasured, which } from '../lib/measure.js';

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
    const council = file
      .split('/')
      .pop()
      .replace(/-\d+\.json$/, '');
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

const FLOOR_COPY = fileURLToPath(new URL('../lib/floorCopy.js', import.meta.url));

/** Runs each command once per round, in turn, so that a busy moment on the machine favours none of them. */
async function interleaved(commands, runs) {
  const results = commands.map(() => []);
  for (let run = 0; run < runs; run++) {
    for (const [index, command] of commands.entries()) {
      command.before?.();
      const measured = await runMeasured(command.file, command.args, command.options);
      results[index].push(measured);
      if (measured.status !== 0)
        command.log(`${command.label} exited ${measured.status}${measured.timedOut ? ' (timed out)' : ''}: ${measured.stderrTail}`);
    }
  }
  return results.map((list) => ({
    ms: median(list.map((run) => run.ms)),
    cpuMs: median(list.map((run) => run.cpuMs)),
    rssMB: median(list.map((run) => run.rssMB)),
    runs: list,
  }));
}

export default {
  name: 'bulk',
  title: 'bulk: 1,000 different wrapped tab-separated returns, against a bare Node copy and Miller',
  async run(ctx) {
    const count = ctx.quick ? 200 : 1000;
    const runs = ctx.runs ?? (ctx.quick ? 3 : 5);
    const dir = join(ctx.tmp, 'bulk');
    rmSync(dir, { recursive: true, force: true });
    const inDir = join(dir, 'returns');
    const outDir = join(dir, 'out');
    const floorDir = join(dir, 'floor');
    mkdirSync(dir, { recursive: true });
    const seed = loadSeed(ctx.repoRoot);
    // Different returns: identical files would flatter any per-run cache of a return's text.
    const paths = writeReturnArchive(seed, inDir, count, { perFolder: 250, different: true });
    const bytes = paths.reduce((sum, path) => sum + statSync(path).size, 0);
    ctx.log(
      `${count} different returns generated from fixtures/croydon-2015.tsv (33 councils, 5 wrappings, a title on 1 in 3, answers of their own), ${(bytes / 1e6).toFixed(1)} MB, in ${relative(ctx.repoRoot, inDir)}/`,
    );

    const log = (text) => ctx.log(text);
    const options = (name, extra = {}) => ({ cwd: ctx.repoRoot, stderrFile: join(dir, `${name}.stderr`), scratch: dir, ...extra });
    const outDirRun = {
      label: 'charter --out-dir',
      file: ctx.node,
      args: [ctx.charterBin, 'import', inDir, '--out-dir', outDir, '--format', 'json', '--quiet'],
      options: options('charter'),
      log,
      before: () => rmSync(outDir, { recursive: true, force: true }),
    };
    const floorRun = {
      label: 'floor copy',
      file: ctx.node,
      args: [FLOOR_COPY, inDir, floorDir],
      options: options('floor'),
      log,
      before: () => rmSync(floorDir, { recursive: true, force: true }),
    };
    const ndjsonRun = {
      label: 'charter --format ndjson',
      file: ctx.node,
      args: [ctx.charterBin, 'import', inDir, '--format', 'ndjson', '--quiet'],
      options: options('ndjson', { stdoutFile: join(dir, 'charter.ndjson') }),
      log,
    };
    const mlr = which('mlr');
    const millerRun = mlr && {
      label: 'mlr',
      file: mlr,
      args: ['--itsv', '--ojson', '--allow-ragged-csv-input', 'cat', ...paths.map((path) => relative(inDir, path))],
      options: { ...options('miller', { stdoutFile: join(dir, 'miller.json') }), cwd: inDir },
      log,
    };
    const [outDirResult, floor, ndjson, miller] = await interleaved([outDirRun, floorRun, ndjsonRun, ...(millerRun ? [millerRun] : [])], runs);

    const check = checkOutputs(outDir, count);
    ctx.log(
      `outputs checked: ${check.good} of ${count} are whole returns of the right council${check.firstBad ? ` (first bad: ${check.firstBad})` : ''}`,
    );
    const describe = (label, result) =>
      ctx.log(
        `${label.padEnd(52)} runs ${result.runs.map((run) => formatMs(run.ms)).join(', ')}; median ${formatMs(result.ms)} (${(result.ms / count).toFixed(2)} ms a file), CPU ${formatMs(result.cpuMs)}, peak ${formatMB(result.rssMB)}`,
      );
    describe('charter import <folder> --out-dir (JSON files)', outDirResult);
    describe('bare Node: read + write atomically, no parsing', floor);
    describe('charter import <folder> --format ndjson (stdout)', ndjson);
    const floorRatio = outDirResult.ms / floor.ms;
    const rows = [
      {
        measure: `${count} returns -> --out-dir JSON, median of ${runs}`,
        charter: formatMs(outDirResult.ms),
        reference: `${formatMs(floor.ms)} (bare Node floor)`,
        ratio: `${formatRatio(floorRatio)} (CPU ${formatRatio(outDirResult.cpuMs / floor.cpuMs)})`,
        goal: 'within 1.5x of the floor',
        met: floorRatio <= 1.5 && check.good === count,
      },
    ];
    const notes = [];
    if (miller) {
      describe(`mlr --itsv --ojson cat (${ctx.toolVersions.mlr ?? 'Miller'})`, miller);
      const millerRatio = ndjson.ms / miller.ms;
      rows.push({
        measure: `${count} returns -> NDJSON on stdout, median of ${runs}`,
        charter: formatMs(ndjson.ms),
        reference: `${formatMs(miller.ms)} (Miller)`,
        ratio: `${formatRatio(millerRatio)} (CPU ${formatRatio(ndjson.cpuMs / miller.cpuMs)})`,
        goal: 'within 1.5x of Miller',
        met: millerRatio <= 1.5,
      });
      rows.push({
        measure: `${count} returns, peak memory`,
        charter: formatMB(outDirResult.rssMB),
        reference: `${formatMB(miller.rssMB)} (Miller)`,
        ratio: formatRatio(outDirResult.rssMB / miller.rssMB),
        goal: '(information)',
        met: null,
      });
    } else {
      notes.push('Miller (mlr) is not installed: no NDJSON comparison (apt-get install -y miller)');
      rows.push({
        measure: `${count} returns -> NDJSON on stdout, median of ${runs}`,
        charter: formatMs(ndjson.ms),
        reference: 'n/a (no mlr)',
        ratio: 'n/a',
        goal: 'within 1.5x of Miller',
        met: null,
      });
    }
    if (check.good !== count) notes.push(`only ${check.good} of ${count} outputs were whole returns of the right council`);
    if (!ctx.keep) rmSync(dir, { recursive: true, force: true });
    return { rows, notes };
  },
};
