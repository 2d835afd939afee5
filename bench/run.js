// `npm run bench`: charter's speed and memory, side by side with reference tools, in one run.
// Every section fails soft ("skipped: reason") so that the run always completes.
//   node bench/run.js [--quick] [--only bulk,startup,scale,growth,pdf,bounds,report] [--runs N] [--keep] [--json FILE]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { memoryMethod, which } from './lib/measure.js';
import bounds from './sections/bounds.js';
import bulk from './sections/bulk.js';
import growth from './sections/growth.js';
import pdf from './sections/pdf.js';
import report from './sections/report.js';
import scale from './sections/scale.js';
import startup from './sections/startup.js';

const SECTIONS = [bulk, startup, scale, growth, pdf, bounds, report];
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const USAGE = `usage: node bench/run.js [options]
  --quick            a short run: fewer files and runs (two or three minutes)
  --only LIST        only these sections, comma-separated: ${SECTIONS.map((section) => section.name).join(', ')}
  --runs N           runs per measurement (overrides each section's default)
  --keep             keep the generated data in .bench-tmp/
  --json FILE        also write the results as JSON`;

function parseArgs(argv) {
  const options = { quick: false, only: null, runs: null, keep: false, json: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--quick') options.quick = true;
    else if (flag === '--keep') options.keep = true;
    else if (flag === '--only')
      options.only = value()
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean);
    else if (flag === '--runs') options.runs = Math.max(1, Number.parseInt(value(), 10) || 1);
    else if (flag === '--json') options.json = resolve(value());
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      console.error(`bench: unknown option ${argv[i]}\n${USAGE}`);
      process.exit(2);
    }
  }
  const unknown = (options.only ?? []).filter((name) => !SECTIONS.some((section) => section.name === name));
  if (unknown.length > 0) {
    console.error(`bench: unknown section ${unknown.join(', ')}\n${USAGE}`);
    process.exit(2);
  }
  return options;
}

function firstLine(command, args) {
  // pdftotext -v prints to standard error (and exits 99 in older versions).
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 10_000 });
  return `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim().split('\n')[0] || null;
}

function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const model = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (model) cpu = model[1].trim();
  } catch {
    // not Linux
  }
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return {
    cores,
    cpu,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    memoryGB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
  };
}

function toolVersions() {
  const versions = {};
  const tools = { mlr: ['--version'], hyperfine: ['--version'], pdftotext: ['-v'] };
  for (const [tool, args] of Object.entries(tools)) if (which(tool)) versions[tool] = firstLine(tool, args);
  return versions;
}

function table(rows) {
  const headings = ['section', 'measure', 'charter', 'reference', 'ratio', 'goal', 'result'];
  const cells = rows.map((row) => [
    row.section,
    row.measure,
    row.charter,
    row.reference,
    row.ratio,
    row.goal,
    row.met === null ? '' : row.met ? 'met' : 'MISSED',
  ]);
  const widths = headings.map((heading, c) => Math.max(heading.length, ...cells.map((line) => String(line[c] ?? '').length)));
  const line = (values) =>
    values
      .map((value, c) => String(value ?? '').padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  return [line(headings), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const tmp = join(repoRoot, '.bench-tmp');
  mkdirSync(tmp, { recursive: true });
  const charterBin = join(repoRoot, 'bin', 'charter.js');
  if (!existsSync(join(repoRoot, 'dist', 'cli', 'main.js'))) {
    console.error('bench: dist/ is missing; run `npm run bench` (which compiles first) or `npx tsc`');
    process.exit(2);
  }
  const host = machine();
  const versions = toolVersions();
  console.log(`charter benchmark${options.quick ? ' (quick)' : ''} — ${new Date().toISOString()}`);
  console.log(
    `machine: ${host.cores} cores, ${host.cpu}, ${host.memoryGB} GB, ${host.os}; node ${host.node}; load average at start ${host.loadAverage.join(' ')}`,
  );
  console.log(
    `tools: ${
      Object.entries(versions)
        .map(([tool, version]) => `${tool}: ${version}`)
        .join('; ') || 'none of mlr, hyperfine, pdftotext'
    }; memory: ${memoryMethod()}`,
  );

  const ctx = {
    repoRoot,
    tmp,
    charterBin,
    node: process.execPath,
    quick: options.quick,
    runs: options.runs,
    keep: options.keep,
    toolVersions: versions,
    log: null,
  };
  const results = [];
  for (const section of SECTIONS) {
    if (options.only && !options.only.includes(section.name)) continue;
    console.log(`\n== ${section.title}`);
    ctx.log = (text) => console.log(`  ${text}`);
    const sectionStarted = Date.now();
    let outcome;
    try {
      outcome = await section.run(ctx);
    } catch (error) {
      outcome = { skipped: `the section failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    const seconds = ((Date.now() - sectionStarted) / 1000).toFixed(1);
    if (outcome.skipped) console.log(`  skipped: ${outcome.skipped}`);
    for (const note of outcome.notes ?? []) console.log(`  note: ${note}`);
    console.log(`  (${seconds} s)`);
    results.push({ section: section.name, seconds: Number(seconds), ...outcome });
  }

  const rows = results.flatMap((result) =>
    result.skipped
      ? [{ section: result.section, measure: 'skipped (see below)', charter: '', reference: '', ratio: '', goal: '', met: null }]
      : result.rows.map((row) => ({ section: result.section, ...row })),
  );
  console.log(`\n== summary (medians; ratio = charter / reference unless it says faster or slower)\n${table(rows)}`);
  for (const result of results) {
    if (result.skipped) console.log(`${result.section}: skipped: ${result.skipped}`);
    for (const note of result.notes ?? []) console.log(`${result.section}: note: ${note}`);
  }
  const missed = rows.filter((row) => row.met === false).length;
  const loadAtEnd = os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
  console.log(
    `\n${missed === 0 ? 'every goal measured was met' : `${missed} goal${missed === 1 ? '' : 's'} missed`}; total ${((Date.now() - started) / 1000).toFixed(0)} s; load average at end ${loadAtEnd} (other work on the machine slows every figure)`,
  );
  if (options.json) {
    writeFileSync(
      options.json,
      `${JSON.stringify({ date: new Date().toISOString(), quick: options.quick, machine: host, tools: versions, results }, null, 2)}\n`,
    );
    console.log(`results written to ${options.json}`);
  }
}

await main();
