/** The CLI's window on the world, so that tests can run it in-process with their own streams. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  stderrIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** A reader that went away (`charter … | head`) ends our output, quietly: it is not an error. */
export function isBrokenPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}

function ignoreBrokenPipe(error: Error): void {
  if (!isBrokenPipe(error)) throw error;
}

export function processIo(): CliIo {
  // Without a listener a closed pipe raises an 'error' event that crashes with a stack trace.
  process.stdout.on('error', ignoreBrokenPipe);
  process.stderr.on('error', ignoreBrokenPipe);
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // Touching process.stdin opens it, which costs start-up time and can keep the process alive.
    get stdin() {
      return process.stdin;
    },
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Exit statuses of the contract. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;
