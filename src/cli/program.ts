/**
 * The commands and their options (commander). Each command imports what it needs only when it
 * runs, so that one command never pays for another's modules.
 */
import { Command, CommanderError, Option } from 'commander';
import { reportInternalError } from './internalError.js';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';
import { OutputError } from './outputSink.js';
import type { ImportCliOptions, ReadCliOptions, ReportCliOptions } from './options.js';
import { GROUP_BY } from '../compare/columnGroups.js';
import { FROM_NAMES } from '../read/readers.js';
import { REPORT_FORMATS } from '../write/report/writeReport.js';
import { OUTPUT_FORMATS } from '../write/writers.js';
import { REPORTER_NAMES } from '../report/reporters.js';
import { packageVersion } from './version.js';

/**
 * `import` writes data on standard output, so its diagnostics default to the contract's one line
 * each (`path:line: severity code: message`, greppable beside the data); `validate`'s report is
 * its output, so it defaults to `stylish`, grouped by file for people and CI logs.
 */
function addReadOptions(command: Command, defaultReporter: 'compact' | 'stylish'): Command {
  return command
    .addOption(new Option('--from <format>', 'force the input format').choices(FROM_NAMES))
    .option('--delimiter <char>', "the character between CSV cells: ',', ';' or tab (found from the content if not given)")
    .option('--period <text>', 'set the period (month and year) where the document does not say it')
    .option('--authority <text>', 'set the council the return belongs to')
    .option('--password <text>', 'password of an encrypted PDF')
    .option('--pages <range>', 'search only these PDF pages, e.g. 12-15')
    .option('--max-size <size>', 'refuse inputs larger than this (e.g. 50MB)', '200MB')
    .option('--max-per-code <n>', 'list at most N diagnostics of one code for an input; the rest are counted (default 1000)')
    .option('--max-diagnostics <n>', 'list at most N diagnostics for an input; the rest are counted (default 5000)')
    .addOption(new Option('--reporter <name>', 'how diagnostics are written').choices(REPORTER_NAMES).default(defaultReporter))
    .option('--strict', 'fail (exit 1) on warnings too')
    .option('--max-warnings <n>', 'fail (exit 1) when there are more than N warnings in all')
    .option('--rule <code=level>', "change a rule's level: off, info, warning or error (repeatable)", (value: string, previous: string[] = []) => [
      ...previous,
      value,
    ])
    .option('-q, --quiet', 'show only errors on standard error, and no progress')
    .option('--debug', 'show the details of an internal error');
}

const IMPORT_EXAMPLES = `
Examples:
  $ charter import fixtures/croydon-2015.tsv
  $ charter import paper.pdf --format csv -o croydon.csv
  $ charter import 'returns/**/*.md' --format ndjson
  $ charter import returns/ --out-dir out/ --format json
  $ charter import council-paper.pdf --inspect how-it-was-read.html
  $ cat return.tsv | charter import - --authority Croydon`;

