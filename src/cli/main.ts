/**
 * The thin shell: parse options, read files, call the core, write output, set the exit status.
 * `--version` is answered before anything else is loaded, so it starts as fast as Node itself;
 * every other command loads the command-line parser, and then only the modules it needs.
 */
import { reportInternalError } from './internalError.js';
import { EXIT_OK, EXIT_USAGE, processIo, type CliIo } from './io.js';
import { packageVersion } from './version.js';

/** Runs the CLI and returns the exit status; never throws. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  try {
    const { runProgram } = await import('./program.js');
    return await runProgram(argv, io);
  } catch (error) {
    reportInternalError(error, argv.includes('--debug'), io);
    return EXIT_USAGE;
  }
}
