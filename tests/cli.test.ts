import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CROYDON_2015, essence } from './lib/expected.js';
import { runCli } from './lib/runCli.js';
import { outputPathFor } from '../src/cli/commands/importCommand.js';

const SEED = 'fixtures/croydon-2015.tsv';
const run = promisify(execFile);

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'charter-cli-'));
}

describe('charter import', () => {
  it('round-trips through its own CSV output', async () => {
    const csv = await runCli(['import', SEED, '--format', 'csv', '-q']);
    const dir = scratch();
    writeFileSync(join(dir, 'out.csv'), csv.stdout);
    const again = await runCli(['import', join(dir, 'out.csv'), '-q']);
    expect(again.status).toBe(0);
    expect(essence(JSON.parse(again.stdout))).toEqual(CROYDON_2015);
  });

  it('writes -o atomically and refuses to write over an input', async () => {
    const dir = scratch();
    const result = await runCli(['import', SEED, '-o', join(dir, 'croydon.json'), '-q']);
    expect(result.status).toBe(0);
    expect(essence(JSON.parse(readFileSync(join(dir, 'croydon.json'), 'utf8')))).toEqual(CROYDON_2015);
    expect(readdirSync(dir)).toEqual(['croydon.json']);
    const refused = await runCli(['import', SEED, '-o', SEED]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('charter: refusing to write the output over the input fixtures/croydon-2015.tsv\n');
  });

  it('converts a folder of good and bad inputs, mirroring sub-folders, and exits 1', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'in', '2016'), { recursive: true });
    copyFileSync(SEED, join(dir, 'in', '2016', 'croydon.tsv'));
    copyFileSync(SEED, join(dir, 'in', 'sutton.tsv'));
    writeFileSync(join(dir, 'in', 'empty.csv'), '');
    writeFileSync(join(dir, 'in', 'junk.txt'), Buffer.from([0, 1, 2, 3, 255, 0, 7, 8]));
    mkdirSync(join(dir, 'in', 'papers'));
    copyFileSync('fixtures/markdown/croydon-2015-paper.md', join(dir, 'in', 'papers', 'paper.md'));
    copyFileSync('fixtures/pdf/croydon-2015-return.pdf', join(dir, 'in', 'papers', 'return.pdf'));
    copyFileSync('fixtures/croydon-agenda-2017.md', join(dir, 'in', 'papers', 'agenda.md'));
    const result = await runCli(['import', 'in', '--out-dir', 'out', '-q', '--reporter', 'compact'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['2016', 'papers', 'sutton.json']);
    expect(readdirSync(join(dir, 'out', 'papers')).sort()).toEqual(['paper.json', 'return.json']);
    for (const name of ['2016/croydon.json', 'sutton.json', 'papers/paper.json', 'papers/return.json']) {
      expect(essence(JSON.parse(readFileSync(join(dir, 'out', name), 'utf8'))), name).toEqual(CROYDON_2015);
    }
    expect(result.stderr).toContain('in/empty.csv: error empty-input: the input is empty');
    expect(result.stderr).toContain('in/junk.txt: error binary-input');
    expect(result.stderr).toContain('in/papers/agenda.md: error no-return-found');
    expect(result.stderr).toMatch(/^charter: 7 files read, 4 returns written, 3 failed, \d+ warnings?$/m);
    expect(readdirSync(join(dir, 'out'), { recursive: true }).filter((name) => String(name).endsWith('.tmp'))).toEqual([]);
  });

  it('never names an output outside --out-dir', () => {
    const cwd = scratch();
    expect(outputPathFor({ path: 'in/2016/a.pdf', root: 'in' }, 'out', '.json', cwd)).toBe(join(cwd, 'out', '2016', 'a.json'));
    expect(outputPathFor({ path: '../elsewhere/a.tsv', root: null }, 'out', '.json', cwd)).toBe(join(cwd, 'out', 'a.json'));
    expect(outputPathFor({ path: null, root: null }, 'out', '.json', cwd)).toBe(join(cwd, 'out', 'stdin.json'));
    expect(outputPathFor({ path: '../x/a.tsv', root: 'in' }, 'out', '.json', cwd)).toBeNull();
    expect(outputPathFor({ path: '/abs/a.tsv', root: '/other' }, 'out', '.json', cwd)).toBeNull();
  });

  it('says where an output cannot be written (exit 2, not a bug report) and leaves no temporary file', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'blocker'), 'a file where a folder is wanted');
    const result = await runCli(['import', join(process.cwd(), SEED), '-o', join(dir, 'blocker', 'out.json'), '-q'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`charter: cannot write ${join(dir, 'blocker', 'out.json')}: a file stands where a folder is needed\n`);
    expect(readdirSync(dir)).toEqual(['blocker']);
    const outDir = await runCli(['import', join(process.cwd(), SEED), '--out-dir', join(dir, 'blocker'), '-q'], { cwd: dir });
    expect(outDir.status).toBe(2);
    expect(outDir.stderr).toContain(`cannot write ${join(dir, 'blocker', 'croydon-2015.json')}: a file stands where a folder is needed`);
    expect(readdirSync(dir)).toEqual(['blocker']);
  });

  it('writes one CSV table with one header for many returns', async () => {
    const dir = scratch();
    copyFileSync(SEED, join(dir, 'a.tsv'));
    copyFileSync(SEED, join(dir, 'b.tsv'));
    const result = await runCli(['import', 'a.tsv', 'b.tsv', 'a.tsv', '--format', 'csv', '-q'], { cwd: dir });
    const lines = result.stdout.trim().split('\n');
    expect(lines.filter((line) => line.startsWith('Source,')).length).toBe(1);
    expect(lines.length).toBe(1 + 42);
    expect(lines[1]!.startsWith('a.tsv,Croydon,May 2015,1,')).toBe(true);
    expect(lines[42]!.startsWith('b.tsv,Croydon,May 2015,21,')).toBe(true);
  });

  it('writes a JSON array for several inputs, even when some fail', async () => {
    const dir = scratch();
    copyFileSync(SEED, join(dir, 'a.tsv'));
    writeFileSync(join(dir, 'b.md'), '# Nothing here\n\nJust words.\n');
    const result = await runCli(['import', 'a.tsv', 'b.md', '-q', '--reporter', 'compact'], { cwd: dir });
    expect(result.status).toBe(1);
    const parsed = JSON.parse(result.stdout);
    expect(parsed).toHaveLength(1);
    expect(result.stderr).toContain('b.md: error no-return-found');
  });

  it('expands quoted globs in sorted order', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'p', 'x'), { recursive: true });
    copyFileSync(SEED, join(dir, 'p', 'x', 'b.tsv'));
    copyFileSync(SEED, join(dir, 'p', 'a.tsv'));
    const result = await runCli(['import', 'p/**/*.tsv', '--format', 'ndjson', '-q'], { cwd: dir });
    const paths = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).source.path);
    expect(paths).toEqual(['p/a.tsv', 'p/x/b.tsv']);
  });

  it('colours diagnostics only on a terminal and never with NO_COLOR', async () => {
    const plain = await runCli(['import', SEED], { tty: false });
    expect(plain.stderr).not.toContain('\x1b[');
    const coloured = await runCli(['import', SEED], { tty: true, env: { TERM: 'xterm' } });
    expect(coloured.stderr).toContain('\x1b[');
    const noColor = await runCli(['import', SEED], { tty: true, env: { TERM: 'xterm', NO_COLOR: '1' } });
    expect(noColor.stderr).not.toContain('\x1b[');
  });
});

