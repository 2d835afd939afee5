/**
 * PDFs written with pdf-lib for the PDF reader's tests: a return laid out as a table the way an
 * office suite would (cells wrapped to their column, words broken after a hyphen, rows carried
 * over page ends, the heading repeated or not, borders stroked, filled or absent), a page of
 * plain text, and a "scanned" page holding only an image.
 */
import { deflateSync } from 'node:zlib';
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

export interface TableRow {
  number: string;
  /** Charter point, where we are now, where we need to improve, next steps. */
  cells: [string, string, string, string];
}

export interface ReturnLayout {
  landscape: boolean;
  /** Share of the table's width for each of the five columns. */
  columnShares: [number, number, number, number, number];
  /** Font size of each of the five columns. */
  fontSizes: [number, number, number, number, number];
  /** Font of each of the five columns. */
  fonts: [FontName, FontName, FontName, FontName, FontName];
  headingFont: FontName;
  padding: number;
  /** 'stroked': cell borders drawn as lines; 'filled': as thin filled rectangles (as office suites do). */
  borders: 'none' | 'stroked' | 'filled';
  numberAlign: 'top' | 'middle';
  /** Where the text of the other cells sits in its row (Word's default is the top). */
  cellAlign?: 'top' | 'middle';
  repeatHeading: boolean;
  /** Height of the page left for the table, to force page ends inside rows. */
  pageHeight?: number;
}

export type FontName = 'Helvetica' | 'Helvetica-Bold' | 'Times-Roman' | 'Times-Bold' | 'Courier';

const FONT_KEYS: Record<FontName, StandardFonts> = {
  Helvetica: StandardFonts.Helvetica,
  'Helvetica-Bold': StandardFonts.HelveticaBold,
  'Times-Roman': StandardFonts.TimesRoman,
  'Times-Bold': StandardFonts.TimesRomanBold,
  Courier: StandardFonts.Courier,
};

export function headingTitles(period: string): string[] {
  return ['No.', 'Charter point', `Where we are now (${period})`, 'Where we need to improve', 'Next steps (with timescales)'];
}

