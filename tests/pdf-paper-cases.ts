/**
 * Random council papers holding returns, for the producer-layout property
 * (tests/pdf-producers-property.test.ts): what a case is, its fast-check arbitrary, the paper it
 * draws (tests/pdf-paper.ts), the returns it must give, and the names of its variations for the
 * property's account of them. Every variation is one that Chromium, LibreOffice or Word makes;
 * the comment on each says which.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { CHARTER_POINTS } from '../src/charter/points.js';
import { importReturn, type ImportOptions, type ImportResult } from '../src/pipeline.js';
import { joinCellText } from '../src/text/cellText.js';
import { essence, type ExpectedReturn } from './lib/expected.js';
import {
  makePaperPdf,
  type Alignment,
  type FontName,
  type Furniture,
  type FurniturePiece,
  type Paper,
  type PaperBlock,
  type TableRow,
  type TableStyle,
} from './pdf-paper.js';

export interface GeneratedReturn {
  council: string;
  period: string;
  /** The points the return holds, in charter order. */
  points: number[];
  /** Where we are now, where we need to improve, next steps, for each of the 21 points. */
  answers: [string, string, string][];
}

export type Placement = 'left' | 'centre' | 'right';

/**
 * Running headers and footers, on every page of the paper:
 * - 'word': Word's or LibreOffice's header (the council's name and its meeting) and footer (a
 *   page number: "Page N", "Page N of M", "- N -" or a bare number), each at the left, centre or
 *   right, in the top and bottom margins;
 * - 'browser': Chromium's "Print to PDF" with headers and footers: the date and time at the top
 *   left, the document's title in the middle; the file's URL at the bottom left, "n/m" at the right.
 */
export type FurnitureCase =
  | { kind: 'none' }
  | { kind: 'word'; header: Placement | null; footer: { text: 'page' | 'page-of' | 'dashed' | 'number'; align: Placement } | null; size: number }
  | { kind: 'browser' };

export interface PaperCase {
  returns: GeneratedReturn[];
  /** A second return in the paper: last year's (another period), or another council's of the same period. */
  second: 'none' | 'other-period' | 'other-council';
  /** The second return starts on a page of its own (a page break before its appendix) or under the first. */
  secondOnNewPage: boolean;
  /** Orientation of the paper's own pages, and of the return's (a landscape appendix in a portrait paper). */
  paperLandscape: boolean;
  returnLandscape: boolean;
  table: TableStyle;
  furniture: FurnitureCase;
  /** Text usable on a page: the whole page, or less (a larger bottom margin), so that rows run over page ends. */
  usableHeight: number | null;
  /** Before the return: a paragraph with numbered sections (a report's body), a "Recommendations" table with rows 1-3. */
  beforeParagraph: boolean;
  recommendations: boolean;
  /** The return starts on a new page (an appendix) rather than under the text before it. */
  returnOnNewPage: boolean;
  /**
   * After the return: a paragraph on the same page ('paragraph'); a page in the other orientation
   * ('other-orientation': the portrait paper after a landscape appendix); more of the paper on
   * pages like the return's, starting with a numbered section heading ('more-paper').
   */
  after: 'none' | 'paragraph' | 'other-orientation' | 'more-paper';
  bodyFont: FontName;
  bodySize: number;
  /** Answers with line breaks (bullet-like "- " lines, lines starting with a number) and the rich words; else plain running text. */
  richAnswers: boolean;
}

/** Answers: the words of real returns, with hyphenated words (the plain-layout property uses them too). */
export const WORDS = [
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
  'TACS',
  'assessment',
  'pathway',
  'data',
  'improve',
  'agreed',
  'quarterly',
  'co-ordinated',
  'multi-agency',
  'well-being',
  'on-going',
  'end-of-life',
  '15/16',
  '2016',
  'Sept',
  'March',
  '(CCG)',
  'users',
  'carers;',
  'information,',
  'practice.',
  'developed',
  'Dignity',
  'Champions',
  '&',
  'e.g.',
  'L&D',
  '7',
];

/**
 * Words of rich answers, each with the plain word a plain answer has in its place: dashes inside
 * words ("2015-2018", "Jan–Mar"), a spaced dash, words a reader may take for page furniture or a
 * row number ("Page 3", "No. 4").
 */
