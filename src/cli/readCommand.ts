/** What `import` and `validate` share: expanding inputs, running the core, reporting diagnostics. */
import type { ChalkInstance } from 'chalk';
import { formatFromName, type InputFormatName } from '../read/detect.js';
import { stderrChalk } from './colour.js';
import { diagnosticLine, displayPath } from './diagnosticLine.js';
import { expandInputs, type InputFile } from './inputs.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';
import type { ReadCliOptions } from './main.js';
import { reportInternalError } from './main.js';
import { runInput, type CoreOptions, type InputOutcome } from './runInputs.js';

export function coreOptions(options: ReadCliOptions): CoreOptions | string {
  const core: CoreOptions = {
    format: options.from ? formatFromName(options.from as InputFormatName) : undefined,
    authority: options.authority,
    period: options.period,
    password: options.password,
  };
  if (options.pages !== undefined) {
    const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(options.pages);
    const from = match ? Number(match[1]) : NaN;
    const to = match ? Number(match[2] ?? match[1]) : NaN;
    if (!match || from < 1 || to < from) return `--pages takes a page or a range such as 12-15, not ${JSON.stringify(options.pages)}`;
    core.pages = { from, to };
  }
  return core;
}

export interface ReadRun {
  outcomes: InputOutcome[];
  status: number;
  inputs: InputFile[];
}

/** Expand and read every input, printing diagnostics as each finishes. Null where the command cannot run. */
export async function readAll(args: readonly string[], options: ReadCliOptions, io: CliIo): Promise<ReadRun | null> {
  const chalk = stderrChalk(io);
  const core = coreOptions(options);
  if (typeof core === 'string') {
    io.stderr.write(`charter: ${core}\n`);
    return null;
  }
  const { inputs, problems } = await expandInputs(args, io);
  if (problems.length > 0 || inputs.length === 0) {
    for (const problem of problems) io.stderr.write(`charter: ${problem}\n`);
    if (problems.length === 0) io.stderr.write('charter: no input to read\n');
    return null;
  }
  const outcomes: InputOutcome[] = [];
  let status = EXIT_OK;
  for (const input of inputs) {
    const outcome = await runInput(input, core, io);
    outcomes.push(outcome);
    status = Math.max(status, reportOutcome(outcome, options, io, chalk));
  }
  return { outcomes, status, inputs };
}

export function reportOutcome(outcome: InputOutcome, options: ReadCliOptions, io: CliIo, chalk: ChalkInstance): number {
  if (outcome.internalError !== undefined) {
    io.stderr.write(`${displayPath(outcome.input.path)}: `);
    reportInternalError(outcome.internalError, options.debug ?? false, io);
    return EXIT_USAGE;
  }
  for (const diagnostic of outcome.result.diagnostics) {
    if (options.quiet && diagnostic.severity !== 'error') continue;
    io.stderr.write(`${diagnosticLine(outcome.input.path, diagnostic, chalk)}\n`);
  }
  return outcome.result.valid ? EXIT_OK : EXIT_INVALID;
}
