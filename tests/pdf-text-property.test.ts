/**
 * Property: text extracted from a PDF reads back exactly, or fails loudly, and is never valid yet
 * wrong. Random returns are rendered two ways, as the extractors write them:
 * - laid out in characters (`pdftotext -layout`): columns at fixed offsets, each cell wrapped at
 *   its column's width, cells at the top or the middle of their rows, and columns that touch (one
 *   space between them);
 * - in reading order (plain `pdftotext`): each cell's lines together, cells set apart by a blank
 *   line, an empty cell leaving no line, each column wrapped at its own width in a real font's
 *   advance widths, as a word processor would.
 * A valid import must be exactly the return rendered; an invalid one is allowed (the reader said
 * it could not tell), a valid wrong one is the bug this test is for.
 *
 * Seeded; PDF_TEXT_PROPERTY_RUNS=1000 runs more cases (per rendering), PDF_TEXT_PROPERTY_SEED=n others.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHARTER_POINTS } from '../src/charter/points.js';
import { importReturn } from '../src/pipeline.js';
import { FONTS, type FontMetrics } from '../src/text/textWidth.js';
import { essence, type ExpectedReturn } from './lib/expected.js';

// Per rendering: 200 cases in all.
const RUNS = Number(process.env.PDF_TEXT_PROPERTY_RUNS ?? 100);
const SEED = Number(process.env.PDF_TEXT_PROPERTY_SEED ?? 20_161_202);

const WORDS = [
  'we',
  'have',
  'commissioned',
  'a',
  'rolling',
  'programme',
  'for',
  'social',
  'work',
  'staff',
  'and',
  'managers',
  'care',
  'homes',
  'providers',
  'training',
  'review',
  'plan',
  'support',
  'the',
  'of',
  'in',
  'to',
  'with',
  'health',
  'partners',
  'outcomes',
  'EOLC',
  'CCG',
  'assessment',
  'pathway',
  'data',
  'improve',
  'agreed',
  'quarterly',
  'co-ordinated',
  'multi-agency',
  'well-being',
  '15/16',
  '2016',
  'Sept',
  'March',
  'users',
  'carers;',
  'information,',
  'practice.',
  'Dignity',
  'Champions',
  'Review',
  'Teams',
  'meet',
  'monthly.',
];

const COUNCILS = ['Croydon', 'Lambeth', 'Hackney', 'Barnet', 'Sutton'];
const MONTHS = ['January', 'March', 'May', 'Sept', 'December'];

// An answer: a sentence or two, starting in capitals as answers do, or nothing.
const sentence = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 18 })
  .map((words) => `${words[0]!.charAt(0).toUpperCase()}${words.join(' ').slice(1)}.`);
const answer = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 6, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 3 }).map((sentences) => sentences.join(' ').replace(/\.\./g, '.')) },
);

const returnArbitrary = fc.record({
  council: fc.constantFrom(...COUNCILS),
  month: fc.constantFrom(...MONTHS),
  year: fc.integer({ min: 2014, max: 2019 }),
  answers: fc.array(fc.tuple(answer, answer, answer), { minLength: 21, maxLength: 21 }),
});

type Generated = typeof returnArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** Words set in lines no wider than `fits` allows (a word too long for any line stands alone). */
function wrapWords(text: string, fits: (line: string) => boolean): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const last = lines.at(-1);
    if (last !== undefined && fits(`${last} ${word}`)) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function rowsOf(generated: Generated): { number: number; cells: string[] }[] {
  // Every point: a return missing one is not valid, and the property is about valid returns.
  return CHARTER_POINTS.map(({ number }) => ({ number, cells: [CHARTER_POINTS[number - 1]!.wording, ...generated.answers[number - 1]!] }));
}

function expectedOf(generated: Generated): ExpectedReturn {
  return {
    authority: generated.council,
    period: `${generated.month} ${generated.year}`,
    points: rowsOf(generated).map((row) => ({
      number: row.number,
      charterPoint: row.cells[0]!,
      whereWeAreNow: row.cells[1]!,
      whereWeNeedToImprove: row.cells[2]!,
      nextSteps: row.cells[3]!,
    })),
  };
}

