/**
 * Every regular expression under src/ must run in linear time: inputs may hold 1 MB lines.
 * Statically, ESLint's regexp rules (no-super-linear-backtracking, no-super-linear-move) judge
 * every literal, and scslre the patterns built at run time. And each is run against 1 MB runs of
 * the characters that make patterns backtrack (white space, digits, words, pipes, brackets…),
 * alone and after the words the pattern itself looks for, in a worker thread: a run that has not
 * finished after 20 s (a linear one takes milliseconds, a quadratic one hours) is stopped and named.
 * Nothing is timed.
 *
 * The markdown and HTML parsers are not ours, and their time grows with the square of some shapes
 * (inline markers in one block, table cells, nesting): what the markdown reader hands them is
 * measured here by counting, never by the clock. The parsers are wrapped to see their inputs.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { RETURN_SCHEMA } from '../src/validate/returnSchema.js';
import { collectRegexes, type RegexLiteral } from './support/regexLiterals.js';
import { analyse } from 'scslre';
import { RegExpParser } from '@eslint-community/regexpp';
import { findHungRegexes, type RegexJob } from './support/regexTimer.js';
import type { Diagnostic } from '../src/model.js';
import { MAX_PARSE_WORK } from '../src/read/markdown/defuse.js';
import { extractPandocTables } from '../src/read/markdown/pandocTables.js';
import { readMarkdown } from '../src/read/markdown/readMarkdown.js';

/**
 * What the markdown reader hands the two parsers, as it hands it, and the markdown parser's work on
 * it counted as its costly steps: in each block (a run of lines between blank ones, outside code
 * fences) the square of its inline markers, which the parser matches up against each other, and for
 * a pipe table 2,000 for each cell. Text over the budget is not parsed at all (it would take
 * minutes): the test has failed by then.
 */
const parsed = vi.hoisted(() => {
  const fence = /^ {0,3}(?:```|~~~)/;
  const parserWork = (markdown: string): number => {
    let work = 0;
    let inFence = false;
    for (const block of markdown.split(/\n[ \t]*\n/)) {
      const lines = block.split('\n');
      const fenced = inFence || lines.some((line) => fence.test(line));
      for (const line of lines) if (fence.test(line)) inFence = !inFence;
      if (fenced || block.trimStart().startsWith('<')) continue;
      const markers = block.match(/[*_~[\]!&<\\`]/g)?.length ?? 0;
      const table = lines.some((line) => line.includes('-') && line.includes('|') && /^[-|: \t]+$/.test(line));
      const cells = table ? lines.reduce((sum, line) => sum + (line.match(/\|/g)?.length ?? 0) + 1, 0) : 0;
      work += markers * markers + 2000 * cells;
    }
    return work;
  };
  return { markdown: [] as string[], html: [] as string[], work: 0, parserWork };
});
vi.mock('../src/read/markdown/parseMarkdown.js', async (original) => {
  const real = await original<typeof import('../src/read/markdown/parseMarkdown.js')>();
  const { MAX_PARSE_WORK: budget } = await import('../src/read/markdown/defuse.js');
  return {
    parseMarkdown: (text: string) => {
      parsed.markdown.push(text);
      parsed.work += parsed.parserWork(text);
      return parsed.work > budget ? { type: 'root', children: [] } : real.parseMarkdown(text);
    },
  };
});
vi.mock('hast-util-from-html', async (original) => {
  const real = await original<typeof import('hast-util-from-html')>();
  return { fromHtml: (html: string) => (parsed.html.push(html), real.fromHtml(html)) };
});

const ROOT = new URL('..', import.meta.url).pathname;
const SIZE = 1 << 20;

/** Runs of these, 1 MB long, are what make a pattern with overlapping quantifiers backtrack. */
const UNITS = [' ', '\t', '\n', '\u00a0', '0', '1 ', 'a', 'A', 'a ', '|', '|-', '-', '(', ',', '.', '#'];

/** After a word the pattern looks for, fewer units suffice: the pattern is then deep inside its match. */
const UNITS_AFTER_PREFIX = [' ', 'a', '0'];

