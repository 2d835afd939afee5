/** A bug in charter: one line asking the user to report it, the details only with --debug. */
import type { CliIo } from './io.js';
import { escapeControls } from '../text/controlCharacters.js';

export function reportInternalError(error: unknown, debug: boolean, io: CliIo): void {
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(
    `charter: internal error: ${escapeControls(message.split('\n')[0]!)} — this is a bug in charter; please report it with the command you ran${debug ? '' : ' (add --debug for details)'}\n`,
  );
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
}
