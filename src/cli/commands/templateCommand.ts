/** `charter template`: the blank return form in any output format. */
import { resolve } from 'node:path';
import { blankReturn } from '../../charter/template.js';
import { writeReturns, type OutputFormat } from '../../write/writeReturns.js';
import { EXIT_OK, type CliIo } from '../io.js';
import { stdoutSink, writeFileAtomically } from '../outputSink.js';

export async function runTemplateCommand(
  options: { format: OutputFormat; out?: string; period?: string; authority?: string },
  io: CliIo,
): Promise<number> {
  const form = blankReturn({ period: options.period, authority: options.authority });
  const text = await writeReturns([form], options.format, { asArray: false });
  if (options.out === undefined || options.out === '-') await stdoutSink(io).write(text);
  else await writeFileAtomically(resolve(io.cwd, options.out), text);
  return EXIT_OK;
}
