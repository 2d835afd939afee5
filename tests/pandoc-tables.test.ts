/** Pandoc's grid and multiline tables (pandoc -f docx -t markdown), as fixtures/office/make-fixtures.mjs made them. */
import { describe, expect, it } from 'vitest';
import { importReturn } from '../src/pipeline.js';
import type { Diagnostic } from '../src/model.js';
import { readDocument } from '../src/read/readDocument.js';
import { extractPandocTables, undoSmartPunctuation } from '../src/read/markdown/pandocTables.js';
import { essence, expectedFor, fixtureBytes } from './lib/expected.js';

const FIXTURES = ['croydon-2015-grid.md', 'croydon-2015-multiline.md', 'sutton-2016-grid.md', 'sutton-2016-multiline.md'];

describe('pandoc markdown of a Word return', () => {
  for (const name of FIXTURES) {
    it(`${name} gives exactly its hand-checked return`, async () => {
      const path = `fixtures/office/${name}`;
      const result = await importReturn(fixtureBytes(`office/${name}`), { path });
      expect(result.valid).toBe(true);
      expect(essence(result.charterReturn)).toEqual(expectedFor(name));
      expect(result.charterReturn?.source.format).toBe('markdown');
      expect(result.diagnostics.filter((d) => d.severity === 'warning' && d.code !== 'empty-answer' && d.code !== 'no-timescale')).toEqual([]);
      // Found as markdown from the content alone, as when read from standard input.
      const unnamed = await importReturn(fixtureBytes(`office/${name}`), { path: null });
      expect(essence(unnamed.charterReturn)).toEqual(expectedFor(name));
    });
  }

  it('reports the words pandoc broke and how each was read, and the footnote mark left out of a cell', async () => {
    const result = await importReturn(fixtureBytes('office/croydon-2015-grid.md'), { path: 'grid.md' });
    const guessed = result.diagnostics.find((d) => d.code === 'word-break-guessed')!;
    expect(guessed.severity).toBe('info');
    expect(guessed.text).toContain('"mult" + "i-disciplinary" read as "multi-disciplinary"');
    expect(guessed.text).toContain('"systems" + "outcomes-based" kept as separate words');
    expect(result.diagnostics.find((d) => d.code === 'notes-left-out')?.message).toBe(
      "1 footnote reference in the table's cells was left out of them; the footnotes are read as text where pandoc put them",
    );
  });

  it('quotes the footnote marks it left out of the cells, so that no text of the table goes without a trace', async () => {
    const result = await importReturn(fixtureBytes('office/croydon-2015-grid.md'), { path: 'grid.md' });
    expect(result.diagnostics.find((d) => d.code === 'notes-left-out')?.text).toBe('[^1]');
  });

  it('keeps the lines outside the table as text, and the table in its place among them', async () => {
    const read = await readDocument(fixtureBytes('office/sutton-2016-multiline.md'), { path: 'x.md' });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.document.blocks.map((block) => block.kind)).toEqual(['table']);
  });
});

describe('grid tables', () => {
  const grid = [
    'Title',
    '',
    '+-----+------------+',
    '| No. | Charter    |',
    '|     | point      |',
    '+=====+============+',
    '| 1   | A \\*x\\* b  |',
    '|     |            |',
    '|     | \\- second  |',
    '+-----+------------+',
    '',
    'After.',
  ].join('\n');

  it('read by column, each cell parsed as markdown: escapes undone, paragraphs one a line', () => {
    const diagnostics: Diagnostic[] = [];
    const { markdown, tables } = extractPandocTables(grid, diagnostics);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.table.rows.map((row) => row.cells)).toEqual([
      ['No.', 'Charter\npoint'],
      ['1', 'A *x* b\n- second'],
    ]);
    expect(tables[0]!.table.rows.map((row) => row.place.line)).toEqual([4, 7]);
    // The table's lines are blanked, so that every other line keeps its number.
    expect(markdown.split('\n')).toEqual(['Title', '', '', '', '', '', '', '', '', '', '', 'After.']);
    expect(diagnostics).toEqual([]);
  });

  it('is not found in a border without rows, or rows without a closing border', () => {
    expect(extractPandocTables('+---+---+\ntext', []).tables).toEqual([]);
    expect(extractPandocTables('+---+---+\n| a | b |\ntext', []).tables).toEqual([]);
  });
});

describe("pandoc's smart punctuation", () => {
  it('is turned back into the characters Word had, leaving escaped ones for the markdown parser', () => {
    expect(undoSmartPunctuation(`the carers' pack -- first "draft" --- 'a' ...`)).toBe(
      'the carers\u2019 pack \u2013 first \u201cdraft\u201d \u2014 \u2018a\u2019 \u2026',
    );
    expect(undoSmartPunctuation(`Croydon\\'s \\"plan\\" \\-`)).toBe(`Croydon\\'s \\"plan\\" \\-`);
  });
});
