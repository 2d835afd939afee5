/**
 * Large text inputs never end in V8's out-of-memory abort (issue 14 item 2): a text input's memory
 * is estimated from its bytes, lines and cell separators before it is parsed; one that could not
 * fit is refused with input-too-large-to-read, and inputs in flight together wait for memory.
 * Nothing here builds a large input: the estimate is checked against the shapes measured (which
 * took minutes and gigabytes), the refusal with a small budget.
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { memoryNeeded, MemoryBudget, textShape } from '../src/cli/memoryBudget.js';
import { runInput, DEFAULT_MAX_SIZE } from '../src/cli/runInputs.js';
import { processIo } from '../src/cli/io.js';

const MB = 1024 * 1024;
/** V8's default heap limit on a 64-bit machine with plenty of memory, where the abort was seen. */
const HEAP_4GB = 4144 * MB;

describe('the memory a text input needs', () => {
  it('is at least what was measured, for each shape measured', () => {
    // [bytes, lines, separators, peak measured]: long TSV rows, four-cell rows, 500-cell CSV rows.
    const measured = [
      [100 * MB, 194_000, 582_000, 820 * MB],
      [50 * MB, 4_369_068, 13_107_201, 4450 * MB],
      [10 * MB, 10_456, 5_237_457, 2910 * MB],
    ] as const;
    for (const [size, lines, separators, peak] of measured) expect(memoryNeeded(size, { lines, separators })).toBeGreaterThanOrEqual(peak);
  });

  it("refuses the issue's 105 MB tab-separated file under a 4 GB heap, and reads a real return", () => {
    const budget = new MemoryBudget(HEAP_4GB * 0.6);
    const rows = (105 * MB) / 12;
    expect(budget.fits(memoryNeeded(105 * MB, { lines: rows, separators: rows * 3 }))).toBe(false);
    const seed = readFileSync('fixtures/croydon-2015.tsv');
    expect(budget.fits(memoryNeeded(seed.length, textShape(seed)))).toBe(true);
  });

  it('counts lines and cell separators', () => {
    expect(textShape(Buffer.from('a\tb\nc,d;e|f\n'))).toEqual({ lines: 3, separators: 4 });
  });
});

describe('refusing an input too large to read', () => {
  it('says so with a code, before parsing it', async () => {
    const text = `Charter point\tWhere we are now (May 2015)\tWhere we need to improve\tNext steps\n${'1\ta\tb\tc\n'.repeat(2000)}`;
    // Standard input stands for a file: the test writes nothing to disk.
    const io = { ...processIo(), stdin: Readable.from([Buffer.from(text)]) };
    const outcome = await runInput({ path: null, root: null }, { maxSize: DEFAULT_MAX_SIZE, memory: new MemoryBudget(MB) }, io);
    expect(outcome.result.diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'input-too-large-to-read',
        'reading the input (2,002 lines, 6,003 cell separators) would take about 5.7 MB of memory, more than the 1.0 MB this process can give it: split it, or give Node more heap (NODE_OPTIONS=--max-old-space-size=MB)',
      ],
    ]);
  });
});

describe('inputs in flight share the budget', () => {
  it('one that does not fit beside another waits until that one is done', async () => {
    const budget = new MemoryBudget(100);
    const order: string[] = [];
    await budget.take(60);
    const second = budget.take(60).then(() => order.push('second has its memory'));
    await Promise.resolve();
    order.push('first done');
    budget.release(60);
    await second;
    expect(order).toEqual(['first done', 'second has its memory']);
    budget.release(60);
    await budget.take(100);
  });

  it('one alone is never kept waiting, whatever it needs within the budget', async () => {
    const budget = new MemoryBudget(100);
    await budget.take(100);
    budget.release(100);
    await budget.take(40);
  });
});