const RICH_WORDS: Record<string, string> = {
  '2015-2018': '2016',
  '(2015-2018)': '(CCG)',
  'Jan–Mar': 'March',
  'Apr–Jun 2017': 'Sept',
  '2016–17': '2016',
  '–': 'and',
  'Page 3': 'plan',
  'see page 12': 'review',
  'No. 4': 'data',
};

const RICH_WORD = new RegExp(
  `(?<=^| )(?:${Object.keys(RICH_WORDS)
    .sort((a, b) => b.length - a.length)
    .map((key) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})(?= |$)`,
  'g',
);

/** A rich answer made plain: one paragraph of plain words. */
function plainAnswer(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^- /, ''))
    .join(' ')
    .replace(RICH_WORD, (found) => RICH_WORDS[found]!);
}

const PROSE = [
  'The Cabinet is asked to note the progress made against the End of Life Care Charter.',
  'The return sets out where we are now, where we need to improve and the next steps for each point of the charter.',
  'Officers will report again in twelve months.',
  'The charter was adopted by the Directors of Adult Social Services in 2015.',
  'There are no direct financial implications arising from this report.',
  'Partners across health and social care were consulted on the return.',
  'Progress is monitored quarterly by the end of life care steering group.',
];

const COUNCILS = ['Croydon', 'Lambeth', 'Hackney', 'Barnet', 'Sutton'];
const MONTHS = ['January', 'March', 'May', 'Sept', 'December'];
const FONTS: FontName[] = ['Helvetica', 'Helvetica-Bold', 'Times-Roman', 'Times-Bold', 'Courier'];

const ALL_POINTS = CHARTER_POINTS.map((point) => point.number);

const word = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...Object.keys(RICH_WORDS)) });
const words = (min: number, max: number) => fc.array(word, { minLength: min, maxLength: max }).map((list) => list.join(' '));

/**
 * An answer: empty, running text, a lead-in line then bullet-like "- " lines (line breaks inside
 * the cell), or lines that start with a number ("3 posts recruited").
 */
const answer = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 6, arbitrary: words(1, 45) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(words(1, 8), fc.array(words(1, 10), { minLength: 1, maxLength: 3 }))
      .map(([lead, items]) => [lead, ...items.map((item) => `- ${item}`)].join('\n')),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(fc.integer({ min: 1, max: 40 }), words(1, 12)), { minLength: 1, maxLength: 3 })
      .map((lines) => lines.map(([number, text]) => `${number} ${text}`).join('\n')),
  },
);

function returnArbitrary(maxPoints: number): fc.Arbitrary<Omit<GeneratedReturn, 'period'> & { month: string; year: number }> {
  return fc.record({
    council: fc.constantFrom(...COUNCILS),
    month: fc.constantFrom(...MONTHS),
    year: fc.integer({ min: 2014, max: 2019 }),
    // Some points (the property then imports with missing points allowed) or all 21.
    points: fc.oneof(
      { weight: 5, arbitrary: fc.subarray(ALL_POINTS, { minLength: 2, maxLength: maxPoints }) },
      { weight: 1, arbitrary: fc.constant(ALL_POINTS) },
    ),
    answers: fc.array(fc.tuple(answer, answer, answer), { minLength: 21, maxLength: 21 }),
  });
}

const alignment = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Alignment>('top') },
  { weight: 2, arbitrary: fc.constant<Alignment>('middle') },
  { weight: 1, arbitrary: fc.constant<Alignment>('bottom') },
);

const tableArbitrary: fc.Arbitrary<TableStyle> = fc.record({
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
  // Up to 13 pt: with narrow columns the heading wraps over two or three lines.
  headingSize: fc.integer({ min: 8, max: 13 }),
  // Tight rows (Word's tables have no room above and below a cell's text) to loose ones.
  padding: fc.oneof(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 3, max: 10 })),
  // LibreOffice's cells have 2.83 pt left and right by default, Word's 5.4 pt.
  paddingX: fc.integer({ min: 3, max: 7 }),
  borders: fc.constantFrom<TableStyle['borders']>('none', 'stroked', 'filled', 'horizontal'),
  numberAlign: alignment,
  cellAlign: alignment,
  headingAlign: fc.constantFrom<'top' | 'middle'>('top', 'middle'),
  headingShaded: fc.boolean(),
  fragments: fc.constantFrom<'aligned' | 'top'>('aligned', 'top'),
  repeatHeading: fc.boolean(),
});

const placement = fc.constantFrom<Placement>('left', 'centre', 'right');

