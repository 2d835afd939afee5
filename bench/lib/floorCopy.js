// The floor of the bulk section: a bare Node script that reads every file under a folder and
// writes each to an output folder atomically (a temporary file, then a rename), as
// `charter import --out-dir` does, but understands nothing. What a bulk conversion costs at least.
// Usage: node floorCopy.js IN_DIR OUT_DIR
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const [inDir, outDir] = process.argv.slice(2);

function walk(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)],
  );
}

const made = new Set();
for (const path of walk(inDir).sort()) {
  const target = join(outDir, relative(inDir, path)).replace(/\.[^./]+$/, '.json');
  const folder = join(target, '..');
  if (!made.has(folder)) {
    mkdirSync(folder, { recursive: true });
    made.add(folder);
  }
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, readFileSync(path));
  renameSync(temporary, target);
}
