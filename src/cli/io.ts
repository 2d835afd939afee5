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

const WRITE_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EEXIST: 'a file stands where a folder is needed',
  ENOTDIR: 'a file stands where a folder is needed',
  EISDIR: 'it is a folder',
  ENOENT: 'its folder does not exist',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
  EDQUOT: 'the disk quota is used up',
  EIO: 'an input/output error',
  EFBIG: 'the file is larger than the file system allows',
};

/** Why writing failed, in words: "the disk is full". */
export function writeErrorReason(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | null)?.code ?? '';
  return WRITE_ERRORS[code] ?? (cause instanceof Error ? cause.message : String(cause));
}

/** The first failure writing each of the two streams (a closed pipe is none). */
export interface WriteFailures {
  stdout?: unknown;
  stderr?: unknown;
}

/**
 * Watches standard output and error for write failures (`> /dev/full`): without a listener a
 * failed write raises an 'error' event that crashes with a stack trace. Each is kept, for the
 * exit status and one line saying what failed.
 */
export function watchWrites(io: CliIo): WriteFailures {
  const failures: WriteFailures = {};
  io.stdout.on('error', (error: unknown) => {
    if (!isBrokenPipe(error)) failures.stdout ??= error;
  });
  io.stderr.on('error', (error: unknown) => {
    if (!isBrokenPipe(error)) failures.stderr ??= error;
  });
  return failures;
}

/** Resolves once what was written to the stream has gone, or failed, so that a failure is known. */
export function settled(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((done) => {
    // The failure's 'error' event follows the callback; one turn more lets it arrive.
    stream.write('', () => setImmediate(done));
  });
}

export function processIo(): CliIo {
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
