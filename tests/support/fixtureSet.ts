/** The report's fixture set (fixtures/report/returns/: three councils, two periods each), read through the core as the CLI reads it. */
import { readdirSync, readFileSync } from 'node:fs';
import { compareReturns, type Comparison, type ReturnToCompare } from '../../src/compare/comparison.js';
import { importReturn } from '../../src/pipeline.js';
import { writeHtmlReport } from '../../src/write/report/reportHtml.js';

export async function importFixtureSet(): Promise<{ comparison: Comparison; html: string }> {
  const returns: ReturnToCompare[] = [];
  for (const name of readdirSync('fixtures/report/returns')
    .filter((file) => /\.(tsv|md)$/.test(file))
    .sort()) {
    const path = `fixtures/report/returns/${name}`;
    const result = await importReturn(readFileSync(path), { path });
    returns.push({ charterReturn: result.charterReturn!, valid: result.valid, places: new Map([...result.evidence].map(([n, e]) => [n, e.place])) });
  }
  const comparison = compareReturns(returns);
  return { comparison, html: writeHtmlReport(comparison) };
}
