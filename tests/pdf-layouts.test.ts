/**
 * Layouts the generated-paper property (tests/pdf-producers-property.test.ts) once read wrong
 * with exit status 0, each drawn small by hand: every one must read back exactly.
 */
import { describe, expect, it } from 'vitest';
import { CHARTER_POINTS } from '../src/charter/points.js';
import { importReturn } from '../src/pipeline.js';
import { joinCellText } from '../src/text/cellText.js';
import { essence, type ExpectedReturn } from './lib/expected.js';
import { makePaperPdf, type Furniture, type TableRow, type TableStyle } from './pdf-paper.js';

const PLAIN: TableStyle = {
  columnShares: [5, 20, 22, 20, 20],
  fontSizes: [8, 8, 8, 10, 8],
  fonts: ['Helvetica', 'Helvetica', 'Helvetica', 'Helvetica', 'Helvetica'],
  headingFont: 'Helvetica-Bold',
  headingSize: 8,
  padding: 3,
  paddingX: 7,
  borders: 'none',
  numberAlign: 'top',
  cellAlign: 'top',
  repeatHeading: true,
};

/** Rows whose answers run to more lines than their charter points. */
const ROWS: TableRow[] = [
  [6, 'Rolling programme', 'Training for managers\n- care homes\n- home care\n- hospices\n- GPs\n- pharmacists', 'By March'],
  [16, 'Carers consulted\n- survey', 'A survey of users\n- carers\n- the CCG\n- the hospices\n- care homes', 'Sept'],
  [17, 'New specifications', 'With providers\n- competences', 'April'],
  [21, 'Attended', 'Network', 'Ongoing'],
].map(([number, now, improve, next]) => ({
  number: String(number),
  cells: [CHARTER_POINTS[(number as number) - 1]!.wording, now as string, improve as string, next as string],
}));

interface PaperOptions {
  rows?: readonly TableRow[];
  usableHeight?: number | null;
  landscape?: boolean;
  furniture?: Furniture | null;
}

async function readBack(
  style: TableStyle,
  { rows = ROWS, usableHeight = null, landscape = false, furniture = null }: PaperOptions = {},
): Promise<{ read: ExpectedReturn | null; valid: boolean }> {
  // Text starts below the header and ends above the footer, as in a word processor's margins.
  const margin = furniture ? 56 : 42;
  const { bytes } = await makePaperPdf({
    landscape,
    margins: { top: margin, bottom: margin, side: 42 },
    usableHeight,
    bodyFont: 'Helvetica',
    bodySize: 10,
    furniture,
    blocks: [
      { kind: 'title', lines: ['London Borough of Croydon', 'End of Life Care Charter: local authority return'] },
      { kind: 'return', period: 'May 2016', rows, style },
    ],
  });
  const result = await importReturn(bytes, { path: null });
  return { read: essence(result.charterReturn), valid: result.valid };
}

function expected(rows: readonly TableRow[]): ExpectedReturn {
  return {
    authority: 'Croydon',
    period: 'May 2016',
    points: rows.map((row) => ({
      number: Number(row.number),
      charterPoint: row.cells[0],
      whereWeAreNow: joinCellText([row.cells[1]]),
      whereWeNeedToImprove: joinCellText([row.cells[2]]),
      nextSteps: joinCellText([row.cells[3]]),
    })),
  };
}

/** Rows that fill a short page; the last, its next steps much taller than its other cells, starts the next page. */
const OVER_A_PAGE: TableRow[] = [
  [3, 'Agreed', 'Reviewed', 'Quarterly'],
  [4, '2016', 'Training', 'Ongoing'],
  [5, 'Started', 'Data on outcomes from the care homes and the hospices in 2016', ''],
  [7, 'Agreed', 'Reviewed', 'Quarterly'],
  [
    8,
    'Joint working',
    'With the CCG',
    'A joint plan for end of life care with the hospices, reviewed every quarter by the partnership board, with outcomes for carers and a new pathway for care homes from Sept 2016',
  ],
].map(([number, now, improve, next]) => ({
  number: String(number),
  cells: [CHARTER_POINTS[(number as number) - 1]!.wording, now as string, improve as string, next as string],
}));

