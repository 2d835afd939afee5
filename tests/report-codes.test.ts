/**
 * The registry of diagnostic codes is the whole truth: every code the source reports is in it, and
 * nothing else. The compiler checks that each `diagnostic(code, …)` names a registered code with
 * the arguments its message takes; these tests check that no code is registered and never used,
 * and that no diagnostic is written by hand around the registry.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, diagnosticCode, diagnosticCodesTable } from '../src/diagnostics/codes.js';
import { diagnostic } from '../src/diagnostics/diagnostic.js';
import { typeErrors } from './support/typeCheck.js';

const SRC = new URL('../src', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every `diagnostic('some-code', …)` made in src/ (readers, normaliser, rules, CLI). */
function codesInSource(): Set<string> {
  const codes = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    if (file.endsWith('/diagnostics/codes.ts')) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(/\bdiagnostic\(\s*'([a-z][a-z0-9-]*)'/g)) codes.add(match[1]!);
  }
  return codes;
}

describe('the registry of diagnostic codes', () => {
  it('holds every code the source reports, and only those', () => {
    const used = codesInSource();
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((code) => !diagnosticCode(code)).sort(), 'codes missing from src/diagnostics/codes.ts').toEqual([]);
    expect(
      DIAGNOSTIC_CODES.map((info) => info.code)
        .filter((code) => !used.has(code))
        .sort(),
      'registered codes no source reports',
    ).toEqual([]);
  });

  it('lists each code once, errors then warnings then infos, each with a one-line description', () => {
    const codes = DIAGNOSTIC_CODES.map((info) => info.code);
    expect(new Set(codes).size).toBe(codes.length);
    const order = { error: 0, warning: 1, info: 2 };
    const severities = DIAGNOSTIC_CODES.map((info) => order[info.severity]);
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
    for (const info of DIAGNOSTIC_CODES) {
      expect(info.code).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(info.description, info.code).toMatch(/^[^A-Z\n].*[^.\n]$/);
    }
  });

  it('reports each code at its registered severity: no diagnostic is written by hand', () => {
    // diagnostic() takes the severity from the registry; a literal `severity: '…'` or
    // `code: '…'` beside it in src/ would be a diagnostic made around the registry.
    const byHand: string[] = [];
    for (const file of sourceFiles(SRC)) {
      if (file.endsWith('/diagnostics/codes.ts')) continue;
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\b(?:severity: '(?:error|warning|info)'|code: '[a-z][a-z0-9-]*')/g)) byHand.push(`${match[0]} in ${file}`);
    }
    expect(byHand).toEqual([]);
  });

  it('renders the README table', () => {
    const table = diagnosticCodesTable().split('\n');
    expect(table.slice(0, 3)).toEqual([
      '| code | severity | meaning |',
      '|---|---|---|',
      '| `no-return-found` | error | the input holds no End of Life Care Charter return |',
    ]);
    expect(table).toContain('| `no-timescale` | warning | a point has next steps but no timescale |');
    expect(table).toHaveLength(DIAGNOSTIC_CODES.length + 2);
  });
});

describe('diagnostic()', () => {
  it('makes a diagnostic from its code, arguments and place, in the order the JSON shows', () => {
    const made = diagnostic('row-number-repaired', { written: '1 0', number: 10 }, { line: 36, point: 10 });
    expect(JSON.stringify(made)).toBe(
      '{"severity":"info","code":"row-number-repaired","message":"row number \\"1 0\\" read as 10","line":36,"point":10}',
    );
    expect(diagnostic('heading-repeated', { afterPageBreak: false, heading: 'No. | Charter point' })).toEqual({
      severity: 'info',
      code: 'heading-repeated',
      message: 'a repeated heading row inside the table was dropped: "No. | Charter point"',
    });
  });

  it('is checked by the compiler: an unknown code, or arguments its message does not take, do not compile', () => {
    const folder = mkdtempSync(join(tmpdir(), 'charter-typecheck-'));
    const file = join(folder, 'check.ts');
    const module = new URL('../src/diagnostics/diagnostic.js', import.meta.url).pathname;
    writeFileSync(
      file,
      [
        `import { diagnostic } from '${module}';`,
        `diagnostic('row-number-repaired', { written: '1 0', number: 10 }, { line: 36 });`,
        `diagnostic('row-number-repaierd', { written: '1 0', number: 10 });`,
        `diagnostic('missing-point', { number: 7 });`,
        `diagnostic('empty-input', { whiteSpace: 'yes' });`,
      ].join('\n'),
    );
    const errorLines = typeErrors([file])
      .filter((error) => error.file === file)
      .map((error) => error.line);
    rmSync(folder, { recursive: true, force: true });
    expect([...new Set(errorLines)].sort()).toEqual([3, 4, 5]);
  });
});
