/** What `import` and `validate` share: expanding inputs, running the core, reporting diagnostics. */
import type { ChalkInstance } from 'chalk';
import { formatFromName, type InputFormatName } from '../read/detect.js';
import { stderrChalk } from './colour.js';
import { diagnosticLine, displayPath } from './diagnosticLine.js';
import { expandInputs, type InputFile } from './inputs.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';
import type { ReadCliOptions } from './main.js';
import { reportInternalError } from './main.js';
import { processInputs } from './processInputs.js';
import { createProgress } from './progress.js';
import { DEFAULT_MAX_SIZE, type CoreOptions, type InputOutcome } from './runInputs.js';

/** Enough inputs in flight to overlap file reads with parsing, few enough to keep memory flat. */
const CONCURRENCY = 8;

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

export function parseSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]{0,2})\s*$/i.exec(text);
  const unit = match ? SIZE_UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined) return null;
  const value = Math.floor(Number(match[1]) * unit);
  return value > 0 ? value : null;
}

export function coreOptions(options: ReadCliOptions): CoreOptions | string {
  const core: CoreOptions = {
    format: options.from ? formatFromName(options.from as InputFormatName) : undefined,
    authority: options.authority,
    period: options.period,
    password: options.password,
    maxSize: DEFAULT_MAX_SIZE,
  };
  if (options.pages !== undefined) {
    const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(options.pages);
    const from = match ? Number(match[1]) : NaN;
    const to = match ? Number(match[2] ?? match[1]) : NaN;
    if (!match || from < 1 || to < from) return `--pages takes a page or a range such as 12-15, not ${JSON.stringify(options.pages)}`;
    core.pages = { from, to };
  }
  if (options.maxSize !== undefined) {
    const size = parseSize(options.maxSize);
    if (size === null) return `--max-size takes a size such as 200MB or 5000000, not ${JSON.stringify(options.maxSize)}`;
    core.maxSize = size;
  }
  return core;
}

export interface RunTotals {
  files: number;
  valid: number;
  failed: number;
  errors: number;
  warnings: number;
  status: number;
}

export interface ReadRun {
  inputs: InputFile[];
  /** Runs every input, calling `each` in input order; resolves to the totals. */
  run(each: (outcome: InputOutcome) => Promise<void>): Promise<RunTotals>;
}

/** Expand the inputs; null (after saying why on standard error) where the command cannot run. */
export async function prepareRead(args: readonly string[], options: ReadCliOptions, io: CliIo): Promise<ReadRun | null> {
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
  const chalk = stderrChalk(io);
  return {
    inputs,
    async run(each) {
      const totals: RunTotals = { files: 0, valid: 0, failed: 0, errors: 0, warnings: 0, status: EXIT_OK };
      const progress = createProgress(io, inputs.length, options.quiet ?? false);
      for await (const outcome of processInputs(inputs, core, io, CONCURRENCY)) {
        progress.clear();
        totals.files++;
        const status = reportOutcome(outcome, options, io, chalk);
        totals.status = Math.max(totals.status, status);
        if (outcome.result.valid) totals.valid++;
        if (outcome.result.charterReturn === null) totals.failed++;
        for (const diagnostic of outcome.result.diagnostics) {
          if (diagnostic.severity === 'error') totals.errors++;
          else if (diagnostic.severity === 'warning') totals.warnings++;
        }
        await each(outcome);
        progress.update(totals.files, inputs[totals.files]?.path ?? null);
      }
      progress.clear();
      return totals;
    },
  };
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

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
