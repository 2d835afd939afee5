/**
 * The reader of text extracted from a PDF: pages cut at form feeds and pdf-parse's page lines,
 * `pdftotext -layout` text read by position, `pdftotext` text read in reading order, and the
 * format found from the content.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic, RawBlock } from '../src/model.js';
import { detectTextFormat } from '../src/read/detect.js';
import { readPdfText } from '../src/read/text/readPdfText.js';
import { splitPages } from '../src/read/text/textPages.js';
import { fixtureBytes } from './lib/expected.js';

const HEADING = ['No.', 'Charter point', 'Where we are now (May 2016)', 'Where we need to improve', 'Next steps (with timescales)'];

describe('splitPages', () => {
  it('cuts at form feeds and at pdf-parse page lines, keeping the file line numbers', () => {
    expect(splitPages('a\nb\fc\n\fd\n')).toEqual([
      { page: 1, lines: ['a', 'b'], firstLine: 1 },
      { page: 2, lines: ['c', ''], firstLine: 2 },
      { page: 3, lines: ['d', ''], firstLine: 3 },
    ]);
    expect(splitPages('a\n\n-- 1 of 2 --\n\nb\n\n-- 2 of 2 --\n\n')).toEqual([
      { page: 1, lines: ['a', '', ''], firstLine: 1 },
      { page: 2, lines: ['', 'b', '', ''], firstLine: 4 },
    ]);
  });
});

describe('detectTextFormat', () => {
  it('finds text extracted from a PDF, even holding tabs or commas', () => {
    expect(detectTextFormat('a\tb\tc\nd\te\tf\n\fg\th\n', null)).toBe('text');
    expect(detectTextFormat('No.\tCharter point\n1\tEnsure, a, b, c, d\n2\tx, y, z, w, v\n\n-- 1 of 3 --\n', null)).toBe('text');
    // A name that says tab-separated wins.
    expect(detectTextFormat('a\tb\tc\nd\te\tf\n\fg\th\n', 'return.tsv')).toBe('tsv');
  });

  it('finds every committed extract of the PDF fixtures', () => {
    for (const name of ['croydon-2015-return', 'croydon-2015-council-paper']) {
      for (const kind of ['pdftotext', 'pdftotext-layout', 'pdf-parse']) {
        expect(detectTextFormat(fixtureBytes(`pdf/${name}.${kind}.txt`).toString('utf8'), null), `${name}.${kind}`).toBe('text');
      }
    }
  });
});

describe('pdftotext -layout text', () => {
  it('reads columns by position: a number beside the middle of its row, a hyphen at a line end, an empty cell, a row over a page end', () => {
    const text = [
      'London Borough of Sutton',
      '',
      'No.   Charter point            Where we are now (May 2016)   Where we need to improve     Next steps (with timescales)',
      '      Ensure workers are       Training is co-               Take up is low.',
      '1     supportive,              ordinated with health                                      Review in',
      '      compassionate, use       partners.                                                  March 2017',
      '      ordinary language',
      '      Workers value and        Teams meet monthly and',
      '2     understand all roles     share',
      '',
      '                                       Page 1',
      '\fNo.   Charter point            Where we are now (May 2016)   Where we need to improve     Next steps (with timescales)',
      '      and contributions        plans.                        More joint visits.           2017',
      '',
    ].join('\n');
    const table = (page: number, line: number, rows: [number, string[]][]): RawBlock => ({
      kind: 'table',
      table: { place: { page, line }, rows: rows.map(([rowLine, cells]) => ({ cells, place: { page, line: rowLine } })) },
    });
    expect(readPdfText(text, []).blocks).toEqual([
      { kind: 'text', text: 'London Borough of Sutton', place: { page: 1, line: 1 } },
      table(1, 3, [
        [3, HEADING],
        [
          4,
          [
            '1',
            'Ensure workers are\nsupportive,\ncompassionate, use\nordinary language',
            'Training is co-ordinated with health\npartners.',
            'Take up is low.',
            'Review in\nMarch 2017',
          ],
        ],
        [8, ['2', 'Workers value and\nunderstand all roles', 'Teams meet monthly and\nshare', '', '']],
      ]),
      { kind: 'text', text: 'Page 1', place: { page: 1, line: 11 } },
      table(2, 12, [
        [12, HEADING],
        [13, ['', 'and contributions', 'plans.', 'More joint visits.', '2017']],
      ]),
    ]);
  });
});

describe('pdftotext text without -layout', () => {
  it('rebuilds rows in reading order: a number followed by its wording starts a row, even across a page end; cells too few to learn the columns from are an error naming the rows', () => {
    const heading = [
      'No.',
      '',
      'Charter point',
      '',
      'Where we are now (May 2016)',
      '',
      'Where we need to improve',
      '',
      'Next steps (with timescales)',
      '',
    ];
    const text = [
      'London Borough of Sutton',
      ...heading,
      '1',
      '',
      'Ensure assessments/care',
      'planning for service users',
      'and carers are outcome',
      'focused, person centred,',
      'holistic, maximising quality',
      'of life, understanding',
      'lifestyle/culture',
      '',
      'Training runs monthly.',
      '',
      'Take up is low.',
      '',
      'Review in March 2017.',
      '',
      '2',
      '',
      `\f${heading[0]}`,
      ...heading.slice(1),
      'Ensure workers are supportive,',
      'compassionate, use ordinary',
      'language, have good',
      'communication skills',
      '',
      'Teams meet monthly.',
      '',
      'More joint visits.',
      '',
      'Ongoing.',
      '',
    ].join('\n');
    const diagnostics: Diagnostic[] = [];
    const document = readPdfText(text, diagnostics);
    const rows = document.blocks.flatMap((block) => (block.kind === 'table' ? block.table.rows.map((row) => row.cells) : []));
    expect(rows).toEqual([
      HEADING,
      [
        '1',
        'Ensure assessments/care\nplanning for service users\nand carers are outcome\nfocused, person centred,\nholistic, maximising quality\nof life, understanding\nlifestyle/culture',
        'Training runs monthly.',
        'Take up is low.',
        'Review in March 2017.',
      ],
      // "2" at the page's foot is no page number: point 2's wording follows it, over the page.
      ['2', '', '', '', ''],
      HEADING,
      [
        '',
        'Ensure workers are supportive,\ncompassionate, use ordinary\nlanguage, have good\ncommunication skills',
        'Teams meet monthly.',
        'More joint visits.',
        'Ongoing.',
      ],
    ]);
    expect(document.blocks[0]).toEqual({ kind: 'text', text: 'London Borough of Sutton', place: { page: 1, line: 1 } });
    // Two rows are too few lines to learn how wide each answer column is: nothing tells where
    // their cells end but the blank lines, so the reading is not trusted.
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['text-cells-guessed', 'error']]);
    expect(diagnostics[0]!.message).toContain('points 1, 2 end');
  });
});