describe('charter validate', () => {
  it('passes the seed return, listing its warnings grouped by file', async () => {
    const result = await runCli(['validate', SEED]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n');
    expect(lines[0]).toBe('fixtures/croydon-2015.tsv');
    expect(lines).toContainEqual(expect.stringMatching(/^  15:1 +warning +point 5 has next steps but no timescale: .* +no-timescale$/));
    expect(lines.at(-2)).toMatch(/^1 file: 1 valid, 0 invalid — 0 errors, \d+ warnings$/);
    // --strict and --max-warnings: tests/cli-cases.test.ts.
  });
});

describe('charter template and schema', () => {
  it('writes the blank form, which imports back as 21 points with empty answers', async () => {
    const dir = scratch();
    for (const format of ['csv', 'md', 'ndjson', 'json'] as const) {
      const form = await runCli(['template', '--format', format, '--period', 'May 2016']);
      expect(form.status).toBe(0);
      if (format === 'json' || format === 'ndjson') {
        const parsed = JSON.parse(form.stdout);
        expect(parsed.points).toHaveLength(21);
        expect(parsed.period).toBe('May 2016');
        continue;
      }
      writeFileSync(join(dir, `form.${format}`), form.stdout);
      const back = await runCli(['import', join(dir, `form.${format}`), '-q']);
      expect(back.status).toBe(0);
      const parsed = JSON.parse(back.stdout);
      expect(parsed.period).toBe('May 2016');
      expect(parsed.points.map((p: { number: number }) => p.number)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
      expect(parsed.points.every((p: Record<string, string>) => p.whereWeAreNow === '' && p.whereWeNeedToImprove === '' && p.nextSteps === '')).toBe(
        true,
      );
    }
  });
});

describe('the installed command', () => {
  it('stops quietly when its reader goes away (charter … | head)', async () => {
    const dir = scratch();
    for (let i = 0; i < 60; i++) copyFileSync(SEED, join(dir, `r${i}.tsv`));
    const bin = join(process.cwd(), 'bin/charter.js');
    const { stdout } = await run(
      'sh',
      ['-c', `node "${bin}" import . --format ndjson -q 2>err.txt | head -c 100 >/dev/null; echo "status $?"; cat err.txt`],
      { cwd: dir },
    );
    expect(stdout).not.toMatch(/EPIPE|^\s+at /m);
    expect(stdout.startsWith('status 0')).toBe(true);
  });

  it('exits after reading a single PDF (the PDF engine thread once held the process open)', async () => {
    // A process left running is killed at the time-out, which rejects the run and fails this.
    const converted = await run('node', ['bin/charter.js', 'import', 'fixtures/pdf/croydon-2015-return.pdf', '-q'], { timeout: 30_000 });
    expect(essence(JSON.parse(converted.stdout))).toEqual(CROYDON_2015);
  });

  it('runs from bin/charter.js', async () => {
    expect(existsSync('dist/cli/main.js')).toBe(true);
    const converted = await run('node', ['bin/charter.js', 'import', SEED, '-q']);
    expect(essence(JSON.parse(converted.stdout))).toEqual(CROYDON_2015);
    // Exit statuses and stack traces through bin/charter.js: every case of tests/cli-cases.test.ts.
  });
});
