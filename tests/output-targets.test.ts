/**
 * Where outputs land, checked before anything is written (issue 14 items 9, 12, 13): two inputs
 * with one output name, an output that is an input reached through a symbolic link, and an output
 * folder with a link inside it leading elsewhere. Each refuses the whole run, naming the inputs,
 * and leaves every file as it was.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './lib/runCli.js';

const SEED = 'fixtures/croydon-2015.tsv';
const SEED_TEXT = readFileSync(SEED, 'utf8');

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'charter-targets-'));
}

describe('--out-dir name collisions (item 9)', () => {
  it('A/x.tsv and B/x.tsv: refused before writing, naming both', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'A'));
    mkdirSync(join(dir, 'B'));
    copyFileSync(SEED, join(dir, 'A', 'x.tsv'));
    copyFileSync(SEED, join(dir, 'B', 'x.tsv'));
    const run = await runCli(['import', 'A/x.tsv', 'B/x.tsv', '--out-dir', 'out', '-q'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `charter: A/x.tsv and B/x.tsv would both be written to ${join(dir, 'out', 'x.json')}\ncharter: nothing was read or written\n`,
    );
    expect(readdirSync(dir).sort()).toEqual(['A', 'B']);
  });

  it('a.tsv and a.md in one folder: refused the same way', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'in'));
    copyFileSync(SEED, join(dir, 'in', 'a.tsv'));
    copyFileSync('fixtures/markdown/croydon-2015-paper.md', join(dir, 'in', 'a.md'));
    const run = await runCli(['import', 'in', '--out-dir', 'out', '-q'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`charter: in/a.md and in/a.tsv would both be written to ${join(dir, 'out', 'a.json')}\n`);
    expect(readdirSync(dir)).toEqual(['in']);
  });

  it('different names still all convert', async () => {
    const dir = scratch();
    copyFileSync(SEED, join(dir, 'a.tsv'));
    copyFileSync(SEED, join(dir, 'b.tsv'));
    const run = await runCli(['import', 'a.tsv', 'b.tsv', '--out-dir', 'out', '-q'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.json', 'b.json']);
  });
});

describe('outputs over inputs reached through a link (item 13)', () => {
  it('-o the real file of an input given as a link: refused, the input untouched', async () => {
    const dir = scratch();
    copyFileSync(SEED, join(dir, 'r.tsv'));
    symlinkSync('r.tsv', join(dir, 'l.tsv'));
    const run = await runCli(['import', 'l.tsv', '-o', 'r.tsv', '-q'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('charter: refusing to write the output over the input r.tsv\n');
    expect(readFileSync(join(dir, 'r.tsv'), 'utf8')).toBe(SEED_TEXT);
  });

  it('-o through a linked folder onto the input: refused', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'data'));
    copyFileSync(SEED, join(dir, 'data', 'r.tsv'));
    symlinkSync('data', join(dir, 'alias'));
    const run = await runCli(['import', 'data/r.tsv', '-o', 'alias/r.tsv', '-q'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(readFileSync(join(dir, 'data', 'r.tsv'), 'utf8')).toBe(SEED_TEXT);
  });

  it("--out-dir that is the inputs' folder by another name, writing r.json over itself: refused", async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'data'));
    expect((await runCli(['import', join(process.cwd(), SEED), '-o', join(dir, 'data', 'r.json'), '-q'])).status).toBe(0);
    const before = readFileSync(join(dir, 'data', 'r.json'), 'utf8');
    symlinkSync('data', join(dir, 'alias'));
    const run = await runCli(['import', 'data/r.json', '--out-dir', 'alias', '-q'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `charter: data/r.json: its output ${join(dir, 'alias', 'r.json')} would overwrite an input\ncharter: nothing was read or written\n`,
    );
    expect(readFileSync(join(dir, 'data', 'r.json'), 'utf8')).toBe(before);
  });
});

describe('--out-dir never writes outside itself (item 12)', () => {
  it('a linked sub-folder inside it leading elsewhere: refused, nothing written there', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'in', '2016'), { recursive: true });
    copyFileSync(SEED, join(dir, 'in', '2016', 'x.tsv'));
    mkdirSync(join(dir, 'out'));
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'out', '2016'));
    const run = await runCli(['import', 'in', '--out-dir', 'out', '-q'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `charter: in/2016/x.tsv: its output ${join(dir, 'out', '2016', 'x.json')} would be written outside the output folder, to ${join(dir, 'elsewhere', 'x.json')}, through a symbolic link\ncharter: nothing was read or written\n`,
    );
    expect(readdirSync(join(dir, 'elsewhere'))).toEqual([]);
  });

  it('an output folder that is itself a link is followed: its real folder is the one written', async () => {
    const dir = scratch();
    copyFileSync(SEED, join(dir, 'x.tsv'));
    mkdirSync(join(dir, 'real-out'));
    symlinkSync('real-out', join(dir, 'out'));
    const run = await runCli(['import', 'x.tsv', '--out-dir', 'out', '-q'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(readdirSync(join(dir, 'real-out'))).toEqual(['x.json']);
  });
});
