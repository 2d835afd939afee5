/**
 * `charter validate`: read and validate only; diagnostics and the exit status, no data. The json
 * and sarif reports are this command's data, so they go to standard output (or -o FILE); the
 * summary line goes to standard error.
 */
import { resolve } from 'node:path';
import { EXIT_USAGE, type CliIo } from '../io.js';
import type { ReadCliOptions } from '../options.js';
import { stdoutSink, writeFileAtomically } from '../outputSink.js';
import { prepareRead } from '../readCommand.js';

export async function runValidateCommand(args: readonly string[], options: ReadCliOptions & { out?: string }, io: CliIo): Promise<number> {
  const read = await prepareRead(args, options, io);
  if (!read) return EXIT_USAGE;
  const totals = await read.run(async () => undefined);
  const { report, summary } = read.finish(totals);
  if (report !== '') {
    if (options.out === undefined || options.out === '-') await stdoutSink(io).write(report);
    else await writeFileAtomically(resolve(io.cwd, options.out), report);
  }
  io.stderr.write(`${summary}\n`);
  return totals.status;
}
