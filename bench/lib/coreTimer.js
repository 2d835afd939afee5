// Child process for the growth and PDF sections: times the pure core (importReturn, then writing JSON)
// on one file, several times, without the cost of starting Node. Prints one JSON line.
// Usage: node coreTimer.js <file> <runs>
// It exits as soon as it has printed, so that a handle left open by charter cannot stall the bench.
import { readFileSync } from 'node:fs';

const [file, runsText = '3'] = process.argv.slice(2);
const runs = Math.max(1, Number(runsText));
const { importReturn } = await import('../../dist/pipeline.js');
const { writeReturns } = await import('../../dist/write/writeReturns.js');

const bytes = readFileSync(file);
const times = [];
let result;
try {
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    result = await importReturn(bytes, { path: file });
    if (result.charterReturn) await writeReturns([result.charterReturn], 'json', { asArray: false });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
} catch (error) {
  // The core threw: a bug in charter, reported as a result of the benchmark rather than a crash.
  const where = error instanceof Error ? (error.stack ?? '').split('\n').find((line) => line.includes('/dist/')) : undefined;
  const message = `${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}${where ? ` (${where.trim()})` : ''}`;
  process.stdout.write(`${JSON.stringify({ error: message })}\n`, () => process.exit(0));
  await new Promise(() => {});
}
const severities = { error: 0, warning: 0, info: 0 };
for (const diagnostic of result.diagnostics) severities[diagnostic.severity]++;
const report = {
  times,
  maxRssMB: process.resourceUsage().maxRSS / 1024,
  points: result.charterReturn?.points.length ?? 0,
  pages: result.charterReturn?.source.pages ?? [],
  valid: result.valid,
  severities,
  firstError: result.diagnostics.find((diagnostic) => diagnostic.severity === 'error')?.message,
};
process.stdout.write(`${JSON.stringify(report)}\n`, () => process.exit(0));
