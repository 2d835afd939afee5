/**
 * Property: a council paper holding a return, laid out as Chromium, LibreOffice or Word lay one
 * out, reads back exactly or fails loudly: whenever the import is valid (exit status 0), the
 * return is exactly the one drawn (authority, period, every point's answers). An invalid import
 * is allowed, and counted. The papers (tests/pdf-paper-cases.ts) vary: running headers and
 * footers on every page (a council's meeting, "Page N", "Page N of M", "- N -", a bare number, a
 * browser's date, title, URL and "n/m"), wrapped and shaded heading rows aligned top or middle,
 * cells aligned top, middle or bottom (the number column on its own), rows split over pages with
 * their fragments aligned or filled from the top, tight and loose rows, borders stroked, filled,
 * between rows only or none, text before the return (a report's sections, a "Recommendations"
 * table numbered 1-3) and after it (a paragraph, a page in the other orientation, more of the
 * paper), the heading repeated or not, answers with line breaks, bullet-like "- " lines, lines
 * starting with a number, dashes inside words and words such as "Page 3". A return of some
 * points counts as valid where its only errors are the points it lacks.
 *
 * Two returns in one paper: charter's import gives a document's first return only (issue 10,
 * item 7, is open), so a paper with two would always be "valid and wrong" here. The normal run
 * reads each of them with --pages instead; PDF_PROPERTY_TWO_RETURNS=1 adds them to the main
 * property, which then fails until every return is read.
 *
 * Seeded: PDF_PROPERTY_RUNS=5000 runs more cases, PDF_PROPERTY_SEED=n others,
 * PDF_PROPERTY_REPORT=1 prints the share that came back exact, by variation.
 *
 * The normal run (seed 20151105): 300 papers, 295 exact, 5 invalid, none wrong. All 5 invalid
 * have loose rows: the table ends at a gap between rows wider than 2.5 lines, and the points
 * below it are missing (3 of them also report the text between rows). Exact, by variation (papers):
 *   borders        stroked 97% (72), filled 97% (78), between rows only 100% (68), none 99% (82)
 *   number/cells   top/top 99% (84), top/middle 100% (63), top/bottom 95% (22), middle/top 98% (45),
 *                  middle/middle 92% (26), middle/bottom 100% (15), bottom/top 100% (26),
 *                  bottom/middle 100% (10), bottom/bottom 100% (9)
 *   rows           tight 100% (125), normal 100% (94), loose 94% (81)
 *   heading lines  1: 97% (78), 2: 98% (191), 3: 100% (28), 4: 100% (3); shaded 98% (148)
 *   repeated       yes 97% (164), no 100% (136)
 *   split rows     none 97% (159), fragments aligned 100% (81), filled from the top 98% (60)
 *   furniture      none 99% (95), browser's 97% (116), Word's header and footers 100% (89)
 *   before         title only 97% (78), with sections 99% (154), "Recommendations" 98% (150)
 *   after          nothing 97% (65), paragraph 100% (70), page turned 98% (83), more paper 99% (82)
 *   answers        plain 99% (154), rich 98% (146): bullets 98%, dashes in words 98%, "Page 3" 98%
 *   points         some 98% (248), all 21 98% (52)
 * Two returns read with --pages (30 papers, 60 imports; counted at 71d7c31): 59 exact, 1 invalid, none wrong.
 *
 * PDF_PROPERTY_RUNS=5000, run once by hand. First (at c56f4bf): 4937 exact, 60 invalid, 3 wrong.
 * The wrong: cases 750 and 4829, tight rows under a one-line heading repeated on each page, a row
 * cut off at the page end going on right under it with "(2015-2018)", which was read as the
 * title's bracket (fixed: be76481); case 1451, two cells' runs less than a space apart across a
 * column edge, read as one piece of text (fixed: 7ea62bc). Then (at be76481): 4950 exact (99.0%),
 * 50 invalid, none wrong; all 50 invalid have loose rows (1160 papers, 96% exact), every other
 * variation 97-100% exact: tight 2463 and normal 1377 papers all exact; footers "- N -" or
 * "Page N" centred 97% (127, 111), Word's header at the left 98% (441), browser's 99% (1667),
 * middle/middle 98% (389), heading lines 1: 99% (1461), 2: 99% (3093), 3: 99% (417), 4: 100% (29).
 * Two returns read with --pages (500 papers, 1000 imports): 986 exact, 14 invalid, none wrong.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makePaperPdf } from './pdf-paper.js';
import { expectedReturn, judgeImport, judgePaper, paperArbitrary, paperOf, type Outcome, type PaperCase } from './pdf-paper-cases.js';

const RUNS = Number(process.env.PDF_PROPERTY_RUNS ?? 300);
const SEED = Number(process.env.PDF_PROPERTY_SEED ?? 20_151_105);
const TWO_RETURNS = process.env.PDF_PROPERTY_TWO_RETURNS === '1';
const REPORT = process.env.PDF_PROPERTY_REPORT === '1';

/** Outcomes by variation: how many papers of each came back exact, invalid or wrong. */
class Tally {
  private readonly counts = new Map<string, { exact: number; invalid: number; wrong: number }>();
  private readonly errors = new Map<string, number>();

