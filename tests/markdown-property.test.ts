/**
 * Random returns written as markdown the way converters write them must read back exactly: as GFM
 * pipe tables broken over pages (empty heading rows, page numbers between the pieces, `<br>` wraps,
 * markup, escaped characters, damaged row numbers, a row broken by the page end, an empty trailing
 * column), and as HTML tables with random page breaks (`<thead>` on the first piece only, `<br>`
 * wraps, entities, inline tags).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHARTER_POINTS } from '../src/charter/points.js';
import { importReturn } from '../src/pipeline.js';
import type { PointAnswer } from '../src/model.js';
import { essence } from './lib/expected.js';

const RUNS = Math.max(200, Number(process.env.CHARTER_PROPERTY_RUNS ?? 200));

// Words as councils write them, and words full of characters that are markup in markdown or HTML.
const WORDS = [
  'review',
  'carers',
  'pathway',
  'training',
  'quarterly',
  'partners',
  'hospice',
  'commissioning',
  'staff',
  'plan',
  'Sept',
  '2015',
  '15/16',
  'on-going',
  'co-ordinated',
  'L&D',
  'EOLC',
  "Council's",
  '(draft)',
  'care',
  'homes',
  'GP',
  'data',
  'a',
  'the',
  'and',
  '—',
  '£50',
  'é',
  '|',
  'a|b',
  '*',
  '**not',
  'bold**',
  '_x_',
  'snake_case',
  '`code`',
  '<br>',
  '<b>',
  '&amp;',
  '&',
  'R&D;',
  '[see',
  'note]',
  '[1](x)',
  '\\',
  'C:\\temp',
  '#',
  '~~',
  '~',
  '>',
  '1.',
  '-',
  '---',
  '!',
  'www.example.org',
  'http://example.org/a_b',
  'a@b.co',
  '"quoted"',
];
const COUNCILS = ['Croydon', 'Sutton', 'Merton', 'Barnet', 'Hackney', 'Tower Hamlets', 'Kingston upon Thames'];
const MONTHS = ['January', 'March', 'May', 'June', 'Sept', 'December'];

const answer = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 30 }).map((words) => words.join(' '));

type Damage = 'none' | 'space-split' | 'lost-digit';

interface RowStyle {
  /** Words per `<br>`-separated line in each of the four text cells (0: the whole cell on one line). */
  wrap: [number, number, number, number];
  damage: Damage;
  /** Words to mark up (bold, italic, code) by their place in the cell, where they are plain words. */
  markup: number[];
}

interface Layout {
  rows: RowStyle[];
  /** Indexes of rows after which the page ends (the table breaks), and whether that row runs on. */
  breaks: { after: number; splitRow: boolean; footer: number; trailingColumn: boolean }[];
  br: number;
}

const rowStyle: fc.Arbitrary<RowStyle> = fc.record({
  wrap: fc.tuple(fc.nat(5), fc.nat(7), fc.nat(7), fc.nat(7)) as fc.Arbitrary<[number, number, number, number]>,
  damage: fc.constantFrom<Damage>('none', 'none', 'space-split', 'lost-digit'),
  markup: fc.array(fc.nat(12), { maxLength: 3 }),
});

const layout: fc.Arbitrary<Layout> = fc.record({
  rows: fc.array(rowStyle, { minLength: 21, maxLength: 21 }),
  breaks: fc.uniqueArray(
    fc.record({ after: fc.integer({ min: 0, max: 19 }), splitRow: fc.boolean(), footer: fc.nat(4), trailingColumn: fc.boolean() }),
    { maxLength: 4, selector: (entry) => entry.after },
  ),
  br: fc.nat(3),
});

const generated = fc.record({
  council: fc.constantFrom(...COUNCILS),
  period: fc.tuple(fc.constantFrom(...MONTHS), fc.integer({ min: 2014, max: 2019 })).map(([month, year]) => `${month} ${year}`),
  answers: fc.array(fc.tuple(answer, answer, answer), { minLength: 21, maxLength: 21 }),
  layout,
});

