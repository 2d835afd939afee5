/**
 * PDFs written with pdf-lib for the PDF reader's tests: a return alone, laid out as a table the
 * way an office suite would (cells wrapped to their column, words broken after a hyphen, rows
 * carried over page ends, the heading repeated or not, borders stroked, filled or absent; drawn
 * by tests/pdf-paper.ts, which makes whole papers too), a page of plain text, and a "scanned"
 * page holding only an image.
 */
import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { makePaperPdf, type FontName, type Paper, type TableRow } from './pdf-paper.js';

export type { FontName, TableRow } from './pdf-paper.js';

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

/** A return alone: its title lines, then its table (tests/pdf-paper.ts draws it). */
export async function makeReturnPdf(title: string[], period: string, rows: readonly TableRow[], layout: ReturnLayout): Promise<Uint8Array> {
  const margin = 42;
  const paper: Paper = {
    landscape: layout.landscape,
    // A page shortened to `pageHeight` may leave less than the margin below it.
    margins: { top: margin, side: margin, bottom: layout.pageHeight ? 0 : margin },
    usableHeight: layout.pageHeight ?? null,
    bodyFont: 'Helvetica',
    bodySize: 10,
    furniture: null,
    blocks: [
      { kind: 'title', lines: title, font: layout.headingFont },
      { kind: 'space', height: 10 },
      {
        kind: 'return',
        period,
        rows,
        style: {
          columnShares: layout.columnShares,
          fontSizes: layout.fontSizes,
          fonts: layout.fonts,
          headingFont: layout.headingFont,
          padding: layout.padding,
          borders: layout.borders,
          numberAlign: layout.numberAlign,
          cellAlign: layout.cellAlign ?? 'top',
          repeatHeading: layout.repeatHeading,
        },
      },
    ],
  };
  return (await makePaperPdf(paper)).bytes;
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
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
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
