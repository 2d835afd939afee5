/**
 * Spreadsheet formula injection: cells that begin with = + - @ tab or carriage return are written
 * to CSV behind a leading apostrophe (OWASP), unless raw; reading our own CSV back takes it off,
 * so the round trip stays exact, whatever the cell holds.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importReturn } from '../src/pipeline.js';
import type { CharterReturn, PointAnswer } from '../src/model.js';
import { writeCsv } from '../src/write/csv.js';
import { CROYDON_2015, essence } from './lib/expected.js';

const RUNS = Number(process.env.CHARTER_FUZZ_RUNS ?? 200);
const HYPERLINK = '=HYPERLINK("http://x","y")';

function withNextSteps(number: number, nextSteps: string): CharterReturn {
  const points: PointAnswer[] = CROYDON_2015.points.map((point) => (point.number === number ? { ...point, nextSteps } : { ...point }));
  return { schemaVersion: 1, authority: 'Croydon', period: 'May 2015', source: { path: 'croydon.tsv', format: 'tsv' }, points, diagnostics: [] };
}

/** The cell under "Next steps" in the row of point `number`, as a spreadsheet would read the file. */
function writtenCell(csv: string, number: number): string {
  const rows = parse(csv) as string[][];
  return rows.find((row) => row[3] === String(number))![7]!;
}

describe('a CSV cell =HYPERLINK("http://x","y")', () => {
  const charterReturn = withNextSteps(4, HYPERLINK);

  it("is written as '=HYPERLINK(...), which a spreadsheet shows as text", () => {
    const csv = writeCsv([charterReturn]);
    expect(writtenCell(csv, 4)).toBe(`'${HYPERLINK}`);
    // RFC 4180: the quotes inside are doubled in the file.
    expect(csv).toContain(`'=HYPERLINK(""http://x"",""y"")`);
  });

  it('reads back as the original text', async () => {
    const result = await importReturn(Buffer.from(writeCsv([charterReturn])), { path: 'out.csv' });
    expect(result.charterReturn?.points.find((point) => point.number === 4)?.nextSteps).toBe(HYPERLINK);
    expect(essence(result.charterReturn)).toEqual(essence(charterReturn));
  });

  it('is written as it is in raw mode, and reads back the same', async () => {
    const csv = writeCsv([charterReturn], { raw: true });
    expect(writtenCell(csv, 4)).toBe(HYPERLINK);
    const result = await importReturn(Buffer.from(csv), { path: 'raw.csv' });
    expect(result.charterReturn?.points.find((point) => point.number === 4)?.nextSteps).toBe(HYPERLINK);
  });
});

describe('every cell that a spreadsheet would run', () => {
  for (const start of ['=', '+', '-', '@', '\t', '\r']) {
    it(`${JSON.stringify(start)} at the start is guarded, and not in raw mode`, () => {
      const cell = `${start}1+1`;
      expect(writtenCell(writeCsv([withNextSteps(2, cell)]), 2)).toBe(`'${cell}`);
      expect(writtenCell(writeCsv([withNextSteps(2, cell)], { raw: true }), 2)).toBe(cell);
    });
  }

  it('guards the metadata columns too', () => {
    const csv = writeCsv([{ ...withNextSteps(1, 'x'), authority: '=cmd|calc', period: '@SUM(A1)' }]);
    const row = (parse(csv) as string[][])[1]!;
    expect([row[1], row[2]]).toEqual(["'=cmd|calc", "'@SUM(A1)"]);
  });

  it("keeps the apostrophe of a cell that itself begins with '=", async () => {
    const cell = "'=not a formula";
    const csv = writeCsv([withNextSteps(2, cell)]);
    expect(writtenCell(csv, 2)).toBe(`'${cell}`);
    const result = await importReturn(Buffer.from(csv), { path: 'apostrophe.csv' });
    expect(result.charterReturn?.points[1]?.nextSteps).toBe(cell);
  });

  it('leaves other cells alone', () => {
    for (const cell of ['1+1', "'quoted'", 'plain = text', "O'Brien"]) {
      expect(writtenCell(writeCsv([withNextSteps(2, cell)]), 2)).toBe(cell);
    }
  });
});

describe('the round trip through our own CSV', () => {
  // Answers as a return holds them: words joined by single spaces. Starting with formula characters,
  // apostrophes (a cell may itself begin with "'="), quotes and commas.
  const word = fc.oneof(
    fc.constantFrom('=', '+', '-', '@', "'", "''", "'=", "'+1", '"', ',', '=SUM(A1:A9)', '-1', '+44', '@here', 'HYPERLINK("http://x")', "'@", 'plan'),
    fc.string({ minLength: 1, maxLength: 6 }).filter((text) => !/\s/.test(text)),
  );
  const answer = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));

  it('gives back every answer exactly, guarded or raw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(answer, answer, answer), fc.boolean(), async ([now, improve, next], raw) => {
        const charterReturn = withNextSteps(5, next);
        charterReturn.points[6] = { ...charterReturn.points[6]!, whereWeAreNow: now, whereWeNeedToImprove: improve };
        const csv = writeCsv([charterReturn], { raw });
        const rows = parse(csv) as string[][];
        const point7 = rows.find((row) => row[3] === '7')!;
        const written = [point7[5], point7[6], writtenCell(csv, 5)];
        // Guarded, a cell that a spreadsheet would run (or that would read back as one) gains an apostrophe.
        const expected = [now, improve, next].map((cell) => (!raw && /^'*[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell));
        expect(written).toEqual(expected);
        const result = await importReturn(Buffer.from(csv), { path: 'round-trip.csv' });
        // Raw cells that begin with an apostrophe and a formula character cannot be told from guarded ones.
        const ambiguous = raw && [now, improve, next].some((cell) => /^'+[=+\-@]/.test(cell));
        if (!ambiguous) expect(essence(result.charterReturn)).toEqual(essence(charterReturn));
      }),
      { numRuns: RUNS, seed: 70201, endOnFailure: true },
    );
  });
});
