/**
 * A status line on standard error for long runs: only on a terminal, never under CI or --quiet,
 * and cleared before any diagnostic is printed so the two never mix.
 */
import type { CliIo } from './io.js';
import { escapeControls } from '../text/controlCharacters.js';

export interface Progress {
  update(done: number, current: string | null): void;
  /** Erase the status line (before other output, and at the end). */
  clear(): void;
}

const SILENT: Progress = { update: () => undefined, clear: () => undefined };

export function createProgress(io: CliIo, total: number, quiet: boolean): Progress {
  const ci = io.env.CI !== undefined && io.env.CI !== '' && io.env.CI !== 'false';
  if (!io.stderrIsTTY || ci || quiet || total < 2) return SILENT;
  let shown = false;
  let lastDraw = 0;
  return {
    update(done, current) {
      const now = Date.now();
      if (now - lastDraw < 80 && done < total) return;
      lastDraw = now;
      const width = 24;
      const filled = Math.round((done / total) * width);
      const shownName = current === null ? null : escapeControls(current);
      const name = shownName ? ` ${shownName.length > 40 ? `…${shownName.slice(-39)}` : shownName}` : '';
      io.stderr.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${name}`);
      shown = true;
    },
    clear() {
      if (shown) io.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}
