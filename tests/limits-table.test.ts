/** The README's table of limits says what the code does: each default as set, each code registered. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTICS } from '../src/diagnostics/codes.js';
import { DEFAULT_DIAGNOSTIC_LIMITS } from '../src/diagnostics/cap.js';
import { DEFAULT_MAX_SIZE } from '../src/cli/runInputs.js';
import { BYTES_PER_BYTE, BYTES_PER_LINE, BYTES_PER_SEPARATOR } from '../src/cli/memoryBudget.js';
import { DEFAULT_LIMITS } from '../src/read/pdf/engine.js';
import { DEFAULT_ZIP_LIMITS } from '../src/read/office/zipArchive.js';
import { MAX_PARSE_WORK } from '../src/read/markdown/defuse.js';

const README = readFileSync('README.md', 'utf8');
const table = README.slice(README.indexOf('## Limits'), README.indexOf('## Diagnostics'));
const rows = table.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| limit'));
const MB = 1024 * 1024;

function row(start: string): string {
  const found = rows.find((line) => line.startsWith(`| ${start}`));
  expect(found, start).toBeDefined();
  return found!;
}

describe("the README's limits", () => {
  it('name only registered codes', () => {
    const codes = rows.flatMap((line) => [...line.split('|')[4]!.matchAll(/`([a-z-]+)`/g)].map((match) => match[1]!));
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) expect(Object.keys(DIAGNOSTICS), code).toContain(code);
  });

  it('give the defaults the code uses', () => {
    const en = (n: number) => n.toLocaleString('en-GB');
    expect(row('size of one input')).toContain(`${DEFAULT_MAX_SIZE / MB} MB`);
    expect(row('memory to read')).toContain(
      `${BYTES_PER_BYTE} bytes per byte, ${en(BYTES_PER_LINE)} per line and ${BYTES_PER_SEPARATOR} per cell separator`,
    );
    expect(row('diagnostics listed of one code')).toContain(en(DEFAULT_DIAGNOSTIC_LIMITS.perCode));
    expect(row('diagnostics listed for one input')).toContain(en(DEFAULT_DIAGNOSTIC_LIMITS.perFile));
    expect(row('PDF pages')).toContain(en(DEFAULT_LIMITS.maxPages));
    expect(row('time to read one PDF')).toContain(`${DEFAULT_LIMITS.timeLimitMs / 1000} s`);
    expect(row('heap of the PDF worker')).toContain(`${DEFAULT_LIMITS.heapMb} MB`);
    expect(row('bytes one PDF stream')).toContain(`${DEFAULT_LIMITS.streamMb} MB`);
    expect(row("bytes all of a PDF's streams")).toContain(`${en(DEFAULT_LIMITS.totalStreamMb)} MB`);
    expect(row('entries in a Word')).toContain(en(DEFAULT_ZIP_LIMITS.maxEntries));
    expect(row('bytes one part')).toContain(`${DEFAULT_ZIP_LIMITS.maxEntryBytes / MB} MB`);
    expect(row('bytes a Word or Excel file unpacks to in all')).toContain(`${DEFAULT_ZIP_LIMITS.maxTotalBytes / MB} MB`);
    expect(row('markdown parser work')).toContain(en(MAX_PARSE_WORK));
  });
});
