/**
 * Colour for diagnostics on standard error: only on a terminal, never with NO_COLOR (which chalk 5
 * does not honour by itself), forced with FORCE_COLOR.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { CliIo } from './io.js';

export function stderrChalk(io: CliIo): ChalkInstance {
  const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  const force = io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  const on = !noColor && (force || (io.stderrIsTTY && io.env.TERM !== 'dumb'));
  return new Chalk({ level: on ? 1 : 0 });
}
