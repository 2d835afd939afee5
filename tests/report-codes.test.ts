/** The registry of diagnostic codes is the whole truth: every code the source reports is in it, and nothing else. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, diagnosticCode, diagnosticCodesTable } from '../src/diagnostics/codes.js';

const SRC = new URL('../src', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every `code: 'some-code'` written in src/ (readers, normaliser, rules, CLI). */
function codesInSource(): Set<string> {
  const codes = new Set<string>();
  for (const file of sourceFiles(SRC)) {
    if (file.endsWith('/diagnostics/codes.ts')) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(/\bcode: '([a-z][a-z0-9-]*)'/g)) codes.add(match[1]!);
  }
  return codes;
}

describe('the registry of diagnostic codes', () => {
  it('holds every code the source reports, and only those', () => {
    const used = codesInSource();
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((code) => !diagnosticCode(code)).sort(), 'codes missing from src/diagnostics/codes.ts').toEqual([]);
    expect(DIAGNOSTIC_CODES.map((info) => info.code).filter((code) => !used.has(code)).sort(), 'registered codes no source reports').toEqual([]);
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

  it('reports each code at its registered severity', () => {
    // `severity: '…', code: '…'` written together in the source must agree with the registry.
    const disagreements: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/severity: '(error|warning|info)',\s{0,20}code: '([a-z0-9-]+)'/g)) {
        if (diagnosticCode(match[2]!)?.severity !== match[1]) disagreements.push(`${match[2]} is ${match[1]} in ${file}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('renders the README table', () => {
    const table = diagnosticCodesTable().split('\n');
    expect(table.slice(0, 3)).toEqual(['| code | severity | meaning |', '|---|---|---|', '| `no-return-found` | error | the input holds no End of Life Care Charter return |']);
    expect(table).toContain('| `no-timescale` | warning | a point has next steps but no timescale |');
    expect(table).toHaveLength(DIAGNOSTIC_CODES.length + 2);
  });
});
