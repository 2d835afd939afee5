/**
 * "No text lost": every word inside the return's table comes out in a cell or in a diagnostic.
 * The check itself (src/validate/textCoverage.ts) is shown to catch losses, then run over the
 * seed 000 return and its variants, random layouts of it, and inputs that leave text outside
 * the form's cells.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../src/pipeline.js';
import type { RawDocument } from '../src/model.js';
import { buildReturn } from '../src/normalise/buildReturn.js';
import { writeCsv } from '../src/write/csv.js';
import { readDocument } from '../src/read/readDocument.js';
import { checkTextCoverage, describeLostWords } from '../src/validate/textCoverage.js';
import { essence } from './lib/expected.js';
import { importWithCoverage } from './support/coverage.js';
import { SEED_000_TEXT, seedVariantArbitrary, seedVariants } from './support/seedVariants.js';

const RUNS = Number(process.env.CHARTER_FUZZ_RUNS ?? 150);

/** The seed with some lines changed: `edit` gets the lines (index 0 is line 1). */
function editedSeed(edit: (lines: string[]) => void): Buffer {
  const lines = SEED_000_TEXT.split('\n');
  edit(lines);
  return Buffer.from(lines.join('\n'));
}

/** Longer than any quotation a diagnostic message makes, with words found nowhere else. */
const LONG_REMARK =
  'This remark runs well past the length of a quoted excerpt so that only a whole copy keeps its last words: zebra giraffe okapi pangolin';

