/**
 * The seed 000 return (fixtures/croydon-2015.tsv) as it may arrive: re-wrapped, with damaged row
 * numbers, in other encodings and line ends, with Excel's quoting, with furniture between rows,
 * as CSV. Each variant knows the return it must read back to (`CROYDON_2015` unless it changed
 * the text on purpose).
 */
import fc from 'fast-check';
import type { PointAnswer } from '../../src/model.js';
import { writeCsv } from '../../src/write/csv.js';
import { CROYDON_2015, fixtureBytes, type ExpectedReturn } from '../lib/expected.js';
import { headingLine, renderTsv, type NumberDamage, type RowLayout } from '../lib/renderTsv.js';

export interface SeedVariant {
  name: string;
  bytes: Uint8Array;
  /** The path to read it under (its extension is a hint to format detection). */
  path: string;
  expected: ExpectedReturn;
}

export const SEED_000_TEXT = fixtureBytes('croydon-2015.tsv').toString('utf8');

const WINDOWS_1252: Record<string, number> = { '€': 0x80, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '£': 0xa3, é: 0xe9 };

export function encodeWindows1252(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((character) => {
      const code = character.charCodeAt(0);
      if (code < 0x80) return code;
      const byte = WINDOWS_1252[character];
      if (byte === undefined) throw new Error(`no Windows-1252 byte for ${character}`);
      return byte;
    }),
  );
}

export function encodeUtf16(text: string, order: 'le' | 'be'): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  if (order === 'le') return Buffer.concat([Buffer.from([0xff, 0xfe]), le]);
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), be]);
}

