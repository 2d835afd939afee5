/**
 * The thin shell: parse options, read files, call the core, write output, set the exit status.
 * `--version` is answered before anything else is loaded, so it starts as fast as Node itself;
 * every other command loads the command-line parser, and then only the modules it needs.
 */
import { reportInternalError } from './internalError.js';
import { EXIT_OK, EXIT_USAGE, processIo, settled, watchWrites, writeErrorReason, type CliIo, type WriteFailures } from './io.js';
import { removeTemporariesOnSignals } from './temporaries.js';
import { packageVersion } from './version.js';

/** Runs the CLI and returns the exit status; never throws. */
export async function main(argv: readonly string[], given?: CliIo): Promise<number> {
  // The real process (not a test's streams): a signal must not leave temporary files behind.
  if (given === undefined) removeTemporariesOnSignals();
  const io = given ?? processIo();
  const failures = watchWrites(io);
  let status: number;
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout.write(`${packageVersion()}\n`);
    status = EXIT_OK;
  } else {
    try {
      const { runProgram } = await import('./program.js');
      status = await runProgram(argv, io);
    } catch (error) {
      reportInternalError(error, argv.includes('--debug'), io);
      status = EXIT_USAGE;
    }
  }
  return withWriteFailures(status, io, failures);
}

/**
 * Output that could not be written (`> /dev/full`) means the command did not do as asked: one
 * line says so (where standard error still works) and the exit status is 2.
 */
async function withWriteFailures(status: number, io: CliIo, failures: WriteFailures): Promise<number> {
  await Promise.all([settled(io.stdout), settled(io.stderr)]);
  if (failures.stdout !== undefined && failures.stderr === undefined) {
    io.stderr.write(`charter: cannot write standard output: ${writeErrorReason(failures.stdout)}\n`);
  }
  return failures.stdout !== undefined || failures.stderr !== undefined ? Math.max(status, EXIT_USAGE) : status;
}