describe('the check', () => {
  it('finds nothing lost in the seed 000 return, having checked every word of its table', async () => {
    const { result, coverage } = await importWithCoverage(Buffer.from(SEED_000_TEXT), { path: 'fixtures/croydon-2015.tsv' });
    expect(result.charterReturn?.points).toHaveLength(21);
    expect(coverage.missing).toEqual([]);
    // Every word of the 49 lines below the heading: 1,344 runs of letters and digits.
    expect(coverage.wordsChecked).toBe(1344);
  });

  it('catches an answer dropped from the return, with its line and column', async () => {
    const bytes = Buffer.from(SEED_000_TEXT);
    const result = await importWith(bytes);
    const point = result.charterReturn!.points.find((p) => p.number === 4)!;
    point.nextSteps = point.nextSteps.replace('Incorporate gaps in training', '');
    const coverage = await coverageOf(bytes, result);
    expect(coverage.missing.map((lost) => lost.word).sort()).toEqual(['Incorporate', 'gaps', 'in', 'training']);
    // "Incorporate" occurs once: it is reported where it was (a repeated word, at whichever occurrence is left over).
    expect(coverage.missing.find((lost) => lost.word === 'Incorporate')).toEqual({ word: 'Incorporate', place: { line: 6 }, column: 4 });
  });

  it('counts words: a sentence dropped whose words all occur elsewhere is still caught', async () => {
    const bytes = Buffer.from(SEED_000_TEXT);
    const result = await importWith(bytes);
    const point = result.charterReturn!.points.find((p) => p.number === 17)!;
    // "Requires joining up and gap analysis": every word of it occurs elsewhere in the return.
    point.whereWeNeedToImprove = '';
    const coverage = await coverageOf(bytes, result);
    expect(coverage.missing.map((lost) => lost.word).sort()).toEqual(['Requires', 'analysis', 'and', 'gap', 'joining', 'up']);
  });

  it('catches text dropped from a diagnostic that was its only record', async () => {
    const bytes = editedSeed((lines) => lines.splice(10, 0, 'Stray remark about zebras, pasted without tabs'));
    const result = await importWith(bytes);
    expect((await coverageOf(bytes, result)).missing).toEqual([]);
    const stray = result.diagnostics.find((d) => d.code === 'unassigned-text')!;
    stray.message = 'some text was dropped';
    delete stray.text;
    const words = (await coverageOf(bytes, result)).missing.map((lost) => lost.word);
    expect(words).toEqual(['Stray', 'remark', 'about', 'zebras', 'pasted', 'without', 'tabs']);
  });

  it('fails on a line between two parts of a table laid out from positions, and warns in a delimited one', async () => {
    const read = await readDocument(Buffer.from(SEED_000_TEXT), { path: 'seed.tsv' });
    if (!read.ok) throw new Error('the seed did not read');
    const table = read.document.blocks.find((block) => block.kind === 'table');
    if (table?.kind !== 'table') throw new Error('the seed has no table');
    const split = (format: RawDocument['format']): RawDocument => ({
      ...read.document,
      format,
      blocks: [
        { kind: 'table', table: { rows: table.table.rows.slice(0, 10), place: table.table.place } },
        { kind: 'text', text: 'A line the layout could not place', place: { line: 900 } },
        { kind: 'table', table: { rows: table.table.rows.slice(10), place: table.table.rows[10]!.place } },
      ],
    });
    const codeOf = (format: RawDocument['format']) => {
      const found = buildReturn(split(format), { path: 'x' }).diagnostics.filter((d) => d.line === 900);
      return found.map((d) => [d.code, d.severity, d.text]);
    };
    expect(codeOf('pdf')).toEqual([['text-between-rows', 'error', 'A line the layout could not place']]);
    expect(codeOf('text')).toEqual([['text-between-rows', 'error', 'A line the layout could not place']]);
    expect(codeOf('tsv')).toEqual([['unassigned-text', 'warning', 'A line the layout could not place']]);
    expect(codeOf('markdown')).toEqual([['unassigned-text', 'warning', 'A line the layout could not place']]);
  });

  it("also checks the next table, if the stitching left it out though it holds the charter's wording", async () => {
    const read = await readDocument(Buffer.from(SEED_000_TEXT), { path: 'seed.tsv' });
    if (!read.ok) throw new Error('the seed did not read');
    // Its charter wording sits one column to the right, so the stitching takes it for another table.
    const shifted = ['16', 'zebra okapi', 'Engage with users & carers to inform service development & commissioning', 'x', 'y'];
    const doc: RawDocument = {
      ...read.document,
      blocks: [
        ...read.document.blocks,
        { kind: 'text', text: 'Page 3', place: { line: 51 } },
        { kind: 'table', table: { rows: [{ cells: shifted, place: { line: 52 } }], place: { line: 52 } } },
      ],
    };
    const built = buildReturn(doc, { path: 'seed.tsv' });
    const result: ImportResult = {
      path: 'seed.tsv',
      charterReturn: built.charterReturn,
      diagnostics: built.diagnostics,
      valid: false,
      evidence: built.evidence,
    };
    // The normaliser reports the row it left out (found by this check), and the line before it.
    expect(built.charterReturn?.points).toHaveLength(21);
    const reported = built.diagnostics.filter((d) => d.line !== undefined && d.line > 50);
    expect(reported.map((d) => [d.code, d.line, d.text])).toEqual([
      ['page-footer-dropped', 51, 'Page 3'],
      ['unassigned-text', 52, shifted.join(' | ')],
    ]);
    expect(checkTextCoverage(doc, result).missing).toEqual([]);
    // Without those reports, the check finds the words lost.
    result.diagnostics = built.diagnostics.filter((d) => d.code !== 'unassigned-text');
    const words = checkTextCoverage(doc, result).missing.map((lost) => lost.word);
    // The charter's wording in an answer's column is no charter-point text: it is lost too.
    expect(words.sort()).toEqual([
      'Engage',
      'carers',
      'commissioning',
      'development',
      'inform',
      'okapi',
      'service',
      'to',
      'users',
      'with',
      'x',
      'y',
      'zebra',
    ]);
  });

  it('reads the words a message quotes through its JSON escapes', async () => {
    // The number cell "8<\u001atd>" is quoted as "8<\\u001atd>" in the repair's message: "td" is there.
    const bytes = editedSeed((lines) => (lines[28] = lines[28]!.replace(/^8\t/, '8<\u001atd>\t')));
    const { result, coverage } = await importWithCoverage(bytes, { path: 'control.tsv' });
    expect(result.diagnostics.find((d) => d.code === 'row-number-repaired' && d.line === 29)?.message).toContain('\\u001atd');
    expect(coverage.missing).toEqual([]);
  });

  it("forgives slips in the charter-point column, which the return gives in the charter's own words", async () => {
    const bytes = editedSeed((lines) => {
      lines[2] = lines[2]!.replace('compassionate', 'compasionate');
    });
    const { result, coverage } = await importWithCoverage(bytes, { path: 'typo.tsv' });
    expect(result.charterReturn?.points[1]?.charterPoint).toContain('compassionate');
    expect(coverage.missing).toEqual([]);
  });

  it('forgives a quote mark dropped into a charter-point word, as the wording match does (found by fuzzing)', async () => {
    const bytes = editedSeed((lines) => {
      lines[2] = lines[2]!.replace('compassionate', 'compas‘sionate');
    });
    const { result, coverage } = await importWithCoverage(bytes, { path: 'quote.tsv' });
    expect(result.diagnostics.map((d) => d.code)).not.toContain('charter-wording-differs');
    expect(coverage.missing).toEqual([]);
    // The pipeline's own accounting runs the same check: without the forgiveness it would report
    // the two halves as text-unaccounted (whose text then covers them in `coverage` above).
    expect(result.diagnostics.filter((d) => d.code === 'text-unaccounted')).toEqual([]);
  });
});

async function importWith(bytes: Uint8Array): Promise<ImportResult> {
  return (await importWithCoverage(bytes, { path: 'seed.tsv' })).result;
}

