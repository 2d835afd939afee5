/** The README is the user's manual: its promises are checked like code. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnosticCodesTable } from '../src/diagnostics/codes.js';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  it('documents every diagnostic code, as the registry describes it', () => {
    expect(readme).toContain(diagnosticCodesTable().trim());
  });

  it('opens with the two set-up commands, on a real fixture', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)![1]!.trim().split('\n');
    expect(firstBlock[0]).toMatch(/^npm ci && npx charter import fixtures\/\S+$/);
    expect(firstBlock[1]).toBe('npm test');
    const fixture = firstBlock[0]!.split(' ').pop()!;
    expect(() => readFileSync(fixture)).not.toThrow();
  });
});