export function withUtf8Bom(text: string): Uint8Array {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** A cell as Excel writes it into tab-separated text: quoted where it holds a quote, tab or line break. */
export function excelQuote(cell: string): string {
  return /["\t\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The seed's return with typographic characters (smart quotes, dashes, £) in some answers. */
export function withTypography(): ExpectedReturn {
  const points = CROYDON_2015.points.map((point) => ({ ...point }));
  points[1]!.whereWeNeedToImprove = 'Attendance has been relatively low – “disappointing” for a £5 course, the team’s view.';
  points[6]!.nextSteps = 'Review cases — report to the café meeting. 15/16';
  return { ...CROYDON_2015, points };
}

const TITLE = 'London Borough of Croydon: End of Life Care Charter return';
const wrapped = (wrap: RowLayout['wrap'], damage: NumberDamage = 'none', blankLinesAfter = 0): RowLayout[] =>
  CROYDON_2015.points.map(() => ({ wrap, damage, blankLinesAfter }));

function excelQuotedText(points: readonly PointAnswer[]): string {
  // Line breaks and tabs inside cells, kept inside quotes, where the answer wraps.
  const lines = [headingLine('May 2015')];
  for (const point of points) {
    const cells = [point.charterPoint, point.whereWeAreNow, point.whereWeNeedToImprove, point.nextSteps].map((cell, index) => {
      const words = cell.split(' ');
      const broken = words.map((word, at) => (at > 0 && at % (4 + index) === 0 ? `\n${word}` : at > 0 ? ` ${word}` : word)).join('');
      return excelQuote(point.number % 3 === 0 ? broken.replace(/ /, '\t') : broken);
    });
    lines.push([String(point.number), ...cells].join('\t'));
  }
  return `${TITLE}\r\n${lines.join('\r\n')}\r\n`;
}

function withFurniture(): string {
  const text = renderTsv(CROYDON_2015.points, 'May 2015', wrapped([6, 5, 5, 4]), TITLE);
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.startsWith('11\t'));
  lines.splice(at, 0, 'Page 2 of 4', '', headingLine('May 2015'));
  return lines.join('\n');
}

function councilCsv(): string {
  const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
  const rows = [',Charter point,Where we are now (May 2015),Where we need to improve,Next steps (with timescales)'];
  for (const point of CROYDON_2015.points) {
    rows.push([String(point.number), point.charterPoint, point.whereWeAreNow, point.whereWeNeedToImprove, point.nextSteps].map(quote).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

function ourCsv(): string {
  return writeCsv([
    {
      schemaVersion: 1,
      authority: CROYDON_2015.authority,
      period: CROYDON_2015.period,
      source: { path: 'fixtures/croydon-2015.tsv', format: 'tsv' },
      points: CROYDON_2015.points,
      diagnostics: [],
    },
  ]);
}

/** Named variants, each read back to its expected return. */
export function seedVariants(): SeedVariant[] {
  const typography = withTypography();
  const variant = (name: string, bytes: Uint8Array | string, path = 'variant.tsv', expected = CROYDON_2015): SeedVariant => ({
    name,
    bytes: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes,
    path,
    expected,
  });
  return [
    variant('the seed itself', SEED_000_TEXT, 'fixtures/croydon-2015.tsv'),
    variant('CRLF line ends', SEED_000_TEXT.replace(/\n/g, '\r\n')),
    variant('a UTF-8 byte-order mark', withUtf8Bom(SEED_000_TEXT)),
    variant(
      'UTF-16LE with a byte-order mark and CRLF',
      encodeUtf16(renderTsv(typography.points, 'May 2015', [], TITLE).replace(/\n/g, '\r\n'), 'le'),
      'variant.txt',
      typography,
    ),
    variant('UTF-16BE with a byte-order mark', encodeUtf16(renderTsv(CROYDON_2015.points, 'May 2015', [], TITLE), 'be')),
    variant('Windows-1252', encodeWindows1252(renderTsv(typography.points, 'May 2015', wrapped([5, 6, 6, 6]), TITLE)), 'variant.tsv', typography),
    // A tab or line break inside a cell reads back as a space.
    variant("Excel's quoted cells with line breaks and tabs", excelQuotedText(CROYDON_2015.points)),
    variant('every cell wrapped, blank lines between rows', renderTsv(CROYDON_2015.points, 'May 2015', wrapped([3, 4, 4, 4], 'none', 1), TITLE)),
    variant('numbers split by a space', renderTsv(CROYDON_2015.points, 'May 2015', wrapped([0, 7, 7, 7], 'space-split'), TITLE)),
    variant('numbers that lost a digit', renderTsv(CROYDON_2015.points, 'May 2015', wrapped([0, 0, 0, 0], 'lost-digit'), TITLE)),
    variant('numbers split over two lines', renderTsv(CROYDON_2015.points, 'May 2015', wrapped([4, 6, 6, 6], 'line-split'), TITLE)),
    variant('the heading repeated and a page footer mid-file', withFurniture()),
    variant('a council CSV with the form headings', councilCsv(), 'return.csv'),
    variant("charter's own CSV", ourCsv(), 'croydon.csv'),
  ];
}

/** Random layouts of the seed's return: wrapping, damaged numbers, blank lines, line ends, byte-order mark. */
export const seedVariantArbitrary: fc.Arbitrary<SeedVariant> = fc
  .record({
    layouts: fc.array(
      fc.record({
        wrap: fc.tuple(fc.nat(7), fc.nat(9), fc.nat(9), fc.nat(9)) as fc.Arbitrary<RowLayout['wrap']>,
        damage: fc.constantFrom<NumberDamage>('none', 'space-split', 'lost-digit', 'line-split'),
        blankLinesAfter: fc.constantFrom(0, 0, 0, 1, 2),
      }),
      { minLength: 21, maxLength: 21 },
    ),
    title: fc.boolean(),
    crlf: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ layouts, title, crlf, bom }) => {
    let text = renderTsv(CROYDON_2015.points, 'May 2015', layouts, title ? TITLE : undefined);
    if (crlf) text = text.replace(/\n/g, '\r\n');
    return {
      name: `random layout${crlf ? ', CRLF' : ''}${bom ? ', BOM' : ''}`,
      bytes: bom ? withUtf8Bom(text) : Buffer.from(text, 'utf8'),
      path: 'generated.tsv',
      expected: CROYDON_2015,
    };
  });
