/**
 * The reporters over returns broken on purpose: each breakage gives exactly its code in every
 * reporter, and each reporter's whole output for one broken return is pinned.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../src/pipeline.js';
import { escapeData, escapeProperty } from '../src/report/github.js';
import { pathToUri } from '../src/report/sarif.js';
import { loadReporter, REPORTER_NAMES, summaryLine, type FileReport, type Reporter, type ReporterName } from '../src/report/reporters.js';

const reporters = Object.fromEntries(
  await Promise.all(REPORTER_NAMES.map(async (name) => [name, (await loadReporter(name)).report] as const)),
) as Record<ReporterName, Reporter>;
import { importBroken, type Breakage } from './fixtures-report/brokenReturn.js';

const toReport = (result: ImportResult): FileReport => ({ path: result.path, valid: result.valid, diagnostics: result.diagnostics });

const ALL_BROKEN: Breakage = { missing: 7, duplicated: 12, strayRowAfter: 3, emptyAnswer: 10, timescaleBeforePeriod: 15 };

async function twoFiles(): Promise<FileReport[]> {
  // Given good first, reported broken first: files are in path order.
  return [toReport(await importBroken({}, 'returns/good.tsv')), toReport(await importBroken(ALL_BROKEN, 'returns/broken.tsv'))];
}

/** The codes a reporter's output names, in its order. */
const CODES_IN: Record<(typeof REPORTER_NAMES)[number], (output: string) => string[]> = {
  stylish: (output) =>
    output
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .map((line) => line.trim().split(/\s+/).pop()!),
  json: (output) => (JSON.parse(output) as { diagnostics: { code: string }[] }[]).flatMap((file) => file.diagnostics.map((d) => d.code)),
  github: (output) =>
    output
      .split('\n')
      .filter(Boolean)
      .map((line) => /title=([^:,]+)::/.exec(line)![1]!),
  compact: (output) =>
    output
      .split('\n')
      .filter(Boolean)
      .map((line) => /: (?:error|warning|info) ([a-z-]+): /.exec(line)![1]!),
  sarif: (output) => (JSON.parse(output) as { runs: { results: { ruleId: string }[] }[] }).runs[0]!.results.map((result) => result.ruleId),
};

describe('each breakage gives exactly its code, in every reporter', () => {
  const cases: [string, Breakage, string][] = [
    ['a point missing', { missing: 7 }, 'missing-point'],
    ['two rows with one number', { duplicated: 12 }, 'duplicate-point'],
    ['a row matching no point', { strayRowAfter: 3 }, 'unknown-point'],
    ['an empty answer', { emptyAnswer: 10 }, 'empty-answer'],
    ['a timescale before the period', { timescaleBeforePeriod: 15 }, 'timescale-before-period'],
  ];
  it.each(cases)('%s', async (_name, breakage, code) => {
    const result = await importBroken(breakage);
    for (const name of REPORTER_NAMES) {
      expect(CODES_IN[name](reporters[name]([toReport(result)])), name).toEqual([code]);
    }
  });

  it('and an unbroken return gives none', async () => {
    const result = await importBroken({});
    expect(result.diagnostics).toEqual([]);
    for (const name of REPORTER_NAMES) expect(CODES_IN[name](reporters[name]([toReport(result)])), name).toEqual([]);
  });
});

