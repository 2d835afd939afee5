/** What `import` and `validate` share: expanding inputs, running the core, reporting diagnostics. */
import { formatFromName } from '../read/readers.js';
import { stderrChalk } from './colour.js';
import { countSeverities, countsSummary, displayPath } from '../report/fileReport.js';
import { runVerdict } from '../report/outcome.js';
import { parseRuleLevels, RuleLevelError, type RuleLevel } from '../diagnostics/ruleLevels.js';
import { DEFAULT_DIAGNOSTIC_LIMITS } from '../diagnostics/cap.js';
import { createReportStream } from './reportStream.js';
import { expandInputs, type InputFile } from './inputs.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';
import type { ReadCliOptions } from './options.js';
import { reportInternalError } from './internalError.js';
import { packageVersion } from './version.js';
import { processInputs } from './processInputs.js';
import { createProgress } from './progress.js';
import { DEFAULT_MAX_SIZE, type CoreOptions, type DeliveryFor, type InputOutcome } from './runInputs.js';

/** Enough inputs in flight to overlap file reads with parsing, few enough to keep memory flat. */
const CONCURRENCY = 8;

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

export function parseSize(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?) *([a-z]{0,2})$/i.exec(text.trim());
  const unit = match ? SIZE_UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined) return null;
  const value = Math.floor(Number(match[1]) * unit);
  return value > 0 ? value : null;
}

/** `;`, `,`, `|`, or a tab given as `tab`, `\t` or the character itself. */
export function parseDelimiter(text: string): string | null {
  if (text === 'tab' || text === '\\t' || text === '\t') return '\t';
  if (text === 'comma') return ',';
  if (text === 'semicolon') return ';';
  return text.length === 1 && text !== '"' && text !== '\n' && text !== '\r' ? text : null;
}

export function coreOptions(options: ReadCliOptions): CoreOptions | string {
  const core: CoreOptions = {
    format: options.from ? formatFromName(options.from) : undefined,
    authority: options.authority,
    period: options.period,
    password: options.password,
    maxSize: DEFAULT_MAX_SIZE,
  };
  if (options.inspect !== undefined) core.inspect = true;
  if (options.delimiter !== undefined) {
    const delimiter = parseDelimiter(options.delimiter);
    if (delimiter === null) return `--delimiter takes one character, such as ',' ';' or tab, not ${JSON.stringify(options.delimiter)}`;
    core.delimiter = delimiter;
  }
  if (options.pages !== undefined) {
    const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(options.pages);
    const from = match ? Number(match[1]) : NaN;
    const to = match ? Number(match[2] ?? match[1]) : NaN;
    if (!match || from < 1 || to < from) return `--pages takes a page or a range such as 12-15, not ${JSON.stringify(options.pages)}`;
    core.pages = { from, to };
  }
  const limits = { ...DEFAULT_DIAGNOSTIC_LIMITS };
  for (const [option, given, key] of [
    ['--max-per-code', options.maxPerCode, 'perCode'],
    ['--max-diagnostics', options.maxDiagnostics, 'perFile'],
  ] as const) {
    if (given === undefined) continue;
    if (!/^[1-9]\d{0,8}$/.test(given)) return `${option} takes a whole number from 1, not ${JSON.stringify(given)}`;
    limits[key] = Number(given);
  }
  core.diagnosticLimits = limits;
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
  /** Inputs that gave no return at all. */
  failed: number;
  errors: number;
  warnings: number;
  status: number;
}

export interface ReadRun {
  inputs: InputFile[];
  /**
   * Runs every input in input order: reports its diagnostics, then calls `each` with what
   * `deliveryFor` asked of it (by default its report alone). Resolves to the totals, with
   * `--strict` and `--max-warnings` applied to the status.
   */
  run(each: (outcome: InputOutcome) => Promise<void>, deliveryFor?: DeliveryFor): Promise<RunTotals>;
  /** What the reporter writes at the end (the json and sarif documents), and the summary line. */
  finish(totals: RunTotals): { report: string; summary: string };
}

export interface ReadSetup {
  /** What the core is asked, `--rule` levels among it: the result comes back final. */
  core: CoreOptions;
  maxWarnings?: number;
}

