/**
 * Council papers written with pdf-lib as real producers lay them out, for the PDF property tests:
 * a flow of blocks (titles, paragraphs, numbered section headings, small numbered tables, the
 * return's table) over pages of either orientation, with running headers and footers drawn on
 * every page at the end. Each option imitates something a producer does, and says which; none
 * draws what no producer draws (text over a border, two cells' text on top of each other).
 */
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';

export type FontName = 'Helvetica' | 'Helvetica-Bold' | 'Times-Roman' | 'Times-Bold' | 'Courier';

const FONT_KEYS: Record<FontName, StandardFonts> = {
  Helvetica: StandardFonts.Helvetica,
  'Helvetica-Bold': StandardFonts.HelveticaBold,
  'Times-Roman': StandardFonts.TimesRoman,
  'Times-Bold': StandardFonts.TimesRomanBold,
  Courier: StandardFonts.Courier,
};

export type Alignment = 'top' | 'middle' | 'bottom';

export interface TableRow {
  number: string;
  /** Charter point, where we are now, where we need to improve, next steps; `\n` breaks a line (a new paragraph in the cell). */
  cells: [string, string, string, string];
}

export interface TableStyle {
  /** Share of the table's width for each column. */
  columnShares: readonly number[];
  fontSizes: readonly number[];
  fonts: readonly FontName[];
  headingFont: FontName;
  /** Size of the heading row's text; the largest of the columns' where absent. */
  headingSize?: number;
  /** Room above and below a cell's text: Word's tables have none (1-2 pt: tight rows), browsers' a few points. */
  padding: number;
  /** Room left and right of a cell's text; `padding` where absent. */
  paddingX?: number;
  /**
   * 'stroked': each cell's border drawn as a line (LibreOffice, Word); 'filled': as four thin
   * filled rectangles (Chromium's print); 'horizontal': only lines between rows (Word's "plain
   * table" styles); 'none'.
   */
  borders: 'none' | 'stroked' | 'filled' | 'horizontal';
  /** Vertical alignment of the number column's text, and of the other cells' (a Word cell property, CSS vertical-align). */
  numberAlign: Alignment;
  cellAlign: Alignment;
  /** Vertical alignment of the heading row's titles where some wrap and some do not. */
  headingAlign?: 'top' | 'middle';
  /** A filled grey rectangle behind the heading row (a shaded heading, as most templates have). */
  headingShaded?: boolean;
  /**
   * How the part of a row cut off by the page end is laid out: 'aligned' as the table is
   * (LibreOffice, Word), or 'top': every part of a row split over pages filled from its top
   * (browsers fragment the row's content as it flows).
   */
  fragments?: 'aligned' | 'top';
  /** The heading row repeated at the top of every page the table runs on to (Word's "repeat as header row", a browser's thead). */
  repeatHeading: boolean;
}

/** The return's table: its heading titles (the period in the third), its rows, its style. */
export interface ReturnBlock {
  kind: 'return';
  period: string;
  rows: readonly TableRow[];
  style: TableStyle;
}

/** Another small table with a numbered first column, such as a paper's "Recommendations". */
export interface SmallTableBlock {
  kind: 'table';
  headings: readonly string[];
  rows: readonly (readonly string[])[];
  style: TableStyle;
}

export type PaperBlock =
  /** Lines at 14 pt, 22 pt apart (bold Helvetica where no font is given): a document's or an appendix's title. */
  | { kind: 'title'; lines: readonly string[]; font?: FontName }
  /** A numbered section heading, "5. Financial implications", its words hanging after the number (Word's numbered headings). */
  | { kind: 'section'; number: string; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'space'; height: number }
  /** A page break; the next page in the given orientation (a section break in Word). */
  | { kind: 'page'; landscape: boolean }
  | ReturnBlock
  | SmallTableBlock;