const furnitureArbitrary: fc.Arbitrary<FurnitureCase> = fc.oneof(
  fc.constant<FurnitureCase>({ kind: 'none' }),
  fc.record({
    kind: fc.constant<'word'>('word'),
    header: fc.option(placement, { nil: null }),
    footer: fc.option(
      fc.record({ text: fc.constantFrom<'page' | 'page-of' | 'dashed' | 'number'>('page', 'page-of', 'dashed', 'number'), align: placement }),
      { nil: null },
    ),
    size: fc.integer({ min: 8, max: 10 }),
  }),
  fc.constant<FurnitureCase>({ kind: 'browser' }),
);

/** Papers with one return, or (with `twoReturns`) one or two. */
export function paperArbitrary(options: { twoReturns: boolean; maxPoints: number }): fc.Arbitrary<PaperCase> {
  const other = returnArbitrary(options.maxPoints);
  return fc
    .record({
      first: returnArbitrary(options.maxPoints),
      richAnswers: fc.boolean(),
      second: options.twoReturns
        ? fc.constantFrom<PaperCase['second']>('none', 'other-period', 'other-council')
        : fc.constant<PaperCase['second']>('none'),
      secondReturn: other,
      secondOnNewPage: fc.boolean(),
      paperLandscape: fc.boolean(),
      returnLandscape: fc.boolean(),
      table: tableArbitrary,
      furniture: furnitureArbitrary,
      usableHeight: fc.option(fc.integer({ min: 220, max: 520 }), { nil: null }),
      beforeParagraph: fc.boolean(),
      recommendations: fc.boolean(),
      returnOnNewPage: fc.boolean(),
      after: fc.constantFrom<PaperCase['after']>('none', 'paragraph', 'other-orientation', 'more-paper'),
      bodyFont: fc.constantFrom<FontName>('Helvetica', 'Times-Roman'),
      bodySize: fc.integer({ min: 9, max: 12 }),
    })
    .map(({ first: drawn, second, secondReturn: drawnSecond, richAnswers, ...rest }) => {
      const answersOf = (answers: [string, string, string][]) =>
        richAnswers ? answers : answers.map((three) => three.map(plainAnswer) as [string, string, string]);
      const period = `${drawn.month} ${drawn.year}`;
      const returns: GeneratedReturn[] = [{ council: drawn.council, period, points: drawn.points, answers: answersOf(drawn.answers) }];
      const secondOf = (council: string, secondPeriod: string): GeneratedReturn => ({
        council,
        period: secondPeriod,
        points: drawnSecond.points,
        answers: answersOf(drawnSecond.answers),
      });
      if (second === 'other-period') {
        returns.push(secondOf(drawn.council, `${drawnSecond.month} ${drawn.year + 1}`));
      } else if (second === 'other-council') {
        const others = COUNCILS.filter((council) => council !== drawn.council);
        returns.push(secondOf(others[COUNCILS.indexOf(drawnSecond.council) % others.length]!, period));
      }
      return { returns, second, richAnswers, ...rest };
    });
}

function rowsOf(generated: GeneratedReturn): TableRow[] {
  return generated.points.map((number) => {
    const [now, improve, next] = generated.answers[number - 1]!;
    return { number: String(number), cells: [CHARTER_POINTS[number - 1]!.wording, now, improve, next] };
  });
}

/** The return a generated one must read back as: cell text with its line breaks as single spaces. */
export function expectedReturn(generated: GeneratedReturn): ExpectedReturn {
  return {
    authority: generated.council,
    period: generated.period,
    points: rowsOf(generated).map((row) => ({
      number: Number(row.number),
      charterPoint: row.cells[0],
      whereWeAreNow: joinCellText([row.cells[1]]),
      whereWeNeedToImprove: joinCellText([row.cells[2]]),
      nextSteps: joinCellText([row.cells[3]]),
    })),
  };
}

function furnitureOf(furniture: FurnitureCase, council: string): Furniture | null {
  switch (furniture.kind) {
    case 'none':
      return null;
    case 'word': {
      const header: FurniturePiece[] = furniture.header
        ? [{ text: { kind: 'text', text: `London Borough of ${council} – Cabinet, 14 November 2017` }, align: furniture.header }]
        : [];
      const footer: FurniturePiece[] = furniture.footer ? [{ text: { kind: furniture.footer.text }, align: furniture.footer.align }] : [];
      return header.length + footer.length > 0 ? { header, footer, size: furniture.size, offset: 30 } : null;
    }
    case 'browser':
      return {
        header: [
          { text: { kind: 'text', text: '12/1/26, 9:32 PM' }, align: 'left' },
          { text: { kind: 'text', text: `${council} - End of Life Care Charter return` }, align: 'centre' },
        ],
        footer: [
          { text: { kind: 'text', text: 'file:///C:/Users/officer/Documents/return.html' }, align: 'left' },
          { text: { kind: 'count' }, align: 'right' },
        ],
        size: 8,
        offset: 12,
      };
  }
}

