/**
 * Huge inputs through every reader: a 1 MB cell and a 100,000-line file must complete, with a
 * return or coded diagnostics, and a huge cell must come back whole. The time limits are generous:
 * they only catch a hang or time that grows far faster than the input (`npm run bench` measures
 * how the time grows).
 */
import { describe, expect, it } from 'vitest';
import type { CharterReturn, PointAnswer, SourceFormat } from '../src/model.js';
import { readDocument } from '../src/read/readDocument.js';
import { checkTextCoverage, describeLostWords } from '../src/validate/textCoverage.js';
import { writeCsv } from '../src/write/csv.js';
import { writeMarkdownReturn } from '../src/write/markdown.js';
import { CROYDON_2015 } from './lib/expected.js';
import { headingLine, renderTsv } from './lib/renderTsv.js';
import { importExpectingOutcome } from './support/outcome.js';
import { SEED_000_TEXT } from './support/seedVariants.js';

const MEGABYTE = 1 << 20;
const LINES = 100_000;
const LARGE = { timeout: 180_000 };

/** About `size` characters of distinct words, so that a lost stretch of them shows. */
function manyWords(size: number, stem = 'word'): string {
  const words: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const word = `${stem}${i.toString(36)}`;
    words.push(word);
    length += word.length + 1;
  }
  return words.join(' ');
}

function seedReturn(points: PointAnswer[]): CharterReturn {
  return { schemaVersion: 1, authority: 'Croydon', period: 'May 2015', source: { path: 'croydon.tsv', format: 'tsv' }, points, diagnostics: [] };
}

const withAnswer = (number: number, whereWeAreNow: string): PointAnswer[] =>
  CROYDON_2015.points.map((point) => (point.number === number ? { ...point, whereWeAreNow } : point));

async function expectWholeReturn(bytes: Uint8Array, options: { path: string; format?: SourceFormat }, points: PointAnswer[]): Promise<void> {
  const result = await importExpectingOutcome(bytes, options);
  expect(result.charterReturn?.points.map(({ number, whereWeAreNow }) => ({ number, whereWeAreNow }))).toEqual(
    points.map(({ number, whereWeAreNow }) => ({ number, whereWeAreNow })),
  );
  const read = await readDocument(bytes, options);
  if (!read.ok) throw new Error('read failed');
  const { missing } = checkTextCoverage(read.document, result);
  expect(missing, describeLostWords(missing)).toEqual([]);
}

describe('a 1 MB cell comes back whole', () => {
  const big = manyWords(MEGABYTE);
  const points = withAnswer(4, big);

  it('from tab-separated text', LARGE, async () => {
    await expectWholeReturn(Buffer.from(renderTsv(points, 'May 2015', [])), { path: 'big.tsv' }, points);
  });

  it('from CSV', LARGE, async () => {
    await expectWholeReturn(Buffer.from(writeCsv([seedReturn(points)])), { path: 'big.csv' }, points);
  });

  it('from markdown', LARGE, async () => {
    await expectWholeReturn(Buffer.from(writeMarkdownReturn(seedReturn(points))), { path: 'big.md' }, points);
  });

  it('from text extracted from a PDF (one 1 MB line)', LARGE, async () => {
    // Laid out as pdftotext -layout would: columns apart by runs of spaces.
    const text = renderTsv(points, 'May 2015', []).replace(/\t/g, '    ');
    await importExpectingOutcome(Buffer.from(text), { path: 'big.txt', format: 'text' });
  });
});

describe('1 MB of what makes patterns backtrack, in every part of the return', () => {
  const cases: [string, (lines: string[]) => void][] = [
    ['spaces in a row-number cell', (lines) => (lines[5] = lines[5]!.replace(/^4\t/, `4${' '.repeat(MEGABYTE)}x\t`))],
    ['one 1 MB word in an answer', (lines) => (lines[5] = lines[5]!.replace('Croydon has a high number of', 'x'.repeat(MEGABYTE)))],
    ['a heading cell with a 1 MB period', (lines) => (lines[0] = lines[0]!.replace('(May 2015)', `(${'( '.repeat(MEGABYTE / 2)}`))],
    ['a line of 1 MB of hashes, pipes and dashes', (lines) => lines.splice(10, 0, '#|-'.repeat(MEGABYTE / 3))],
    ['a title naming a borough, then 1 MB of spaces', (lines) => lines.unshift(`London Borough of Croydon${' '.repeat(MEGABYTE)}!`)],
    ['1 MB of digits and spaces as a row number', (lines) => lines.splice(10, 0, `${'1 '.repeat(MEGABYTE / 2)}\tx\ty\tz\tw`)],
  ];
  for (const [name, edit] of cases) {
    it(name, LARGE, async () => {
      const lines = SEED_000_TEXT.split('\n');
      edit(lines);
      // The patterns are the normaliser's, the same behind every reader; each reader meets a 1 MB cell above.
      await importExpectingOutcome(Buffer.from(lines.join('\n')), { path: 'huge.tsv' });
    });
  }
});