/** Literal words and phrases in a pattern's source ("charter", "London Borough of"), to lead inputs with. */
function phrasesIn(source: string): string[] {
  const literal = source.replace(/\\[^pPu]|\\[pPu]\{[^}]*\}|\\u[0-9a-fA-F]{4}/g, '\u0000');
  const phrases = literal.match(/[A-Za-z](?:[A-Za-z ]*[A-Za-z])?/g) ?? [];
  return [...new Set(phrases.filter((phrase) => phrase.length >= 2))].slice(0, 3);
}

function jobFor(regex: RegexLiteral): RegexJob {
  const inputs = UNITS.map((unit) => ({ prefix: '', unit }));
  const prefixes = ['1'];
  for (const phrase of phrasesIn(regex.source)) prefixes.push(`${phrase} `, `${phrase[0]!.toUpperCase()}${phrase.slice(1)} A`);
  for (const prefix of prefixes) for (const unit of UNITS_AFTER_PREFIX) inputs.push({ prefix, unit });
  return { where: regex.where, source: regex.source, flags: regex.flags, inputs };
}

/**
 * Patterns built at run time, by the file that builds them, with the shapes they take. A new
 * `new RegExp(...)` under src/ must be added here, with representative patterns.
 */
const DYNAMIC_PATTERNS: Record<string, RegexLiteral[]> = {
  // Council names, escaped and joined as alternatives: one council's, or every alias longest first.
  'src/normalise/metadata.ts': [
    { where: 'src/normalise/metadata.ts (council names)', source: '\\b(?:Barking & Dagenham|Barking and Dagenham)\\b', flags: 'g' },
    { where: 'src/normalise/metadata.ts (council names)', source: '\\b(?:Kingston upon Thames|Kingston)\\b', flags: 'g' },
    {
      where: 'src/normalise/metadata.ts (every alias)',
      source: '\\b(?:Kingston upon Thames|City of Westminster|Barking & Dagenham|Tower Hamlets|Westminster|Kingston|Croydon|Sutton)\\b',
      flags: 'g',
    },
  ],
  // The precompiled schema validator: the `pattern` keywords of the schema.
  'src/validate/returnValidator.generated.ts': schemaPatterns(RETURN_SCHEMA).map((source) => ({
    where: 'src/validate/returnValidator.generated.ts (schema pattern)',
    source,
    flags: 'u',
  })),
};

function schemaPatterns(schema: unknown): string[] {
  if (Array.isArray(schema)) return schema.flatMap(schemaPatterns);
  if (schema === null || typeof schema !== 'object') return [];
  return Object.entries(schema).flatMap(([key, value]) => (key === 'pattern' && typeof value === 'string' ? [value] : schemaPatterns(value)));
}

describe('regular expressions under src/', () => {
  const { literals, dynamic } = collectRegexes(ROOT);

  it('are found in the source', () => {
    // Guards the collector itself: the normaliser and readers are full of patterns.
    expect(literals.length).toBeGreaterThan(30);
    expect(literals.some((regex) => regex.where.startsWith('src/normalise/rowNumbers.ts'))).toBe(true);
  });

  it('built at run time are each accounted for here', () => {
    const files = [...new Set(dynamic.map((site) => site.where.replace(/:\d+$/, '')))].sort();
    expect(files, `new RegExp(...) at ${dynamic.map((site) => site.where).join(', ')}`).toEqual(Object.keys(DYNAMIC_PATTERNS).sort());
  });

  it('built at run time are free of super-linear backtracking, as scslre judges them', () => {
    const parser = new RegExpParser();
    const reported = Object.values(DYNAMIC_PATTERNS)
      .flat()
      .flatMap((regex) => {
        const literal = parser.parseLiteral(`/${regex.source}/${regex.flags}`);
        return analyse(literal).reports.map((report) => `${regex.where} /${regex.source}/: ${report.type}`);
      });
    expect(reported).toEqual([]);
  });

  it('finish on 1 MB adversarial inputs', { timeout: 600_000 }, async () => {
    const files = [...new Set(dynamic.map((site) => site.where.replace(/:\d+$/, '')))];
    const patterns = [...literals, ...files.flatMap((file) => DYNAMIC_PATTERNS[file] ?? [])];
    const hung = await findHungRegexes(patterns.map(jobFor), { size: SIZE, stopAfterMs: 20_000 });
    expect(hung.map((run) => `${run.where} ${run.pattern} on ${run.input}`)).toEqual([]);
  });

  it('are judged by checks that do catch a catastrophic pattern', { timeout: 60_000 }, async () => {
    // (a+)+$ on "aaaa…!" is the textbook exponential case; \s*x?\s*$ the quadratic one.
    const hung = await findHungRegexes(
      [
        { where: 'nested', source: '^(a+)+$', flags: '', inputs: [{ prefix: '', unit: 'a' }] },
        { where: 'quadratic', source: '\\s*x?\\s*$', flags: '', inputs: [{ prefix: '', unit: ' ' }] },
        { where: 'linear', source: '\\s+', flags: 'g', inputs: [{ prefix: '', unit: ' ' }] },
      ],
      { size: SIZE, stopAfterMs: 3_000 },
    );
    expect(hung.map((run) => run.where)).toEqual(['nested', 'quadratic']);
    const parser = new RegExpParser();
    expect(analyse(parser.parseLiteral('/\\s*x?\\s*$/')).reports.length).toBeGreaterThan(0);
    expect(analyse(parser.parseLiteral('/\\s+/g')).reports).toEqual([]);
  });
});

