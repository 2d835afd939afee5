/** `charter validate`: read and validate only; diagnostics and the exit status, no data. */
import { EXIT_USAGE, type CliIo } from '../io.js';
import type { ReadCliOptions } from '../main.js';
import { plural, prepareRead } from '../readCommand.js';

export async function runValidateCommand(args: readonly string[], options: ReadCliOptions, io: CliIo): Promise<number> {
  const read = await prepareRead(args, options, io);
  if (!read) return EXIT_USAGE;
  const totals = await read.run(async () => undefined);
  io.stderr.write(
    `${plural(totals.files, 'file')}: ${totals.valid} valid, ${totals.files - totals.valid} invalid — ${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}\n`,
  );
  return totals.status;
}
