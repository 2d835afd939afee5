/**
 * Property: a return written as a PDF table, in any of the layouts office suites produce, reads
 * back exactly. Random returns (some points, random answers, empty cells, hyphenated words),
 * random column widths, fonts and font sizes, cell padding, borders stroked, filled or absent,
 * numbers at the top or in the middle of their rows, the heading repeated on each page or not,
 * and pages short enough that rows run over page ends.
 *
 * Seeded; PDF_PROPERTY_RUNS=3000 runs more cases, PDF_PROPERTY_SEED=n others.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHARTER_POINTS } from '../src/charter/points.js';
import { importReturn } from '../src/pipeline.js';
import { essence, type ExpectedReturn } from './lib/expected.js';
import { WORDS } from './pdf-paper-cases.js';
import { makeReturnPdf, type FontName, type ReturnLayout, type TableRow } from './pdf-support.js';

const RUNS = Number(process.env.PDF_PROPERTY_RUNS ?? 300);
const SEED = Number(process.env.PDF_PROPERTY_SEED ?? 20_151_105);

const COUNCILS = ['Croydon', 'Lambeth', 'Hackney', 'Barnet', 'Sutton'];
const MONTHS = ['January', 'March', 'May', 'Sept', 'December'];
const FONTS: FontName[] = ['Helvetica', 'Helvetica-Bold', 'Times-Roman', 'Times-Bold', 'Courier'];

const answer = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 45 }).map((words) => words.join(' ')) },
);

const returnArbitrary = fc.record({
  council: fc.constantFrom(...COUNCILS),
  month: fc.constantFrom(...MONTHS),
  year: fc.integer({ min: 2014, max: 2019 }),
  points: fc.subarray(
    CHARTER_POINTS.map((point) => point.number),
    { minLength: 2, maxLength: 9 },
  ),
  answers: fc.array(fc.tuple(answer, answer, answer), { minLength: 21, maxLength: 21 }),
});

const layoutArbitrary: fc.Arbitrary<ReturnLayout> = fc.record({
  landscape: fc.boolean(),
  columnShares: fc.tuple(
    fc.integer({ min: 5, max: 8 }),
    fc.integer({ min: 20, max: 30 }),
    fc.integer({ min: 20, max: 35 }),
    fc.integer({ min: 20, max: 35 }),
    fc.integer({ min: 20, max: 35 }),
  ),
  fontSizes: fc.tuple(
    fc.integer({ min: 8, max: 11 }),
    fc.integer({ min: 8, max: 11 }),
    fc.integer({ min: 8, max: 11 }),
    fc.integer({ min: 8, max: 11 }),
    fc.integer({ min: 8, max: 11 }),
  ),
  fonts: fc.tuple(
    fc.constantFrom(...FONTS),
    fc.constantFrom(...FONTS),
    fc.constantFrom(...FONTS),
    fc.constantFrom(...FONTS),
    fc.constantFrom(...FONTS),
  ),
  headingFont: fc.constantFrom<FontName>('Helvetica-Bold', 'Times-Bold', 'Helvetica'),
  padding: fc.integer({ min: 3, max: 8 }),
  borders: fc.constantFrom<ReturnLayout['borders']>('none', 'stroked', 'filled'),
  numberAlign: fc.constantFrom<ReturnLayout['numberAlign']>('top', 'middle'),
  cellAlign: fc.constantFrom<NonNullable<ReturnLayout['cellAlign']>>('top', 'top', 'middle'),
  repeatHeading: fc.boolean(),
  pageHeight: fc.integer({ min: 220, max: 520 }),
});

describe('PDF tables read back exactly (property)', () => {
  it(
    `reads ${RUNS} generated PDFs`,
    async () => {
      await fc.assert(
        fc.asyncProperty(returnArbitrary, layoutArbitrary, async (generated, layout) => {
          const period = `${generated.month} ${generated.year}`;
          const rows: TableRow[] = generated.points.map((number) => {
            const [now, improve, next] = generated.answers[number - 1]!;
            return { number: String(number), cells: [CHARTER_POINTS[number - 1]!.wording, now, improve, next] };
          });
          const title = [`London Borough of ${generated.council}`, 'End of Life Care Charter: local authority return'];
          const bytes = await makeReturnPdf(title, period, rows, layout);
          const result = await importReturn(bytes, { path: null });
          const expected: ExpectedReturn = {
            authority: generated.council,
            period,
            points: rows.map((row) => ({
              number: Number(row.number),
              charterPoint: row.cells[0],
              whereWeAreNow: row.cells[1],
              whereWeNeedToImprove: row.cells[2],
              nextSteps: row.cells[3],
            })),
          };
          expect(essence(result.charterReturn)).toEqual(expected);
          expect(result.diagnostics.filter((d) => d.code === 'unassigned-text')).toEqual([]);
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    Math.max(60_000, RUNS * 2_000),
  );
});
