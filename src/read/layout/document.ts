/**
 * Pages laid out into the raw document. First the page furniture of the whole document is set
 * apart (running headers and footers, page numbers, a browser's print lines), so that it never
 * becomes a row; then each page is laid out (the text around the table, and the table's part on
 * the page); then each part is cut into rows. How the cells are aligned (top, middle, bottom) is
 * decided once for the table, from every page, as the alignment that explains its rows best.
 */
import type { InspectedPage, InspectedWord, RawBlock, RawRow } from '../../model.js';
import { ALIGNMENTS, cutBands, markersOf, PartMeasures, rowNumberOf, type Alignments, type CarriedRow, type Part } from './bands.js';
import { continuesHyphenated, joinCellLines } from './cellLines.js';
import { charterCells, wrapOfColumns, type TableWrap } from './characterColumns.js';
import { clippedLines, type ClippedText } from './clipped.js';
import { suspectedCuts, type SuspectedCut } from './cutWords.js';
import { findFurniture, type FurnitureMark } from './furniture.js';
import type { Line, PageRules, PageText } from './geometry.js';
import { lineText } from './geometry.js';
import { COLUMN_COUNT, NUMBER_COLUMN } from './heading.js';
import { layoutPage, type GuessedCut, type Grid, type PageLayout, type TablePart } from './pageLayout.js';
import type { Band } from './rows.js';
import { rowBoundaryCosts } from './continuity.js';
import { rulesAcross } from './rules.js';
import { fontOfCells } from './wrap.js';

/** Share of the gaps between two row numbers that must hold a rule for a table to be ruled by row. */
const RULED = 0.8;

function rowOf(part: TablePart, band: Band): RawRow {
  const lines = part.lines.slice(band.start, band.end);
  const cells = Array.from({ length: COLUMN_COUNT }, (_, column) => joinCellLines(lines.map((line) => line.cells[column]!)));
  return { cells, place: { page: part.page, line: part.lineNumbers[band.start]! } };
}

/**
 * A word hyphenated at the foot of a page ("co-" … "ordinated" at the top of the next) is joined
 * onto the row above, where the normaliser would otherwise put a space inside it.
 */
function joinAcrossPage(previous: RawRow, continuation: RawRow): void {
  continuation.cells.forEach((cell, column) => {
    const above = previous.cells[column] ?? '';
    if (!continuesHyphenated(above, cell)) return;
    const space = cell.search(/\s/);
    const word = space < 0 ? cell : cell.slice(0, space);
    previous.cells[column] = above + word;
    continuation.cells[column] = cell.slice(word.length).trimStart();
  });
}

interface LaidOutPage {
  layout: PageLayout;
  header: { line: Line; mark: FurnitureMark }[];
  footer: { line: Line; mark: FurnitureMark }[];
}

function sameSize(a: PageText, b: PageText): boolean {
  return Math.abs(a.width - b.width) <= 0.02 * Math.max(a.width, b.width) && Math.abs(a.height - b.height) <= 0.02 * Math.max(a.height, b.height);
}

/** The heights of the rules crossing the part's table, or null where the page has none. */
function partRules(part: TablePart, rules: PageRules | undefined): number[] | null {
  if (!rules || rules.horizontal.length === 0) return null;
  const heights = rulesAcross(rules.horizontal, part.left, part.right);
  return heights.length > 0 ? heights : null;
}

/** Is the table ruled between its rows: does (nearly) every gap between two row numbers hold a rule? */
function ruledByRow(parts: readonly Part[]): boolean {
  let gaps = 0;
  let ruled = 0;
  for (const part of parts) {
    const markers = markersOf(part.lines);
    for (let m = 1; m < markers.length; m++) {
      gaps++;
      const above = part.lines[markers[m - 1]!]!.bottom;
      const below = part.lines[markers[m]!]!.top;
      if (part.rules?.some((y) => y > above - 0.25 * part.lineHeight && y < below + 0.25 * part.lineHeight)) ruled++;
    }
  }
  return gaps > 0 && ruled >= RULED * gaps;
}

/** The bands of every part under one alignment, in order, and their total cost. */
function cutAll(parts: readonly Part[], measures: readonly PartMeasures[], alignments: Alignments): { bands: Band[][]; cost: number } {
  let carried: CarriedRow | null = null;
  let cost = 0;
  const all: Band[][] = [];
  parts.forEach((part, index) => {
    const cut = cutBands(part, alignments, part.continues ? carried : null, measures[index]);
    cost += cut.cost;
    all.push(cut.bands);
    const last = cut.bands.at(-1);
    if (part.open && last) {
      const text = measures[index]!.charterText(last.start, last.end);
      const marker = markersOf(part.lines.slice(last.start, last.end))[0];
      const number = marker === undefined ? (carried?.number ?? null) : rowNumberOf(part.lines[last.start + marker]!.cells[NUMBER_COLUMN]!);
      carried = last.numbered ? { text, number } : carried ? { text: `${carried.text} ${text}`, number: carried.number } : null;
    } else {
      carried = null;
    }
  });
  return { bands: all, cost };
}

