/**
 * Fuzzing the markdown, PDF-text, PDF, Word and Excel readers through the whole pipeline (the readers are
 * reached as a user reaches them: `--from md`, `--from text`, `--from pdf`, `--from docx`, or found from the
 * content), and every fixture through every reader. Each case must end in a return or coded
 * diagnostics; where a table was found, no text of it may be lost.
 * More cases: CHARTER_FUZZ_RUNS=5000 npx vitest run tests/fuzz-readers.test.ts
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourceFormat } from '../src/model.js';
import { readDocument } from '../src/read/readDocument.js';
import { checkTextCoverage, describeLostWords } from '../src/validate/textCoverage.js';
import { byteMutation, damagedBytes, damagedText, fixtureFiles, isPdfFixture, mutateBytes } from './support/fuzzInputs.js';
import { importExpectingOutcome } from './support/outcome.js';

const RUNS = Number(process.env.CHARTER_FUZZ_RUNS ?? 200);
// A PDF, or a long markdown paper, takes tens of milliseconds to read; fewer of them keep the
// normal run short.
const SLOW_RUNS = Math.ceil(RUNS / 2);
const TIMEOUT = { timeout: Math.max(60_000, RUNS * 300) };

/** The markdown returns; the agenda pack (no return, 78 kB, slow to read) is fuzzed below with every fixture. */
/**
 * Of the producer fixtures (tens of PDFs and their extracts), one of each producer is fuzzed in
 * the normal run, so that the suite stays short; CHARTER_FUZZ_ALL=1 takes them all.
 */
const PRODUCER_SAMPLE = [
  'ashgrove-2016-chromium-header-footer',
  'kingsmead-2017-chromium-middle',
  'ashgrove-2017-libreoffice-html',
  'croydon-2015-docx',
];
const sampled = (name: string) =>
  !name.startsWith('producers/') || process.env.CHARTER_FUZZ_ALL === '1' || PRODUCER_SAMPLE.some((base) => name.startsWith(`producers/${base}.`));
const markdown = fixtureFiles((name) => name.endsWith('.md') && !name.includes('agenda') && sampled(name));
const pdfText = fixtureFiles((name) => name.endsWith('.txt') && sampled(name));
const pdfs = fixtureFiles((name) => isPdfFixture(name) && sampled(name));
const office = fixtureFiles((name) => (name.endsWith('.docx') || name.endsWith('.xlsx')) && sampled(name));
const everything = fixtureFiles((name) => sampled(name) && !name.startsWith('returns/') && !name.endsWith('manifest.json'));

async function expectNothingLost(bytes: Uint8Array, options: { path: string; format?: SourceFormat | undefined }): Promise<void> {
  const result = await importExpectingOutcome(bytes, options);
  // With no return there is no table to have lost text from.
  if (result.charterReturn === null) return;
  const read = await readDocument(bytes, options);
  if (!read.ok) return;
  const { missing } = checkTextCoverage(read.document, result);
  expect(missing, describeLostWords(missing)).toEqual([]);
}

describe('fixtures exist for every reader', () => {
  it('markdown, text from PDFs, and PDFs', () => {
    expect(markdown.length).toBeGreaterThanOrEqual(2);
    expect(pdfText.length).toBeGreaterThanOrEqual(1);
    expect(pdfs.length).toBeGreaterThanOrEqual(1);
    expect(office.length).toBeGreaterThanOrEqual(4);
  });
});

describe('markdown, damaged', () => {
  it('ends in a return or coded diagnostics, with no text of the table lost', TIMEOUT, async () => {
    await fc.assert(
      fc.asyncProperty(damagedText(markdown), fc.constantFrom(undefined, 'markdown' as const), async (input, format) => {
        await expectNothingLost(input.bytes, { path: input.name, format });
      }),
      { numRuns: SLOW_RUNS, seed: 70101, endOnFailure: true },
    );
  });
});

// Text in reading order is read by weighing every way of cutting each row's answers into cells,
// several times over as the columns' widths are learnt: a case takes about a second on a loaded
// machine, so this one is given longer.
const READING_ORDER_TIMEOUT = { timeout: Math.max(240_000, RUNS * 1_500) };

describe('text extracted from PDFs, damaged', () => {
  it('ends in a return or coded diagnostics, with no text of the table lost', READING_ORDER_TIMEOUT, async () => {
    await fc.assert(
      fc.asyncProperty(damagedText(pdfText), async (input) => {
        await expectNothingLost(input.bytes, { path: input.name, format: 'text' });
      }),
      { numRuns: SLOW_RUNS, seed: 70102, endOnFailure: true },
    );
  });
});

describe('PDF, damaged byte by byte', () => {
  it('ends in a return or coded diagnostics', TIMEOUT, async () => {
    await fc.assert(
      fc.asyncProperty(damagedBytes(pdfs), fc.constantFrom(undefined, 'pdf' as const), async (input, format) => {
        await importExpectingOutcome(input.bytes, { path: input.name, format });
      }),
      { numRuns: SLOW_RUNS, seed: 70103, endOnFailure: true },
    );
  });

  it('truncated anywhere, ends in a return or coded diagnostics', TIMEOUT, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pdfs.map((pdf) => pdf.name)), fc.double({ min: 0, max: 1, noNaN: true }), async (name, fraction) => {
        const pdf = pdfs.find((file) => file.name === name)!;
        await importExpectingOutcome(pdf.bytes.subarray(0, Math.floor(pdf.bytes.length * fraction)), { path: name, format: 'pdf' });
      }),
      { numRuns: Math.ceil(SLOW_RUNS / 2), seed: 70104, endOnFailure: true },
    );
  });
});

describe('Word and Excel files, damaged byte by byte or truncated', () => {
  it('end in a return or coded diagnostics, with no text of the table lost', TIMEOUT, async () => {
    for (const file of office) await expectNothingLost(file.bytes, { path: file.name });
    await fc.assert(
      fc.asyncProperty(damagedBytes(office), fc.constantFrom(undefined, 'docx' as const, 'xlsx' as const), async (input, format) => {
        await expectNothingLost(input.bytes, { path: input.name, format });
      }),
      { numRuns: SLOW_RUNS, seed: 70106, endOnFailure: true },
    );
  });
});

describe('every fixture through every reader', () => {
  const formats: (SourceFormat | undefined)[] = [undefined, 'tsv', 'csv', 'markdown', 'text', 'pdf', 'docx', 'xlsx', 'json'];
  for (const fixture of everything) {
    it(`${fixture.name}, whole and lightly damaged`, TIMEOUT, async () => {
      for (const format of formats) await importExpectingOutcome(fixture.bytes, { path: fixture.name, format });
      await fc.assert(
        fc.asyncProperty(fc.array(byteMutation, { minLength: 1, maxLength: 3 }), fc.constantFrom(...formats), async (mutations, format) => {
          await importExpectingOutcome(mutateBytes(fixture.bytes, mutations), { path: fixture.name, format });
        }),
        { numRuns: Math.ceil(RUNS / 20), seed: 70105, endOnFailure: true },
      );
    });
  }
});
