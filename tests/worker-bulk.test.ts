/**
 * Runs of several inputs do each file's whole job (read, import, output made or written) in worker
 * threads (issue 16 item 2). The built command, which has its workers, must print exactly what the
 * in-process run (no workers: tests run the TypeScript sources) prints: outputs in input order,
 * every bad file reported on its own, the others still converted. Text workers have a small heap:
 * what they hand back (a PDF, a text input too large for them) must come out the same.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeed, manyLinesReturn } from '../bench/lib/generate.js';
import { runCli, type CliRun } from './lib/runCli.js';

const BIN = resolve('bin/charter.js');

/** A folder of good and bad inputs of every kind, named so that their order is known. */
function mixedFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'charter-workers-'));
  mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
  copyFileSync('fixtures/croydon-2015.tsv', join(dir, 'in', 'a-croydon.tsv'));
  writeFileSync(join(dir, 'in', 'b-junk.txt'), Buffer.from([0, 1, 2, 3, 255, 0, 7, 8]));
  copyFileSync('fixtures/markdown/croydon-2015-paper.md', join(dir, 'in', 'c-paper.md'));
  writeFileSync(join(dir, 'in', 'd-empty.csv'), '');
  copyFileSync('fixtures/pdf/croydon-2015-return.pdf', join(dir, 'in', 'e-return.pdf'));
  copyFileSync('fixtures/office/sutton-2016-excel-eu.csv', join(dir, 'in', 'sub', 'f-sutton.csv'));
  copyFileSync('fixtures/croydon-agenda-2017.md', join(dir, 'in', 'sub', 'g-agenda.md'));
  copyFileSync('fixtures/office/croydon-2015.xlsx', join(dir, 'in', 'sub', 'h-croydon.xlsx'));
  return dir;
}

function spawnCli(args: string[], cwd: string): CliRun {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

function filesUnder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory()) walk(join(folder, entry.name), `${prefix}${entry.name}/`);
      else files[`${prefix}${entry.name}`] = readFileSync(join(folder, entry.name), 'utf8');
    }
  };
  walk(dir, '');
  return files;
}

describe('several inputs in worker threads', () => {
  it('print what the run without workers prints, in input order, as NDJSON and JSON', async () => {
    const dir = mixedFolder();
    for (const format of ['ndjson', 'json']) {
      const args = ['import', 'in', '--format', format];
      const inWorkers = spawnCli(args, dir);
      expect(inWorkers.status).toBe(1);
      expect(inWorkers.stdout.split('\n').filter((line) => line.startsWith('{"schemaVersion"')).length).toBe(format === 'ndjson' ? 5 : 0);
      expect(inWorkers).toEqual(await runCli(args, { cwd: dir, env: { NO_COLOR: '1' } }));
    }
  });

  it('write the same files with --out-dir, each bad file reported and the others written', async () => {
    const dir = mixedFolder();
    const inWorkers = spawnCli(['import', 'in', '--out-dir', 'workers'], dir);
    const inProcess = await runCli(['import', 'in', '--out-dir', 'main'], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(inWorkers).toEqual(inProcess);
    expect(Object.keys(filesUnder(join(dir, 'workers')))).toEqual([
      'a-croydon.json',
      'c-paper.json',
      'e-return.json',
      'sub/f-sutton.json',
      'sub/h-croydon.json',
    ]);
    expect(filesUnder(join(dir, 'workers'))).toEqual(filesUnder(join(dir, 'main')));
  });

  it('refuse files over --max-size in the worker as the main thread does', async () => {
    const dir = mixedFolder();
    const args = ['import', 'in', '--format', 'ndjson', '--max-size', '9000'];
    const inWorkers = spawnCli(args, dir);
    expect(inWorkers.stderr).toContain('input-too-large');
    expect(inWorkers).toEqual(await runCli(args, { cwd: dir, env: { NO_COLOR: '1' } }));
  });

  it('hand a text input too large for a worker heap to the main thread, which reads it as a run without workers does', async () => {
    const dir = mixedFolder();
    // 20,000 lines: about 70 MB by the estimate, more than a text worker's heap allows, and far within the main thread's.
    writeFileSync(join(dir, 'in', 'b-long.tsv'), manyLinesReturn(loadSeed(resolve('.')), 20_000));
    const args = ['import', 'in', '--format', 'ndjson'];
    const inWorkers = spawnCli(args, dir);
    expect(inWorkers.stderr).not.toContain('input-too-large-to-read');
    expect(inWorkers.stdout.split('\n').filter((line) => line.startsWith('{"schemaVersion"')).length).toBe(6);
    expect(inWorkers).toEqual(await runCli(args, { cwd: dir, env: { NO_COLOR: '1' } }));
  });

  it('give charter report and charter validate what the run without workers gives them', async () => {
    const dir = mixedFolder();
    for (const args of [
      ['report', 'in', '--format', 'json'],
      ['validate', 'in', '--reporter', 'json'],
    ]) {
      const inWorkers = spawnCli(args, dir);
      expect(inWorkers.stdout.length).toBeGreaterThan(1000);
      expect(inWorkers).toEqual(await runCli(args, { cwd: dir, env: { NO_COLOR: '1' } }));
    }
  });
});
