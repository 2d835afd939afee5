/** Tables far larger than any real return must still end in diagnostics, not a crash. */
import { describe, expect, it } from 'vitest';
import { largest, smallest } from '../src/text/extremes.js';
import { importReturn } from '../src/pipeline.js';

describe('very long tables', () => {
  it('reads a 200,000-line table (the stack once overflowed finding its line range)', async () => {
    const lines = ['\tCharter point\tWhere we are now (May 2015)\tWhere we need to improve\tNext steps (with timescales)'];
    for (let i = 0; i < 200_000; i++) lines.push(`${(i % 21) + 1}\tx\ty\tz\tSept 2015`);
    const result = await importReturn(Buffer.from(lines.join('\n')), { path: 'big.tsv' });
    expect(result.charterReturn?.source.lines).toEqual({ from: 1, to: 200_001 });
    expect(result.charterReturn?.points).toHaveLength(21);
    // Listed up to the cap, and the rest counted at the end.
    const listed = result.diagnostics.filter((d) => d.code === 'duplicate-point');
    const counted = result.diagnostics.find((d) => d.code === 'diagnostics-capped' && d.message.includes(' duplicate-point '));
    expect(listed).toHaveLength(1000);
    expect(listed.length + counted!.count!).toBe(200_000 - 21);
  });

  it('finds the extremes of more numbers than a call can take as arguments', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 300_001);
    expect(largest(many)).toBe(many.reduce((a, b) => (b > a ? b : a)));
    expect(smallest(many)).toBe(many.reduce((a, b) => (b < a ? b : a)));
    expect(largest([], 0)).toBe(0);
  });
});
