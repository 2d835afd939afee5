// A council agenda pack of 40+ pages for the PDF section, written with pdf-lib: report pages,
// minutes, a table with numbered rows, a blank page, page numbers in the footer, and the return
// as an appendix. The appendix is the committed LibreOffice council paper where there is one (a
// real office suite's layout); otherwise the return is drawn here from the expected return.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const A4 = [595.28, 841.89];
const MARGIN = 56;

function wrap(text, font, size, width) {
  const lines = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const trial = current === '' ? word : `${current} ${word}`;
    if (current !== '' && font.widthOfTextAtSize(trial, size) > width) {
      lines.push(current);
      current = word;
    } else {
      current = trial;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

const PARAGRAPH =
  'The Panel is asked to note progress on the programme of work set out in the previous report, including the work ' +
  'with partners across health and social care, the review of commissioning arrangements, the budget position at the ' +
  'end of the second quarter and the actions agreed with the clinical commissioning group.';

/** Report and minutes pages: numbered paragraphs, every few pages a table with numbered rows. */
function addFillerPages(pdf, fonts, count, startNumber, section) {
  for (let p = 0; p < count; p++) {
    const page = pdf.addPage(A4);
    const [width, height] = A4;
    let y = height - MARGIN;
    const heading = `${section} (continued)`;
    page.drawText(p === 0 ? section : heading, { x: MARGIN, y, size: 13, font: fonts.bold });
    y -= 28;
    if ((startNumber + p) % 7 === 3) {
      page.drawText('This page is intentionally left blank', { x: MARGIN + 120, y: height / 2, size: 12, font: fonts.regular });
    } else if ((startNumber + p) % 5 === 2) {
      page.drawText(`Table ${startNumber + p}: Performance against the outcomes framework`, { x: MARGIN, y, size: 10, font: fonts.bold });
      y -= 18;
      const columns = [MARGIN, MARGIN + 34, MARGIN + 320, MARGIN + 400];
      ['No.', 'Measure', 'Target', 'Actual'].forEach((title, c) => page.drawText(title, { x: columns[c], y, size: 9, font: fonts.bold }));
      y -= 14;
      for (let row = 1; row <= 24; row++) {
        const cells = [String(row), `Proportion of people who use services who feel in control (${row})`, `${60 + row}%`, `${58 + row}%`];
        cells.forEach((cell, c) => page.drawText(cell, { x: columns[c], y, size: 9, font: fonts.regular }));
        page.drawLine({ start: { x: MARGIN, y: y - 4 }, end: { x: width - MARGIN, y: y - 4 }, thickness: 0.5 });
        y -= 16;
      }
    } else {
      for (let para = 1; y > MARGIN + 60; para++) {
        const lines = wrap(`${startNumber + p}.${para} ${PARAGRAPH}`, fonts.regular, 10, width - 2 * MARGIN);
        for (const line of lines) {
          page.drawText(line, { x: MARGIN, y, size: 10, font: fonts.regular });
          y -= 13;
        }
        y -= 8;
      }
    }
  }
}

/** The return as a landscape table: heading row on every page, rows broken over page ends. */
function addReturnPages(pdf, fonts, expected) {
  const [height, width] = A4;
  const usable = width - 2 * MARGIN;
  const fractions = [0.05, 0.2, 0.25, 0.25, 0.25];
  const xs = [];
  let x = MARGIN;
  for (const fraction of fractions) {
    xs.push(x);
    x += fraction * usable;
  }
  const colWidth = (c) => fractions[c] * usable - 8;
  const size = 10;
  const leading = 12.5;
  const headings = ['No.', 'Charter point', `Where we are now (${expected.period})`, 'Where we need to improve', 'Next steps (with timescales)'];
  let page;
  let y;
  const newPage = (first) => {
    page = pdf.addPage([width, height]);
    y = height - MARGIN;
    if (first) {
      page.drawText(`Appendix 1: London Borough of ${expected.authority} - End of Life Care Charter return`, {
        x: MARGIN,
        y,
        size: 12,
        font: fonts.bold,
      });
      y -= 24;
    }
    const headingLines = headings.map((text, c) => wrap(text, fonts.bold, size, colWidth(c)));
    const rows = Math.max(...headingLines.map((lines) => lines.length));
    headingLines.forEach((lines, c) => lines.forEach((line, k) => page.drawText(line, { x: xs[c] + 4, y: y - k * leading, size, font: fonts.bold })));
    y -= rows * leading + 4;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: width - MARGIN, y }, thickness: 0.75 });
    y -= leading;
  };
  newPage(true);
  for (const point of expected.points) {
    const cells = [String(point.number), point.charterPoint, point.whereWeAreNow, point.whereWeNeedToImprove, point.nextSteps];
    const lines = cells.map((text, c) => wrap(text, fonts.regular, size, colWidth(c)));
    const rowHeight = Math.max(...lines.map((l) => l.length));
    for (let k = 0; k < rowHeight; k++) {
      if (y < MARGIN + 20) newPage(false);
      lines.forEach((cellLines, c) => {
        if (cellLines[k]) page.drawText(cellLines[k], { x: xs[c] + 4, y, size, font: fonts.regular });
      });
      y -= leading;
    }
    page.drawLine({ start: { x: MARGIN, y: y + leading - 4 }, end: { x: width - MARGIN, y: y + leading - 4 }, thickness: 0.5 });
    y -= 4;
  }
}

function numberPages(pdf, font) {
  pdf.getPages().forEach((page, index) => {
    const { width } = page.getSize();
    page.drawText(`Page ${index + 1}`, { x: width / 2 - 16, y: 24, size: 9, font });
  });
}

/**
 * Writes the pack to `path` and says what it holds. `pages` is the least page count; `useFixture`
 * false draws the return instead of using the LibreOffice fixture.
 * Returns { path, pages, appendix: 'LibreOffice fixture …' | 'drawn with pdf-lib' }.
 */
export async function writeCouncilPack(repoRoot, path, { pages = 44, useFixture = true } = {}) {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  const fonts = { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const fixture = join(repoRoot, 'fixtures', 'pdf', 'croydon-2015-council-paper.pdf');
  let appendix;
  let appendixPages;
  if (useFixture && existsSync(fixture)) {
    const source = await PDFDocument.load(readFileSync(fixture));
    appendixPages = source.getPageCount();
    appendix = `the committed LibreOffice council paper (${appendixPages} pages, fixtures/pdf/croydon-2015-council-paper.pdf) as its last pages`;
    addFillerPages(pdf, fonts, Math.max(0, pages - appendixPages), 1, 'Minutes and reports of the Adult Social Services Review Panel');
    numberPages(pdf, fonts.regular);
    const copied = await pdf.copyPages(source, source.getPageIndices());
    for (const page of copied) pdf.addPage(page);
  } else {
    const expected = JSON.parse(readFileSync(join(repoRoot, 'fixtures', 'croydon-2015.expected.json'), 'utf8'));
    addFillerPages(pdf, fonts, Math.max(0, pages - 8), 1, 'Report to the Adult Social Services Review Panel');
    addReturnPages(pdf, fonts, expected);
    appendix = 'a return table drawn with pdf-lib as its last pages';
    numberPages(pdf, fonts.regular);
  }
  writeFileSync(path, await pdf.save());
  return { path, pages: pdf.getPageCount(), appendix };
}
