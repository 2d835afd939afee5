/**
 * Cutting one page's part of the table into row bands, every cut decided at once (dynamic
 * programming over the row numbers). Each text in the number column marks a row; between two marks
 * exactly one cut is made. All the evidence is weighed together:
 * - the table's ruling lines, where it draws them (a cut on a rule is all but certain);
 * - the cells' alignment: in a row, every cell's text starts at the same height (top-aligned
 *   cells), or is centred on the same height (middle), or ends at the same height (bottom); so a
 *   middle-aligned tall cell that starts above its row's number stays in its row;
 * - the charter-point column, which reads as the charter's wording of the row's number;
 * - the gaps: rows are set apart by their padding, while a cell's lines follow each other closely.
 * The rest of a row broken over the page before heads the part, and the page may cut off a row at
 * its foot: such a fragment is aligned as the table is (LibreOffice) or filled from its top
 * (browsers), whichever fits.
 */
import { fitToPoint } from '../../charter/wording.js';
import { NUMBER_COLUMN } from './heading.js';
import type { Band, BodyLine } from './rows.js';

export type Alignment = 'top' | 'middle' | 'bottom';

/** How the number column and the other columns are aligned in their cells. */
export interface Alignments {
  number: Alignment;
  cells: Alignment;
}

/**
 * The alignments a table is tried with; the one that explains its rows best is taken. Every pair:
 * Word and CSS align each cell on its own, and a number column set apart from the answers (at the
 * bottom beside answers at the top, say) cut under another pair gives a row's first lines to the
 * row above.
 */
export const ALIGNMENTS: readonly Alignments[] = [
  { number: 'top', cells: 'top' },
  { number: 'middle', cells: 'middle' },
  { number: 'middle', cells: 'top' },
  { number: 'top', cells: 'middle' },
  { number: 'bottom', cells: 'bottom' },
  { number: 'bottom', cells: 'top' },
  { number: 'top', cells: 'bottom' },
  { number: 'bottom', cells: 'middle' },
  { number: 'middle', cells: 'bottom' },
];

const ALL_TOP: Alignments = { number: 'top', cells: 'top' };

export interface Part {
  lines: readonly BodyLine[];
  lineHeight: number;
  /** Heights of the ruling lines drawn across the table on this page, or null where none are. */
  rules: readonly number[] | null;
  /** The part may open with the rest of a row from the page before. */
  continues: boolean;
  /** The table runs on past the foot of the part: its last row may be cut off by the page. */
  open: boolean;
  /**
   * Text laid out in characters: for each line, the cost of a row boundary just above it, from
   * how the sentences of its columns run on (continuity.ts). Absent for a PDF.
   */
  continuity?: readonly number[];
}

/** The row carried over from the page before: its charter-point text and its number. */
export interface CarriedRow {
  text: string;
  number: number | null;
}

export interface Cut {
  bands: Band[];
  cost: number;
}

// Weights of the evidence, in line heights of misalignment.
const WORDING = 4;
const GAP = 1.5;
const RUNS_ON = 0.75;
const SPLIT_CELL = 1;
const RULE = 12;
/** Cuts weighed between two row numbers, at most. */
const MAX_CUTS = 48;
/** Lines overlapping by more than this share of a line height cannot be parted by a cut. */
const OVERLAP = 0.3;

// Matched on text trimmed, its white space single: no two free runs of spaces (1 MB cells).
const ROW_NUMBER = /^(?:no\.? ?)?(\d(?: ?\d){0,2}) ?[.):]?$/i;

export function rowNumberOf(text: string): number | null {
  const match = ROW_NUMBER.exec(text.trim().replace(/\s+/g, ' '));
  return match ? Number.parseInt(match[1]!.replace(/\s/g, ''), 10) : null;
}

export function markersOf(lines: readonly BodyLine[]): number[] {
  const markers: number[] = [];
  lines.forEach((line, index) => line.cells[NUMBER_COLUMN] !== '' && markers.push(index));
  return markers;
}

/** The least of a list's values over any range [from, to), in constant time (a sparse table). */
class RangeMinimum {
  private readonly levels: Float64Array[];

