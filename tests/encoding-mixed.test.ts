/**
 * Issue 14 item 16. One Windows-1252 line in an otherwise UTF-8 return is read line by line: the
 * UTF-8 lines keep their accents, the other line is read as Windows-1252 and named in a warning.
 * And one NUL byte does not make a text return binary: the share of control bytes decides.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReturn } from '../src/pipeline.js';

const SEED = readFileSync('fixtures/croydon-2015.tsv', 'utf8');

/** The seed with words added to points 1 and 2 ("café" and "résumé"), each line in the encoding given. */
function withAccents(point1: 'utf-8' | 'latin1', point2: 'utf-8' | 'latin1'): Buffer {
  const lines = SEED.split('\n');
  const at = (point: number) => lines.findIndex((line) => line.startsWith(`${point}\t`));
  const parts = lines.map((line) => Buffer.from(line, 'utf8'));
  parts[at(1)] = Buffer.from(`${lines[at(1)]} café`, point1);
  parts[at(2)] = Buffer.from(`${lines[at(2)]} résumé`, point2);
  return Buffer.concat(parts.flatMap((part, index) => (index === 0 ? [part] : [Buffer.from('\n'), part])));
}

describe('a UTF-8 return with one Windows-1252 line', () => {
  it('keeps the UTF-8 accents, reads that line as Windows-1252, and warns naming it', async () => {
    const bytes = Buffer.concat([withAccents('utf-8', 'latin1'), Buffer.from('\n\u00a0naïve note\n', 'utf8')]);
    const result = await importReturn(bytes, { path: 'mixed.tsv' });
    const points = result.charterReturn!.points;
    expect(points[0]!.nextSteps.endsWith(' café')).toBe(true);
    expect(points[1]!.nextSteps.endsWith(' résumé')).toBe(true);
    const line = SEED.split('\n').findIndex((text) => text.startsWith('2\t')) + 1;
    expect(result.diagnostics.filter((d) => d.code.startsWith('encoding-')).map((d) => [d.code, d.severity, d.line, d.message])).toEqual([
      ['encoding-mixed', 'warning', line, `line ${line} is not valid UTF-8 (byte 0xE9); it was read as Windows-1252, the rest of the input as UTF-8`],
    ]);
  });

  it('a file mostly in Windows-1252 is still read whole as Windows-1252', async () => {
    const result = await importReturn(withAccents('latin1', 'latin1'), { path: 'cp1252.tsv' });
    expect(result.charterReturn!.points[0]!.nextSteps.endsWith(' café')).toBe(true);
    expect(result.diagnostics.filter((d) => d.code.startsWith('encoding-')).map((d) => d.code)).toEqual(['encoding-guessed']);
  });
});

describe('control bytes', () => {
  it('one NUL in a text return does not make it binary', async () => {
    const result = await importReturn(Buffer.from(SEED.replace('Ensure workers', 'Ensure\0 workers'), 'utf8'), { path: 'nul.tsv' });
    expect(result.diagnostics.map((d) => d.code)).not.toContain('binary-input');
    expect(result.charterReturn).not.toBeNull();
  });

  it('bytes that are mostly control bytes are binary', async () => {
    const result = await importReturn(Buffer.from([0, 1, 2, 3, 255, 0, 7, 8]), { path: 'junk.txt' });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['binary-input']);
  });
});
