/**
 * Generators for issue 14's hostile shapes, each ending in a coded outcome: PDF content streams
 * under Flate nested one to four deep, truncated at any byte, and drawn at any angle; and file
 * names holding control characters, which every human-facing line must show escaped, on one line.
 * More cases: CHARTER_FUZZ_RUNS=500 npx vitest run tests/fuzz-hostile.test.ts
 */
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHARTER_POINTS } from '../src/charter/points.js';
import { importReturn } from '../src/pipeline.js';
import { compactLine } from '../src/report/compact.js';
import { stylishFileBlock } from '../src/report/stylish.js';
import { diagnostic } from '../src/diagnostics/diagnostic.js';
import { expectCodedOutcome } from './support/outcome.js';
import { pdfWith } from './support/pdfWith.js';

const RUNS = Number(process.env.CHARTER_FUZZ_RUNS ?? 40);
const TIMEOUT = { timeout: Math.max(120_000, RUNS * 3000) };

/** A PDF string literal: its delimiters and backslashes escaped. */
function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (char) => `\\${char}`)})`;
}

/** A page drawing a small return: the headings and a few points, each line at `angle` degrees. */
function contentStream(angle: number, points: number): Buffer {
  const radians = (angle * Math.PI) / 180;
  const [cos, sin] = [Math.cos(radians).toFixed(4), Math.sin(radians).toFixed(4)];
  const lines = ['Charter point  Where we are now (May 2015)  Where we need to improve  Next steps (with timescales)'];
  for (const point of CHARTER_POINTS.slice(0, points)) lines.push(`${point.number} ${point.wording} Done. More. By March 2017`);
  const ops = lines.map((line, index) => `BT /F1 8 Tf ${cos} ${sin} ${-sin} ${cos} 40 ${780 - index * 14} Tm ${pdfString(line)} Tj ET`);
  return Buffer.from(ops.join('\n'), 'latin1');
}

const streams = fc.record({
  angle: fc.oneof(fc.constant(0), fc.constantFrom(90, 180, 270), fc.integer({ min: 0, max: 359 })),
  points: fc.integer({ min: 1, max: 6 }),
  depth: fc.integer({ min: 1, max: 4 }),
  // Where to cut the encoded stream, as a share of its length (1: not cut).
  cut: fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })),
});

describe('PDF content streams, nested, truncated, rotated', () => {
  it('each ends in a return or coded diagnostics', TIMEOUT, async () => {
    await fc.assert(
      fc.asyncProperty(streams, async ({ angle, points, depth, cut }) => {
        let encoded = contentStream(angle, points);
        for (let level = 0; level < depth; level++) encoded = deflateSync(encoded);
        const cutAt = Math.floor(encoded.length * cut);
        const pdf = pdfWith(encoded.subarray(0, cutAt), Array<string>(depth).fill('FlateDecode'));
        const result = await importReturn(pdf, { path: 'fuzz.pdf' });
        expectCodedOutcome(result);
        // Text not written left to right is never read into a cell.
        if (angle % 360 !== 0 && result.charterReturn !== null) {
          for (const point of result.charterReturn.points) expect(point.whereWeAreNow).not.toContain('Done.');
        }
      }),
      { numRuns: RUNS },
    );
  });
});

/** Characters a terminal acts on rather than shows. */
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('file names holding control characters', () => {
  const names = fc
    .array(fc.oneof(fc.constantFrom('\x1b[31m', '\x1b]0;t\x07', '\n', '\r', '\t', '\0', '\u202e', '\u2028', '\x9b'), fc.string({ maxLength: 4 })), {
      minLength: 1,
      maxLength: 8,
    })
    .map((parts) => `${parts.join('')}.tsv`);

  it('are shown escaped, each diagnostic on one line, in the compact and stylish reporters', () => {
    fc.assert(
      fc.property(names, (name) => {
        const found = diagnostic('empty-input', { whiteSpace: false });
        const compact = compactLine(name, found);
        const stylish = stylishFileBlock({ path: name, valid: false, diagnostics: [found] }).trimEnd();
        const lines = stylish.split('\n');
        return !CONTROL.test(compact) && lines.length === 2 && lines.every((line) => !CONTROL.test(line));
      }),
      { numRuns: RUNS * 10 },
    );
  });
});
