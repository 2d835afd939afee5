/**
 * Every fixture's `charter import` output, byte for byte, against the snapshots taken before the
 * speed work of issue 16: doing each piece of work once must not change a single byte.
 * `CHARTER_WRITE_SNAPSHOTS=1 npx vitest run tests/fixture-outputs.test.ts` rewrites them, for a
 * change that means to alter output (say why in its commit).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureInputs, fixtureOutput, snapshotPath } from './support/fixtureOutputs.js';

const WRITE = process.env.CHARTER_WRITE_SNAPSHOTS === '1';

describe('every fixture prints what it printed before the speed work', () => {
  const inputs = fixtureInputs();

  it('covers every kind of input', () => {
    const kinds = new Set(inputs.map((path) => /\.([a-z]+)$/.exec(path)![1]));
    expect([...kinds].sort()).toEqual(['csv', 'docx', 'json', 'md', 'ndjson', 'pdf', 'tsv', 'txt', 'xlsx']);
  });

  for (const input of inputs) {
    it(input, async () => {
      const output = await fixtureOutput(input);
      const path = snapshotPath(input);
      if (WRITE) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, output);
      }
      expect(output).toBe(readFileSync(path, 'utf8'));
    });
  }
});
