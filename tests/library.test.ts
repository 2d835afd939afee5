/**
 * charter as a library, as a script sees it: `import { … } from 'charter'` through the package's
 * exports map, the built code in dist/ (npm test builds it first) and its .d.ts types.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typeErrors } from './support/typeCheck.js';

const ROOT = new URL('..', import.meta.url).pathname;

/** A script like the README's example ("From a script"), on a real return. */
const SCRIPT = `import { readFile } from 'node:fs/promises';
import { importReturn, validateReturn, writeReturn } from 'charter';

const bytes = await readFile(process.argv[2]);
const result = await importReturn(bytes, { path: process.argv[2] });
if (result.charterReturn) process.stdout.write(writeReturn(result.charterReturn, 'csv'));
console.log(JSON.stringify({ valid: result.valid, revalidated: result.charterReturn ? validateReturn(result.charterReturn).valid : null }));
`;

let folder = '';

beforeAll(() => {
  // A project of its own with charter installed, as a user's script would have it.
  folder = mkdtempSync(join(tmpdir(), 'charter-library-'));
  mkdirSync(join(folder, 'node_modules'));
  symlinkSync(ROOT, join(folder, 'node_modules', 'charter'), 'dir');
  writeFileSync(join(folder, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(folder, 'script.mts'), SCRIPT);
  writeFileSync(join(folder, 'script.mjs'), SCRIPT);
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("import … from 'charter'", () => {
  it('runs the core from a script', () => {
    const output = execFileSync(process.execPath, [join(folder, 'script.mjs'), join(ROOT, 'fixtures', 'croydon-2015.tsv')], {
      cwd: folder,
      encoding: 'utf8',
    });
    const lines = output.trim().split('\n');
    expect(lines[0]).toBe('Source,Authority,Period,No.,Charter point,Where we are now,Where we need to improve,Next steps (with timescales)');
    expect(lines).toHaveLength(1 + 21 + 1);
    expect(JSON.parse(lines.at(-1)!)).toEqual({ valid: true, revalidated: true });
  });

  it('has types: the script type-checks, and a wrong call does not', () => {
    writeFileSync(join(folder, 'wrong.mts'), `import { writeReturn } from 'charter';\nwriteReturn({ points: [] }, 'xlsx');\n`);
    const errors = typeErrors([join(folder, 'script.mts'), join(folder, 'wrong.mts')]).map(
      (error) => `${error.file.split('/').pop()}: ${error.message}`,
    );
    expect(errors.filter((error) => error.startsWith('script.mts'))).toEqual([]);
    expect(errors.filter((error) => error.startsWith('wrong.mts')).length).toBeGreaterThan(0);
  });
});