const RECOMMENDATIONS = [
  'That the Cabinet notes the return and the progress it shows.',
  'That the Cabinet agrees the next steps for the points where we need to improve.',
  'That officers report again on the charter in twelve months.',
];

export function paperOf(testCase: PaperCase): Paper {
  const [first] = testCase.returns;
  const furniture = furnitureOf(testCase.furniture, first!.council);
  // Text starts below the header and ends above the footer, as in a word processor's margins.
  const margin = furniture ? 56 : 42;
  const blocks: PaperBlock[] = [];
  const returnBlock = (generated: GeneratedReturn): PaperBlock => ({
    kind: 'return',
    period: generated.period,
    rows: rowsOf(generated),
    style: testCase.table,
  });
  blocks.push({ kind: 'title', lines: [`London Borough of ${first!.council}`, 'End of Life Care Charter: local authority return'] });
  if (testCase.beforeParagraph) {
    blocks.push({ kind: 'section', number: '1.', text: 'Purpose of the report' }, { kind: 'paragraph', text: PROSE.slice(0, 3).join(' ') });
  }
  if (testCase.recommendations) {
    blocks.push(
      { kind: 'section', number: '2.', text: 'Recommendations' },
      {
        kind: 'table',
        headings: ['No.', 'Recommendation'],
        rows: RECOMMENDATIONS.map((text, index) => [String(index + 1), text]),
        style: {
          ...testCase.table,
          columnShares: [1, 9],
          fontSizes: [testCase.bodySize, testCase.bodySize],
          fonts: [testCase.bodyFont, testCase.bodyFont],
          repeatHeading: true,
        },
      },
      { kind: 'space', height: 12 },
    );
  }
  if (testCase.returnOnNewPage || testCase.paperLandscape !== testCase.returnLandscape) {
    blocks.push({ kind: 'page', landscape: testCase.returnLandscape }, { kind: 'title', lines: ['Appendix A: End of Life Care Charter return'] });
  } else {
    blocks.push({ kind: 'space', height: 10 });
  }
  blocks.push(returnBlock(first!));
  const second = testCase.returns[1];
  if (second) {
    if (testCase.secondOnNewPage) blocks.push({ kind: 'page', landscape: testCase.returnLandscape });
    else blocks.push({ kind: 'space', height: 24 });
    blocks.push({ kind: 'title', lines: [`Appendix B: London Borough of ${second.council} return, ${second.period}`] }, returnBlock(second));
  }
  switch (testCase.after) {
    case 'paragraph':
      blocks.push({ kind: 'space', height: 14 }, { kind: 'paragraph', text: PROSE.slice(3).join(' ') });
      break;
    case 'other-orientation':
      blocks.push(
        { kind: 'page', landscape: !testCase.returnLandscape },
        { kind: 'section', number: '5.', text: 'Financial implications' },
        { kind: 'paragraph', text: PROSE.slice(4).join(' ') },
      );
      break;
    case 'more-paper':
      blocks.push(
        { kind: 'page', landscape: testCase.returnLandscape },
        { kind: 'section', number: '6.', text: 'Legal implications' },
        { kind: 'paragraph', text: PROSE.slice(2).join(' ') },
      );
      break;
    case 'none':
      break;
  }
  return {
    landscape: testCase.paperLandscape,
    margins: { top: margin, bottom: margin, side: 42 },
    usableHeight: testCase.usableHeight,
    bodyFont: testCase.bodyFont,
    bodySize: testCase.bodySize,
    furniture,
    blocks,
  };
}

function answersHold(testCase: PaperCase, pattern: RegExp): boolean {
  return testCase.returns.some((generated) => generated.points.some((number) => generated.answers[number - 1]!.some((text) => pattern.test(text))));
}

/**
 * The case's variations by name, for the property's account ("borders=filled"), with what the
 * drawing found: how many lines the heading took, whether rows ran over page ends.
 */