function titleLines(generated: Generated): string[] {
  return [`London Borough of ${generated.council}`, 'End of Life Care Charter: local authority return', ''];
}

const layoutArbitrary = fc.record({
  // Characters per column, number column aside; the gutter before each column: 1 space (touching) or more.
  widths: fc.tuple(
    fc.integer({ min: 22, max: 30 }),
    fc.integer({ min: 24, max: 36 }),
    fc.integer({ min: 24, max: 36 }),
    fc.integer({ min: 20, max: 32 }),
  ),
  gutters: fc.tuple(fc.integer({ min: 2, max: 5 }), fc.constantFrom(1, 2, 3, 4), fc.constantFrom(1, 2, 3, 4), fc.constantFrom(1, 2, 3, 4)),
  align: fc.constantFrom<'top' | 'middle'>('top', 'middle'),
});

type Layout = typeof layoutArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** The return as `pdftotext -layout` writes a table: text in character columns. */
function layoutText(generated: Generated, layout: Layout): string {
  const numberWidth = 4;
  const starts: number[] = [0];
  let at = numberWidth;
  layout.widths.forEach((width, column) => {
    at += layout.gutters[column]!;
    starts.push(at);
    at += width;
  });
  const period = `${generated.month} ${generated.year}`;
  const place = (cells: string[][], align: 'top' | 'middle'): string[] => {
    const height = Math.max(...cells.map((lines) => lines.length));
    const out: string[] = [];
    for (let y = 0; y < height; y++) {
      let line = '';
      cells.forEach((lines, column) => {
        const offset = align === 'middle' ? Math.floor((height - lines.length) / 2) : 0;
        const text = lines[y - offset];
        if (text === undefined) return;
        line = line.padEnd(starts[column]!, ' ');
        if (line.length > starts[column]!) line += ' ';
        line += text;
      });
      out.push(line.trimEnd());
    }
    return out;
  };
  const fitsIn = (width: number) => (line: string) => line.length <= width;
  const heading = ['No.', 'Charter point', `Where we are now (${period})`, 'Where we need to improve', 'Next steps (with timescales)'];
  const lines = [
    ...titleLines(generated),
    ...place(
      heading.map((title, column) => (column === 0 ? [title] : wrapWords(title, fitsIn(layout.widths[column - 1]!)))),
      'top',
    ),
  ];
  for (const row of rowsOf(generated)) {
    lines.push('');
    lines.push(...place([[String(row.number)], ...row.cells.map((cell, column) => wrapWords(cell, fitsIn(layout.widths[column]!)))], layout.align));
  }
  return `${lines.join('\n')}\n`;
}

const readingArbitrary = fc.record({
  font: fc.constantFrom(...FONTS.map((font) => font.name)),
  // Column widths in ems: the charter point's, then the three answers'.
  widths: fc.tuple(
    fc.integer({ min: 9, max: 13 }),
    fc.integer({ min: 10, max: 16 }),
    fc.integer({ min: 10, max: 16 }),
    fc.integer({ min: 9, max: 14 }),
  ),
});

/**
 * How poppler may write a row's answers out of the form's order: the lines of two cells on near
 * baselines in turn (`interleave`). It may also write a middle-aligned row's shorter cells before
 * the taller one to their left; with random words and columns of one width that leaves no trace at
 * all, so it is not generated (the reader's timescale check guards real returns against it).
 */
type Disorder = 'none' | 'interleave';
const disorderArbitrary = fc.array(fc.constantFrom<Disorder>('none', 'none', 'none', 'interleave'), {
  minLength: 21,
  maxLength: 21,
});

/**
 * The return as plain `pdftotext` writes a table: cell after cell, each set apart by a blank line;
 * or, as pdf-parse's getText() does, with nothing between one cell's lines and the next's.
 */
