/**
 * The same return as it arrives from elsewhere: CRLF, byte-order marks, UTF-16, Windows-1252,
 * Excel's quoted cells, a heading repeated mid-file, a page footer between rows, and our own CSV.
 */
import { describe, expect, it } from 'vitest';
import { importReturn } from '../src/pipeline.js';
import type { PointAnswer } from '../src/model.js';
import { writeCsv } from '../src/write/csv.js';
import { CROYDON_2015, essence, fixtureBytes, type ExpectedReturn } from './lib/expected.js';
import { headingLine, renderTsv, type RowLayout } from './lib/renderTsv.js';
import { encodeWindows1252 } from './support/seedVariants.js';

const seedText = fixtureBytes('croydon-2015.tsv').toString('utf8');

async function read(bytes: Uint8Array, path = 'variant.tsv') {
  return importReturn(bytes, { path });
}

function utf16le(text: string, bom: boolean): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

/** A copy of the expected return with typographic characters in some answers. */
function withTypography(): ExpectedReturn {
  const points = CROYDON_2015.points.map((point) => ({ ...point }));
  points[1]!.whereWeNeedToImprove = 'Attendance has been relatively low – “disappointing” for a £5 course, the team’s view.';
  points[6]!.nextSteps = 'Review cases — report to the café meeting. 15/16';
  return { ...CROYDON_2015, points };
}

function excelQuote(cell: string): string {
  return /["\t\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

describe('tab-separated variants of the Croydon return', () => {
  it('reads CRLF line ends', async () => {
    const result = await read(Buffer.from(seedText.replace(/\n/g, '\r\n')));
    expect(essence(result.charterReturn)).toEqual(CROYDON_2015);
  });

  it('reads a UTF-8 byte-order mark', async () => {
    const result = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seedText)]));
    expect(essence(result.charterReturn)).toEqual(CROYDON_2015);
    expect(result.diagnostics.map((d) => d.code)).not.toContain('encoding-guessed');
  });

  it("reads UTF-16 with a byte-order mark (Excel's Unicode Text) and CRLF, and says so", async () => {
    const expected = withTypography();
    const text = renderTsv(expected.points, 'May 2015', [], 'London Borough of Croydon').replace(/\n/g, '\r\n');
    const result = await read(utf16le(text, true));
    expect(essence(result.charterReturn)).toEqual(expected);
    expect(result.diagnostics.find((d) => d.code === 'encoding-guessed')?.message).toBe('read the input as UTF-16LE');
  });

  it('reads UTF-16 big-endian with a byte-order mark', async () => {
    const le = Buffer.from(utf16le(renderTsv(CROYDON_2015.points, 'May 2015', [], 'Croydon return'), false));
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1]!;
      be[i + 1] = le[i]!;
    }
    const result = await read(Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    expect(essence(result.charterReturn)).toEqual(CROYDON_2015);
  });

  it('decodes Windows-1252 smart quotes, dashes and £, and reports the guess', async () => {
    const expected = withTypography();
    const result = await read(encodeWindows1252(renderTsv(expected.points, 'May 2015', [], 'Croydon return')));
    expect(essence(result.charterReturn)).toEqual(expected);
    const guess = result.diagnostics.find((d) => d.code === 'encoding-guessed');
    expect(guess).toMatchObject({ severity: 'info', message: 'the input is not valid UTF-8; read it as Windows-1252' });
  });

  it("reads Excel's quoted cells holding line breaks, tabs and doubled quotes", async () => {
    const points: PointAnswer[] = CROYDON_2015.points.map((point) => ({ ...point }));
    points[3]!.whereWeAreNow = 'Croydon has a high number of "Dignity Champions" and sessions are held quarterly';
    // As Excel copies them: a cell's own line breaks and tabs kept inside quotes.
    const written = new Map<string, string>([
      [points[3]!.whereWeAreNow, 'Croydon has a high number of "Dignity Champions"\nand sessions are held quarterly'],
      [points[4]!.whereWeNeedToImprove, points[4]!.whereWeNeedToImprove.replace(' evolves ', ' evolves\t')],
      [points[8]!.whereWeAreNow, points[8]!.whereWeAreNow.replace(' Our recent ', '\r\nOur recent ')],
    ]);
    const lines = [headingLine('May 2015')];
    for (const point of points) {
      const cells = [point.charterPoint, point.whereWeAreNow, point.whereWeNeedToImprove, point.nextSteps].map((cell) =>
        excelQuote(written.get(cell) ?? cell),
      );
      lines.push([String(point.number), ...cells].join('\t'));
    }
    const result = await read(Buffer.from(`Croydon return\r\n${lines.join('\r\n')}\r\n`));
    expect(essence(result.charterReturn)).toEqual({ ...CROYDON_2015, points });
    // Line numbers still count the line breaks inside quoted cells.
    expect(result.evidence.get(10)?.place.line).toBe(14);
  });

  it('drops a heading row repeated mid-file, and a page footer between rows, reporting both', async () => {
    const layouts: RowLayout[] = CROYDON_2015.points.map(() => ({ wrap: [6, 5, 5, 4], damage: 'none', blankLinesAfter: 0 }));
    const text = renderTsv(CROYDON_2015.points, 'May 2015', layouts, 'Croydon return');
    const lines = text.split('\n');
    const at = lines.findIndex((line) => line.startsWith('11\t'));
    lines.splice(at, 0, 'Page 2 of 4', '', headingLine('May 2015'));
    const result = await read(Buffer.from(lines.join('\n')));
    expect(essence(result.charterReturn)).toEqual(CROYDON_2015);
    const codes = result.diagnostics.map((d) => [d.code, d.line]);
    expect(codes).toContainEqual(['page-footer-dropped', at + 1]);
    expect(codes).toContainEqual(['heading-repeated', at + 3]);
    expect(result.valid).toBe(true);
  });

  it('reports a line that belongs to no cell instead of dropping it', async () => {
    const lines = seedText.split('\n');
    lines.splice(10, 0, 'A stray remark pasted without tabs');
    const result = await read(Buffer.from(lines.join('\n')));
    expect(essence(result.charterReturn)).toEqual(CROYDON_2015);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'unassigned-text', severity: 'warning', line: 11, message: expect.stringContaining('A stray remark') }),
    );
  });
});

