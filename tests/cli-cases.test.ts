/**
 * The command line as a table: each case is its arguments, its standard input, the exit status
 * and checks of standard output and error. Every case runs twice, as markdownlint-cli2's tests
 * do: in-process through main() (fast, and what coverage sees), and through the installed
 * command, bin/charter.js in a Node process of its own (what a user's shell sees).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CROYDON_2015, essence } from './lib/expected.js';
import { runCli, type CliRun } from './lib/runCli.js';

const SEED = 'fixtures/croydon-2015.tsv';
const TWO_RETURNS = 'fixtures/producers/kingsmead-2016-2017-chromium-header-footer-two-returns.pdf';

/** A check of one stream: its exact text, a pattern it matches, or a function that asserts. */
type StreamCheck = string | RegExp | ((text: string) => void);

interface CliCase {
  name: string;
  args: string[];
  stdin?: Buffer;
  exit: number;
  stdout?: StreamCheck;
  stderr?: StreamCheck;
}

const lines = (text: string) => text.trim().split('\n');

export const CASES: CliCase[] = [
  {
    name: 'import writes the return as JSON and each diagnostic as one located line',
    args: ['import', SEED, '--reporter', 'compact'],
    exit: 0,
    stdout: (out) => expect(essence(JSON.parse(out))).toEqual(CROYDON_2015),
    stderr: (err) => {
      expect(lines(err)).toContain('fixtures/croydon-2015.tsv:36: info row-number-repaired: row number "1 0" read as 10');
      expect(lines(err).filter((line) => line.includes(' row-number-repaired: '))).toHaveLength(12);
      expect(lines(err).every((line) => /^fixtures\/croydon-2015\.tsv(:\d+)?: (error|warning|info) [a-z-]+: /.test(line))).toBe(true);
    },
  },
  {
    name: 'import reads standard input with -',
    args: ['import', '-', '--format', 'ndjson', '-q'],
    stdin: readFileSync(SEED),
    exit: 0,
    stdout: (out) => {
      const parsed = JSON.parse(out.trim());
      expect(parsed.source.path).toBeNull();
      expect(essence(parsed)).toEqual(CROYDON_2015);
    },
    stderr: '',
  },
  { name: 'a missing path exits 2', args: ['import', 'nope.tsv'], exit: 2, stderr: 'charter: nope.tsv: no such file or folder\n' },
  { name: 'an unknown option exits 2', args: ['import', SEED, '--bogus'], exit: 2, stderr: /unknown option '--bogus'/ },
  { name: 'an unknown output format exits 2', args: ['import', SEED, '--format', 'xml'], exit: 2 },
  { name: 'import with no input exits 2', args: ['import'], exit: 2 },
  { name: 'no command exits 2', args: [], exit: 2 },
  {
    name: 'a bad --pages exits 2',
    args: ['import', SEED, '--pages', 'ten'],
    exit: 2,
    stderr: 'charter: --pages takes a page or a range such as 12-15, not "ten"\n',
  },
  {
    name: 'a glob that matches nothing exits 2',
    args: ['import', 'no-match/*.tsv'],
    exit: 2,
    stderr: 'charter: no-match/*.tsv: no file matches this pattern\n',
  },
  {
    name: 'an input over --max-size is refused before it is read',
    args: ['import', SEED, '--max-size', '1KB', '--reporter', 'compact'],
    exit: 1,
    stdout: '',
    stderr: 'fixtures/croydon-2015.tsv: error input-too-large: the input is 8681 bytes, over the limit of 1024 bytes (raise it with --max-size)\n',
  },
  {
    name: 'validate --rule can turn a rule off',
    args: ['validate', SEED, '--rule', 'no-timescale=off', '--strict', '--reporter', 'compact'],
    exit: 0,
    stderr: (err) => expect(err).not.toContain('no-timescale'),
  },
  {
    name: 'validate --rule can make a rule an error',
    args: ['validate', SEED, '--rule', 'no-timescale=error', '-q', '--reporter', 'compact'],
    exit: 1,
    stderr: (err) => expect(err).toContain('fixtures/croydon-2015.tsv:15: error no-timescale: '),
  },
  {
    name: 'validate refuses an unknown --rule code',
    args: ['validate', SEED, '--rule', 'no-such-rule=off'],
    exit: 2,
    stderr: /^charter: .*no-such-rule/,
  },
  {
    name: 'validate --strict fails on warnings',
    args: ['validate', SEED, '--strict', '-q'],
    exit: 1,
    stderr: /\(failed: \d+ warnings, and --strict makes warnings fail\)\n$/,
  },
  { name: 'validate --max-warnings 2 fails the seed', args: ['validate', SEED, '--max-warnings', '2', '-q'], exit: 1 },
  { name: 'validate --max-warnings 100 passes the seed', args: ['validate', SEED, '--max-warnings', '100', '-q'], exit: 0 },
  {
    name: 'validate writes a json report on standard output',
    args: ['validate', SEED, '--reporter', 'json'],
    exit: 0,
    stdout: (out) => expect(JSON.parse(out)[0]).toMatchObject({ path: 'fixtures/croydon-2015.tsv', valid: true, errorCount: 0 }),
  },
  {
    name: 'validate writes a sarif report on standard output',
    args: ['validate', SEED, '--reporter', 'sarif'],
    exit: 0,
    stdout: (out) => expect(JSON.parse(out).version).toBe('2.1.0'),
  },
  {
    name: 'validate writes github commands on standard error',
    args: ['validate', SEED, '--reporter', 'github'],
    exit: 0,
    stderr: (err) => expect(err).toContain('::warning file=fixtures/croydon-2015.tsv,line=15,title=no-timescale::'),
  },
  {
    name: 'a paper with no return exits 1, with one line and no stack trace',
    args: ['import', 'fixtures/croydon-agenda-2017.md', '--reporter', 'compact'],
    exit: 1,
    stderr: (err) => {
      expect(err).toMatch(/^fixtures\/croydon-agenda-2017\.md: error no-return-found: /m);
      expect(err).not.toMatch(/^\s+at /m);
    },
  },
  {
    name: '--version prints the version',
    args: ['--version'],
    exit: 0,
    stdout: `${(JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version}\n`,
  },
  {
    name: 'schema prints the committed schema file',
    args: ['schema'],
    exit: 0,
    stdout: (out) => expect(JSON.parse(out)).toEqual(JSON.parse(readFileSync('schemas/return.schema.json', 'utf8'))),
  },
  {
    name: 'import writes every return of a paper holding two, as a JSON array',
    args: ['import', TWO_RETURNS, '-q'],
    exit: 0,
    stdout: (out) => {
      const returns = JSON.parse(out) as { period: string; source: { pages: number[] } }[];
      expect(returns.map((r) => [r.period, r.source.pages])).toEqual([
        ['November 2016', [3, 4, 5]],
        ['September 2017', [6, 7, 8]],
      ]);
    },
  },
  {
    name: 'import writes a row per point of each return of a paper as CSV, each with its own period',
    args: ['import', TWO_RETURNS, '--format', 'csv', '-q'],
    exit: 0,
    stdout: (out) => {
      const periods = lines(out)
        .slice(1)
        .map((line) => /,Kingsmead,([A-Za-z]+ \d{4}),/.exec(line)?.[1]);
      expect(periods.filter((p) => p === 'November 2016')).toHaveLength(21);
      expect(periods.filter((p) => p === 'September 2017')).toHaveLength(21);
    },
  },
  {
    name: 'import says where each return of a paper is',
    args: ['import', TWO_RETURNS, '--format', 'ndjson'],
    exit: 0,
    stdout: (out) => expect(lines(out)).toHaveLength(2),
    stderr: (err) =>
      expect(lines(err).filter((line) => line.includes(' return-found: '))).toEqual([
        `${TWO_RETURNS}:page 3: info return-found: return 1 of 2 in the document (November 2016), on pages 3–5`,
        `${TWO_RETURNS}:page 6: info return-found: return 2 of 2 in the document (September 2017), on pages 6–8`,
      ]),
  },
];

function check(stream: string, actual: string, expected: StreamCheck | undefined): void {
  if (expected === undefined) return;
  if (typeof expected === 'string') expect(actual, stream).toBe(expected);
  else if (expected instanceof RegExp) expect(actual, stream).toMatch(expected);
  else expected(actual);
}

function expectCase(run: CliRun, cliCase: CliCase): void {
  expect(run.status, `exit status; stderr: ${run.stderr}`).toBe(cliCase.exit);
  check('stdout', run.stdout, cliCase.stdout);
  check('stderr', run.stderr, cliCase.stderr);
}

/** The installed command, in a process of its own; never rejects, whatever the exit status. */
function runBin(args: string[], stdin?: Buffer): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['bin/charter.js', ...args],
      { env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ status: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin ?? '');
  });
}

describe('charter, in-process', () => {
  for (const cliCase of CASES) {
    it(cliCase.name, async () => expectCase(await runCli(cliCase.args, cliCase.stdin === undefined ? {} : { stdin: cliCase.stdin }), cliCase));
  }
});

describe('charter, as the installed command', () => {
  for (const cliCase of CASES) {
    it(cliCase.name, { timeout: 60_000 }, async () => expectCase(await runBin(cliCase.args, cliCase.stdin), cliCase));
  }
});