function returnOf(answers: [string, string, string][]): PointAnswer[] {
  return CHARTER_POINTS.map((point, index) => ({
    number: point.number,
    charterPoint: point.wording,
    whereWeAreNow: answers[index]![0],
    whereWeNeedToImprove: answers[index]![1],
    nextSteps: answers[index]![2],
  }));
}

const BREAKS = ['<br>', '<br/>', '<br />', '<BR>'];
const FOOTERS = ['', '12', 'Page 3 of 5', '- 4 -', '**7**'];

function numberText(number: number, damage: Damage): string {
  if (number < 10 || damage === 'none') return String(number);
  if (damage === 'space-split') return String(number).split('').join(' ');
  return String(number).slice(1);
}

/** A cell's words in lines of `perLine` words (0: one line). */
function lines(text: string, perLine: number): string[][] {
  if (text === '') return [];
  const words = text.split(' ');
  if (perLine === 0) return [words];
  const result: string[][] = [];
  for (let i = 0; i < words.length; i += perLine) result.push(words.slice(i, i + perLine));
  return result;
}

/** A physical row: number cell and four cells, each a list of lines of words. */
interface PhysicalRow {
  number: string;
  cells: string[][][];
  style: RowStyle;
}

/** The return's rows as physical rows, a row broken by a page end split in two. */
function physicalRows(points: readonly PointAnswer[], layout: Layout): { rows: PhysicalRow[]; pageEnds: Set<number> } {
  const rows: PhysicalRow[] = [];
  const pageEnds = new Set<number>();
  points.forEach((point, index) => {
    const style = layout.rows[index]!;
    const texts = [point.charterPoint, point.whereWeAreNow, point.whereWeNeedToImprove, point.nextSteps];
    const cells = texts.map((text, cell) => lines(text, style.wrap[cell as 0]));
    const pageBreak = layout.breaks.find((entry) => entry.after === index);
    const height = Math.max(...cells.map((cell) => cell.length));
    if (pageBreak?.splitRow && height >= 2) {
      const cut = Math.ceil(height / 2);
      rows.push({ number: numberText(point.number, style.damage), cells: cells.map((cell) => cell.slice(0, cut)), style });
      pageEnds.add(rows.length - 1);
      rows.push({ number: '', cells: cells.map((cell) => cell.slice(cut)), style });
    } else {
      rows.push({ number: numberText(point.number, style.damage), cells, style });
      if (pageBreak) pageEnds.add(rows.length - 1);
    }
  });
  return { rows, pageEnds };
}

// ---- GFM pipe tables ---------------------------------------------------------------------

/** Characters that would be markup, a new cell or an entity inside a pipe-table cell. */
function escapeMarkdown(word: string): string {
  return word.replace(/[\\`*_[\]<&~|]/g, (character) => `\\${character}`);
}

function markdownWord(word: string, place: number, style: RowStyle, column: number): string {
  if (column > 0 && style.markup.includes(place) && /^[A-Za-z0-9]+$/.test(word)) {
    return [`**${word}**`, `_${word}_`, `\`${word}\``, `*${word}*`][place % 4]!;
  }
  // A web address is a link to GFM whatever its characters, and converters leave it as it is.
  return /^(?:https?:\/\/|www\.)/.test(word) ? word : escapeMarkdown(word);
}

function markdownCell(cellLines: string[][], style: RowStyle, column: number, br: string): string {
  let place = 0;
  return cellLines.map((words) => words.map((word) => markdownWord(word, place++, style, column)).join(' ')).join(br);
}

function renderPipeTables(points: readonly PointAnswer[], period: string, council: string, layout: Layout): string {
  const { rows, pageEnds } = physicalRows(points, layout);
  const br = BREAKS[layout.br % BREAKS.length]!;
  const out = [`# End of Life Care Charter – ${council} return`, ''];
  out.push(`| | Charter point | Where we are now (${period}) | Where we need to improve | Next steps (with timescales) |`, '|---|---|---|---|---|');
  let trailing = false;
  let breakIndex = 0;
  const breaks = [...layout.breaks].sort((a, b) => a.after - b.after);
  rows.forEach((row, index) => {
    const cells = [row.number, ...row.cells.map((cell, column) => markdownCell(cell, row.style, column, br))];
    if (trailing) cells.push('');
    out.push(`| ${cells.join(' | ')} |`);
    if (pageEnds.has(index) && index < rows.length - 1) {
      const pageBreak = breaks[breakIndex++]!;
      const footer = FOOTERS[pageBreak.footer % FOOTERS.length]!;
      out.push('');
      if (footer !== '') out.push(footer, '');
      trailing = pageBreak.trailingColumn;
      out.push(trailing ? '| | | | | | |' : '| | | | | |', trailing ? '|---|---|---|---|---|---|' : '|---|---|---|---|---|');
    }
  });
  return `${out.join('\n')}\n`;
}

