/**
 * Temporary output files in flight, and their removal when the process is stopped by a signal:
 * an interrupted bulk run must leave only whole files behind (issue 14 item 11).
 */
import { unlinkSync } from 'node:fs';

/** Temporary files not yet renamed into place or removed. */
const live = new Set<string>();

/** A temporary file about to be made; returns its path. */
export function liveTemporary(path: string): string {
  live.add(path);
  return path;
}

/** The temporary is gone: renamed into place or removed. */
export function settledTemporary(path: string): void {
  live.delete(path);
}

let installed = false;

/**
 * On SIGINT, SIGTERM or SIGHUP the temporary files in flight are removed (synchronously, before
 * anything else runs) and the signal is raised again with its default action, so the process ends
 * as killed by it (status 128 + its number), as a shell and a parent process expect.
 */
export function removeTemporariesOnSignals(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const path of live) {
        try {
          unlinkSync(path);
        } catch {
          // Not made yet, or already gone: nothing to remove.
        }
      }
      live.clear();
      process.kill(process.pid, signal);
    });
  }
}