  constructor(values: readonly number[]) {
    this.levels = [Float64Array.from(values)];
    for (let width = 2; width <= values.length; width *= 2) {
      const below = this.levels[this.levels.length - 1]!;
      const level = new Float64Array(values.length - width + 1);
      for (let i = 0; i < level.length; i++) level[i] = Math.min(below[i]!, below[i + width / 2]!);
      this.levels.push(level);
    }
  }

  min(from: number, to: number): number {
    if (to <= from) return Infinity;
    const level = 31 - Math.clz32(to - from);
    const values = this.levels[level]!;
    return Math.min(values[from]!, values[to - (1 << level)]!);
  }
}

/** What is measured once per part and shared by every alignment tried. */
class PartMeasures {
  readonly n: number;
  readonly columns: number;
  /** For each column, the indexes of the lines holding text in it. */
  readonly filled: number[][];
  /** Bottom of the lowest line above each line. */
  readonly bottomAbove: number[];
  readonly inCellGap: number;
  /** For each column, prefix counts of the gaps inside it wide enough to part two rows. */
  private readonly wideGaps: number[][];
  private readonly boundaryCosts = new Map<number, number>();
  /** For each column, the tops and (negated) bottoms of its filled lines, for ranges in O(1). */
  private readonly tops: RangeMinimum[];
  private readonly negatedBottoms: RangeMinimum[];
  private readonly texts = new Map<string, string>();

  constructor(readonly part: Part) {
    const { lines, lineHeight } = part;
    this.n = lines.length;
    this.columns = lines[0]?.cells.length ?? 0;
    this.filled = Array.from({ length: this.columns }, () => []);
    lines.forEach((line, index) => line.cells.forEach((cell, column) => cell !== '' && this.filled[column]!.push(index)));
    this.bottomAbove = [];
    let lowest = -Infinity;
    for (const line of lines) {
      this.bottomAbove.push(lowest);
      lowest = Math.max(lowest, line.bottom);
    }
    const gaps: number[] = [];
    this.filled.forEach((indexes, column) => {
      if (column === NUMBER_COLUMN) return;
      for (let i = 1; i < indexes.length; i++) gaps.push(this.cellGap(column, indexes[i - 1]!, indexes[i]!));
    });
    // Gaps inside cells are the small common ones; those between rows (often most of them where
    // cells hold one line) are larger, so a low quantile is taken rather than the median.
    const usable = gaps.filter((gap) => gap > -0.5 * lineHeight).sort((a, b) => a - b);
    this.inCellGap = Math.max(0, usable[Math.floor(usable.length / 5)] ?? 0);
    const extent = (column: number, index: number) => lines[index]!.extents[column];
    this.tops = this.filled.map((indexes, column) => new RangeMinimum(indexes.map((index) => extent(column, index)?.top ?? Infinity)));
    this.negatedBottoms = this.filled.map(
      (indexes, column) => new RangeMinimum(indexes.map((index) => -(extent(column, index)?.bottom ?? -Infinity))),
    );
    this.wideGaps = this.filled.map((indexes, column) => {
      const prefix = [0];
      for (let i = 1; i < indexes.length; i++) {
        const wide = this.cellGap(column, indexes[i - 1]!, indexes[i]!) > this.inCellGap + 0.6 * lineHeight ? 1 : 0;
        prefix.push(prefix[i - 1]! + wide);
      }
      return prefix;
    });
  }

  /** The room between two lines of one column. */
  cellGap(column: number, above: number, below: number): number {
    const { lines } = this.part;
    const top = lines[above]!.extents[column]?.bottom ?? lines[above]!.bottom;
    const bottom = lines[below]!.extents[column]?.top ?? lines[below]!.top;
    return bottom - top;
  }

  /** Can a cut be made just above line `at`? */
  cuttable(at: number): boolean {
    if (at <= 0 || at >= this.n) return true;
    return this.bottomAbove[at]! - this.part.lines[at]!.top <= OVERLAP * this.part.lineHeight;
  }