async function coverageOf(bytes: Uint8Array, result: ImportResult) {
  const read = await readDocument(bytes, { path: 'seed.tsv' });
  if (!read.ok) throw new Error('the seed did not read');
  return checkTextCoverage(read.document, result);
}

describe('no text lost from the seed 000 return', () => {
  for (const variant of seedVariants()) {
    it(`read from ${variant.name}`, async () => {
      const { result, coverage } = await importWithCoverage(variant.bytes, { path: variant.path });
      expect(essence(result.charterReturn)).toEqual(variant.expected);
      expect(coverage.missing, describeLostWords(coverage.missing)).toEqual([]);
      expect(coverage.wordsChecked).toBeGreaterThan(1000);
    });
  }

  it('in random layouts (wrapping, damaged numbers, blank lines, line ends)', { timeout: Math.max(60_000, RUNS * 60) }, async () => {
    await fc.assert(
      fc.asyncProperty(seedVariantArbitrary, async (variant) => {
        const { result, coverage } = await importWithCoverage(variant.bytes, { path: variant.path });
        expect(essence(result.charterReturn)).toEqual(variant.expected);
        expect(coverage.missing, describeLostWords(coverage.missing)).toEqual([]);
      }),
      { numRuns: RUNS, seed: 7007, endOnFailure: true },
    );
  });
});

describe('text the form has no cell for is kept whole in a diagnostic', () => {
  const cases: [string, Buffer, string][] = [
    ['a line between rows', editedSeed((lines) => lines.splice(10, 0, LONG_REMARK)), 'unassigned-text'],
    ['a sixth column', editedSeed((lines) => (lines[3] = `${lines[3]}\t${LONG_REMARK}`)), 'unassigned-text'],
    ['a continuation line above the first row', editedSeed((lines) => lines.splice(1, 0, `\t\t${LONG_REMARK}\t\t`)), 'unassigned-text'],
    [
      'a row whose number is no point',
      editedSeed((lines) => lines.splice(4, 0, `25\tSomething else entirely\t${LONG_REMARK}\tx\ty`)),
      'unknown-point',
    ],
    ['a row that matches no point', editedSeed((lines) => lines.splice(4, 0, `x\tSomething else entirely\t${LONG_REMARK}\tx\ty`)), 'unknown-point'],
    [
      'a point given twice',
      editedSeed((lines) => lines.splice(4, 0, `5\tEmbed EOL planning and key questions in assessments\t${LONG_REMARK}\tx\ty`)),
      'duplicate-point',
    ],
    [
      "a note added to the charter-point column, which is otherwise the charter's wording",
      editedSeed((lines) => (lines[2] = lines[2]!.replace('communication skills', 'communication skills (see appendix)'))),
      'charter-wording-differs',
    ],
    [
      'charter-point wording that differs',
      editedSeed((lines) => (lines[2] = lines[2]!.replace('have good communication skills', `have good communication skills. ${LONG_REMARK}`))),
      'charter-wording-differs',
    ],
  ];
  for (const [name, bytes, code] of cases) {
    it(name, async () => {
      const { result, coverage } = await importWithCoverage(bytes, { path: 'edited.tsv' });
      expect(result.diagnostics.map((d) => d.code)).toContain(code);
      expect(coverage.missing, describeLostWords(coverage.missing)).toEqual([]);
    });
  }

  it("another return's rows in our own CSV, with their own source and authority", async () => {
    const croydon = (await importWithCoverage(Buffer.from(SEED_000_TEXT), { path: 'croydon.tsv' })).result.charterReturn!;
    const sutton = { ...croydon, authority: 'Sutton', source: { path: 'sutton.tsv', format: 'tsv' as const }, points: croydon.points.slice(0, 2) };
    const { result, coverage } = await importWithCoverage(Buffer.from(writeCsv([croydon, sutton])), { path: 'both.csv' });
    expect(result.charterReturn?.authority).toBe('Croydon');
    expect(result.diagnostics.filter((d) => d.code === 'unassigned-text').map((d) => [d.line, d.text])).toEqual([
      [23, 'sutton.tsv'],
      [23, 'Sutton'],
    ]);
    expect(result.diagnostics.filter((d) => d.code === 'duplicate-point').map((d) => d.point)).toEqual([1, 2]);
    expect(coverage.missing, describeLostWords(coverage.missing)).toEqual([]);
  });

  it('rows after a line that breaks the table are still read', async () => {
    // A page number, then a row whose empty cells were trimmed off: the rest of the table is the return's.
    const bytes = editedSeed((lines) => {
      lines.splice(40, 0, 'Page 3');
      lines[41] = lines[41]!.split('\t').slice(0, 2).join('\t');
    });
    const { result, coverage } = await importWithCoverage(bytes, { path: 'broken.tsv' });
    expect(result.charterReturn?.points.map((p) => p.number)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(coverage.missing, describeLostWords(coverage.missing)).toEqual([]);
  });
});