/** The pages laid out one by one, the table's columns carried from each page to the next. */
function layOut(pages: readonly PageText[], furniture: ReturnType<typeof findFurniture>, wrap: ReadonlyMap<number, TableWrap> | null): LaidOutPage[] {
  const laidOut: LaidOutPage[] = [];
  let carried: Grid | null = null;
  let previous: PageText | null = null;
  for (const page of pages) {
    const marks = furniture.get(page.page);
    const header: LaidOutPage['header'] = [];
    const footer: LaidOutPage['footer'] = [];
    let content = page;
    if (marks) {
      const lines: Line[] = [];
      page.lines.forEach((line, index) => {
        const mark = marks.get(index);
        if (!mark) lines.push(line);
        else (mark.edge === 'header' ? header : footer).push({ line, mark });
      });
      content = { ...page, lines };
    }
    // A table runs on only onto a page of the same size and orientation.
    const layout = layoutPage(content, carried && previous && sameSize(previous, page) ? carried : null, wrap?.get(page.page) ?? null);
    carried = layout.openGrid;
    previous = page;
    laidOut.push({ layout, header, footer });
  }
  return laidOut;
}

/**
 * How the table's lines wrap in text laid out in characters: the font under which the cells of its
 * charter-point column (all pages together) wrap as they do, and each column's font and width,
 * from the pages whose table holds the charter's wording (not another table of a paper). Null
 * where no font explains the charter-point column.
 */
function tableWrap(laidOut: readonly LaidOutPage[]): ReadonlyMap<number, TableWrap> | null {
  const parts = laidOut.flatMap((entry) => (entry.layout.part ? [entry.layout.part] : []));
  const cells = parts.map((part) => charterCells(part.lines.map((line) => line.cells)));
  const font = fontOfCells(cells.flat());
  if (!font) return null;
  const returnParts = parts.filter((_, index) => cells[index]!.length > 0);
  const columns = wrapOfColumns(
    returnParts.flatMap((part) => part.lines.map((line) => line.cells)),
    font,
  );
  return new Map(returnParts.map((part) => [part.page, { columns }]));
}

export interface LaidOutDocument {
  blocks: RawBlock[];
  /** Lines of the table whose text the producer cut off at a clip's edge. */
  clipped: ClippedText[];
  /** Words of the answers that the producer seems to have cut over two lines. */
  cuts: SuspectedCut[];
  /** Lines laid out in characters where the cut between two cells run together is a guess. */
  guessedCuts: GuessedCut[];
  /** How each page was read, where asked for. */
  inspection?: InspectedPage[];
}