function readingText(
  generated: Generated,
  reading: typeof readingArbitrary extends fc.Arbitrary<infer T> ? T : never,
  between: '\n\n' | '\n' = '\n\n',
  disorder: readonly Disorder[] = [],
): string {
  const font: FontMetrics = FONTS.find((entry) => entry.name === reading.font)!;
  const fitsIn = (width: number) => (line: string) => font.width(line) <= width;
  const period = `${generated.month} ${generated.year}`;
  const cells: string[][] = [
    ['No.'],
    ['Charter point'],
    [`Where we are now (${period})`],
    ['Where we need to improve'],
    ['Next steps (with timescales)'],
  ];
  for (const row of rowsOf(generated)) {
    cells.push([String(row.number)]);
    const wrapped = row.cells.map((cell, column) => (cell === '' ? [] : wrapWords(cell, fitsIn(reading.widths[column]!))));
    const [charter, ...answers] = wrapped as [string[], string[], string[], string[]];
    cells.push(charter);
    const order = disorder[row.number - 1] ?? 'none';
    if (order === 'interleave') {
      const [first, second] = answers;
      const mixed: string[] = [];
      for (let i = 0; i < Math.max(first!.length, second!.length); i++) mixed.push(...[first![i], second![i]].filter((line) => line !== undefined));
      answers.splice(0, 2, mixed);
    }
    for (const lines of answers) if (lines.length > 0) cells.push(lines);
  }
  return `${[...titleLines(generated).slice(0, 2), ...cells.map((lines) => lines.join('\n'))].join(between)}\n`;
}

/** Valid means exactly the return rendered; invalid must say why with an error. */
async function exactOrLoud(text: string, expected: ExpectedReturn): Promise<boolean> {
  const result = await importReturn(new TextEncoder().encode(text), { path: 'return.txt' });
  if (result.valid) {
    expect(essence(result.charterReturn), text).toEqual(expected);
    return true;
  }
  expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  return false;
}

/**
 * Exact or loud row by row, for text in reading order: every row the reader took (it says where
 * the row's cells ended, cell-end-inferred) is the row rendered, whether or not the import is valid.
 * Returns how many rows were taken.
 */
async function rowsTakenRight(text: string, expected: ExpectedReturn, unsure: ReadonlySet<number> = new Set()): Promise<number> {
  const result = await importReturn(new TextEncoder().encode(text), { path: 'return.txt' });
  const taken = new Set(result.diagnostics.filter((d) => d.code === 'cell-end-inferred' && !unsure.has(d.point!)).map((d) => d.point!));
  const read = essence(result.charterReturn);
  for (const number of taken) {
    expect(
      read?.points.find((point) => point.number === number),
      text,
    ).toEqual(expected.points.find((point) => point.number === number));
  }
  if (result.valid) expect(read, text).toEqual(expected);
  return taken.size;
}

describe('pdftotext -layout text: cases the properties found', () => {
  it("reads a long line of a column whose other lines are all short as that column's where it ends before the next column (seed 777)", async () => {
    const answers = Array.from({ length: 21 }, () => ['We.', 'We.', 'We.']);
    answers[20] = ['We. Improve Sept we programme.', 'We.', 'We.'];
    const generated: Generated = { council: 'Croydon', month: 'January', year: 2014, answers: answers as Generated['answers'] };
    const layout: Layout = { widths: [22, 24, 24, 20], gutters: [2, 1, 1, 1], align: 'middle' };
    expect(await exactOrLoud(layoutText(generated, layout), expectedOf(generated))).toBe(true);
    // The same where the long line touches the next column's cell, one space apart.
    answers[20] = ['We.', 'We.', 'We.'];
    answers[19] = ['We.', 'Health training Teams we.', 'We.'];
    const touching: Layout = { widths: [22, 24, 25, 20], gutters: [2, 1, 1, 1], align: 'top' };
    expect(await exactOrLoud(layoutText(generated, touching), expectedOf(generated))).toBe(true);
    // But a long cell's line that runs into the next column's cell, one space apart, is cut there.
    answers[19] = [
      'We.',
      'Rolling information, quarterly Review we partners managers training outcomes. Review programme we we information, we well-being training Teams we.',
      'We.',
    ];
    expect(await exactOrLoud(layoutText(generated, { ...touching, align: 'middle' }), expectedOf(generated))).toBe(true);
  });

  it('cuts a line where the next cell, run together with one that filled its column, starts right at its title (seed 4242)', async () => {
    const generated: Generated = {
      council: 'Croydon',
      month: 'January',
      year: 2014,
      answers: [
        ['We.', 'We.', ''],
        ['We.', 'We.', ''],
        ['', '', 'We.'],
        ['We.', 'We.', 'We.'],
        ['', 'We.', 'We.'],
        ['We.', 'We.', 'We.'],
        ['We.', 'We.', 'We.'],
        ['We.', 'We.', 'We.'],
        ['We.', 'We.', 'We.'],
        ['We.', 'We.', 'We.'],
        ['', 'We.', 'We.'],
        ['We.', 'We.', 'We.'],
        ['We.', 'We.', 'We.'],
        [
          'Champions work staff rolling health plan. With Teams. Pathway we Teams.',
          'Have programme. We CCG Dignity we.',
          'We practice. Review we March agreed. 15/16 we health health well-being with information, agreed.',
        ],
        ['We.', 'We.', 'We.'],
        ['', 'We.', 'We.'],
        ['We.', 'We.', 'We.'],
        ['We.', 'We.', 'We.'],
        ['We.', 'We.', 'We.'],
        ['We.', '', 'We.'],
        ['We.', 'We.', 'We.'],
      ],
    };
    const layout: Layout = { widths: [22, 35, 30, 20], gutters: [2, 1, 1, 1], align: 'top' };
    expect(await exactOrLoud(layoutText(generated, layout), expectedOf(generated))).toBe(true);
  });
});