describe('a 100,000-line file completes', () => {
  const continuation = Array.from({ length: LINES }, (_, i) => `\t\tpart${i.toString(36)}\t\t`);

  it('tab-separated: one answer wrapped over 100,000 lines comes back whole', LARGE, async () => {
    const lines = SEED_000_TEXT.split('\n');
    // Point 2's row is line 3; its "where we are now" carries on below it.
    lines.splice(3, 0, ...continuation);
    const result = await importExpectingOutcome(Buffer.from(lines.join('\n')), { path: 'long.tsv' });
    const answer = result.charterReturn?.points.find((point) => point.number === 2)?.whereWeAreNow;
    expect(answer).toBe([CROYDON_2015.points[1]!.whereWeAreNow, ...continuation.map((line) => line.trim())].join(' '));
  });

  it('tab-separated: 20,000 rows that are no point give coded errors', LARGE, async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${(i % 40) + 1}\tnot a charter point ${i}\tx\ty\tz`);
    const result = await importExpectingOutcome(Buffer.from([headingLine('May 2015'), ...rows].join('\n')), { path: 'rows.tsv' });
    expect(result.valid).toBe(false);
  });

  it('CSV', LARGE, async () => {
    const lines = writeCsv([seedReturn(CROYDON_2015.points)])
      .trimEnd()
      .split('\n');
    lines.splice(2, 0, ...Array.from({ length: LINES }, (_, i) => `,,,,,more ${i},,`));
    await importExpectingOutcome(Buffer.from(lines.join('\n')), { path: 'long.csv' });
  });

  it('text extracted from a PDF', LARGE, async () => {
    const lines = Array.from({ length: LINES }, (_, i) => `line ${i} of a long council paper`);
    await importExpectingOutcome(Buffer.from(lines.join('\n')), { path: 'long.txt', format: 'text' });
  });

  it('text extracted from a PDF, holding the return after 100,000 lines of prose', LARGE, async () => {
    const prose = Array.from({ length: LINES }, (_, i) => `line ${i} of a long council paper`);
    const table = renderTsv(CROYDON_2015.points, 'May 2015', []).replace(/\t/g, '    ');
    await importExpectingOutcome(Buffer.from(`${prose.join('\n')}\n\n${table}`), { path: 'paper.txt', format: 'text' });
  });
});

/**
 * The markdown parser takes a fifth of a millisecond a table row: 100,000 lines run in the long
 * run (CHARTER_FUZZ_RUNS set). The normal run checks that its time grows in step with the input,
 * from 3,000 lines to 12,000.
 */
describe('markdown grows in step with its length', () => {
  const longRun = process.env.CHARTER_FUZZ_RUNS !== undefined;
  const markdownTable = (lines: number) => {
    const table = writeMarkdownReturn(seedReturn(CROYDON_2015.points)).trimEnd().split('\n');
    table.splice(6, 0, ...Array.from({ length: lines }, (_, i) => `| | | more ${i} | | |`));
    return Buffer.from(table.join('\n'));
  };
  const markdownPaper = (lines: number) =>
    Buffer.from(
      `${Array.from({ length: lines }, (_, i) => `line ${i} of the minutes of a long meeting`).join('\n')}\n\n${writeMarkdownReturn(seedReturn(CROYDON_2015.points))}`,
    );
  const cases: [string, (lines: number) => Buffer, { path: string; format?: SourceFormat }][] = [
    ['markdown: a table of many rows', markdownTable, { path: 'long.md' }],
    ['markdown: a long paper before the return', markdownPaper, { path: 'paper.md' }],
  ];
  for (const [name, make, options] of cases) {
    if (longRun) {
      it(`${name}: 100,000 lines`, { timeout: 600_000 }, async () => {
        await importExpectingOutcome(make(LINES), options);
      });
    } else {
      it(`${name}: 3,000 and 12,000 lines each end in a coded outcome`, LARGE, async () => {
        // That four times the lines take about four times as long is npm run bench's (bounds).
        for (const lines of [3_000, 12_000]) await importExpectingOutcome(make(lines), options);
      });
    }
  }
});
