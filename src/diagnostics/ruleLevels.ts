/**
 * Changing the level of a diagnostic code, as `--rule CODE=off|info|warning|error` asks.
 *
 *   RULE_LEVELS                          ['off', 'info', 'warning', 'error']
 *   parseRuleLevel(spec): RuleSetting    one `CODE=LEVEL`; throws RuleLevelError, whose message is
 *                                        written for the user (unknown code or level, with a
 *                                        "did you mean", or a code whose level is fixed)
 *   parseRuleLevels(specs): Map<code, RuleLevel>   several; a later setting of a code wins
 *   applyRuleLevels(diagnostics, overrides): Diagnostic[]   a new list: `off` ones left out,
 *                                        the others copied with their new severity
 *
 * Codes that mean the input could not be read or holds no return (`fixed` in the registry) keep
 * their level: an input with no return is never valid.
 */
import type { Diagnostic, Severity } from '../model.js';
import { DIAGNOSTIC_CODES, diagnosticCode } from './codes.js';

export const RULE_LEVELS = ['off', 'info', 'warning', 'error'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

export interface RuleSetting {
  code: string;
  level: RuleLevel;
}

export class RuleLevelError extends Error {
  override name = 'RuleLevelError';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** The closest of `choices`, where it is close enough to be a slip of the keyboard. */
function closest(word: string, choices: readonly string[]): string | undefined {
  if (word.length < 2) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const choice of choices) {
    const distance = choice.startsWith(word) || word.startsWith(choice) ? 1 : editDistance(word, choice);
    if (distance < bestDistance) {
      best = choice;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 4)) ? best : undefined;
}

function didYouMean(word: string, choices: readonly string[]): string {
  const suggestion = closest(word, choices);
  return suggestion === undefined ? '' : ` (did you mean ${JSON.stringify(suggestion)}?)`;
}

export function parseRuleLevel(spec: string): RuleSetting {
  const equals = spec.indexOf('=');
  if (equals < 0) {
    throw new RuleLevelError(`--rule takes CODE=LEVEL, such as no-timescale=off; got ${JSON.stringify(spec)}`);
  }
  const code = spec.slice(0, equals).trim();
  const level = spec
    .slice(equals + 1)
    .trim()
    .toLowerCase();
  const info = diagnosticCode(code);
  if (!info) {
    const codes = DIAGNOSTIC_CODES.map((entry) => entry.code);
    throw new RuleLevelError(
      `--rule ${JSON.stringify(spec)}: unknown diagnostic code ${JSON.stringify(code)}${didYouMean(code, codes)}; the codes are listed in the README`,
    );
  }
  if (!(RULE_LEVELS as readonly string[]).includes(level)) {
    throw new RuleLevelError(
      `--rule ${JSON.stringify(spec)}: unknown level ${JSON.stringify(level)}${didYouMean(level, RULE_LEVELS)}; use off, info, warning or error`,
    );
  }
  if (info.takesSeverity) {
    throw new RuleLevelError(`--rule ${JSON.stringify(spec)}: ${code} cannot be changed: it takes the level of the diagnostics it counts`);
  }
  if (info.fixed && level !== info.severity) {
    throw new RuleLevelError(
      `--rule ${JSON.stringify(spec)}: ${code} cannot be changed: an input that could not be read or holds no return is never valid`,
    );
  }
  return { code, level: level as RuleLevel };
}

export function parseRuleLevels(specs: readonly string[]): Map<string, RuleLevel> {
  const levels = new Map<string, RuleLevel>();
  for (const spec of specs) {
    const { code, level } = parseRuleLevel(spec);
    levels.set(code, level);
  }
  return levels;
}

export function applyRuleLevels(diagnostics: readonly Diagnostic[], overrides: ReadonlyMap<string, RuleLevel>): Diagnostic[] {
  const result: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const level = overrides.get(diagnostic.code);
    if (level === undefined || diagnosticCode(diagnostic.code)?.fixed) result.push(diagnostic);
    else if (level !== 'off') result.push({ ...diagnostic, severity: level as Severity });
  }
  return result;
}
