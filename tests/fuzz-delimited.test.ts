/**
 * Fuzzing the tab-separated and CSV readers through the whole pipeline: the seed 000 return and
 * its variants (other encodings, Excel quoting, CSV), damaged line by line and byte by byte. Each
 * case must end in a return or coded diagnostics, and lose no text of the table it found.
 * More cases: CHARTER_FUZZ_RUNS=5000 npx vitest run tests/fuzz-delimited.test.ts
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../src/read/readDocument.js';
import { checkTextCoverage, describeLostWords } from '../src/validate/textCoverage.js';
import { byteMutation, lineMutation, mutateBytes, mutateLines } from './support/fuzzInputs.js';
import { importExpectingOutcome } from './support/outcome.js';
import { seedVariants } from './support/seedVariants.js';

const RUNS = Number(process.env.CHARTER_FUZZ_RUNS ?? 250);

/** The variants as UTF-8 text, which line mutations work on (the encodings are fuzzed below, byte by byte). */
const variants = seedVariants();
const textVariants = variants.filter((variant) => !/UTF-16|Windows-1252/.test(variant.name));

const byName = new Map(variants.map((variant) => [variant.name, variant]));

// Variants are drawn by name, so that a failure prints a short, replayable case.
const damagedVariant = fc.record({
  variant: fc.constantFrom(...textVariants.map((variant) => variant.name)),
  lines: fc.array(lineMutation, { minLength: 1, maxLength: 4 }),
  format: fc.constantFrom(undefined, 'tsv' as const, 'csv' as const),
});

describe('tab-separated and CSV returns, damaged line by line', () => {
  it('end in a return or coded diagnostics, with no text of the table lost', { timeout: Math.max(60_000, RUNS * 40) }, async () => {
    await fc.assert(
      fc.asyncProperty(damagedVariant, async ({ variant: name, lines, format }) => {
        const variant = byName.get(name)!;
        const bytes = Buffer.from(mutateLines(Buffer.from(variant.bytes).toString('utf8'), lines), 'utf8');
        const options = { path: variant.path, format };
        const result = await importExpectingOutcome(bytes, options);
        const read = await readDocument(bytes, options);
        if (read.ok) {
          const { missing } = checkTextCoverage(read.document, result);
          expect(missing, describeLostWords(missing)).toEqual([]);
        }
      }),
      { numRuns: RUNS, seed: 70001, endOnFailure: true },
    );
  });
});

describe('tab-separated and CSV returns, damaged byte by byte', () => {
  it('end in a return or coded diagnostics', { timeout: Math.max(60_000, RUNS * 40) }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...variants.map((variant) => variant.name)),
        fc.array(byteMutation, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(undefined, 'tsv' as const, 'csv' as const),
        async (name, mutations, format) => {
          const variant = byName.get(name)!;
          await importExpectingOutcome(mutateBytes(variant.bytes, mutations), { path: variant.path, format });
        },
      ),
      { numRuns: RUNS, seed: 70002, endOnFailure: true },
    );
  });
});
