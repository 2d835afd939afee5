// Writes what the built command prints for every fixture, in every output format and reporter,
// into one folder: run it before and after a change that should not change behaviour, then
// `diff -r BEFORE AFTER`. Usage: npm run build && node scripts/fixture-outputs.mjs OUT_DIR
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/fixture-outputs.mjs OUT_DIR');
  process.exitCode = 2;
} else {
  const inputs = [...walk(join(root, 'fixtures')), ...walk(join(root, 'tests', 'fixtures'))]
    .filter((path) => !/\.(mjs|sh)$/.test(path))
    .map((path) => relative(root, path))
    .sort();
  const runs = [
    ['json', ['import', '--format', 'json']],
    ['ndjson', ['import', '--format', 'ndjson']],
    ['csv', ['import', '--format', 'csv']],
    ['md', ['import', '--format', 'md']],
    ['stylish', ['validate', '--reporter', 'stylish']],
    ['compact', ['validate', '--reporter', 'compact']],
    ['github', ['validate', '--reporter', 'github']],
    ['json-report', ['validate', '--reporter', 'json']],
    ['sarif', ['validate', '--reporter', 'sarif']],
    ['rules', ['validate', '--reporter', 'compact', '--rule', 'empty-answer=off', '--rule', 'no-timescale=error']],
  ];
  mkdirSync(out, { recursive: true });
  const record = (name, args) => {
    const run = spawnSync(process.execPath, [join(root, 'bin', 'charter.js'), ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    writeFileSync(join(out, name), `exit ${run.status}\n--- stdout\n${run.stdout}--- stderr\n${run.stderr}`);
  };
  for (const input of inputs) for (const [name, args] of runs) record(`${input.replace(/[\\/]/g, '__')}.${name}`, [...args, input]);
  // Several inputs at once: arrays, summaries, worker threads for the PDFs.
  for (const [name, args] of runs) record(`all-inputs.${name}`, [...args, ...inputs]);
  for (const args of [
    ['template', '--format', 'json'],
    ['template', '--format', 'csv'],
    ['template', '--format', 'md', '--period', 'May 2016'],
    ['schema'],
  ]) {
    record(args.join('_'), args);
  }
  console.log(`${inputs.length} inputs, ${inputs.length * runs.length + runs.length + 4} runs written to ${out}`);
}

function walk(folder) {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => (entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)]));
}
