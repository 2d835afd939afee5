/**
 * Random input to every reader: random bytes, and random text built from the pieces returns are
 * made of (tabs, pipes, quotes, headings, row numbers, charter wording, HTML, a PDF header). Each
 * must end in a return or coded diagnostics; where a table was found, no text of it is lost.
 * More cases: CHARTER_FUZZ_RUNS=5000 npx vitest run tests/fuzz-bytes.test.ts
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHARTER_POINTS } from '../src/charter/points.js';
import type { SourceFormat } from '../src/model.js';
import { readDocument } from '../src/read/readDocument.js';
import { checkTextCoverage, describeLostWords } from '../src/validate/textCoverage.js';
import { importExpectingOutcome } from './support/outcome.js';

const RUNS = Number(process.env.CHARTER_FUZZ_RUNS ?? 300);
const TIMEOUT = { timeout: Math.max(60_000, RUNS * 100) };
const FORMATS: (SourceFormat | undefined)[] = [undefined, 'tsv', 'csv', 'markdown', 'text', 'pdf', 'docx', 'xlsx', 'json'];

const PIECES = [
  '\t',
  '\t',
  '\n',
  '\n',
  '\r\n',
  ' ',
  '  ',
  '|',
  ' | ',
  '|---|---|---|---|---|',
  ',',
  '"',
  '""',
  "'",
  '=',
  '-',
  '#',
  '## ',
  '1',
  '2',
  '1 0',
  '14',
  '21',
  '22',
  '0',
  'No.',
  'Page 2 of 4',
  'Charter point',
  'Where we are now (May 2015)',
  'Where we need to improve',
  'Next steps (with timescales)',
  'London Borough of Croydon',
  'Croydon',
  'Sept 2015',
  '15/16',
  'on-going',
  '<table>',
  '<tr>',
  '<td>',
  '</td>',
  '</tr>',
  '</table>',
  '<br>',
  '**',
  '&amp;',
  '%PDF-1.4',
  '\u00a0',
  '\u2013',
  '\ufeff',
  '\u0000',
  ...CHARTER_POINTS.map((point) => point.wording),
  ...CHARTER_POINTS.map((point) => point.wording.split(' ').slice(0, 3).join(' ')),
];

const soup = fc.array(fc.constantFrom(...PIECES), { maxLength: 300 }).map((pieces) => pieces.join(''));

/** Rows of five cells (number, charter point, three answers) that often make a return, with pieces thrown in. */
const cellText = fc
  .array(fc.constantFrom(...PIECES.filter((piece) => !/[\t\n\r|]/.test(piece)), 'care', 'plan', 'review'), { maxLength: 5 })
  .map((words) => words.join(' '));
const numberCell = fc.constantFrom('', '', '1', '2', '3', '7', '1 0', '12', '4', '21', '22', 'x', '1.');
const table = fc
  .record({
    heading: fc.boolean(),
    separator: fc.constantFrom('\t', ',', ' | '),
    rows: fc.array(
      fc.tuple(numberCell, fc.oneof(cellText, fc.constantFrom(...CHARTER_POINTS.map((point) => point.wording))), cellText, cellText, cellText),
      { maxLength: 30 },
    ),
    junk: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...PIECES)), { maxLength: 4 }),
  })
  .map(({ heading, separator, rows, junk }) => {
    const line = (cells: readonly string[]) => (separator === ' | ' ? `| ${cells.join(' | ')} |` : cells.join(separator));
    const lines = rows.map((cells) => line(cells));
    if (heading) {
      const headings = ['No.', 'Charter point', 'Where we are now (May 2015)', 'Where we need to improve', 'Next steps (with timescales)'];
      lines.unshift(line(headings), ...(separator === ' | ' ? ['|---|---|---|---|---|'] : []));
    }
    for (const [at, piece] of junk) lines.splice(at % (lines.length + 1), 0, piece);
    return lines.join('\n');
  });

describe('random bytes', () => {
  it('end in coded diagnostics (or, by luck, a return) in every reader', TIMEOUT, async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom(...FORMATS), async (bytes, format) => {
        await importExpectingOutcome(bytes, { path: 'random.bin', format });
      }),
      { numRuns: RUNS, seed: 70301, endOnFailure: true },
    );
  });

  it('after a PDF header end in coded diagnostics', TIMEOUT, async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), bytes]);
        await importExpectingOutcome(pdf, { path: 'random.pdf' });
      }),
      { numRuns: Math.ceil(RUNS / 3), seed: 70302, endOnFailure: true },
    );
  });
});

describe('random bytes after a zip header (Word and Excel files are zip archives)', () => {
  it('end in coded diagnostics, found from the content or forced', TIMEOUT, async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.constantFrom(undefined, 'docx' as const, 'xlsx' as const), async (bytes, format) => {
        const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), bytes]);
        await importExpectingOutcome(zip, { path: 'random.docx', format });
      }),
      { numRuns: Math.ceil(RUNS / 3), seed: 70304, endOnFailure: true },
    );
  });
});

describe('random JSON', () => {
  it('ends in a return or coded diagnostics', TIMEOUT, async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(undefined, 'json' as const), async (value, format) => {
        await importExpectingOutcome(Buffer.from(JSON.stringify(value)), { path: 'random.json', format });
      }),
      { numRuns: Math.ceil(RUNS / 3), seed: 70305, endOnFailure: true },
    );
  });
});

describe('random text made of the pieces of returns', () => {
  it('ends in a return or coded diagnostics, with no text of a table found lost', TIMEOUT, async () => {
    let returns = 0;
    await fc.assert(
      // Mostly tables, mostly read as found from their content.
      fc.asyncProperty(
        fc.oneof({ weight: 1, arbitrary: soup }, { weight: 3, arbitrary: table }),
        fc.constantFrom(undefined, undefined, undefined, 'tsv', 'csv', 'markdown', 'text'),
        async (text, format) => {
          const bytes = Buffer.from(text, 'utf8');
          const options = { path: 'random.txt', format };
          const result = await importExpectingOutcome(bytes, options);
          if (result.charterReturn === null) return;
          returns++;
          const read = await readDocument(bytes, options);
          if (!read.ok) return;
          const { missing } = checkTextCoverage(read.document, result);
          expect(missing, describeLostWords(missing)).toEqual([]);
        },
      ),
      { numRuns: RUNS, seed: 70303, endOnFailure: true },
    );
    // The check above must have had returns to look at.
    expect(returns).toBeGreaterThan(RUNS / 20);
  });
});