function readSetup(options: ReadCliOptions): ReadSetup | string {
  const core = coreOptions(options);
  if (typeof core === 'string') return core;
  let ruleLevels: Map<string, RuleLevel>;
  try {
    ruleLevels = parseRuleLevels(options.rule ?? []);
  } catch (error) {
    if (error instanceof RuleLevelError) return error.message;
    throw error;
  }
  const setup: ReadSetup = { core: { ...core, ruleLevels } };
  if (options.maxWarnings !== undefined) {
    if (!/^\d+$/.test(options.maxWarnings)) return `--max-warnings takes a whole number, not ${JSON.stringify(options.maxWarnings)}`;
    setup.maxWarnings = Number(options.maxWarnings);
  }
  return setup;
}

/**
 * One PDF read on this thread: its engine is started now, so that it loads pdf.js (a quarter of a
 * second, on the other core) while the run is set up and the file read. The name only hints: a
 * file that is no PDF leaves an idle engine behind, which does not hold the process open.
 */
function prepareForLonePdf(inputs: readonly InputFile[], core: CoreOptions): void {
  const path = inputs.length === 1 ? inputs[0]!.path : null;
  const named = core.format === 'pdf' || (core.format === undefined && path !== null && path.toLowerCase().endsWith('.pdf'));
  if (named) void import('../read/pdf/engine.js').then((engine) => engine.prepareEngine());
}

/** Expand the inputs; null (after saying why on standard error) where the command cannot run. */
export async function prepareRead(args: readonly string[], options: ReadCliOptions, io: CliIo): Promise<ReadRun | null> {
  const setup = readSetup(options);
  if (typeof setup === 'string') {
    io.stderr.write(`charter: ${setup}\n`);
    return null;
  }
  const { inputs, problems, skipped } = await expandInputs(args, io);
  for (const link of skipped) io.stderr.write(`charter: ${link}\n`);
  if (problems.length > 0 || inputs.length === 0) {
    for (const problem of problems) io.stderr.write(`charter: ${problem}\n`);
    if (problems.length === 0) io.stderr.write('charter: no input to read\n');
    return null;
  }
  prepareForLonePdf(inputs, setup.core);
  const chalk = stderrChalk(io);
  const stream = await createReportStream(options.reporter ?? 'compact', chalk, packageVersion());
  let failReason: string | undefined;
  return {
    inputs,
    async run(each, deliveryFor) {
      const totals: RunTotals = { files: 0, valid: 0, failed: 0, errors: 0, warnings: 0, status: EXIT_OK };
      const progress = createProgress(io, inputs.length, options.quiet ?? false);
      for await (const outcome of processInputs(inputs, setup.core, io, CONCURRENCY, deliveryFor)) {
        progress.clear();
        totals.files++;
        if (outcome.returnCount === 0) totals.failed++;
        if (outcome.internalError !== undefined) {
          io.stderr.write(`${displayPath(outcome.input.path)}: `);
          reportInternalError(outcome.internalError, options.debug ?? false, io);
          totals.status = Math.max(totals.status, EXIT_USAGE);
        } else {
          const { report } = outcome;
          if (report.valid) totals.valid++;
          else totals.status = Math.max(totals.status, EXIT_INVALID);
          const counts = countSeverities(report.diagnostics);
          totals.errors += counts.errorCount;
          totals.warnings += counts.warningCount;
          const shown = options.quiet ? { ...report, diagnostics: report.diagnostics.filter((d) => d.severity === 'error') } : report;
          io.stderr.write(stream.file(shown));
        }
        await each(outcome);
        progress.update(totals.files, inputs[totals.files]?.path ?? null);
      }
      progress.clear();
      if (totals.status === EXIT_OK) {
        const verdict = runVerdict({ invalid: 0, warnings: totals.warnings }, { strict: options.strict ?? false, maxWarnings: setup.maxWarnings });
        failReason = verdict.reason;
        if (verdict.failed) totals.status = EXIT_INVALID;
      }
      return totals;
    },
    finish(totals) {
      const summary = `${countsSummary(totals)}${failReason ? ` (failed: ${failReason})` : ''}`;
      return { report: stream.end(), summary };
    },
  };
}
