/** `charter import`: read returns, normalise, validate, write them. */
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import type { CharterReturn } from '../../model.js';
import { OUTPUT_EXTENSIONS, writeReturns } from '../../write/writeReturns.js';
import { EXIT_USAGE, type CliIo } from '../io.js';
import type { ImportCliOptions } from '../main.js';
import { readAll } from '../readCommand.js';
import { writeTo, writeAtomically } from '../writeOutput.js';
import type { InputFile } from '../inputs.js';

/** `2016/croydon.pdf` under root `papers` → `DIR/2016/croydon.json`; never outside DIR. */
export function outputPathFor(input: InputFile, outDir: string, extension: string, cwd: string): string | null {
  const source = input.path ?? 'stdin';
  const relativeName = input.root !== null && input.path !== null ? relative(resolve(cwd, input.root), resolve(cwd, input.path)) : basename(source);
  const stem = relativeName.slice(0, relativeName.length - extname(relativeName).length);
  const dir = resolve(cwd, outDir);
  const target = resolve(dir, `${stem}${extension}`);
  if (target !== dir && !target.startsWith(dir + sep)) return null;
  return target;
}

export async function runImportCommand(args: readonly string[], options: ImportCliOptions, io: CliIo): Promise<number> {
  if (options.out !== undefined && options.outDir !== undefined) {
    io.stderr.write('charter: use either -o/--out or --out-dir, not both\n');
    return EXIT_USAGE;
  }
  const run = await readAll(args, options, io);
  if (!run) return EXIT_USAGE;
  let status = run.status;
  const inputPaths = new Set(run.inputs.filter((input) => input.path !== null).map((input) => resolve(io.cwd, input.path!)));
  const writeOptions = { csvRaw: options.csvRaw ?? false };

  if (options.outDir !== undefined) {
    for (const outcome of run.outcomes) {
      const charterReturn = outcome.result.charterReturn;
      if (!charterReturn) continue;
      const target = outputPathFor(outcome.input, options.outDir, OUTPUT_EXTENSIONS[options.format], io.cwd);
      if (target === null || inputPaths.has(target)) {
        io.stderr.write(`charter: ${outcome.input.path ?? '<stdin>'}: refusing to write ${target ?? 'outside the output folder'}${target ? ' over an input' : ''}\n`);
        status = Math.max(status, EXIT_USAGE);
        continue;
      }
      await writeAtomically(target, writeReturns([charterReturn], options.format, { ...writeOptions, asArray: false }));
    }
    return status;
  }

  if (options.out !== undefined && options.out !== '-' && inputPaths.has(resolve(io.cwd, options.out))) {
    io.stderr.write(`charter: refusing to write the output over the input ${join(options.out)}\n`);
    return EXIT_USAGE;
  }
  const returns: CharterReturn[] = run.outcomes.flatMap((outcome) => (outcome.result.charterReturn ? [outcome.result.charterReturn] : []));
  if (returns.length > 0) {
    await writeTo(options.out, writeReturns(returns, options.format, { ...writeOptions, asArray: run.inputs.length > 1 }), io);
  }
  return status;
}
