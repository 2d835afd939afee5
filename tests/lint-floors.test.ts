/** The lint rules that keep the floors: an upward import, a cycle or `process` outside the CLI fails `npm test`. */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the lint rules are plain JavaScript, without types.
import { cycleThrough, FLOORS } from '../lint/floors.js';

const ROOT = new URL('..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: ROOT });

/** The rule ids and messages ESLint reports for `code` as if it were the file at `path`. */
async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('charter/floors', () => {
  it('lets a module import from its own floor and the floors below', async () => {
    const code = [
      "import type { RawDocument } from '../model.js';",
      "import { quote } from '../text/cellText.js';",
      "import { diagnostic } from '../diagnostics/diagnostic.js';",
      "import { readerFor } from '../read/readers.js';",
      "export const probe = (doc: RawDocument) => [quote(''), diagnostic, readerFor, doc];",
    ].join('\n');
    expect(await problems('src/normalise/probe.ts', code)).toEqual([]);
  });

  it('fails an upward import, static, type-only, re-exported or dynamic', async () => {
    expect(
      await problems('src/read/probe.ts', "import { buildReturn } from '../normalise/buildReturn.js';\nexport const probe = buildReturn;"),
    ).toEqual([
      "charter/floors: '../normalise/buildReturn.js' is on a higher floor (normalise) than this module (read): stages import only downwards",
    ]);
    expect(await problems('src/model.ts', "import type { ReaderEntry } from './read/readers.js';\nexport type Probe = ReaderEntry;")).toHaveLength(1);
    expect(await problems('src/text/probe.ts', "export { diagnostic } from '../diagnostics/diagnostic.js';")).toHaveLength(1);
    expect(await problems('src/validate/probe.ts', "export const probe = () => import('../cli/main.js');")).toEqual([
      "charter/floors: '../cli/main.js' is on a higher floor (cli) than this module (validate): stages import only downwards",
    ]);
  });

  it('allows a lazily loaded module below with import()', async () => {
    expect(await problems('src/read/probe.ts', "export const probe = () => import('./markdown/readMarkdown.js');")).toEqual([]);
    expect(await problems('src/cli/probe.ts', "export const probe = () => import('../read/pdf/readPdf.js');")).toEqual([]);
  });

  it('puts every folder of src/ on a floor', async () => {
    expect(FLOORS).toEqual([
      'model.ts',
      'text',
      'charter',
      'diagnostics',
      'read',
      'normalise',
      'timescales',
      'validate',
      'compare',
      'write',
      'report',
      'pipeline.ts',
      'index.ts',
      'cli',
    ]);
    expect(await problems('src/extra/probe.ts', 'export const probe = 1;')).toEqual([
      'charter/floors: this module is on no floor: add its folder to FLOORS in lint/floors.js',
    ]);
  });
});

describe('only src/cli/ touches the process', () => {
  it('fails process in the core, not in the CLI', async () => {
    expect(await problems('src/normalise/probe.ts', 'export const probe = () => process.cwd();')).toEqual([
      "no-restricted-globals: Unexpected use of 'process'. only src/cli/ touches the process: the core takes bytes and returns data",
    ]);
    expect(await problems('src/write/probe.ts', "import { argv } from 'node:process';\nexport const probe = argv;")).toHaveLength(1);
    expect(await problems('src/cli/probe.ts', 'export const probe = () => process.cwd();')).toEqual([]);
  });
});

describe('charter/no-import-cycle', () => {
  it('finds a cycle through a module, and none where there is none', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(cycleThrough(graph, 'a')).toEqual(['a', 'b', 'c']);
    expect(cycleThrough(graph, 'd')).toBeNull();
  });

  it('finds none in src/ today', async () => {
    const results = await eslint.lintFiles(['src/**/*.ts']);
    const cycles = results.flatMap((result) => result.messages.filter((message) => message.ruleId === 'charter/no-import-cycle'));
    expect(cycles).toEqual([]);
    expect(results.length).toBeGreaterThan(80);
  });
});
