/**
 * Messages that name the real cause (issue 14 item 17): a named pipe or a device given as an input
 * is not "no such file", and neither is a path through a file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './lib/runCli.js';

const STREAM = 'not a file: to read a stream, pipe it in and name - (cat NAME | charter import -)';

describe('inputs that are not files', () => {
  it('a named pipe', async () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'charter-fifo-')), 'return.tsv');
    execFileSync('mkfifo', [fifo]);
    const run = await runCli(['import', fifo]);
    expect(run).toMatchObject({ status: 2, stderr: `charter: ${fifo}: it is a named pipe (FIFO), ${STREAM}\n` });
  });

  it('/dev/zero', async () => {
    const run = await runCli(['import', '/dev/zero']);
    expect(run).toMatchObject({ status: 2, stderr: `charter: /dev/zero: it is a device, ${STREAM}\n` });
  });

  it('a path through a file', async () => {
    const run = await runCli(['import', 'fixtures/croydon-2015.tsv/x']);
    expect(run).toMatchObject({ status: 2, stderr: 'charter: fixtures/croydon-2015.tsv/x: a part of the path is a file, not a folder\n' });
  });

  it('a missing file is still missing', async () => {
    const run = await runCli(['import', 'fixtures/nope.tsv']);
    expect(run).toMatchObject({ status: 2, stderr: 'charter: fixtures/nope.tsv: no such file or folder\n' });
  });
});