describe('PDF layouts once read wrong', () => {
  // Word lets each cell be aligned on its own: a number column set to the bottom (or the middle)
  // beside answers at the top, and the other way round. The reader tried only some of the pairs,
  // and gave the first lines of a row to the row above.
  for (const [numberAlign, cellAlign] of [
    ['bottom', 'top'],
    ['top', 'bottom'],
    ['bottom', 'middle'],
    ['middle', 'bottom'],
  ] as const) {
    it(`numbers aligned ${numberAlign}, the other cells ${cellAlign}, no borders`, async () => {
      const { read } = await readBack({ ...PLAIN, numberAlign, cellAlign });
      expect(read).toEqual(expected(ROWS));
    });
    it(`numbers aligned ${numberAlign}, the other cells ${cellAlign}, a row at the top of a page`, async () => {
      const { read } = await readBack(
        { ...PLAIN, padding: 6, paddingX: 3, fontSizes: [8, 8, 8, 8, 8], repeatHeading: false, numberAlign, cellAlign },
        { rows: OVER_A_PAGE, usableHeight: 250 },
      );
      expect(read).toEqual(expected(OVER_A_PAGE));
    });
  }

  // With narrow columns "Where we need to improve" wraps to three lines; centred beside the
  // shorter titles, its first line "Where we" sits above every other title. The reader started
  // the heading a line too low: "Where we" went before the table, and "improve" into row 1.
  for (const headingAlign of ['middle', 'top'] as const) {
    it(`a heading that wraps to three lines, its titles aligned ${headingAlign}`, async () => {
      const { read } = await readBack({ ...PLAIN, columnShares: [7, 27, 25, 21, 33], headingSize: 12, headingAlign, padding: 6, paddingX: 4 });
      expect(read).toEqual(expected(ROWS));
    });
  }

  // pdf.js splits a run of Courier at its spaces, so a gap one character wide after Courier text
  // is a space. Beside a cell in another font, it is the gap between two cells (LibreOffice's
  // 2.83 pt either side of a column edge): read as a space, it joined two cells into a piece of
  // text across the columns, which ended the table there and lost the rows below.
  it('a cell in Courier one character wide of the next cell', async () => {
    const rows: TableRow[] = [
      { number: '20', cells: [CHARTER_POINTS[19]!.wording, '', 'Reviewed 2016', 'Sept'] },
      { number: '21', cells: [CHARTER_POINTS[20]!.wording, 'commissioned end-of-life', '1 network', 'March'] },
    ];
    const style: TableStyle = {
      ...PLAIN,
      columnShares: [6, 25, 20, 26, 20],
      fontSizes: [8, 11, 9, 8, 8],
      fonts: ['Helvetica', 'Courier', 'Helvetica', 'Helvetica', 'Helvetica'],
      headingSize: 8,
      padding: 1,
      paddingX: 3,
      cellAlign: 'middle',
      repeatHeading: false,
    };
    const { read } = await readBack(style, { rows });
    expect(read).toEqual(expected(rows));
  });

  // A bare page number is furniture only where it repeats or stands alone on a one-page paper:
  // elsewhere it may close a cell. Set far below a table that runs on (a page with a deep bottom
  // margin), it closed the table instead, and the rest of a row broken over the page end went to
  // the next numbered row.
  it('a row broken over a page end above a bare page number at the left', async () => {
    const rows: TableRow[] = [
      { number: '10', cells: [CHARTER_POINTS[9]!.wording, 'Agreed', 'Reviewed', 'Quarterly'] },
      { number: '12', cells: [CHARTER_POINTS[11]!.wording, '', '', 'A plan with the hospices, carers and partners, multi-agency reviews'] },
      { number: '14', cells: [CHARTER_POINTS[13]!.wording, 'Agreed', 'Reviewed', 'Quarterly'] },
    ];
    const furniture: Furniture = { header: [], footer: [{ text: { kind: 'number' }, align: 'left' }], size: 8, offset: 30 };
    const style: TableStyle = {
      ...PLAIN,
      columnShares: [5, 20, 20, 24, 23],
      fontSizes: [8, 9, 8, 8, 8],
      fonts: ['Helvetica', 'Helvetica-Bold', 'Helvetica', 'Helvetica', 'Helvetica'],
      headingSize: 10,
      padding: 10,
      paddingX: 3,
    };
    for (const usableHeight of [160, 165]) {
      const { read } = await readBack(style, { rows, usableHeight, landscape: true, furniture });
      expect(read, `text ${usableHeight} pt high`).toEqual(expected(rows));
    }
  });

  // Word's footer is often the bare page number, at the left margin: inside the number column,
  // just below a table that runs to the foot of the page. It is furniture only where it repeats,
  // and a shape of digits alone was never taken to repeat: "1" became a row of its own, which took
  // the rest of the row broken over the page end.
  for (const text of ['number', 'dashed'] as const) {
    it(`a table over pages with a page number ("${text}") at the foot of each, at the left`, async () => {
      const rows: TableRow[] = CHARTER_POINTS.map((point) => ({
        number: String(point.number),
        cells: [
          point.wording,
          `Agreed in ${2014 + (point.number % 3)}`,
          'Training for care homes and hospices, with the CCG, the district nurses and the GPs',
          'Quarterly review',
        ],
      }));
      const furniture: Furniture = { header: [], footer: [{ text: { kind: text }, align: 'left' }], size: 9, offset: 30 };
      const { read } = await readBack({ ...PLAIN, fontSizes: [10, 10, 10, 10, 10] }, { rows, furniture });
      expect(read).toEqual(expected(rows));
    });
  }

  // A title may take its bracketed part on the line below ("Where we are now" / "(May 2016)"). In
  // tight rows with cells centred, the first line of row 1 may be its tallest cell's first line
  // alone, only a cell's padding below the heading: one opening with a bracket went into the
  // heading, and out of the return with a warning only.
  it('a first row whose tallest cell starts with a bracket, right under the heading', async () => {
    const rows: TableRow[] = [
      {
        number: '3',
        cells: [
          CHARTER_POINTS[2]!.wording,
          'Agreed with carers',
          '(2015-2018) commissioning of training for managers of care homes, with the CCG, the hospices and the GPs, from March',
          '',
        ],
      },
      { number: '4', cells: [CHARTER_POINTS[3]!.wording, 'Agreed', 'Reviewed', 'Quarterly'] },
    ];
    const style: TableStyle = {
      ...PLAIN,
      columnShares: [7, 25, 21, 21, 21],
      fontSizes: [11, 11, 9, 11, 10],
      fonts: ['Times-Bold', 'Times-Roman', 'Times-Roman', 'Times-Roman', 'Times-Roman'],
      headingFont: 'Times-Bold',
      headingSize: 8,
      padding: 1,
      numberAlign: 'middle',
      cellAlign: 'middle',
      headingShaded: true,
    };
    const { read } = await readBack(style, { rows });
    expect(read).toEqual(expected(rows));
  });

  // Centred beside two-line titles, a title of three lines ("Where we" / "need to" / "improve")
  // shares no line with the first lines of the others, and the number column's "No." sits alone
  // between two lines of the heading: the titles were looked for only on the lines holding the
  // others', so the heading was not found at all (no return), or the number column's edge was
  // taken from the text below, a paragraph after the table on its last page.
  it('a three-line title beside two-line ones, all centred, in a shaded heading', async () => {
    const style: TableStyle = {
      ...PLAIN,
      columnShares: [5, 21, 33, 22, 32],
      headingSize: 13,
      headingAlign: 'middle',
      headingShaded: true,
      padding: 2,
      paddingX: 6,
      borders: 'stroked',
    };
    const { read } = await readBack(style);
    expect(read).toEqual(expected(ROWS));
  });

  // Tight rows (1 pt of padding) under a heading of one line repeated on each page: a row cut off
  // at the page end goes on right under the repeated heading, its first line there "(2015-2018)".
  // A finished title takes its bracketed part from the line below ("Where we are now" /
  // "(May 2016)"), so the row's line was read as "Where we need to improve (2015-2018)", and
  // left out of the return with only a warning. The form has no bracket after that title.
  it('a row cut off at a page end, its next line a bracket right under the repeated heading', async () => {
    const rows: TableRow[] = [
      { number: '3', cells: [CHARTER_POINTS[2]!.wording, 'Agreed', 'Reviewed', 'Quarterly'] },
      { number: '13', cells: [CHARTER_POINTS[12]!.wording, 'Started', 'A review with the partners\n(2015-2018)', 'March'] },
      { number: '14', cells: [CHARTER_POINTS[13]!.wording, 'Agreed', 'Reviewed', 'Quarterly'] },
    ];
    const style: TableStyle = {
      ...PLAIN,
      columnShares: [5, 29, 32, 20, 29],
      fontSizes: [9, 9, 11, 11, 8],
      fonts: ['Helvetica-Bold', 'Helvetica-Bold', 'Helvetica-Bold', 'Courier', 'Helvetica'],
      headingFont: 'Helvetica',
      headingSize: 10,
      padding: 1,
      paddingX: 3,
      borders: 'stroked',
      numberAlign: 'middle',
      fragments: 'aligned',
    };
    for (const usableHeight of [112, 122]) {
      const { read } = await readBack(style, { rows, usableHeight, landscape: true });
      expect(read).toEqual(expected(rows));
    }
  });
});

describe('PDF tables with no room beside the cell text', () => {
  // Word's cell margins may be set to 0: a cell's longest word then ends a hair before the next
  // column's text starts. Runs that touch were joined into one word ("multi-agencyWe", as a word
  // set in two fonts is), and runs less than a space apart ("co-ordinated" "well-being") made one
  // piece of text: either way two cells became one, or a piece across a column edge, read as a
  // paragraph, ended the table.
  it("a word filling its column touches the next cell's text on its line", async () => {
    const rows: TableRow[] = [
      { number: '3', cells: [CHARTER_POINTS[2]!.wording, 'multi-agency', 'We will review', 'importance'] },
      { number: '9', cells: [CHARTER_POINTS[8]!.wording, 'co-ordinated care', 'well-being', 'Quarterly'] },
    ];
    const style: TableStyle = { ...PLAIN, columnShares: [5, 30, 3, 3, 30], fontSizes: [10, 10, 10, 10, 10], padding: 2, paddingX: 0 };
    const { read } = await readBack(style, { rows });
    expect(read).toEqual(expected(rows));
  });
});
