/**
 * The markdown reader: pipe tables and HTML tables to raw tables with their lines, every other
 * block to text; and whole returns read from markdown (seeds 001 and 003, and the seed 000 return
 * written as paged pipe tables and as HTML tables inside a council paper).
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { importReturn } from '../src/pipeline.js';
import type { Diagnostic, PointAnswer, RawBlock } from '../src/model.js';
import { readMarkdown } from '../src/read/markdown/readMarkdown.js';
import { blankReturn } from '../src/charter/template.js';
import { writeMarkdownReturn } from '../src/write/markdown.js';
import { CROYDON_2015, essence, fixtureBytes } from './lib/expected.js';

function read(markdown: string): { blocks: RawBlock[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const document = readMarkdown(markdown, diagnostics);
  expect(document.format).toBe('markdown');
  expect(document.diagnostics).toBe(diagnostics);
  return { blocks: document.blocks, diagnostics };
}

const table = (line: number, rows: [number, string[]][]): RawBlock => ({
  kind: 'table',
  table: { place: { line }, rows: rows.map(([rowLine, cells]) => ({ cells, place: { line: rowLine } })) },
});
const text = (line: number, value: string): RawBlock => ({ kind: 'text', text: value, place: { line } });

/** The fields a reader decides; validation may add more (timescales…). */
const answers = (points: readonly PointAnswer[]) =>
  points.map(({ number, charterPoint, whereWeAreNow, whereWeNeedToImprove, nextSteps }) => ({
    number,
    charterPoint,
    whereWeAreNow,
    whereWeNeedToImprove,
    nextSteps,
  }));

/** What reading and finding the return reported: its repairs (infos), and any error or lost text. */
const readingReport = (diagnostics: readonly Diagnostic[]) =>
  diagnostics
    .filter((d) => d.severity === 'info' || d.severity === 'error' || d.code === 'unassigned-text')
    .map((d) => [d.severity, d.code, d.line ?? null, d.message]);

