/**
 * What every import must end in, whatever the input: a return, or coded diagnostics that say why
 * there is none. Never an exception, never a return that breaks its own schema.
 */
import { expect } from 'vitest';
import { importReturn, type ImportOptions, type ImportResult } from '../../src/pipeline.js';

const CODE = /^[a-z][a-z0-9-]*$/;
const SEVERITIES = ['error', 'warning', 'info'];

export function expectCodedOutcome(result: ImportResult): void {
  for (const diagnostic of result.diagnostics) {
    expect(SEVERITIES).toContain(diagnostic.severity);
    expect(diagnostic.code).toMatch(CODE);
    expect(typeof diagnostic.message).toBe('string');
    expect(diagnostic.message.length).toBeGreaterThan(0);
    // A message is one line on standard error; a stack trace would show as "    at …" lines.
    expect(diagnostic.message).not.toMatch(/\n\s+at /);
    for (const key of ['line', 'page', 'point'] as const) {
      if (diagnostic[key] !== undefined) expect(Number.isInteger(diagnostic[key]) && diagnostic[key]! >= 1, `${key} ${diagnostic[key]}`).toBe(true);
    }
  }
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  expect(result.valid).toBe(errors.length === 0 && result.charterReturn !== null);
  if (result.charterReturn === null) {
    expect(errors.length, 'no return and no error saying why').toBeGreaterThan(0);
    return;
  }
  // The schema check runs on every return; a failure there is our bug, not the input's.
  expect(result.diagnostics.filter((diagnostic) => diagnostic.code === 'schema-invalid')).toEqual([]);
  expect(result.charterReturn).toBe(result.returns[0]);
  for (const charterReturn of result.returns) {
    const numbers = charterReturn.points.map((point) => point.number);
    expect(numbers).toEqual([...new Set(numbers)].sort((a, b) => a - b));
  }
  // The input's diagnostics are its returns', each once.
  expect([...new Set(result.returns.flatMap((charterReturn) => charterReturn.diagnostics))]).toEqual(result.diagnostics);
}

/**
 * Imports, asserting that it does not throw and that the outcome is coded. A hang is caught by the
 * test's time-out; speed is npm run bench's, never a test's.
 */
export async function importExpectingOutcome(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  let result: ImportResult;
  try {
    result = await importReturn(bytes, options);
  } catch (error) {
    throw new Error(
      `importReturn threw for ${options.path ?? 'stdin'} (${options.format ?? 'auto'}): ${error instanceof Error ? error.stack : String(error)}`,
    );
  }
  expectCodedOutcome(result);
  return result;
}