export type FurnitureText =
  /** Fixed text: a council's name and its meeting ("Ashgrove Borough Council – Cabinet, 14 November 2017"), a document title. */
  | { kind: 'text'; text: string }
  /** "Page 3" */
  | { kind: 'page' }
  /** "Page 3 of 9" */
  | { kind: 'page-of' }
  /** "- 3 -" */
  | { kind: 'dashed' }
  /** "3" */
  | { kind: 'number' }
  /** A browser's "3/9" */
  | { kind: 'count' };

export interface FurniturePiece {
  text: FurnitureText;
  align: 'left' | 'centre' | 'right';
}

export interface Furniture {
  /** The pieces of the header line and of the footer line (several pieces share the line, as a browser's do). */
  header: readonly FurniturePiece[];
  footer: readonly FurniturePiece[];
  size: number;
  /** Distance of the header's top and of the footer's bottom from the page edge. */
  offset: number;
}

export interface Paper {
  landscape: boolean;
  /** Margins of the text area: top, bottom, left and right. */
  margins: { top: number; bottom: number; side: number };
  /** Height of a page's text area, where less than the margins leave: shorter pages, so that rows run over page ends. */
  usableHeight?: number | null;
  bodyFont: FontName;
  bodySize: number;
  furniture: Furniture | null;
  blocks: readonly PaperBlock[];
}

/** What was drawn, for the property's account of its cases. */
export interface PaperFacts {
  pageCount: number;
  /** For each return block: how many lines its heading row took, and how many of its rows ran over a page end. */
  returns: { headingLines: number; splitRows: number; pages: number[] }[];
}

const PORTRAIT: [number, number] = [595.28, 841.89];
const LANDSCAPE: [number, number] = [841.89, 595.28];

export function headingTitles(period: string): string[] {
  return ['No.', 'Charter point', `Where we are now (${period})`, 'Where we need to improve', 'Next steps (with timescales)'];
}

/**
 * Wrap text to a width as a word processor does: at spaces, or after a hyphen or an en dash
 * inside a word ("co-" / "ordinated", "Jan–" / "Mar") where a letter or digit follows. A word
 * wider than the column is cut where it must be.
 */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const pieces: { text: string; space: boolean }[] = [];
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const parts = word.split(/(?<=[a-z]-|[\p{L}\p{N}]\u2013)(?=[\p{L}\p{N}])/u);
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

/** A cell's lines: each of its paragraphs wrapped on its own. */
function wrapCell(text: string, font: PDFFont, size: number, width: number): string[] {
  return text.split('\n').flatMap((paragraph) => wrap(paragraph, font, size, width));
}

/** Where the flow has got to: the page being filled and the height of its next line's top. */
class Flow {
  page!: PDFPage;
  y = 0;
  width = 0;
  height = 0;
  readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    public landscape: boolean,
    readonly margins: Paper['margins'],
    private readonly usableHeight: number | null,
  ) {}

  newPage(landscape = this.landscape): void {
    this.landscape = landscape;
    this.page = this.doc.addPage(landscape ? LANDSCAPE : PORTRAIT);
    this.pages.push(this.page);
    [this.width, this.height] = landscape ? LANDSCAPE : PORTRAIT;
    this.y = this.height - this.margins.top;
  }

  get left(): number {
    return this.margins.side;
  }

  get textWidth(): number {
    return this.width - 2 * this.margins.side;
  }

  get bottom(): number {
    const { top, bottom } = this.margins;
    return this.usableHeight ? Math.max(bottom, this.height - top - this.usableHeight) : bottom;
  }

  get pageNumber(): number {
    return this.pages.length;
  }
}

type Fonts = (name: FontName) => PDFFont;

function drawParagraph(flow: Flow, text: string, font: PDFFont, size: number): void {
  const lineHeight = size * 1.25;
  for (const line of wrap(text, font, size, flow.textWidth)) {
    if (flow.y - lineHeight < flow.bottom) flow.newPage();
    flow.page.drawText(line, { x: flow.left, y: flow.y - size, size, font });
    flow.y -= lineHeight;
  }
  flow.y -= size * 0.8;
}