  /** The first position in the sorted `indexes` holding `at` or more. */
  private static firstAtOrAfter(indexes: readonly number[], at: number): number {
    let lo = 0;
    let hi = indexes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (indexes[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The positions in column `column`'s filled lines of the lines in [start, end): [from, to). */
  span(column: number, start: number, end: number): [number, number] {
    const indexes = this.filled[column]!;
    return [PartMeasures.firstAtOrAfter(indexes, start), PartMeasures.firstAtOrAfter(indexes, end)];
  }

  /** How much a cut just above line `at` looks like a row boundary (negative: it does). */
  boundaryCost(at: number): number {
    const cached = this.boundaryCosts.get(at);
    if (cached !== undefined) return cached;
    const { lines, lineHeight, rules } = this.part;
    const line = lines[at]!;
    const above = this.bottomAbove[at]!;
    const gap = line.top - above;
    const excess = Math.min(2, Math.max(0, gap - this.inCellGap) / lineHeight);
    let runsOn = 0;
    // In text laid out in characters the lines of a cell need not touch (cells centred in their
    // rows sit half a line apart): there the sentences tell where a cell runs on (continuity).
    for (let column = 0; column < this.columns && !this.part.continuity; column++) {
      if (column === NUMBER_COLUMN) continue;
      const indexes = this.filled[column]!;
      const after = PartMeasures.firstAtOrAfter(indexes, at);
      if (after === 0 || after === indexes.length) continue;
      if (this.cellGap(column, indexes[after - 1]!, indexes[after]!) - this.inCellGap <= 0.3 * lineHeight) runsOn++;
    }
    let cost = -GAP * excess + RUNS_ON * runsOn + (this.part.continuity?.[at] ?? 0);
    if (rules) {
      const slack = 0.25 * lineHeight;
      const ruled = rules.some((y) => y >= Math.min(above, line.top) - slack && y <= line.top + slack);
      cost += ruled ? -RULE : RULE;
    }
    this.boundaryCosts.set(at, cost);
    return cost;
  }

  /** The charter-point text of lines [start, end). */
  charterText(start: number, end: number): string {
    const [from, to] = this.span(1, start, end);
    const key = `${from}:${to}`;
    let text = this.texts.get(key);
    if (text === undefined) {
      const indexes = this.filled[1] ?? [];
      text = indexes
        .slice(from, to)
        .map((index) => this.part.lines[index]!.cells[1]!)
        .join(' ');
      this.texts.set(key, text);
    }
    return text;
  }

  /**
   * Does the charter-point column read as the charter's wording of the rows' numbers? Most rows,
   * each taken from its number to the next, must fit their point; where they do not (a council's
   * own numbering, its own wording) the wording is no evidence of where rows end.
   */
  wordingAgrees(markers: readonly number[], numbers: readonly (number | null)[]): boolean {
    if (this.agrees !== undefined) return this.agrees;
    let fitting = 0;
    markers.forEach((marker, i) => {
      const number = numbers[i];
      if (number === null || number === undefined) return;
      const text = this.charterText(marker, markers[i + 1] ?? this.n);
      if (text !== '' && fitToPoint(text, number) >= 0.5) fitting++;
    });
    this.agrees = markers.length > 0 && fitting >= 0.6 * markers.length;
    return this.agrees;
  }

  private agrees: boolean | undefined;

  /** How far the cells of lines [start, end) are from sharing one alignment, in line heights. */
  alignmentCost(start: number, end: number, alignments: Alignments): number {
    const { lineHeight } = this.part;
    const tops: number[] = [];
    const bottoms: number[] = [];
    const modes: Alignment[] = [];
    let splits = 0;
    for (let column = 0; column < this.columns; column++) {
      const [from, to] = this.span(column, start, end);
      if (from >= to) continue;
      const top = this.tops[column]!.min(from, to);
      const bottom = -this.negatedBottoms[column]!.min(from, to);
      if (top === Infinity) continue;
      tops.push(top);
      bottoms.push(bottom);
      modes.push(column === NUMBER_COLUMN ? alignments.number : alignments.cells);
      const wide = this.wideGaps[column]!;
      splits += wide[to - 1]! - wide[from]!;
    }
    if (tops.length === 0) return 0;
    const refTop = Math.min(...tops);
    const refBottom = Math.max(...bottoms);
    const centre = (refTop + refBottom) / 2;
    let cost = 0;
    modes.forEach((mode, k) => {
      if (mode === 'top') cost += tops[k]! - refTop;
      else if (mode === 'bottom') cost += refBottom - bottoms[k]!;
      else cost += Math.abs((tops[k]! + bottoms[k]!) / 2 - centre);
    });
    return cost / lineHeight + SPLIT_CELL * splits;
  }
}

/**
 * The bands of one part under one alignment, and how well they explain it (lower is better).
 * `carried` is the row the page before left open.
 */
export function cutBands(part: Part, alignments: Alignments, carried: CarriedRow | null, measures = new PartMeasures(part)): Cut {
  const { lines } = part;
  const markers = markersOf(lines);
  if (markers.length === 0) {
    const bands: Band[] = lines.length > 0 ? [{ start: 0, end: lines.length, numbered: false }] : [];
    return { bands, cost: lines.length > 0 ? measures.alignmentCost(0, lines.length, ALL_TOP) : 0 };
  }
  const numbers = markers.map((marker) => rowNumberOf(lines[marker]!.cells[NUMBER_COLUMN]!));
  const candidates: number[][] = markers.map((marker, i) => {
    if (i === 0 && !part.continues) return [0];
    const low = i === 0 ? 0 : markers[i - 1]! + 1;
    const found: number[] = [];
    for (let at = low; at <= marker; at++) if (measures.cuttable(at)) found.push(at);
    if (found.length === 0) return [marker];
    if (found.length <= MAX_CUTS) return found;
    // Rows of hundreds of lines: only the cuts that look most like row boundaries are weighed
    // (and the one at the number), so that the work stays near linear in the lines.
    const kept = new Set([marker, ...found.sort((a, b) => measures.boundaryCost(a) - measures.boundaryCost(b)).slice(0, MAX_CUTS - 1)]);
    return [...kept].sort((a, b) => a - b);
  });

  const wording = measures.wordingAgrees(markers, numbers);
  const bandCost = (i: number, start: number, end: number): number => {
    let cost = measures.alignmentCost(start, end, alignments);
    if (i === markers.length - 1 && part.open) cost = Math.min(cost, measures.alignmentCost(start, end, ALL_TOP));
    const number = numbers[i];
    if (wording && number !== null && number !== undefined && number >= 1) {
      const text = measures.charterText(start, end);
      if (text !== '') cost += WORDING * (1 - fitToPoint(text, number));
    }
    return cost;
  };
  const continuationCost = (end: number): number => {
    if (end === 0) return 0;
    let cost = Math.min(measures.alignmentCost(0, end, ALL_TOP), measures.alignmentCost(0, end, alignments));
    const text = measures.charterText(0, end);
    if (wording && carried && carried.number !== null && text !== '') {
      cost += WORDING * (fitToPoint(carried.text, carried.number) - fitToPoint(`${carried.text} ${text}`, carried.number));
    }
    return cost;
  };

  // best[i].get(start): the least cost of bands 0..i-1 and the continuation, band i starting at `start`.
  const best: Map<number, { cost: number; from: number }>[] = [];
  best.push(
    new Map(candidates[0]!.map((start) => [start, { cost: continuationCost(start) + (start > 0 ? measures.boundaryCost(start) : 0), from: -1 }])),
  );
  for (let i = 1; i < markers.length; i++) {
    const layer = new Map<number, { cost: number; from: number }>();
    for (const start of candidates[i]!) {
      let top: { cost: number; from: number } | null = null;
      for (const [previous, entry] of best[i - 1]!) {
        if (previous >= start) continue;
        const cost = entry.cost + bandCost(i - 1, previous, start) + measures.boundaryCost(start);
        if (!top || cost < top.cost) top = { cost, from: previous };
      }
      if (top) layer.set(start, top);
    }
    best.push(layer);
  }
  let end: { cost: number; start: number } | null = null;
  for (const [start, entry] of best[markers.length - 1]!) {
    const cost = entry.cost + bandCost(markers.length - 1, start, lines.length);
    if (!end || cost < end.cost) end = { cost, start };
  }
  const starts: number[] = [];
  let start = end!.start;
  for (let i = markers.length - 1; i >= 0; i--) {
    starts.unshift(start);
    start = best[i]!.get(start)!.from;
  }
  const bands: Band[] = [];
  if (starts[0]! > 0) bands.push({ start: 0, end: starts[0]!, numbered: false });
  starts.forEach((from, i) => bands.push({ start: from, end: starts[i + 1] ?? lines.length, numbered: true }));
  return { bands, cost: end!.cost };
}

export { PartMeasures };