  add(outcome: Outcome, variations: readonly string[]): void {
    for (const name of ['all', ...variations]) {
      const count = this.counts.get(name) ?? { exact: 0, invalid: 0, wrong: 0 };
      count[outcome.kind]++;
      this.counts.set(name, count);
    }
    if (outcome.kind === 'invalid') for (const code of outcome.errors) this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
  }

  toString(): string {
    const rows = [...this.counts.entries()].sort(([a], [b]) => (a === 'all' ? -1 : b === 'all' ? 1 : a.localeCompare(b)));
    const lines = rows.map(([name, { exact, invalid, wrong }]) => {
      const total = exact + invalid + wrong;
      return `${name.padEnd(40)} ${String(total).padStart(5)} ${`${Math.round((100 * exact) / total)}%`.padStart(5)} exact, ${invalid} invalid, ${wrong} wrong`;
    });
    const errors = [...this.errors.entries()].sort((a, b) => b[1] - a[1]).map(([code, count]) => `${code} ${count}`);
    return [...lines, `errors of the invalid: ${errors.join(', ')}`].join('\n');
  }
}

function describeWrong(outcome: Outcome, variations: readonly string[]): string {
  if (outcome.kind !== 'wrong') return '';
  return `valid but wrong (${variations.join(' ')}):\nread ${JSON.stringify(outcome.read)}\nexpected ${JSON.stringify(outcome.expected)}`;
}

describe('generated council papers read back exactly or fail loudly (property)', () => {
  it(
    `reads ${RUNS} papers: never a wrong return with exit status 0`,
    async () => {
      const tally = new Tally();
      await fc.assert(
        fc.asyncProperty(paperArbitrary({ twoReturns: TWO_RETURNS, maxPoints: 9 }), async (testCase) => {
          const judged = await judgePaper(testCase);
          tally.add(judged.outcome, judged.variations);
          expect(judged.outcome.kind, describeWrong(judged.outcome, judged.variations)).not.toBe('wrong');
        }),
        { seed: SEED, numRuns: RUNS },
      );
      if (REPORT) console.log(tally.toString());
    },
    Math.max(60_000, RUNS * 2_000),
  );

  it(
    `reads each of two returns in ${Math.ceil(RUNS / 10)} papers with --pages`,
    async () => {
      const tally = new Tally();
      const twoReturns = paperArbitrary({ twoReturns: true, maxPoints: 6 })
        .filter((testCase) => testCase.returns.length === 2)
        .map((testCase): PaperCase => ({ ...testCase, secondOnNewPage: true }));
      await fc.assert(
        fc.asyncProperty(twoReturns, async (testCase) => {
          const { bytes, facts } = await makePaperPdf(paperOf(testCase));
          const [first, second] = facts.returns;
          // The first return's pages from the paper's first (its title names the council), the
          // second's from its own appendix on.
          const ranges = [
            { from: 1, to: Math.max(...first!.pages) },
            { from: Math.min(...second!.pages), to: Math.max(...second!.pages) },
          ];
          for (const [index, pages] of ranges.entries()) {
            const { outcome } = await judgeImport(bytes, [expectedReturn(testCase.returns[index]!)], { pages });
            tally.add(outcome, [`return=${index + 1}`, `second=${testCase.second}`]);
            expect(outcome.kind, describeWrong(outcome, [`return ${index + 1} of 2, pages ${pages.from}-${pages.to}`])).not.toBe('wrong');
          }
        }),
        { seed: SEED, numRuns: Math.ceil(RUNS / 10) },
      );
      if (REPORT) console.log(tally.toString());
    },
    Math.max(60_000, RUNS * 2_000),
  );
});
