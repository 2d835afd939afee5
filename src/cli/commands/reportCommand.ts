/**
 * `charter report`: read every input as `import` does, compare the returns across councils and
 * periods, and write one report: a self-contained HTML page, or the comparison as JSON, CSV or
 * markdown. Inputs that hold no return are listed in the report and counted in the exit status,
 * as `import` counts them; the report is written all the same.
 */
import { resolve } from 'node:path';
import type { ReturnToCompare, UnreadInput } from '../../compare/comparison.js';
import { plural } from '../../text/plural.js';
import { displayPath } from '../../report/fileReport.js';
import { EXIT_INVALID, EXIT_USAGE, type CliIo } from '../io.js';
import type { ReportCliOptions } from '../options.js';
import { stdoutSink, writeFileAtomically } from '../outputSink.js';
import { prepareRead } from '../readCommand.js';
import { packageVersion } from '../version.js';

export async function runReportCommand(args: readonly string[], options: ReportCliOptions, io: CliIo): Promise<number> {
  const read = await prepareRead(args, options, io);
  if (!read) return EXIT_USAGE;
  const out = options.out !== undefined && options.out !== '-' ? resolve(io.cwd, options.out) : null;
  if (out !== null && read.inputs.some((input) => input.path !== null && resolve(io.cwd, input.path) === out)) {
    io.stderr.write(`charter: refusing to write the report over the input ${displayPath(options.out!)}\n`);
    return EXIT_USAGE;
  }
  const returns: ReturnToCompare[] = [];
  const unread: UnreadInput[] = [];
  const totals = await read.run(
    async (outcome) => {
      // An internal error has been said on standard error already, and left no result to report.
      if (outcome.internalError !== undefined || outcome.result === undefined) return;
      const { charterReturn, diagnostics, valid, evidence } = outcome.result;
      if (charterReturn === null) {
        unread.push({ path: outcome.input.path, diagnostics });
        return;
      }
      const places = new Map([...evidence].map(([number, found]) => [number, found.place]));
      returns.push({ charterReturn, valid, places });
    },
    // The comparison needs each return with the places of its points: the whole result.
    () => ({ kind: 'result' }),
  );
  const { report } = read.finish(totals);
  io.stderr.write(report);
  if (returns.length === 0) {
    io.stderr.write(`charter: no report written: none of the ${plural(totals.files, 'input')} held a return\n`);
    return Math.max(totals.status, EXIT_INVALID);
  }
  const { compareReturns } = await import('../../compare/comparison.js');
  const { writeReport } = await import('../../write/report/writeReport.js');
  const text = await writeReport(compareReturns(returns, unread), options.format, {
    groupBy: options.groupBy,
    version: packageVersion(),
    ...(options.title === undefined ? {} : { title: options.title }),
  });
  if (out === null) await stdoutSink(io).write(text);
  else await writeFileAtomically(out, text);
  if (!options.quiet) {
    io.stderr.write(
      `charter: ${plural(totals.files, 'file')} read, ${plural(returns.length, 'return')} in the report, ${totals.failed} failed, ${plural(totals.warnings, 'warning')}\n`,
    );
  }
  return totals.status;
}