describe('readMarkdown: pipe tables', () => {
  it('keeps the heading row, undoes <br>, escaped pipes, entities and markup, and gives each row its line', () => {
    const { blocks, diagnostics } = read(
      [
        '# Croydon return',
        '',
        '| No | Charter point | Now |',
        '|---|:--|--:|',
        '| 1 | **Bold** and _it_ and `co\\|de`<br>second line \\| with pipe | A &amp; B<br/>C |',
        '| 2 | [link text](http://example.org) ~~gone~~ | 5 \\* 3 |',
        '| 3 |',
        '| 4 | a | b | extra |',
        '',
        '12',
      ].join('\n'),
    );
    expect(blocks).toEqual([
      text(1, 'Croydon return'),
      table(3, [
        [3, ['No', 'Charter point', 'Now']],
        [5, ['1', 'Bold and it and co|de\nsecond line | with pipe', 'A & B\nC']],
        [6, ['2', 'link text gone', '5 * 3']],
        [7, ['3']],
        [8, ['4', 'a', 'b', 'extra']],
      ]),
      text(10, '12'),
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('reads tables inside lists and quotes with the lines of the input', () => {
    const { blocks } = read(['Intro', '', '> | a | b |', '> |---|---|', '> | 1 | 2 |', '', '- item', '', '  | c |', '  |---|', '  | 3 |'].join('\n'));
    expect(blocks).toEqual([
      text(1, 'Intro'),
      table(3, [
        [3, ['a', 'b']],
        [5, ['1', '2']],
      ]),
      text(7, 'item'),
      table(9, [
        [9, ['c']],
        [11, ['3']],
      ]),
    ]);
  });

  it('re-reads as a table a pipe table whose first row fell into a list item, and says so', () => {
    const { blocks, diagnostics } = read(
      ['## The 39 Steps', '', '- | | |', '|----|---|', '| 1 | How many posts? |', '| 2 | Who \\| what? |', '', 'After'].join('\n'),
    );
    expect(blocks).toEqual([
      text(1, 'The 39 Steps'),
      table(3, [
        [3, ['', '']],
        [5, ['1', 'How many posts?']],
        [6, ['2', 'Who | what?']],
      ]),
      text(8, 'After'),
    ]);
    expect(diagnostics).toEqual([
      {
        severity: 'info',
        code: 'table-recovered',
        message:
          'lines 3–6 are a pipe table the markdown parser read as text (its heading row is in a list item and the rest of it outside); read as a table',
        line: 3,
      },
    ]);
  });

  it('re-reads a table whose delimiter row has a cell fewer than its heading row', () => {
    const { blocks, diagnostics } = read(['Text above', '| | Charter point | Now |', '|---|---|', '| 1 | Wording | Answer |'].join('\n'));
    expect(blocks).toEqual([
      text(1, 'Text above'),
      table(2, [
        [2, ['', 'Charter point', 'Now']],
        [4, ['1', 'Wording', 'Answer']],
      ]),
    ]);
    expect(diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      [
        'table-recovered',
        2,
        'lines 2–4 are a pipe table the markdown parser read as text (its delimiter row has 2 cells for 3 heading cells); read as a table',
      ],
    ]);
  });

  it('leaves prose with pipes and dashes as text', () => {
    const { blocks, diagnostics } = read(['a | b', '', '---', '', 'c | d', '- e'].join('\n'));
    expect(blocks).toEqual([text(1, 'a | b'), text(5, 'c | d'), text(6, 'e')]);
    expect(diagnostics).toEqual([]);
  });
});

describe('readMarkdown: HTML tables', () => {
  it('reads <thead> and <tbody> rows with <br> as a line break and entities decoded, and the text after the table by line', () => {
    const { blocks, diagnostics } = read(
      [
        'Intro',
        '',
        '<table border="1"> <thead> <tr> <th>No.</th> <th>Charter point</th> </tr> </thead>',
        '<tbody> <tr> <td>1</td> <td>Users &amp; carers<br>are <b>fully</b> involved 4<sup>th</sup></td> </tr>',
        '<tr> <td>2</td> <td>a &lt;b&gt;</td> </tr> </tbody> </table>\tNo.\tCharter point',
        '1\tUsers & carers',
        '<ol><li>one</li><li>two</li></ol>',
        '',
        '**After**',
      ].join('\n'),
    );
    expect(blocks).toEqual([
      text(1, 'Intro'),
      table(3, [
        [3, ['No.', 'Charter point']],
        [4, ['1', 'Users & carers\nare fully involved 4th']],
        [5, ['2', 'a <b>']],
      ]),
      text(5, 'No.\tCharter point'),
      text(6, '1\tUsers & carers'),
      text(7, 'one two'),
      text(9, 'After'),
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('makes each <table> of an HTML block a table, with its caption as text before it', () => {
    const { blocks } = read(
      [
        '<div><p>Appendix A</p>',
        '<table><caption>Croydon return</caption><tr><td>1</td></tr></table>',
        '<p>14</p>',
        '<table><tbody><tr><td>2</td></tr></tbody></table></div>',
      ].join('\n'),
    );
    expect(blocks).toEqual([text(1, 'Appendix A'), text(2, 'Croydon return'), table(2, [[2, ['1']]]), text(3, '14'), table(4, [[4, ['2']]])]);
  });

  it('reads HTML without a table as text, one block per line', () => {
    const { blocks } = read(['<p><b>REPORT TO:</b>\t<b>PANEL</b></p>', '<p>Second &amp; last</p>'].join('\n'));
    expect(blocks).toEqual([text(1, 'REPORT TO:\tPANEL'), text(2, 'Second & last')]);
  });

  it('reads a table opened inside a paragraph as a table', () => {
    const { blocks } = read('Appendix <table><tr><td>1</td><td>a</td></tr></table> end');
    expect(blocks).toEqual([text(1, 'Appendix'), table(1, [[1, ['1', 'a']]]), text(1, 'end')]);
  });

  it('follows a cell spanning columns with empty cells, and says so', () => {
    const { blocks, diagnostics } = read(
      '<table><tr><td colspan="3">Heading</td><td>x</td></tr><tr><td>1</td><td>2</td><td>3</td><td>4</td></tr></table>',
    );
    expect(blocks).toEqual([
      table(1, [
        [1, ['Heading', '', '', 'x']],
        [1, ['1', '2', '3', '4']],
      ]),
    ]);
    expect(diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([['info', 'cell-span-expanded', 1]]);
  });
});

describe('readMarkdown: shapes that would make the parser slow or overflow its stack', () => {
  it('reads thousands of emphasis markers in a paragraph as plain characters, quickly, and says so', () => {
    // How quickly is npm run bench's (bounds).
    const { blocks, diagnostics } = read(`Intro\n\n${'*a'.repeat(50_000)}\n`);
    expect(blocks).toEqual([text(1, 'Intro'), text(3, '*a'.repeat(50_000))]);
    expect(diagnostics).toEqual([
      { severity: 'info', code: 'markup-defused', message: 'line 3 holds 50000 "*": read as plain characters, not markup', line: 3 },
    ]);
  });

  it('reads lists nested more than 32 deep on one line as text from there on', () => {
    const { blocks, diagnostics } = read(`${'- '.repeat(40)}x`);
    expect(blocks).toEqual([text(1, `${'- '.repeat(8)}x`)]);
    expect(diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['markup-defused', 1, 'line 1 nests more than 32 lists or quotes; the rest of it is read as text'],
    ]);
  });

  it('keeps HTML nested more than 1000 deep as text, tags and all', () => {
    const html = `${'<div>'.repeat(1001)}<table><tr><td>1</td></tr></table>`;
    const { blocks, diagnostics } = read(`Intro\n\n${html}\n`);
    expect(blocks).toEqual([text(1, 'Intro'), text(3, html)]);
    expect(diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([['warning', 'html-too-deep', 3]]);
  });

  it('reads a paragraph of thousands of lines a few hundred lines at a time, every line kept', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `line ${i + 1} of the minutes`);
    const { blocks } = read(['# Minutes', '', ...lines, '', '| a |', '|---|', '| 1 |'].join('\n'));
    // Lines from..to (0-based, end excluded) of the paragraph, which starts on line 3.
    const paragraph = (from: number, to: number) => text(from + 3, lines.slice(from, to).join('\n'));
    expect(blocks).toEqual([
      text(1, 'Minutes'),
      paragraph(0, 200),
      paragraph(200, 400),
      paragraph(400, 600),
      paragraph(600, 800),
      paragraph(800, 1000),
      table(1004, [
        [1004, ['a']],
        [1006, ['1']],
      ]),
    ]);
  });
});

describe('seed 001: the blank form as markdown', () => {
  it('gives the 21 points of the blank form, with empty answers, the period, and a warning per point', async () => {
    const result = await importReturn(fixtureBytes('blank-form.md'), { path: 'fixtures/blank-form.md' });
    const charterReturn = result.charterReturn!;
    expect(answers(charterReturn.points)).toEqual(answers(blankReturn().points));
    expect(charterReturn.period).toBe('May 2015');
    expect(charterReturn.authority).toBeNull();
    expect(charterReturn.source).toEqual({ path: 'fixtures/blank-form.md', format: 'markdown', lines: { from: 3, to: 31 } });
    const emptyAnswers = result.diagnostics.filter((d) => d.code === 'empty-answer');
    expect(emptyAnswers.map((d) => [d.severity, d.point])).toEqual(charterReturn.points.map((point) => ['warning', point.number]));
    expect(readingReport(result.diagnostics)).toEqual(
      [16, 17, 18, 19, 20, 21].map((point) => [
        'info',
        'row-number-repaired',
        point + 10,
        `row number "${String(point).split('').join(' ')}" read as ${point}`,
      ]),
    );
    expect(result.valid).toBe(true);
  });
});

describe('seed 003: a council agenda pack with no return in it', () => {
  it('gives no-return-found, saying how many tables it looked at, and no points, quickly', async () => {
    const bytes = fixtureBytes('croydon-agenda-2017.md');
    // How quickly (about 0.2 s) is npm run bench's (bounds).
    const result = await importReturn(bytes, { path: 'fixtures/croydon-agenda-2017.md' });
    expect(result.charterReturn).toBeNull();
    expect(result.valid).toBe(false);
    expect(result.diagnostics.map((d) => [d.severity, d.code, d.line])).toEqual([
      ['info', 'table-recovered', 1053],
      ['error', 'no-return-found', undefined],
    ]);
    expect(result.diagnostics[1]!.message).toBe(
      "no End of Life Care Charter return found: looked at 2 tables: none has the return's headings (Charter point, Where we are now, Where we need to improve, Next steps) or rows in the charter's wording",
    );
  });

  it('makes `charter validate` exit 1 with the message on standard error', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let errors = '';
    stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const status = await main(['validate', 'fixtures/croydon-agenda-2017.md'], {
      stdout,
      stderr,
      stdin: new PassThrough(),
      stderrIsTTY: false,
      env: {},
      cwd: new URL('..', import.meta.url).pathname,
    });
    expect(status).toBe(1);
    expect(errors).toContain('no-return-found');
    expect(errors).toContain('no End of Life Care Charter return found: looked at 2 tables');
  });
});

describe('the seed 000 return written as markdown', () => {
  it('as pipe tables broken over pages gives exactly the expected return', async () => {
    const path = 'fixtures/markdown/croydon-2015-pages.md';
    const result = await importReturn(fixtureBytes('markdown/croydon-2015-pages.md'), { path });
    expect(essence(result.charterReturn)).toEqual(CROYDON_2015);
    expect(result.charterReturn?.source).toEqual({ path, format: 'markdown', lines: { from: 3, to: 41 } });
    expect(readingReport(result.diagnostics)).toEqual([
      ['info', 'page-footer-dropped', 10, 'page footer "1" between rows of the table was dropped'],
      ['info', 'page-footer-dropped', 21, 'page footer "Page 2 of 4" between rows of the table was dropped'],
      ['info', 'row-number-repaired', 29, 'row number "4" read as 14: a digit was lost (it follows 13 and its wording is point 14\'s)'],
      ['info', 'page-footer-dropped', 32, 'page footer "- 3 -" between rows of the table was dropped'],
      ...[16, 17, 18, 19, 20, 21].map((point) => [
        'info',
        'row-number-repaired',
        point + 20,
        `row number "${String(point).split('').join(' ')}" read as ${point}`,
      ]),
      ['info', 'authority-inferred', null, 'authority "Croydon": named in the title at line 1'],
    ]);
  });

  it('as HTML tables in the appendix of a council paper gives exactly the expected return, and where it is', async () => {
    const path = 'fixtures/markdown/croydon-2015-paper.md';
    const result = await importReturn(fixtureBytes('markdown/croydon-2015-paper.md'), { path });
    expect(essence(result.charterReturn)).toEqual(CROYDON_2015);
    expect(result.charterReturn?.source).toEqual({ path, format: 'markdown', lines: { from: 46, to: 73 } });
    expect(readingReport(result.diagnostics)).toEqual([
      ['info', 'page-footer-dropped', 60, 'page footer "14" between rows of the table was dropped'],
      ['info', 'authority-inferred', null, 'authority "Croydon": named in the title at line 44'],
    ]);
  });

  it('as written by `charter import --format md` reads back as the same return', async () => {
    const fromTsv = await importReturn(fixtureBytes('croydon-2015.tsv'), { path: 'fixtures/croydon-2015.tsv' });
    const markdown = writeMarkdownReturn(fromTsv.charterReturn!);
    const result = await importReturn(Buffer.from(markdown), { path: 'croydon.md' });
    expect(essence(result.charterReturn)).toEqual(CROYDON_2015);
  });
});

describe('finding the return among other tables', () => {
  const heading = (period: string) =>
    `| | Charter point | Where we are now (${period}) | Where we need to improve | Next steps (with timescales) |\n|---|---|---|---|---|`;
  const rows = (answer: string) =>
    blankReturn()
      .points.map((point) => `| ${point.number} | ${point.charterPoint} | ${answer} ${point.number} | | |`)
      .join('\n');

  it('reads a second return with another period as a return of its own', async () => {
    const markdown = [
      '# Croydon return',
      '',
      heading('May 2015'),
      rows('first'),
      '',
      '# Croydon return',
      '',
      heading('May 2016'),
      rows('second'),
      '',
    ].join('\n');
    const result = await importReturn(Buffer.from(markdown), { path: 'two.md' });
    expect(result.returns.map((r) => r.period)).toEqual(['May 2015', 'May 2016']);
    expect(result.returns.map((r) => r.source.lines)).toEqual([
      { from: 3, to: 25 },
      { from: 29, to: 51 },
    ]);
    expect(result.returns[0]!.points.map((point) => point.whereWeAreNow)).toEqual(blankReturn().points.map((point) => `first ${point.number}`));
    expect(result.returns[1]!.points.map((point) => point.whereWeAreNow)).toEqual(blankReturn().points.map((point) => `second ${point.number}`));
    expect(result.charterReturn).toBe(result.returns[0]);
    expect(result.valid).toBe(true);
    expect(readingReport(result.diagnostics)).toEqual([
      ['info', 'return-found', 3, 'return 1 of 2 in the document (May 2015), on lines 3–25'],
      ['info', 'authority-inferred', null, 'authority "Croydon": named in the title at line 1'],
      ['info', 'return-found', 29, 'return 2 of 2 in the document (May 2016), on lines 29–51'],
      ['info', 'authority-inferred', null, 'authority "Croydon": named in the title at line 27'],
    ]);
  });
});