/**
 * Wrap text to a width as a word processor does: at spaces, or after a hyphen inside a word
 * where the rest starts with a small letter ("co-" / "ordinated"). A word wider than the column
 * is cut where it must be.
 */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const pieces: { text: string; space: boolean }[] = [];
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const parts = word.split(/(?<=[a-z]-)(?=[a-z])/);
    parts.forEach((part, index) => pieces.push({ text: part, space: index === 0 }));
  }
  const fits = (line: string) => font.widthOfTextAtSize(line, size) <= width;
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    const joined = line === '' ? piece.text : `${line}${piece.space ? ' ' : ''}${piece.text}`;
    if (fits(joined) || line === '') {
      line = joined;
    } else {
      lines.push(line);
      line = piece.text;
    }
    while (!fits(line) && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

interface Frame {
  page: PDFPage;
  y: number;
}

export async function makeReturnPdf(title: string[], period: string, rows: readonly TableRow[], layout: ReturnLayout): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await Promise.all(layout.fonts.map((name) => doc.embedFont(FONT_KEYS[name])));
  const headingFont = await doc.embedFont(FONT_KEYS[layout.headingFont]);
  const [pageWidth, pageHeight] = layout.landscape ? [841.89, 595.28] : [595.28, 841.89];
  const margin = 42;
  const tableWidth = pageWidth - 2 * margin;
  const { padding } = layout;
  const lineHeight = (column: number) => layout.fontSizes[column]! * 1.2;
  const headingSize = Math.max(...layout.fontSizes);
  // The number column is as narrow as the shares say, but wide enough for "No." and "21".
  const numberWidth = Math.max(headingFont.widthOfTextAtSize('No.', headingSize), fonts[0]!.widthOfTextAtSize('21', layout.fontSizes[0])) + 2 * padding + 2;
  const shareTotal = layout.columnShares.slice(1).reduce((a, b) => a + b, 0);
  const first = Math.max(numberWidth, (layout.columnShares[0] / (shareTotal + layout.columnShares[0])) * tableWidth);
  const widths = [first, ...layout.columnShares.slice(1).map((share) => (share / shareTotal) * (tableWidth - first))];
  // No word is cut: a column is at least as wide as its longest word (the widest column gives way).
  for (let column = 1; column < widths.length; column++) {
    const longest = Math.max(0, ...rows.flatMap((row) => [row.number, ...row.cells][column]!.split(/\s+/).map((word) => fonts[column]!.widthOfTextAtSize(word, layout.fontSizes[column]!))));
    const needed = longest + 2 * padding + 1;
    if (widths[column]! < needed) {
      const widest = widths.indexOf(Math.max(...widths));
      widths[widest]! -= needed - widths[column]!;
      widths[column] = needed;
    }
  }
  const lefts = widths.map((_, i) => margin + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const bottomLimit = layout.pageHeight ? pageHeight - margin - layout.pageHeight : margin;

  const drawBorder = (page: PDFPage, x: number, y: number, width: number, height: number) => {
    if (layout.borders === 'stroked') {
      page.drawRectangle({ x, y, width, height, borderWidth: 0.5, borderColor: rgb(0, 0, 0) });
    } else if (layout.borders === 'filled') {
      for (const [bx, by, bw, bh] of [
        [x, y, width, 0.6],
        [x, y + height - 0.6, width, 0.6],
        [x, y, 0.6, height],
        [x + width - 0.6, y, 0.6, height],
      ] as const) {
        page.drawRectangle({ x: bx, y: by, width: bw, height: bh, color: rgb(0, 0, 0) });
      }
    }
  };

  const newPage = (): Frame => ({ page: doc.addPage([pageWidth, pageHeight]), y: pageHeight - margin });
  // Where the rows of a new page start: a row that does not fit there is drawn anyway.
  let pageTop = Infinity;

  const drawHeading = (frame: Frame) => {
    const wrapped = headingTitles(period).map((titleText, i) => wrap(titleText, headingFont, headingSize, widths[i]! - 2 * padding));
    const height = Math.max(...wrapped.map((lines) => lines.length)) * headingSize * 1.2 + 2 * padding;
    wrapped.forEach((lines, i) => {
      lines.forEach((line, l) => {
        frame.page.drawText(line, { x: lefts[i]! + padding, y: frame.y - padding - headingSize - l * headingSize * 1.2, size: headingSize, font: headingFont });
      });
      drawBorder(frame.page, lefts[i]!, frame.y - height, widths[i]!, height);
    });
    frame.y -= height;
  };

  let frame = newPage();
  for (const line of title) {
    frame.page.drawText(line, { x: margin, y: frame.y - 14, size: 14, font: headingFont });
    frame.y -= 22;
  }
  frame.y -= 10;
  drawHeading(frame);

  for (const row of rows) {
    const texts = [row.number, ...row.cells];
    let remaining = texts.map((text, i) => wrap(text, fonts[i]!, layout.fontSizes[i]!, widths[i]! - 2 * padding));
    let first = true;
    while (remaining.some((lines) => lines.length > 0) || first) {
      const room = frame.y - bottomLimit - 2 * padding;
      // How many lines of each column fit on this page.
      const fitting = remaining.map((lines, i) => Math.min(lines.length, Math.max(0, Math.floor(room / lineHeight(i)))));
      // A row starts on a page only where the first line of each of its cells fits there, as in
      // a word processor; a part carried over needs at least one line.
      const starved = first ? remaining.some((lines, i) => lines.length > 0 && fitting[i] === 0) : fitting.every((count) => count === 0);
      if (starved && frame.y < pageTop) {
        frame = newPage();
        if (layout.repeatHeading) drawHeading(frame);
        pageTop = frame.y;
        continue;
      }
      const part = remaining.map((lines, i) => lines.slice(0, fitting[i]));
      const height = Math.max(...part.map((lines, i) => lines.length * lineHeight(i)), lineHeight(1)) + 2 * padding;
      part.forEach((lines, i) => {
        const size = layout.fontSizes[i]!;
        const align = i === 0 ? layout.numberAlign : (layout.cellAlign ?? 'top');
        const offset = align === 'middle' ? (height - 2 * padding - lines.length * lineHeight(i)) / 2 : 0;
        lines.forEach((line, l) => {
          frame.page.drawText(line, { x: lefts[i]! + padding, y: frame.y - padding - offset - size - l * lineHeight(i), size, font: fonts[i]! });
        });
        drawBorder(frame.page, lefts[i]!, frame.y - height, widths[i]!, height);
      });
      frame.y -= height;
      remaining = remaining.map((lines, i) => lines.slice(fitting[i]));
      first = false;
      if (remaining.some((lines) => lines.length > 0)) {
        frame = newPage();
        if (layout.repeatHeading) drawHeading(frame);
        pageTop = frame.y;
      }
    }
  }
  return doc.save();
}

/** Pages of plain text. */
export async function makeTextPdf(pages: readonly string[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595.28, 841.89]);
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 790 - i * 16, size: 11, font }));
  }
  return doc.save();
}

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A small grey PNG, the stand-in for a scanned page. */
function greyPng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    Buffer.from(data).copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = (x * 7 + y * 13) % 256;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}

/** Pages holding only an image, as a scanner makes them: no text layer. */
export async function makeScannedPdf(pageCount: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const image = await doc.embedPng(greyPng(32, 32));
  for (let i = 0; i < pageCount; i++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawImage(image, { x: 40, y: 40, width: 515, height: 760 });
  }
  return doc.save();
}