/**
 * Patterns rewritten to run in linear time must accept what they accepted before. The old
 * patterns are kept here; the new ones are read from the source.
 */
describe('patterns rewritten for linear time', () => {
  const { literals } = collectRegexes(ROOT);
  const current = (file: string, marker: string): RegExp => {
    const found = literals.filter((regex) => regex.where.startsWith(`${file}:`) && regex.source.includes(marker));
    expect(found, `one pattern in ${file} holding ${marker}`).toHaveLength(1);
    return new RegExp(found[0]!.source, found[0]!.flags);
  };
  const textFrom = (pieces: readonly string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join(''));
  const sameVerdicts = (before: RegExp, after: RegExp, pieces: readonly string[]) =>
    fc.assert(
      fc.property(textFrom(pieces), (text) => {
        expect(after.test(text), JSON.stringify(text)).toBe(before.test(text));
      }),
      { seed: 7, numRuns: 2000 },
    );

  it('row-number cells (rowNumbers.ts)', () => {
    sameVerdicts(/^\s*(?:no\.?\s*)?(\d(?:\s?\d){0,2})\s*[.):]?\s*$/i, current('src/normalise/rowNumbers.ts', '[.):]'), [
      ' ',
      '\t',
      '1',
      '0',
      '.',
      ')',
      ':',
      'no',
      'No.',
      'x',
    ]);
  });

  it('number headings (columns.ts)', () => {
    sameVerdicts(/^\W*(no|num|number|#|ref|point|item)\W*$/i, current('src/normalise/columns.ts', 'number'), [
      ' ',
      '#',
      '.',
      'no',
      'No',
      'num',
      'ref',
      'x',
      '_',
      ':',
      '1',
    ]);
  });

  it('markdown delimiter rows (detect.ts)', () => {
    sameVerdicts(/^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{1,}:?\s*)+\|?\s*$/, current('src/read/detect.ts', ':?-{2,}'), [' ', '|', '-', '--', ':', 'x']);
  });

  it('a council named in a title (metadata.ts)', () => {
    const before = /\b(?:London Borough of|Royal Borough of)\s+([A-Z][A-Za-z&' ]+?)(?=$|[\s,.;:)]*(?:\n|$|Council\b|return\b))/;
    const after = current('src/normalise/metadata.ts', 'London Borough of');
    const pieces = [
      'London Borough of ',
      'Royal Borough of ',
      'Croydon',
      'Kingston upon Thames',
      ' ',
      '  ',
      '\n',
      ',',
      '.',
      ')',
      ' & ',
      "'s",
      'Council',
      'return',
      'Adult',
      'Care',
    ];
    fc.assert(
      fc.property(textFrom(pieces), (text) => {
        // The whole match is what the council names are looked for in.
        expect(after.exec(text)?.[0].trimEnd(), JSON.stringify(text)).toBe(before.exec(text)?.[0].trimEnd());
      }),
      { seed: 7, numRuns: 3000 },
    );
  });
});