export function layoutDocument(pages: readonly PageText[], rules: ReadonlyMap<number, PageRules> = new Map(), inspect = false): LaidOutDocument {
  const furniture = findFurniture(pages);
  let laidOut = layOut(pages, furniture, null);
  // Text laid out in characters is laid out again, once the way its table wraps is known.
  const inCharacters = new Set(pages.filter((page) => !page.exactPositions).map((page) => page.page));
  let wrap: ReadonlyMap<number, TableWrap> | null = null;
  if (inCharacters.size > 0) {
    wrap = tableWrap(laidOut);
    if (wrap) laidOut = layOut(pages, furniture, wrap);
  }

  const tableParts = laidOut.map((entry) => entry.layout.part);
  const parts: Part[] = [];
  const partIndex = new Map<TablePart, number>();
  let open = false;
  laidOut.forEach(({ layout }) => {
    const part = layout.part;
    if (part) {
      partIndex.set(part, parts.length);
      parts.push({
        lines: part.lines,
        lineHeight: part.lineHeight,
        rules: partRules(part, rules.get(part.page)),
        continues: open,
        open: layout.openGrid !== null,
        ...(inCharacters.has(part.page) ? { continuity: rowBoundaryCosts(part.lines, wrap?.get(part.page) ?? null) } : {}),
      });
    }
    open = layout.openGrid !== null && part !== null;
  });
  if (!ruledByRow(parts)) for (const part of parts) part.rules = null;
  const measures = parts.map((part) => new PartMeasures(part));
  let chosen: { bands: Band[][]; cost: number } | null = null;
  for (const alignments of ALIGNMENTS) {
    const cut = cutAll(parts, measures, alignments);
    if (!chosen || cut.cost < chosen.cost - 1e-9) chosen = cut;
  }

  const clipped: ClippedText[] = [];
  laidOut.forEach(({ layout }, pageIndex) => {
    const part = layout.part;
    const clips = part ? rules.get(part.page)?.clips : undefined;
    if (part && clips && clips.length > 0)
      clipped.push(...clippedLines(pages[pageIndex]!, new Set([...part.lineNumbers, ...part.headingLines]), clips));
  });

  const blocks: RawBlock[] = [];
  const furnitureBlock = (page: number, entry: { line: Line; mark: FurnitureMark }): RawBlock => ({
    kind: 'furniture',
    text: lineText(entry.line.words),
    place: { page, line: entry.line.number },
    edge: entry.mark.edge,
    shape: entry.mark.shape,
  });
  // The last row of a table that ran to the foot of the page before.
  let openRow: RawRow | null = null;
  laidOut.forEach(({ layout, header, footer }, pageIndex) => {
    for (const entry of header) blocks.push(furnitureBlock(layout.page, entry));
    for (const line of layout.before) blocks.push({ kind: 'text', text: line.text, place: { page: layout.page, line: line.line } });
    const part = tableParts[pageIndex];
    if (part) {
      const bands = chosen!.bands[partIndex.get(part)!]!;
      const rows: RawRow[] = [];
      if (part.heading) rows.push({ cells: part.heading.cells, place: { page: part.page, line: part.heading.line } });
      for (const band of bands) {
        const row = rowOf(part, band);
        if (!band.numbered && openRow) joinAcrossPage(openRow, row);
        rows.push(row);
      }
      if (rows.length > 0) blocks.push({ kind: 'table', table: { rows, place: rows[0]!.place } });
      const bodyRows = rows.length - (part.heading ? 1 : 0);
      openRow = layout.openGrid && bodyRows > 0 ? rows[rows.length - 1]! : layout.openGrid ? openRow : null;
    } else {
      openRow = null;
    }
    for (const line of layout.after) blocks.push({ kind: 'text', text: line.text, place: { page: layout.page, line: line.line } });
    const lastLine = layout.after.at(-1)?.line ?? part?.lineNumbers.at(-1) ?? layout.before.at(-1)?.line ?? 0;
    pages[pageIndex]!.aside?.forEach((text, index) => blocks.push({ kind: 'aside', text, place: { page: layout.page, line: lastLine + index + 1 } }));
    for (const entry of footer) blocks.push(furnitureBlock(layout.page, entry));
  });
  const cuts = suspectedCuts(tableParts, pages);
  const guessedCuts = tableParts.flatMap((part) => part?.guessedCuts ?? []);
  if (!inspect) return { blocks, clipped, cuts, guessedCuts };
  return {
    blocks,
    clipped,
    cuts,
    guessedCuts,
    inspection: laidOut.map((_, pageIndex) => {
      const part = tableParts[pageIndex] ?? null;
      const index = part ? partIndex.get(part)! : -1;
      return inspectPage(
        pages[pageIndex]!,
        furniture.get(pages[pageIndex]!.page),
        part,
        part ? chosen!.bands[index]! : [],
        part ? (parts[index]!.rules ?? []) : [],
      );
    }),
  };
}

/** What the layout made of each word of a page, and the columns and bands it chose. */
function inspectPage(
  page: PageText,
  marks: ReadonlyMap<number, FurnitureMark> | undefined,
  part: TablePart | null,
  bands: readonly Band[],
  rules: readonly number[],
): InspectedPage {
  const bodyIndex = new Map(part?.lineNumbers.map((number, index) => [number, index]) ?? []);
  const heading = new Set(part?.headingLines ?? []);
  const bandOf: number[] = [];
  bands.forEach((band, index) => {
    for (let line = band.start; line < band.end; line++) bandOf[line] = index;
  });
  const words: InspectedWord[] = [];
  page.lines.forEach((line, index) => {
    const body = bodyIndex.get(line.number);
    line.words.forEach((word, w) => {
      const base = { text: word.text, x0: word.x0, x1: word.x1, top: word.top, bottom: word.bottom, line: line.number };
      if (marks?.has(index)) words.push({ ...base, role: 'furniture' });
      else if (heading.has(line.number)) words.push({ ...base, role: 'heading' });
      else if (body !== undefined && part) words.push({ ...base, role: 'cell', column: part.wordColumns[body]![w]!, band: bandOf[body] ?? 0 });
      else words.push({ ...base, role: 'outside' });
    });
  });
  const inspected: InspectedPage = {
    page: page.page,
    width: page.width,
    height: page.height,
    words,
    columns: part ? part.grid.bounds.map((edge) => (Number.isFinite(edge) ? edge : part.left)) : [],
    bands: part
      ? bands.map((band) => {
          const lines = part.lines.slice(band.start, band.end);
          return {
            top: Math.min(...lines.map((line) => line.top)),
            bottom: Math.max(...lines.map((line) => line.bottom)),
            number: band.numbered ? (lines.find((line) => line.cells[NUMBER_COLUMN] !== '')?.cells[NUMBER_COLUMN] ?? '') : '',
          };
        })
      : [],
    rules: [...rules],
    aside: page.aside ?? [],
  };
  return inspected;
}
