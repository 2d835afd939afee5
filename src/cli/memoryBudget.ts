/**
 * Text inputs are read whole, and reading one takes memory in step with its size and, more, with
 * its number of lines and cells (each becomes an object with its text and place). Measured with
 * V8's 4 GB heap (issue 14 item 2): 100 MB of long tab-separated rows peaked at 820 MB; 50 MB of
 * four-cell rows (4.4 million lines) at 4.4 GB; 10 MB of 500-cell CSV rows (5 million cells) at
 * 2.9 GB; 105 MB of short rows ended in V8's out-of-memory abort. So each text input's need is estimated before it is parsed; one that
 * could never fit in this process's heap is refused with a code, and in a bulk run inputs wait for
 * memory held by others to be given back, rather than all being parsed at once.
 */
import { getHeapStatistics } from 'node:v8';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { failedImport, type ImportOptions, type ImportResult } from '../pipeline.js';
import { isHeavy } from '../read/readers.js';
import { countText } from '../text/plural.js';

/** Heap taken per byte of text, per line and per cell separator, at or over what was measured. */
export const BYTES_PER_BYTE = 12;
export const BYTES_PER_LINE = 1100;
export const BYTES_PER_SEPARATOR = 600;
/** The share of the heap the inputs being parsed may take together; the rest is for everything else. */
const HEAP_SHARE = 0.6;

/** Bytes that may end a cell: tab, comma, semicolon, pipe. */
const SEPARATORS = new Set([0x09, 0x2c, 0x3b, 0x7c]);

export interface TextShape {
  lines: number;
  separators: number;
}

export function textShape(bytes: Uint8Array): TextShape {
  let lines = 1;
  let separators = 0;
  for (const byte of bytes) {
    if (byte === 0x0a) lines++;
    else if (SEPARATORS.has(byte)) separators++;
  }
  return { lines, separators };
}

/** The heap a text input of these bytes is expected to need while it is read. */
export function memoryNeeded(size: number, shape: TextShape): number {
  return size * BYTES_PER_BYTE + shape.lines * BYTES_PER_LINE + shape.separators * BYTES_PER_SEPARATOR;
}

/** How much of the heap the inputs in flight may hold, by default from V8's heap limit. */
export function defaultBudget(): number {
  return Math.floor(getHeapStatistics().heap_size_limit * HEAP_SHARE);
}

/** Memory handed out to inputs in flight, waited for when taken. */
export class MemoryBudget {
  private used = 0;
  private readonly waiting: { need: number; go: () => void }[] = [];

  constructor(readonly total: number = defaultBudget()) {}

  /** Whether an input needing this much could ever be read. */
  fits(need: number): boolean {
    return need <= this.total;
  }

  /** Resolves once `need` is free; the caller gives it back with `release`. */
  async take(need: number): Promise<void> {
    if (this.used === 0 || this.used + need <= this.total) {
      this.used += need;
      return;
    }
    await new Promise<void>((go) => this.waiting.push({ need, go }));
  }

  release(need: number): void {
    this.used -= need;
    while (this.waiting.length > 0) {
      const next = this.waiting[0]!;
      if (this.used !== 0 && this.used + next.need > this.total) break;
      this.waiting.shift();
      this.used += next.need;
      next.go();
    }
  }
}

function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${bytes} bytes`;
}

/**
 * The memory reading these bytes will take from `budget`, or, where it could never fit, the
 * input's result saying so. A PDF takes none here: its streams have budgets of their own.
 */
export function memoryFor(bytes: Uint8Array, request: ImportOptions, budget: MemoryBudget): number | ImportResult {
  if (isHeavy(bytes, request.format)) return 0;
  const shape = textShape(bytes);
  const need = memoryNeeded(bytes.length, shape);
  if (budget.fits(need)) return need;
  const args = { need: describeSize(need), lines: countText(shape.lines), cells: countText(shape.separators), budget: describeSize(budget.total) };
  return failedImport(request.path, [diagnostic('input-too-large-to-read', args)], request.ruleLevels, request.diagnosticLimits);
}