/** The deepest nesting of elements in HTML, counted from its tags (void and self-closing ones aside). */
function htmlDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [, closing, name] of html.matchAll(/<(\/?)([a-z][a-z0-9]{0,15})/gi)) {
    if (
      /^(?:br|hr|img|input|meta|link|p|li|td|th|tr|tbody|thead|tfoot|col|wbr|area|base|source|track|embed|param|dt|dd|option|optgroup|caption|colgroup|rt|rp)$/i.test(
        name!,
      )
    )
      continue;
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

describe('the markdown and HTML the reader hands its parsers', () => {
  const wideRow = `|${'a|'.repeat(50_000)}`;
  const SHAPES: [string, string][] = [
    // Issue 14's two: 76 s, and 31 s with 1.2 GB, before they were measured here.
    ["'*_' 20,000 times (40 KB)", '*_'.repeat(20_000)],
    ["'*_' 100,000 times (200 KB)", '*_'.repeat(100_000)],
    ['a 1 MB pipe table 50,000 columns wide', [wideRow, `|${'-|'.repeat(50_000)}`, ...Array<string>(8).fill(wideRow)].join('\n')],
    ['a pipe table of 85,000 rows (1 MB)', ['|a|b|c|d|e|', '|-|-|-|-|-|', ...Array<string>(85_000).fill('|a|b|c|d|e|')].join('\n')],
    ["'a_ ' over 200 KB", 'a_ '.repeat(70_000)],
    ["'![a ' over 200 KB", '![a '.repeat(50_000)],
    ["'a~ ' over 200 KB", 'a~ '.repeat(70_000)],
    ["'a] ' over 200 KB", 'a] '.repeat(70_000)],
    ["'[^a] ' over 200 KB", '[^a] '.repeat(40_000)],
    ['escaped markers over 200 KB', 'a\\* '.repeat(50_000)],
    ['every marker, 12,000 lines with no blank one', '*a_b~c[d]e`f<g|h\n'.repeat(12_000)],
    ['short paragraphs of 1,999 underscores each', `${'a_ '.repeat(1999)}\n\n`.repeat(40)],
  ];

  it.each(SHAPES)('%s: the parser is given work in step with the input, within its budget', (_name, markdown) => {
    parsed.markdown.length = 0;
    parsed.work = 0;
    readMarkdown(markdown, []);
    expect(parsed.work).toBeLessThanOrEqual(MAX_PARSE_WORK);
    expect(parsed.markdown.reduce((sum, text) => sum + text.length, 0)).toBeLessThanOrEqual(markdown.length + 1);
  });

  it('a real paper is handed over whole: the budget is far above what papers cost', () => {
    const paper = readFileSync(new URL('../fixtures/croydon-agenda-2017.md', import.meta.url), 'utf8');
    parsed.work = 0;
    const diagnostics: Diagnostic[] = [];
    readMarkdown(paper, diagnostics);
    expect(diagnostics.filter((d) => d.code === 'markup-defused')).toEqual([]);
    expect(parsed.work).toBeLessThan(MAX_PARSE_WORK / 20);
  });

  it('HTML nested 5,000 deep reaches the HTML parser no deeper than 1,000', () => {
    parsed.html.length = 0;
    readMarkdown(`Intro\n\n${'<div>'.repeat(5000)}<table><tr><td>1</td></tr></table>\n`, []);
    expect(parsed.html.map(htmlDepth).every((depth) => depth <= 1000)).toBe(true);
  });

  it("pandoc's grid tables are found in steps in step with the lines (each border once scanned the rest)", () => {
    const lines = '+--+--+\n| a | b |\n'.repeat(8000);
    const limit = 10 * 16_000;
    const real = RegExp.prototype.test;
    let steps = 0;
    // Each pattern test is a step; past the limit the count has failed, and the run stops.
    const counting = vi.spyOn(RegExp.prototype, 'test').mockImplementation(function (this: RegExp, text: string) {
      if (++steps > limit) throw new Error(`more than ${limit} pattern tests for 16,000 lines`);
      return real.call(this, text);
    });
    try {
      extractPandocTables(lines, []);
    } finally {
      counting.mockRestore();
    }
    expect(steps).toBeLessThanOrEqual(limit);
  });
});