/** A table's drawing: column geometry and the drawing of one row part. */
class TableDrawer {
  readonly widths: number[];
  readonly lefts: number[];
  private readonly fonts: PDFFont[];
  private readonly headingFont: PDFFont;
  private readonly headingSize: number;
  private readonly paddingX: number;
  /** The row being drawn started on a page after the first of its parts. */
  splitRows = 0;
  headingLines = 0;
  readonly pages = new Set<number>();

  constructor(
    private readonly flow: Flow,
    private readonly headings: readonly string[],
    private readonly rows: readonly (readonly string[])[],
    private readonly style: TableStyle,
    fonts: Fonts,
    /** The narrowest the first column may be (the return's number column holds "No." and "21"). */
    firstColumnWidth: number,
  ) {
    this.fonts = style.fonts.map(fonts);
    this.headingFont = fonts(style.headingFont);
    this.headingSize = style.headingSize ?? Math.max(...style.fontSizes);
    this.paddingX = style.paddingX ?? style.padding;
    const tableWidth = flow.textWidth;
    const shares = style.columnShares;
    const shareTotal = shares.slice(1).reduce((a, b) => a + b, 0);
    const first = Math.max(firstColumnWidth + 2 * this.paddingX + 2, (shares[0]! / (shareTotal + shares[0]!)) * tableWidth);
    const widths = [first, ...shares.slice(1).map((share) => (share / shareTotal) * (tableWidth - first))];
    // No word is cut: a column is at least as wide as its longest word (the widest column gives way).
    for (let column = 1; column < widths.length; column++) {
      const longest = Math.max(
        0,
        ...rows.flatMap((row) => row[column]!.split(/\s+/).map((word) => this.fonts[column]!.widthOfTextAtSize(word, style.fontSizes[column]!))),
      );
      const needed = longest + 2 * this.paddingX + 1;
      if (widths[column]! < needed) {
        const widest = widths.indexOf(Math.max(...widths));
        widths[widest]! -= needed - widths[column]!;
        widths[column] = needed;
      }
    }
    this.widths = widths;
    this.lefts = widths.map((_, i) => flow.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  }

  private lineHeight(column: number): number {
    return this.style.fontSizes[column]! * 1.2;
  }

  private border(x: number, y: number, width: number, height: number): void {
    const { page } = this.flow;
    const { borders } = this.style;
    if (borders === 'stroked') {
      page.drawRectangle({ x, y, width, height, borderWidth: 0.5, borderColor: rgb(0, 0, 0) });
    } else if (borders === 'filled') {
      for (const [bx, by, bw, bh] of [
        [x, y, width, 0.6],
        [x, y + height - 0.6, width, 0.6],
        [x, y, 0.6, height],
        [x + width - 0.6, y, 0.6, height],
      ] as const) {
        page.drawRectangle({ x: bx, y: by, width: bw, height: bh, color: rgb(0, 0, 0) });
      }
    }
  }

  /** Borders of a row part, and lines between rows where only those are drawn. */
  private rowBorders(top: number, height: number): void {
    if (this.style.borders === 'horizontal') {
      const right = this.lefts.at(-1)! + this.widths.at(-1)!;
      for (const y of [top, top - height]) {
        this.flow.page.drawLine({ start: { x: this.flow.left, y }, end: { x: right, y }, thickness: 0.5, color: rgb(0, 0, 0) });
      }
      return;
    }
    this.widths.forEach((width, i) => this.border(this.lefts[i]!, top - height, width, height));
  }

  heading(): void {
    const { flow, headingFont, headingSize, style } = this;
    const padding = style.padding;
    const wrapped = this.headings.map((title, i) => wrap(title, headingFont, headingSize, this.widths[i]! - 2 * this.paddingX));
    const lines = Math.max(...wrapped.map((lines) => lines.length));
    this.headingLines = Math.max(this.headingLines, lines);
    const height = lines * headingSize * 1.2 + 2 * padding;
    if (style.headingShaded) {
      const right = this.lefts.at(-1)! + this.widths.at(-1)!;
      flow.page.drawRectangle({ x: flow.left, y: flow.y - height, width: right - flow.left, height, color: rgb(0.85, 0.87, 0.9) });
    }
    wrapped.forEach((titleLines, i) => {
      const offset = style.headingAlign === 'middle' ? ((lines - titleLines.length) * headingSize * 1.2) / 2 : 0;
      titleLines.forEach((line, l) => {
        flow.page.drawText(line, {
          x: this.lefts[i]! + this.paddingX,
          y: flow.y - padding - offset - headingSize - l * headingSize * 1.2,
          size: headingSize,
          font: headingFont,
        });
      });
    });
    this.rowBorders(flow.y, height);
    flow.y -= height;
  }

  private newPage(): void {
    this.flow.newPage();
    if (this.style.repeatHeading) this.heading();
  }

  draw(): void {
    const { flow, style } = this;
    const padding = style.padding;
    this.heading();
    this.pages.add(flow.pageNumber);
    // Where the rows of a new page start: a row that does not fit there is drawn anyway.
    let pageTop = Infinity;
    for (const row of this.rows) {
      let remaining = row.map((text, i) => wrapCell(text, this.fonts[i]!, style.fontSizes[i]!, this.widths[i]! - 2 * this.paddingX));
      let first = true;
      while (remaining.some((lines) => lines.length > 0) || first) {
        const room = flow.y - flow.bottom - 2 * padding;
        // How many lines of each column fit on this page.
        const fitting = remaining.map((lines, i) => Math.min(lines.length, Math.max(0, Math.floor(room / this.lineHeight(i)))));
        // A row starts on a page only where the first line of each of its cells fits there, as in
        // a word processor; a part carried over needs at least one line.
        const starved = first ? remaining.some((lines, i) => lines.length > 0 && fitting[i] === 0) : fitting.every((count) => count === 0);
        if (starved && flow.y < pageTop) {
          this.newPage();
          pageTop = flow.y;
          this.pages.add(flow.pageNumber);
          continue;
        }
        const part = remaining.map((lines, i) => lines.slice(0, fitting[i]));
        remaining = remaining.map((lines, i) => lines.slice(fitting[i]));
        const cutOff = remaining.some((lines) => lines.length > 0);
        const height = Math.max(...part.map((lines, i) => lines.length * this.lineHeight(i)), this.lineHeight(1)) + 2 * padding;
        const fillFromTop = (cutOff || !first) && style.fragments === 'top';
        part.forEach((lines, i) => {
          const size = style.fontSizes[i]!;
          const align = fillFromTop ? 'top' : i === 0 ? style.numberAlign : style.cellAlign;
          const room = height - 2 * padding - lines.length * this.lineHeight(i);
          const offset = align === 'middle' ? room / 2 : align === 'bottom' ? room : 0;
          lines.forEach((line, l) => {
            flow.page.drawText(line, {
              x: this.lefts[i]! + this.paddingX,
              y: flow.y - padding - offset - size - l * this.lineHeight(i),
              size,
              font: this.fonts[i]!,
            });
          });
        });
        this.rowBorders(flow.y, height);
        flow.y -= height;
        first = false;
        if (cutOff) {
          this.splitRows++;
          this.newPage();
          pageTop = flow.y;
          this.pages.add(flow.pageNumber);
        }
      }
    }
  }
}

/** A furniture text as it reads on page `page` of `count`. */
function furnitureText(text: FurnitureText, page: number, count: number): string {
  switch (text.kind) {
    case 'text':
      return text.text;
    case 'page':
      return `Page ${page}`;
    case 'page-of':
      return `Page ${page} of ${count}`;
    case 'dashed':
      return `- ${page} -`;
    case 'number':
      return String(page);
    case 'count':
      return `${page}/${count}`;
  }
}

function drawFurniture(pages: readonly PDFPage[], furniture: Furniture, font: PDFFont, side: number): void {
  const { size, offset } = furniture;
  pages.forEach((page, index) => {
    const { width, height } = page.getSize();
    for (const [pieces, baseline] of [
      [furniture.header, height - offset - size * 0.8],
      [furniture.footer, offset + size * 0.2],
    ] as const) {
      for (const piece of pieces) {
        const text = furnitureText(piece.text, index + 1, pages.length);
        const textWidth = font.widthOfTextAtSize(text, size);
        const x = piece.align === 'left' ? side : piece.align === 'right' ? width - side - textWidth : (width - textWidth) / 2;
        page.drawText(text, { x, y: baseline, size, font });
      }
    }
  });
}

export async function makePaperPdf(paper: Paper): Promise<{ bytes: Uint8Array; facts: PaperFacts }> {
  const doc = await PDFDocument.create();
  const embedded = new Map<FontName, PDFFont>();
  for (const name of Object.keys(FONT_KEYS) as FontName[]) embedded.set(name, await doc.embedFont(FONT_KEYS[name]));
  const fonts: Fonts = (name) => embedded.get(name)!;
  const bodyFont = fonts(paper.bodyFont);
  const boldFont = fonts(paper.bodyFont.startsWith('Times') ? 'Times-Bold' : 'Helvetica-Bold');
  const flow = new Flow(doc, paper.landscape, paper.margins, paper.usableHeight ?? null);
  flow.newPage();
  const facts: PaperFacts = { pageCount: 0, returns: [] };

  for (const block of paper.blocks) {
    switch (block.kind) {
      case 'title':
        for (const line of block.lines) {
          if (flow.y - 22 < flow.bottom) flow.newPage();
          flow.page.drawText(line, { x: flow.left, y: flow.y - 14, size: 14, font: fonts(block.font ?? 'Helvetica-Bold') });
          flow.y -= 22;
        }
        break;
      case 'section': {
        const size = paper.bodySize + 1;
        if (flow.y - 3 * size < flow.bottom) flow.newPage();
        flow.page.drawText(block.number, { x: flow.left, y: flow.y - size, size, font: boldFont });
        flow.page.drawText(block.text, { x: flow.left + 28, y: flow.y - size, size, font: boldFont });
        flow.y -= size * 2;
        break;
      }
      case 'paragraph':
        drawParagraph(flow, block.text, bodyFont, paper.bodySize);
        break;
      case 'space':
        flow.y -= block.height;
        break;
      case 'page':
        flow.newPage(block.landscape);
        break;
      case 'return': {
        const table = new TableDrawer(
          flow,
          headingTitles(block.period),
          block.rows.map((row) => [row.number, ...row.cells]),
          block.style,
          fonts,
          numberColumnWidth(block.style, fonts),
        );
        table.draw();
        facts.returns.push({ headingLines: table.headingLines, splitRows: table.splitRows, pages: [...table.pages] });
        break;
      }
      case 'table': {
        const font = fonts(block.style.fonts[0]!);
        const table = new TableDrawer(
          flow,
          block.headings,
          block.rows,
          block.style,
          fonts,
          font.widthOfTextAtSize('No.', block.style.headingSize ?? 11),
        );
        table.draw();
        break;
      }
    }
  }
  if (paper.furniture) drawFurniture(flow.pages, paper.furniture, fonts('Helvetica'), paper.margins.side);
  facts.pageCount = flow.pages.length;
  return { bytes: await doc.save(), facts };
}

/** The return's number column holds its title and the numbers up to 21. */
function numberColumnWidth(style: TableStyle, fonts: Fonts): number {
  const headingSize = style.headingSize ?? Math.max(...style.fontSizes);
  return Math.max(
    fonts(style.headingFont).widthOfTextAtSize('No.', headingSize),
    fonts(style.fonts[0]!).widthOfTextAtSize('21', style.fontSizes[0]!),
  );
}
