/**
 * Output that cannot be written (`> /dev/full`, a disk that fills): one line on standard error
 * saying so, exit 2, never a stack trace; where standard error itself fails, exit 2 all the same.
 */
import { spawnSync } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';

const SEED = 'fixtures/croydon-2015.tsv';

/** The installed command with standard output (or error) on /dev/full, which fails every write with ENOSPC. */
function toDevFull(args: string[], stream: 'stdout' | 'stderr'): { status: number | null; stderr: string } {
  const full = openSync('/dev/full', 'w');
  try {
    const stdio: ['ignore', number | 'pipe', number | 'pipe'] = stream === 'stdout' ? ['ignore', full, 'pipe'] : ['ignore', 'pipe', full];
    const child = spawnSync(process.execPath, ['bin/charter.js', ...args], { stdio, encoding: 'utf8' });
    return { status: child.status, stderr: child.stderr ?? '' };
  } finally {
    closeSync(full);
  }
}

/** A stream that fails every write as a full disk does. */
function fullDisk(): Writable {
  return new Writable({
    write(_chunk, _encoding, done) {
      done(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
    },
  });
}

describe('standard output on a full disk', () => {
  it.each([
    ['import', ['import', SEED, '-q']],
    ['validate --reporter json', ['validate', SEED, '--reporter', 'json', '-q']],
    ['schema', ['schema']],
    ['--version', ['--version']],
  ])('%s says so in one line and exits 2', (_name, args) => {
    const run = toDevFull(args, 'stdout');
    expect(run).toEqual({ status: 2, stderr: 'charter: cannot write standard output: the disk is full\n' });
  });

  it('in-process too: the run stops at the first failed write', async () => {
    const stderr = new PassThrough();
    const said: Buffer[] = [];
    stderr.on('data', (chunk: Buffer) => said.push(chunk));
    const status = await main(['import', SEED, SEED, '-q'], {
      stdout: fullDisk(),
      stderr,
      stdin: Readable.from([]),
      stderrIsTTY: false,
      env: {},
      cwd: process.cwd(),
    });
    expect(status).toBe(2);
    expect(Buffer.concat(said).toString('utf8')).toBe('charter: cannot write standard output: the disk is full\n');
  });
});

describe('standard error on a full disk', () => {
  it('exits 2: the diagnostics were not seen', () => {
    expect(toDevFull(['import', SEED], 'stderr').status).toBe(2);
  });
});
