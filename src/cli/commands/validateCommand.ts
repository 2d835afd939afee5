/**
 * `charter validate`: read and validate only; diagnostics and the exit status, no data. The json
 * and sarif reports are this command's data, so they go to standard output (or -o FILE); the
 * summary line goes to standard error. With `--reporter github` and `$GITHUB_STEP_SUMMARY` set,
 * a table of the files is also appended to the job's summary page.
 */
import { appendFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { stepSummaryMarkdown, stepSummaryRow, type StepSummaryRow } from '../../report/stepSummary.js';
import { EXIT_USAGE, type CliIo } from '../io.js';
import type { ReadCliOptions } from '../options.js';
import { stdoutSink, writeFileAtomically } from '../outputSink.js';
import { prepareRead } from '../readCommand.js';

const SUMMARY_ERRORS: Record<string, string> = {
  ENOENT: 'no such folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
};

export async function runValidateCommand(args: readonly string[], options: ReadCliOptions & { out?: string }, io: CliIo): Promise<number> {
  const read = await prepareRead(args, options, io);
  if (!read) return EXIT_USAGE;
  const stepSummaryFile = options.reporter === 'github' ? io.env.GITHUB_STEP_SUMMARY : undefined;
  const rows: StepSummaryRow[] = [];
  const totals = await read.run(async (outcome) => {
    if (!stepSummaryFile) return;
    // The result comes back final (rule levels applied), so it is the file's report as it stands.
    rows.push(
      outcome.internalError === undefined
        ? stepSummaryRow(outcome.report)
        : { path: outcome.input.path, valid: false, errors: 0, warnings: 0, topCodes: [], failure: 'internal error' },
    );
  });
  const { report, summary } = read.finish(totals);
  let status = totals.status;
  if (stepSummaryFile) {
    try {
      await appendFile(resolve(io.cwd, stepSummaryFile), stepSummaryMarkdown(rows, summary));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      const reason = SUMMARY_ERRORS[code] ?? (error instanceof Error ? error.message : String(error));
      io.stderr.write(`charter: cannot add to the job summary GITHUB_STEP_SUMMARY=${stepSummaryFile}: ${reason}\n`);
      status = EXIT_USAGE;
    }
  }
  if (report !== '') {
    if (options.out === undefined || options.out === '-') await stdoutSink(io).write(report);
    else await writeFileAtomically(resolve(io.cwd, options.out), report);
  }
  io.stderr.write(`${summary}\n`);
  return status;
}