describe('stylish', () => {
  it('groups by file, aligns line:col, severity, message and code, and ends with the summary', async () => {
    expect(reporters.stylish(await twoFiles()).split('\n')).toEqual([
      'returns/broken.tsv',
      '  5:1   error    row numbered "25" ("Parking permits for visitors Issued on request Faster issue…") is not one of the charter\'s 21 points                                                                      unknown-point',
      '  11:1  warning  point 10 has no answer under "Where we need to improve"                                                                                                                                       empty-answer',
      '  14:1  error    point 12 appears again (first at line 13); this row was left out: "There is a timely whole system approach from early intervention through to post death support | We have made a start on…"  duplicate-point',
      '  17:1  warning  point 15: timescale "Dec 2014" ends on 2014-12-31, before the return\'s period (May 2015) begins                                                                                               timescale-before-period',
      '  -     error    point 7 ("Users and carers are fully involved in changes to…") is missing from the return                                                                                                     missing-point',
      '',
      '2 files: 1 valid, 1 invalid — 3 errors, 2 warnings',
      '',
    ]);
  });

  it('colours only with a colour chalk', async () => {
    const results = await twoFiles();
    const plain = reporters.stylish(results);
    const coloured = reporters.stylish(results, { chalk: new Chalk({ level: 1 }) });
    expect(plain).not.toMatch(/\u001b\[/);
    expect(coloured).toContain('\u001b[31merror\u001b[39m');
    expect(coloured).toContain('\u001b[33mwarning\u001b[39m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  it('shows a page, a place-less diagnostic, and a run with nothing to say', () => {
    const output = reporters.stylish([
      {
        path: 'paper.pdf',
        valid: true,
        diagnostics: [
          { severity: 'info', code: 'page-footer-dropped', message: 'dropped "Page 2"', page: 2, line: 40 },
          { severity: 'info', code: 'authority-inferred', message: 'from the title' },
        ],
      },
      { path: null, valid: true, diagnostics: [] },
    ]);
    expect(output).toBe(
      [
        'paper.pdf',
        '  page 2, 40:1  info  dropped "Page 2"  page-footer-dropped',
        '  -             info  from the title    authority-inferred',
        '',
        '2 files: 2 valid, 0 invalid — 0 errors, 0 warnings',
        '',
      ].join('\n'),
    );
    expect(reporters.stylish([{ path: 'a.tsv', valid: true, diagnostics: [] }])).toBe('1 file: 1 valid, 0 invalid — 0 errors, 0 warnings\n');
  });

  it('keeps a message with line breaks on one line', () => {
    const output = reporters.stylish([
      { path: 'a.tsv', valid: false, diagnostics: [{ severity: 'error', code: 'unknown-point', message: 'one\ntwo\r\nthree', line: 3 }] },
    ]);
    expect(output.split('\n')[1]).toBe('  3:1  error  one two three  unknown-point');
  });
});

describe('summaryLine', () => {
  it('counts files, valid and invalid ones, errors and warnings', async () => {
    expect(summaryLine(await twoFiles())).toBe('2 files: 1 valid, 1 invalid — 3 errors, 2 warnings');
    expect(summaryLine([{ path: 'a', valid: true, diagnostics: [{ severity: 'warning', code: 'no-timescale', message: 'm' }] }])).toBe(
      '1 file: 1 valid, 0 invalid — 0 errors, 1 warning',
    );
  });
});

describe('json', () => {
  it('is an array of {path, valid, diagnostics, counts}, files by path, diagnostics by line then code', async () => {
    const broken = await importBroken(ALL_BROKEN, 'returns/broken.tsv');
    const parsed = JSON.parse(reporters.json(await twoFiles())) as unknown;
    expect(parsed).toEqual([
      {
        path: 'returns/broken.tsv',
        valid: false,
        diagnostics: [
          broken.diagnostics.find((d) => d.code === 'unknown-point'),
          broken.diagnostics.find((d) => d.code === 'empty-answer'),
          broken.diagnostics.find((d) => d.code === 'duplicate-point'),
          broken.diagnostics.find((d) => d.code === 'timescale-before-period'),
          broken.diagnostics.find((d) => d.code === 'missing-point'),
        ],
        errorCount: 3,
        warningCount: 2,
        infoCount: 0,
      },
      { path: 'returns/good.tsv', valid: true, diagnostics: [], errorCount: 0, warningCount: 0, infoCount: 0 },
    ]);
    expect((parsed as { diagnostics: { line?: number }[] }[])[0]!.diagnostics.map((d) => d.line)).toEqual([5, 11, 14, 17, undefined]);
    expect(reporters.json(await twoFiles())).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
  });

  it('orders diagnostics on one line by code', () => {
    const output = reporters.json([
      {
        path: 'a.tsv',
        valid: true,
        diagnostics: [
          { severity: 'warning', code: 'no-timescale', message: 'b', line: 4 },
          { severity: 'info', code: 'timescale-unclear', message: 'c', line: 2 },
          { severity: 'warning', code: 'empty-answer', message: 'a', line: 4 },
        ],
      },
    ]);
    expect((JSON.parse(output) as { diagnostics: { code: string }[] }[])[0]!.diagnostics.map((d) => d.code)).toEqual([
      'timescale-unclear',
      'empty-answer',
      'no-timescale',
    ]);
  });
});

describe('github', () => {
  it('writes one workflow command per diagnostic', async () => {
    expect(reporters.github(await twoFiles()).split('\n')).toEqual([
      '::error file=returns/broken.tsv,line=5,title=unknown-point::row numbered "25" ("Parking permits for visitors Issued on request Faster issue…") is not one of the charter\'s 21 points',
      '::warning file=returns/broken.tsv,line=11,title=empty-answer::point 10 has no answer under "Where we need to improve"',
      '::error file=returns/broken.tsv,line=14,title=duplicate-point::point 12 appears again (first at line 13); this row was left out: "There is a timely whole system approach from early intervention through to post death support | We have made a start on…"',
      '::warning file=returns/broken.tsv,line=17,title=timescale-before-period::point 15: timescale "Dec 2014" ends on 2014-12-31, before the return\'s period (May 2015) begins',
      '::error file=returns/broken.tsv,title=missing-point::point 7 ("Users and carers are fully involved in changes to…") is missing from the return',
      '',
    ]);
  });

  it('escapes as the Actions toolkit does: %, CR and LF in the message; also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('dir:x,y%\n.tsv')).toBe('dir%3Ax%2Cy%25%0A.tsv');
    const output = reporters.github([
      {
        path: 'returns/a,b: 100%.tsv',
        valid: true,
        diagnostics: [{ severity: 'info', code: 'timescale-unclear', message: 'point 3: "next quarter"\nis 100% unclear, sorry', line: 9, point: 3 }],
      },
      { path: null, valid: true, diagnostics: [{ severity: 'warning', code: 'no-timescale', message: 'no timescale', page: 2 }] },
    ]);
    expect(output).toBe(
      '::notice file=returns/a%2Cb%3A 100%25.tsv,line=9,title=timescale-unclear::point 3: "next quarter"%0Ais 100%25 unclear, sorry\n' +
        '::warning title=no-timescale::page 2: no timescale\n',
    );
  });

  it('writes nothing where there is nothing to say', () => {
    expect(reporters.github([{ path: 'a.tsv', valid: true, diagnostics: [] }])).toBe('');
  });
});

describe('sarif', () => {
  const schema = JSON.parse(readFileSync(new URL('./fixtures-report/sarif-2.1.0-github.schema.json', import.meta.url), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

  it('is SARIF 2.1.0 with one rule per code used and one result per diagnostic', async () => {
    const output = reporters.sarif(await twoFiles(), { version: '0.1.0', informationUri: 'https://example.invalid/charter' });
    const log = JSON.parse(output) as unknown;
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(output).toBe(`${JSON.stringify(log, null, 2)}\n`);
    const rule = (id: string, text: string, level: string) => ({
      id,
      shortDescription: { text },
      fullDescription: { text },
      help: { text: `${text} See "Diagnostics" in charter's README for every code.` },
      defaultConfiguration: { level },
    });
    const at = (line?: number) => [
      { physicalLocation: { artifactLocation: { uri: 'returns/broken.tsv' }, ...(line === undefined ? {} : { region: { startLine: line } }) } },
    ];
    const broken = await importBroken(ALL_BROKEN, 'returns/broken.tsv');
    const message = (code: string) => ({ text: broken.diagnostics.find((d) => d.code === code)!.message });
    expect(log).toEqual({
      $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'charter',
              version: '0.1.0',
              informationUri: 'https://example.invalid/charter',
              rules: [
                rule('missing-point', 'A charter point has no row in the return.', 'error'),
                rule('duplicate-point', 'Two rows carry the same point; the second is left out.', 'error'),
                rule('unknown-point', 'A row inside the table matches no charter point.', 'error'),
                rule('empty-answer', 'A point has no answer in one or more of its three columns.', 'warning'),
                rule('timescale-before-period', "A timescale ends before the return's own period begins.", 'warning'),
              ],
            },
          },
          results: [
            { ruleId: 'unknown-point', ruleIndex: 2, level: 'error', message: message('unknown-point'), locations: at(5) },
            {
              ruleId: 'empty-answer',
              ruleIndex: 3,
              level: 'warning',
              message: message('empty-answer'),
              locations: at(11),
              properties: { point: 10 },
            },
            {
              ruleId: 'duplicate-point',
              ruleIndex: 1,
              level: 'error',
              message: message('duplicate-point'),
              locations: at(14),
              properties: { point: 12 },
            },
            {
              ruleId: 'timescale-before-period',
              ruleIndex: 4,
              level: 'warning',
              message: message('timescale-before-period'),
              locations: at(17),
              properties: { point: 15 },
            },
            { ruleId: 'missing-point', ruleIndex: 0, level: 'error', message: message('missing-point'), locations: at(), properties: { point: 7 } },
          ],
        },
      ],
    });
  });

  it('maps info to note, places PDF pages in the message, and leaves standard input unlocated', () => {
    const log = JSON.parse(
      reporters.sarif([
        { path: null, valid: true, diagnostics: [{ severity: 'info', code: 'page-footer-dropped', message: 'dropped', page: 3 }] },
        { path: 'C:\\returns\\my return #2.tsv', valid: true, diagnostics: [{ severity: 'info', code: 'made-up-code', message: 'odd', line: 1 }] },
      ]),
    ) as { runs: { tool: { driver: Record<string, unknown> }; results: Record<string, unknown>[] }[] };
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const run = log.runs[0]!;
    expect(run.tool.driver.version).toBeUndefined();
    expect(run.results).toEqual([
      {
        ruleId: 'made-up-code',
        ruleIndex: 1,
        level: 'note',
        message: { text: 'odd' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///C:/returns/my%20return%20%232.tsv' }, region: { startLine: 1 } } }],
      },
      { ruleId: 'page-footer-dropped', ruleIndex: 0, level: 'note', message: { text: 'page 3: dropped' }, properties: { page: 3 } },
    ]);
    expect((run.tool.driver.rules as { id: string }[]).map((entry) => entry.id)).toEqual(['page-footer-dropped', 'made-up-code']);
  });

  it('is checked by a schema that does catch a broken log', () => {
    expect(
      validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'charter' } }, results: [{ ruleId: 'x', mesage: { text: 'typo' } }] }] }),
    ).toBe(false);
    expect(
      validate({
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'charter' } },
            results: [
              {
                ruleId: 'x',
                message: { text: 't' },
                locations: [{ physicalLocation: { artifactLocation: { uri: 'a.tsv' }, region: { startLine: 0 } } }],
              },
            ],
          },
        ],
      }),
    ).toBe(false);
  });

  it('writes paths as URI references', () => {
    expect(pathToUri('returns/croydon 2015.tsv')).toBe('returns/croydon%202015.tsv');
    expect(pathToUri('/srv/returns/a.tsv')).toBe('file:///srv/returns/a.tsv');
    expect(pathToUri('returns\\b.tsv')).toBe('returns/b.tsv');
  });
});
