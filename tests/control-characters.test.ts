/**
 * Control characters in file names and cells never reach the terminal raw (issue 14 item 14): the
 * compact and stylish reporters and charter's own `charter:` lines escape them, so that a name
 * holding ESC sequences cannot drive the terminal and one holding a newline cannot split a
 * diagnostic over two lines.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeControls } from '../src/text/controlCharacters.js';
import { runCli } from './lib/runCli.js';

const EVIL = 'evil\x1b]0;owned\x07\n\x1b[31mred\u202Egpj.tsv';
const SHOWN = 'evil\\x1B]0;owned\\x07\\n\\x1B[31mred\\u202Egpj.tsv';

/** Characters a terminal acts on rather than shows. */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function scratchWithEvilFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'charter-controls-'));
  writeFileSync(join(dir, EVIL), '');
  return dir;
}

describe('a file name holding terminal escapes and a newline', () => {
  it.each(['compact', 'stylish'])('%s: the name escaped, each diagnostic on one line', async (reporter) => {
    const dir = scratchWithEvilFile();
    const run = await runCli(['validate', EVIL, '--reporter', reporter], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(CONTROL);
    expect(run.stderr).toContain(SHOWN);
    if (reporter === 'compact') expect(run.stderr.split('\n')[0]).toBe(`${SHOWN}: error empty-input: the input is empty`);
  });

  it('charter: lines escape it too (no such file, refusing to overwrite an input)', async () => {
    const dir = scratchWithEvilFile();
    const missing = await runCli(['import', `${EVIL}x`], { cwd: dir });
    // The name holds '[', so it is tried as a pattern too.
    expect(missing.stderr).toBe(`charter: ${SHOWN}x: no file matches this pattern\n`);
    const over = await runCli(['import', EVIL, '-o', EVIL], { cwd: dir });
    expect(over.stderr).toBe(`charter: refusing to write the output over the input ${SHOWN}\n`);
  });

  it('a folder run with --out-dir says the name escaped in its clash line', async () => {
    const dir = scratchWithEvilFile();
    writeFileSync(join(dir, EVIL.replace('.tsv', '.csv')), '');
    const run = await runCli(['import', '.', '--out-dir', 'out'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(CONTROL);
  });
});

describe('escapeControls', () => {
  it('writes control characters as escapes and leaves the rest as it is', () => {
    expect(escapeControls('a\tb\r\nc\x00\x7f\x9b é ✓ \u2028')).toBe('a\\tb\\r\\nc\\x00\\x7F\\x9B é ✓ \\u2028');
    expect(escapeControls('croydon-2015.tsv')).toBe('croydon-2015.tsv');
  });

  it('leaves no control character, and is the identity on text without one', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        const escaped = escapeControls(text);
        const untouched = CONTROL.test(text) || /[\t\n\r\u061c\u200e\u200f]/.test(text) || escaped === text;
        return !CONTROL.test(escaped) && untouched;
      }),
    );
  });
});