// ---- HTML tables -------------------------------------------------------------------------

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function htmlCell(cellLines: string[][], style: RowStyle, column: number, br: string): string {
  let place = 0;
  const text = cellLines
    .map((words) =>
      words
        .map((word) => {
          const escaped = escapeHtml(word);
          const marked = column > 0 && style.markup.includes(place++);
          return marked
            ? [`<b>${escaped}</b>`, `<i>${escaped}</i>`, `<span class="x">${escaped}</span>`, `<strong>${escaped}</strong>`][place % 4]!
            : escaped;
        })
        // A non-breaking space between words is white space like any other.
        .join(style.markup.length === 2 ? '&nbsp;' : ' '),
    )
    .join(column % 2 === 0 ? br : `${br}\n`);
  return `<td>${text}</td>`;
}

function renderHtmlTables(points: readonly PointAnswer[], period: string, council: string, layout: Layout): string {
  const { rows, pageEnds } = physicalRows(points, layout);
  const br = BREAKS[layout.br % BREAKS.length]!;
  const out = [
    '# Adult Social Care Review Panel',
    '',
    'Minutes of the meeting, and the returns the panel asked for.',
    '',
    `## Appendix 1: End of Life Care Charter – ${council} return`,
    '',
    '<table border="1">',
    `<thead><tr><th>No.</th><th>Charter point</th><th>Where we are now<br>(${escapeHtml(period)})</th><th>Where we need to improve</th><th>Next steps (with timescales)</th></tr></thead>`,
    '<tbody>',
  ];
  let breakIndex = 0;
  const breaks = [...layout.breaks].sort((a, b) => a.after - b.after);
  rows.forEach((row, index) => {
    out.push(`<tr> <td>${escapeHtml(row.number)}</td> ${row.cells.map((cell, column) => htmlCell(cell, row.style, column, br)).join(' ')} </tr>`);
    if (pageEnds.has(index) && index < rows.length - 1) {
      const pageBreak = breaks[breakIndex++]!;
      const footer = FOOTERS[pageBreak.footer % FOOTERS.length]!;
      out.push('</tbody></table>', '');
      if (footer !== '') out.push(footer, '');
      out.push('<table border="1"><tbody>');
    }
  });
  out.push('</tbody></table>', '', 'This page is intentionally left blank', '');
  return out.join('\n');
}

// ---- The properties ----------------------------------------------------------------------

async function expectReadBack(markdown: string, expected: { authority: string; period: string; points: PointAnswer[] }): Promise<void> {
  const result = await importReturn(Buffer.from(markdown), { path: 'generated.md' });
  expect(essence(result.charterReturn), markdown).toEqual(expected);
  const problems = result.diagnostics.filter((d) => d.severity === 'error' || d.code === 'unassigned-text');
  expect(problems, markdown).toEqual([]);
  expect(result.charterReturn?.source.format).toBe('markdown');
}

describe('random returns written as markdown read back exactly', () => {
  it('as GFM pipe tables broken over pages', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(generated, async ({ council, period, answers, layout }) => {
        const points = returnOf(answers);
        await expectReadBack(renderPipeTables(points, period, council, layout), { authority: council, period, points });
      }),
      { numRuns: RUNS, seed: 3003, endOnFailure: true },
    );
  });

  it('as HTML tables broken over pages inside a paper', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(generated, async ({ council, period, answers, layout }) => {
        const points = returnOf(answers);
        await expectReadBack(renderHtmlTables(points, period, council, layout), { authority: council, period, points });
      }),
      { numRuns: RUNS, seed: 3004, endOnFailure: true },
    );
  });
});
