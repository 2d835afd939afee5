/** `charter validate`: read and validate only; diagnostics and the exit status, no data. */
import { EXIT_USAGE, type CliIo } from '../io.js';
import type { ReadCliOptions } from '../main.js';
import { readAll } from '../readCommand.js';

export async function runValidateCommand(args: readonly string[], options: ReadCliOptions, io: CliIo): Promise<number> {
  const run = await readAll(args, options, io);
  if (!run) return EXIT_USAGE;
  const valid = run.outcomes.filter((outcome) => outcome.result.valid).length;
  const count = run.outcomes.length;
  io.stderr.write(`${count} file${count === 1 ? '' : 's'}: ${valid} valid, ${count - valid} invalid\n`);
  return run.status;
}
