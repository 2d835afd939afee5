/**
 * A document holding several returns (last year's and this year's in one paper): each is read,
 * and each output holds them all — a JSON array in the one file --out-dir writes for the input.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './lib/runCli.js';

const PAPER = resolve('fixtures/producers/kingsmead-2016-2017-chromium-header-footer-two-returns.pdf');
const folder = mkdtempSync(join(tmpdir(), 'charter-several-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('several returns in one document', () => {
  it('--out-dir writes one file for the input, holding both returns', async () => {
    const run = await runCli(['import', PAPER, '--out-dir', folder, '-q']);
    expect(run.status).toBe(0);
    const written = JSON.parse(readFileSync(join(folder, 'kingsmead-2016-2017-chromium-header-footer-two-returns.json'), 'utf8')) as {
      period: string;
    }[];
    expect(written.map((r) => r.period)).toEqual(['November 2016', 'September 2017']);
  });

  it('--pages narrows the search to one of them', async () => {
    const run = await runCli(['import', PAPER, '--pages', '6-9', '-q']);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { period: string }).period).toBe('September 2017');
  });
});
