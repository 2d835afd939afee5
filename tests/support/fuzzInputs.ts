/**
 * Broken inputs for fuzzing: every fixture, truncated and mutated the ways files get damaged in
 * email and upload (bytes flipped, lines dropped or repeated, tabs turned to spaces, cells
 * emptied), and random bytes. Everything is a fast-check arbitrary, so a failure shrinks to a
 * small reproducible case and a seed replays it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';

const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;

export interface FixtureFile {
  /** Path under fixtures/, such as `pdf/croydon-2015-return.pdf`. */
  name: string;
  bytes: Uint8Array;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every input file in fixtures/ (the scripts that make some of them are not inputs). */
export function fixtureFiles(filter: (name: string) => boolean = () => true): FixtureFile[] {
  return filesUnder(FIXTURES)
    .map((path) => relative(FIXTURES, path).split('\\').join('/'))
    .filter((name) => !/\.(?:mjs|js|sh)$/.test(name) && filter(name))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(FIXTURES, name)) }));
}

export const isPdfFixture = (name: string) => name.endsWith('.pdf');

// ---- Mutations of text, line by line -------------------------------------------------------

export type LineMutation =
  | { kind: 'drop-lines'; at: number; count: number }
  | { kind: 'repeat-lines'; at: number; count: number }
  | { kind: 'tabs-to-spaces'; at: number; wholeFile: boolean }
  | { kind: 'empty-cell'; at: number; cell: number }
  | { kind: 'insert-line'; at: number; text: string }
  | { kind: 'swap-lines'; at: number; with: number };

const STRAY_LINES = [
  '',
  'Page 2 of 4',
  '\t\t\t\t',
  '|',
  '| --- | --- |',
  '"',
  '1 0',
  '\tcontinued text\t\t',
  'Charter point\tWhere we are now (May 2015)\tWhere we need to improve\tNext steps',
];

export const lineMutation: fc.Arbitrary<LineMutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop-lines' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('repeat-lines' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('tabs-to-spaces' as const), at: fc.nat(), wholeFile: fc.boolean() }),
  fc.record({ kind: fc.constant('empty-cell' as const), at: fc.nat(), cell: fc.nat(6) }),
  fc.record({
    kind: fc.constant('insert-line' as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...STRAY_LINES), fc.string({ maxLength: 40 })),
  }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), with: fc.nat() }),
);

/** Splits a cell-holding line at its tabs, or at its pipes for a markdown table row. */
function cellsOf(line: string): { cells: string[]; separator: string } {
  if (line.includes('\t')) return { cells: line.split('\t'), separator: '\t' };
  if (line.includes('|')) return { cells: line.split('|'), separator: '|' };
  return { cells: line.split(','), separator: ',' };
}

export function mutateLines(text: string, mutations: readonly LineMutation[]): string {
  const lines = text.split('\n');
  for (const mutation of mutations) {
    const at = mutation.at % Math.max(1, lines.length);
    switch (mutation.kind) {
      case 'drop-lines':
        lines.splice(at, mutation.count);
        break;
      case 'repeat-lines':
        lines.splice(at, 0, ...lines.slice(at, at + mutation.count));
        break;
      case 'tabs-to-spaces':
        if (mutation.wholeFile) for (let i = 0; i < lines.length; i++) lines[i] = lines[i]!.replace(/\t/g, ' ');
        else lines[at] = (lines[at] ?? '').replace(/\t/g, ' ');
        break;
      case 'empty-cell': {
        const { cells, separator } = cellsOf(lines[at] ?? '');
        if (mutation.cell < cells.length) cells[mutation.cell] = separator === '|' ? ' ' : '';
        lines[at] = cells.join(separator);
        break;
      }
      case 'insert-line':
        lines.splice(at, 0, mutation.text);
        break;
      case 'swap-lines': {
        const other = mutation.with % Math.max(1, lines.length);
        [lines[at], lines[other]] = [lines[other] ?? '', lines[at] ?? ''];
        break;
      }
    }
  }
  return lines.join('\n');
}

// ---- Mutations of bytes --------------------------------------------------------------------

export type ByteMutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'duplicate'; at: number; count: number };

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 1, max: 255 }) }) },
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 512 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 512 }) }),
);

export function mutateBytes(bytes: Uint8Array, mutations: readonly ByteMutation[]): Uint8Array {
  let out = Uint8Array.from(bytes);
  for (const mutation of mutations) {
    if (out.length === 0) break;
    const at = mutation.at % out.length;
    switch (mutation.kind) {
      case 'flip':
        out[at] = out[at]! ^ mutation.value;
        break;
      case 'truncate':
        out = out.subarray(0, at);
        break;
      case 'delete':
        out = Uint8Array.from([...out.subarray(0, at), ...out.subarray(at + mutation.count)]);
        break;
      case 'duplicate': {
        const piece = out.subarray(at, at + mutation.count);
        out = Uint8Array.from([...out.subarray(0, at + piece.length), ...piece, ...out.subarray(at + piece.length)]);
        break;
      }
    }
  }
  return out;
}

export interface DamagedInput {
  name: string;
  bytes: Uint8Array;
  /** The mutations, as JSON: with the fixture's name, enough to rebuild the input. */
  damage: string;
}

/** A failing case prints as the fixture and its damage, not as thousands of bytes. */
function described(input: DamagedInput): DamagedInput {
  return Object.assign(input, { [fc.toStringMethod]: () => `${input.name} damaged by ${input.damage}` });
}

/** A text fixture damaged line by line, then possibly byte by byte (a flipped byte may break UTF-8). */
export function damagedText(files: readonly FixtureFile[]): fc.Arbitrary<DamagedInput> {
  return fc
    .record({
      file: fc.constantFrom(...files),
      lines: fc.array(lineMutation, { minLength: 0, maxLength: 4 }),
      bytes: fc.array(byteMutation, { minLength: 0, maxLength: 2 }),
    })
    .map(({ file, lines, bytes }) => {
      const text = mutateLines(Buffer.from(file.bytes).toString('utf8'), lines);
      return described({ name: file.name, bytes: mutateBytes(Buffer.from(text, 'utf8'), bytes), damage: JSON.stringify({ lines, bytes }) });
    });
}

/** A binary fixture (PDF) damaged byte by byte. */
export function damagedBytes(files: readonly FixtureFile[]): fc.Arbitrary<DamagedInput> {
  return fc
    .record({ file: fc.constantFrom(...files), bytes: fc.array(byteMutation, { minLength: 1, maxLength: 4 }) })
    .map(({ file, bytes }) => described({ name: file.name, bytes: mutateBytes(file.bytes, bytes), damage: JSON.stringify(bytes) }));
}