export function variationsOf(testCase: PaperCase, facts: { headingLines: number; splitRows: number }): string[] {
  const { table, furniture } = testCase;
  const names = [
    `points=${testCase.returns.every((generated) => generated.points.length === CHARTER_POINTS.length) ? 'all' : 'some'}`,
    `borders=${table.borders}`,
    `align=${table.numberAlign}/${table.cellAlign}`,
    `padding=${table.padding <= 2 ? 'tight' : table.padding >= 7 ? 'loose' : 'normal'}`,
    `heading-lines=${facts.headingLines}`,
    `heading=${table.headingAlign}${table.headingShaded ? ',shaded' : ''}`,
    `repeat-heading=${table.repeatHeading}`,
    `split-rows=${facts.splitRows > 0 ? `yes,fragments-${table.fragments}` : 'no'}`,
    `orientation=${testCase.paperLandscape ? 'landscape' : 'portrait'}/${testCase.returnLandscape ? 'landscape' : 'portrait'}`,
    `before=${[testCase.beforeParagraph ? 'paragraph' : '', testCase.recommendations ? 'recommendations' : ''].filter(Boolean).join('+') || 'title'}${testCase.returnOnNewPage ? ',new-page' : ''}`,
    `after=${testCase.after}`,
    `second=${testCase.second}${testCase.second !== 'none' ? (testCase.secondOnNewPage ? ',new-page' : ',same-page') : ''}`,
  ];
  if (furniture.kind === 'word') {
    names.push(`header=${furniture.header ?? 'none'}`, `footer=${furniture.footer ? `${furniture.footer.text}@${furniture.footer.align}` : 'none'}`);
  } else {
    names.push(`furniture=${furniture.kind}`);
  }
  names.push(`answers=${testCase.richAnswers ? 'rich' : 'plain'}`);
  if (answersHold(testCase, /\n- /)) names.push('answers=bullets');
  if (answersHold(testCase, /(?:^|\n)\d+ /)) names.push('answers=number-first');
  if (answersHold(testCase, /\bPage 3\b|\bpage 12\b/)) names.push('answers=page-words');
  if (answersHold(testCase, /\S[-–]\d|[a-z]–[A-Z]/)) names.push('answers=dashes-in-words');
  return names;
}

export type Outcome =
  /** Valid, and every return exactly the generated one. */
  | { kind: 'exact' }
  /** Not valid (exit status 1): allowed, but counted, with its error codes. */
  | { kind: 'invalid'; errors: string[]; exact: boolean }
  /** Valid, yet not the generated returns: the worst bug. */
  | { kind: 'wrong'; read: (ExpectedReturn | null)[]; expected: ExpectedReturn[] };

export interface Judged {
  outcome: Outcome;
  variations: string[];
  result: ImportResult;
}

/** Import a paper and judge the result against the returns it must give (the first only, today: importReturn reads one). */
export async function judgeImport(
  bytes: Uint8Array,
  expected: readonly ExpectedReturn[],
  options: Omit<ImportOptions, 'path'> = {},
): Promise<{ outcome: Outcome; result: ImportResult }> {
  const result = await importReturn(bytes, { path: null, ...options });
  const read = result.charterReturn ? [essence(result.charterReturn)] : [];
  const exact = isDeepStrictEqual(read, expected);
  // A return of some points only is invalid for the points it lacks: it counts as valid where
  // those are its only errors, as the whole return would be.
  const held = new Set(expected[0]?.points.map((point) => point.number));
  const errors = [
    ...new Set(
      result.diagnostics
        .filter((d) => d.severity === 'error' && !(d.code === 'missing-point' && d.point !== undefined && !held.has(d.point)))
        .map((d) => d.code),
    ),
  ].sort();
  let outcome: Outcome;
  if (result.charterReturn === null || errors.length > 0) outcome = { kind: 'invalid', errors, exact };
  else outcome = exact ? { kind: 'exact' } : { kind: 'wrong', read, expected: [...expected] };
  return { outcome, result };
}

/** Draw the case's paper, import it, and judge the result against the returns it holds. */
export async function judgePaper(testCase: PaperCase): Promise<Judged> {
  const { bytes, facts } = await makePaperPdf(paperOf(testCase));
  const { outcome, result } = await judgeImport(bytes, testCase.returns.map(expectedReturn));
  const variations = variationsOf(testCase, {
    headingLines: Math.max(...facts.returns.map((drawn) => drawn.headingLines)),
    splitRows: facts.returns.reduce((sum, drawn) => sum + drawn.splitRows, 0),
  });
  return { outcome, variations, result };
}
