/** `charter template`: the blank return form in any output format. */
import { blankReturn } from '../../template.js';
import { writeReturns, type OutputFormat } from '../../write/writeReturns.js';
import { EXIT_OK, type CliIo } from '../io.js';
import { writeTo } from '../writeOutput.js';

export async function runTemplateCommand(
  options: { format: OutputFormat; out?: string; period?: string; authority?: string },
  io: CliIo,
): Promise<number> {
  const form = blankReturn({ period: options.period, authority: options.authority });
  await writeTo(options.out, writeReturns([form], options.format, { asArray: false }), io);
  return EXIT_OK;
}
