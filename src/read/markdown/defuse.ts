/**
 * Markdown shapes that make the parser slow, defused before parsing so that reading markdown
 * takes time in step with its length:
 *
 * - Inline markers (`* _ ~ [ ] ! & < \` and backquotes): the parser matches and merges them a
 *   block at a time, in time that grows with the square of their number in one block (`*_` 20,000
 *   times took 76 s). Table cells cost it about as much as 2,000 such steps each, and memory.
 *   The work of each block (a run of lines between blank ones) is estimated from these counts;
 *   while the document's total is over budget, its costliest blocks are taken out of the parse
 *   and read as plain text, lines and all (the return's heading last), and each is reported.
 * - Lists or quotes nested dozens deep on one line: the marker that goes too deep is escaped.
 *
 * No real paper comes near either (the largest block of the fixtures holds 324 markers); a
 * damaged or hostile file may.
 */
import type { Diagnostic } from '../../model.js';
import { diagnostic } from '../../diagnostics/diagnostic.js';
import { isDelimiterRow, isFence } from './segments.js';

/** More nested lists or quotes on one line than any document needs. */
const MAX_NESTING = 32;
/** Characters that open inline constructs the parser must match up. */
const INLINE_MARKERS = new Set(['*', '_', '~', '[', ']', '!', '&', '<', '\\', '`']);
/** What a table cell costs the parser, in the units of a block's markers squared. */
const WORK_PER_CELL = 2000;
/** The parser's budget for one document, in those units: about two seconds of the slowest shapes. */
export const MAX_PARSE_WORK = 50_000_000;
/** Repairs reported one by one before the rest are counted in a last diagnostic. */
const MAX_REPORTS = 10;

/** A block taken out of the parse: its text, read as it is, and the 1-based line it starts on. */
export interface PlainBlock {
  text: string;
  line: number;
}

export interface Defused {
  markdown: string;
  plain: PlainBlock[];
}

export function defuseMarkdown(text: string, diagnostics: Diagnostic[]): Defused {
  const lines = text.split('\n');
  const reports: Diagnostic[] = [];
  let changed = false;
  lines.forEach((line, index) => {
    const at = deepContainerAt(line);
    if (at < 0) return;
    lines[index] = `${line.slice(0, at)}\\${line.slice(at)}`;
    changed = true;
    reports.push(diagnostic('markup-defused', { kind: 'nesting', line: index + 1, max: MAX_NESTING }, { line: index + 1 }));
  });
  const plain: PlainBlock[] = [];
  for (const block of overBudget(blocksOf(lines))) {
    plain.push({ text: lines.slice(block.start, block.end).join('\n').trim(), line: block.start + 1 });
    for (let index = block.start; index < block.end; index++) lines[index] = '';
    changed = true;
    reports.push(blockReport(block));
  }
  for (let index = 0; index < reports.length && index < MAX_REPORTS; index++) diagnostics.push(reports[index]!);
  if (reports.length > MAX_REPORTS) diagnostics.push(diagnostic('markup-defused', { kind: 'more', count: reports.length - MAX_REPORTS }));
  plain.sort((a, b) => a.line - b.line);
  return { markdown: changed ? lines.join('\n') : text, plain };
}

/** A run of lines between blank ones, with what it costs the parser. */
interface Block {
  /** 0-based, end excluded. */
  start: number;
  end: number;
  markers: Map<string, number>;
  cells: number;
  work: number;
  /** It names the form's headings: it may hold the return, so it is the last taken out. */
  holdsHeading: boolean;
}

function blocksOf(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  let inFence = false;
  let fenced = false;
  for (let index = 0; index <= lines.length; index++) {
    const line = lines[index];
    if (line !== undefined && isFence(line)) {
      inFence = !inFence;
      fenced = true;
    }
    if (line !== undefined && line.trim() !== '') continue;
    // A block inside or around a code fence is code: the parser reads it as it is, cheaply.
    if (index > start && !fenced) blocks.push(blockCost(lines, start, index));
    start = index + 1;
    fenced = inFence;
  }
  return blocks;
}

function blockCost(lines: readonly string[], start: number, end: number): Block {
  const markers = new Map<string, number>();
  let markerCount = 0;
  let pipes = 0;
  let table = false;
  let holdsHeading = false;
  // An HTML block is raw to the markdown parser; the HTML parser reads it in linear time.
  const html = lines[start]!.trimStart().startsWith('<');
  for (let index = start; index < end; index++) {
    const line = lines[index]!;
    let linePipes = 0;
    for (let at = 0; at < line.length; at++) {
      const char = line[at]!;
      if (char === '|') linePipes++;
      else if (!html && INLINE_MARKERS.has(char)) {
        markers.set(char, (markers.get(char) ?? 0) + 1);
        markerCount++;
      }
    }
    if (linePipes > 0) {
      pipes += linePipes + 1;
      if (!table && isDelimiterRow(line)) table = true;
    }
    if (!holdsHeading && /where we are now|charter point/i.test(line)) holdsHeading = true;
  }
  const cells = table ? pipes : 0;
  return { start, end, markers, cells, work: markerCount * markerCount + cells * WORK_PER_CELL, holdsHeading };
}

/** The costliest blocks, taken out until the rest are within the budget: blocks that may hold the return last. */
function overBudget(blocks: readonly Block[]): Block[] {
  let total = 0;
  for (const block of blocks) total += block.work;
  if (total <= MAX_PARSE_WORK) return [];
  const order = [...blocks].sort((a, b) => Number(a.holdsHeading) - Number(b.holdsHeading) || b.work - a.work);
  const out: Block[] = [];
  for (const block of order) {
    if (total <= MAX_PARSE_WORK) break;
    out.push(block);
    total -= block.work;
  }
  return out;
}

function blockReport(block: Block): Diagnostic {
  const first = block.start + 1;
  const last = block.end;
  const commonest = [...block.markers].sort((a, b) => b[1] - a[1]).slice(0, 3);
  const what = [...commonest.map(([marker, count]) => `${count} "${marker}"`), ...(block.cells > 0 ? [`${block.cells} table cells`] : [])].join(', ');
  return diagnostic('markup-defused', { kind: 'markers', first, last, markers: what }, { line: first });
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function isBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}

/** Where to escape a line's container marker that is nested too deep, or -1. */
function deepContainerAt(line: string): number {
  let depth = 0;
  let i = 0;
  while (i < line.length) {
    const char = line[i]!;
    if (isBlank(char)) {
      i++;
    } else if (char === '>') {
      if (++depth > MAX_NESTING) return i;
      i++;
    } else if ((char === '-' || char === '*' || char === '+') && isBlank(line[i + 1])) {
      if (++depth > MAX_NESTING) return isThematicBreak(line) ? -1 : i;
      i += 2;
    } else if (isDigit(char)) {
      let end = i;
      while (end - i < 9 && isDigit(line[end])) end++;
      if ((line[end] !== '.' && line[end] !== ')') || !isBlank(line[end + 1])) return -1;
      if (++depth > MAX_NESTING) return end;
      i = end + 2;
    } else {
      return -1;
    }
  }
  return -1;
}

/** `- - - -` or `* * * *`: a rule across the page, however long. */
function isThematicBreak(line: string): boolean {
  const marker = line.trim()[0];
  for (const char of line) if (char !== marker && !isBlank(char)) return false;
  return true;
}
