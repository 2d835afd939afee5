/**
 * Making a diagnostic: `diagnostic('row-number-repaired', { written: '1 0', number: 10 }, place)`.
 * The code must be one of the registry's (codes.ts), the arguments what its message takes, and the
 * severity and the words come from the registry, so no diagnostic is written by hand.
 */
import type { Diagnostic, Place } from '../model.js';
import { DIAGNOSTICS, type DiagnosticArguments, type DiagnosticCode } from './codes.js';

/** Where the diagnostic is, the point it is about, and the whole text it quotes, as the model has them. */
export type DiagnosticDetails = Place & Pick<Diagnostic, 'point' | 'text'>;

export function diagnostic<C extends DiagnosticCode>(code: C, args: DiagnosticArguments<C>, details: DiagnosticDetails = {}): Diagnostic {
  const definition = DIAGNOSTICS[code];
  const message = (definition.message as (args: DiagnosticArguments<C>) => string)(args);
  // The keys in this order, then the details in the order given: the JSON output's order.
  return { severity: definition.severity, code, message, ...details };
}

/**
 * The closing count of diagnostics left out of a list (`diagnostics-capped`): at their severity,
 * standing for `count` of them, so that a list cut short keeps its verdict and its counts.
 */
export function cappedDiagnostic(args: DiagnosticArguments<'diagnostics-capped'>): Diagnostic {
  return { ...diagnostic('diagnostics-capped', args), severity: args.severity, count: args.count };
}