describe('text extracted from PDFs reads back exactly or fails loudly (property)', () => {
  it(
    `reads ${RUNS} generated pdftotext -layout texts: never valid but wrong`,
    async () => {
      let exact = 0;
      await fc.assert(
        fc.asyncProperty(returnArbitrary, layoutArbitrary, async (generated, layout) => {
          if (await exactOrLoud(layoutText(generated, layout), expectedOf(generated))) exact++;
        }),
        { seed: SEED, numRuns: RUNS },
      );
      // Most come back exact: a reader that refused everything would pass the property alone.
      expect(exact).toBeGreaterThan(RUNS / 2);
    },
    Math.max(60_000, RUNS * 1_000),
  );

  it(
    `reads ${RUNS} generated plain pdftotext texts: never valid but wrong`,
    async () => {
      await fc.assert(
        fc.asyncProperty(returnArbitrary, readingArbitrary, async (generated, reading) => {
          await exactOrLoud(readingText(generated, reading), expectedOf(generated));
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    Math.max(60_000, RUNS * 1_000),
  );

  it(
    `reads ${RUNS} generated plain pdftotext and pdf-parse texts, some rows' cells interleaved: no row taken in order is wrong`,
    async () => {
      let taken = 0;
      await fc.assert(
        fc.asyncProperty(returnArbitrary, readingArbitrary, disorderArbitrary, async (generated, reading, disorder) => {
          // An interleaved row with columns of one width leaves no trace of it: only the whole return is held to it.
          const interleaved = new Set(disorder.flatMap((order, index) => (order === 'interleave' ? [index + 1] : [])));
          taken += await rowsTakenRight(readingText(generated, reading, '\n\n', disorder), expectedOf(generated), interleaved);
          // Without a blank line between cells, a row's cells may end anywhere: only the whole return is held.
          await exactOrLoud(readingText(generated, reading, '\n', disorder), expectedOf(generated));
        }),
        { seed: SEED, numRuns: RUNS },
      );
      // Rows in order are mostly taken: a reader that took none would pass the property alone.
      expect(taken).toBeGreaterThan(RUNS * 21 * 0.1);
    },
    Math.max(60_000, RUNS * 2_000),
  );

  it(
    `reads ${RUNS} generated pdf-parse texts (no line between cells): never valid but wrong`,
    async () => {
      await fc.assert(
        fc.asyncProperty(returnArbitrary, readingArbitrary, async (generated, reading) => {
          await exactOrLoud(readingText(generated, reading, '\n'), expectedOf(generated));
        }),
        { seed: SEED, numRuns: RUNS },
      );
    },
    Math.max(60_000, RUNS * 1_000),
  );
});