describe('CSV', () => {
  it('reads back every CSV that charter writes', async () => {
    const first = await read(fixtureBytes('croydon-2015.tsv'));
    const csv = writeCsv([first.charterReturn!]);
    const again = await read(Buffer.from(csv), 'croydon.csv');
    expect(again.charterReturn?.source.format).toBe('csv');
    expect(essence(again.charterReturn)).toEqual(CROYDON_2015);
    // The same findings about the content, and no repairs: our CSV needs none.
    const findings = (diagnostics: typeof first.diagnostics) => diagnostics.filter((d) => d.severity !== 'info').map((d) => [d.code, d.point]);
    expect(findings(again.diagnostics)).toEqual(findings(first.diagnostics));
    expect(again.diagnostics.filter((d) => d.code === 'row-number-repaired')).toEqual([]);
  });

  it('reads a council CSV with the form headings (RFC 4180 quoting)', async () => {
    const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
    const rows = [',Charter point,Where we are now (May 2015),Where we need to improve,Next steps (with timescales)'];
    for (const point of CROYDON_2015.points) {
      rows.push([String(point.number), point.charterPoint, point.whereWeAreNow, point.whereWeNeedToImprove, point.nextSteps].map(quote).join(','));
    }
    const result = await read(Buffer.from(`${rows.join('\r\n')}\r\n`), 'return.csv');
    expect(essence(result.charterReturn)).toEqual(CROYDON_2015);
  });
});