export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('charter')
    .description('Turn End of Life Care Charter returns into clean, validated JSON, CSV or markdown.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });

  addReadOptions(
    program
      .command('import')
      .description('read returns, normalise, validate, write them')
      .argument('<input...>', 'files, folders, quoted globs, or - for standard input')
      .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('json'))
      .option('-o, --out <file>', 'write to FILE instead of standard output')
      .option('--out-dir <dir>', 'write one output file per input into DIR')
      .option('--csv-raw', 'write CSV cells as they are, without the guard against spreadsheet formulas')
      .option(
        '--inspect <file>',
        'draw how the PDF was read into FILE (HTML): words coloured by cell, row bands, column edges, furniture, lost text',
      ),
    'compact',
  )
    .addHelpText('after', IMPORT_EXAMPLES)
    .action(async (inputs: string[], options: ImportCliOptions) => {
      const { runImportCommand } = await import('./commands/importCommand.js');
      setExit(await runImportCommand(inputs, options, io));
    });

  addReadOptions(
    program
      .command('validate')
      .description('read and validate only: diagnostics and exit status, no data')
      .argument('<input...>', 'files, folders, quoted globs, or - for standard input')
      .option('-o, --out <file>', 'write the json or sarif report to FILE instead of standard output'),
    'stylish',
  )
    .addHelpText(
      'after',
      `
Examples:
  $ charter validate submitted/croydon.tsv
  $ charter validate returns/ --strict --reporter github
  $ charter validate returns/ --reporter sarif -o charter.sarif
  $ charter validate x.tsv --rule empty-answer=off --rule no-timescale=error`,
    )
    .action(async (inputs: string[], options: ReadCliOptions) => {
      const { runValidateCommand } = await import('./commands/validateCommand.js');
      setExit(await runValidateCommand(inputs, options, io));
    });

  addReadOptions(
    program
      .command('report')
      .description('compare returns across councils and periods: one HTML file, or --format md|csv|json')
      .argument('<input...>', 'files, folders, quoted globs, or - for standard input')
      .addOption(new Option('--format <format>', 'output format').choices(REPORT_FORMATS).default('html'))
      .option('-o, --out <file>', 'write to FILE instead of standard output')
      .addOption(new Option('--group-by <grouping>', 'order and group the 21 columns').choices(GROUP_BY).default('charter'))
      .option('--title <text>', "the report's title"),
    'compact',
  )
    .addHelpText(
      'after',
      '\nExamples:\n  $ charter report returns/ -o report.html\n  $ charter report returns/ --group-by ambition -o report.html\n  $ charter report returns/ --format csv -o comparison.csv',
    )
    .action(async (inputs: string[], options: ReportCliOptions) => {
      const { runReportCommand } = await import('./commands/reportCommand.js');
      setExit(await runReportCommand(inputs, options, io));
    });

  program
    .command('template')
    .description('write the blank return form (all 21 charter points, empty answers)')
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('json'))
    .option('-o, --out <file>', 'write to FILE instead of standard output')
    .option('--period <text>', 'the month and year for the "Where we are now" heading')
    .option('--authority <text>', 'the council the form is for')
    .addHelpText(
      'after',
      '\nExamples:\n  $ charter template --format md > form.md\n  $ charter template --format csv --period "May 2016" -o form.csv',
    )
    .action(async (options: { format: ImportCliOptions['format']; out?: string; period?: string; authority?: string }) => {
      const { runTemplateCommand } = await import('./commands/templateCommand.js');
      setExit(await runTemplateCommand(options, io));
    });

  program
    .command('schema')
    .description('write the JSON Schema of a return')
    .action(async () => {
      const { RETURN_SCHEMA } = await import('../validate/returnSchema.js');
      io.stdout.write(`${JSON.stringify(RETURN_SCHEMA, null, 2)}\n`);
      setExit(EXIT_OK);
    });

  program.addHelpText(
    'after',
    `
Examples:
  $ charter import fixtures/croydon-2015.tsv            # JSON on standard output
  $ charter import council-paper.pdf --format csv -o return.csv
  $ charter validate submitted/*.tsv                    # exit 1 if any return is invalid
  $ charter report returns/ -o report.html              # compare councils and periods
  $ charter template --format md                        # the blank form

Exit status: 0 every input valid, 1 some input not a valid return, 2 the command could not run.`,
  );
  return program;
}

/** Parses the arguments and runs the command; returns the exit status. */
export async function runProgram(argv: readonly string[], io: CliIo): Promise<number> {
  let status = EXIT_OK;
  const program = buildProgram(io, (code) => {
    status = Math.max(status, code);
  });
  if (argv.length === 0) {
    program.outputHelp({ error: true });
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_OK;
      return EXIT_USAGE;
    }
    if (error instanceof OutputError) {
      if (!error.standardOutput) io.stderr.write(`charter: ${error.message}\n`);
      return EXIT_USAGE;
    }
    reportInternalError(error, argv.includes('--debug'), io);
    return EXIT_USAGE;
  }
}
