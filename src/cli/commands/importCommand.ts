/** `charter import`: read returns, normalise, validate, write them. */
import { unlink } from 'node:fs/promises';
import { extname, relative, resolve, sep } from 'node:path';
import { loadWriter, OUTPUT_EXTENSIONS, type ReturnWriter } from '../../write/writeReturns.js';
import { writesArray } from '../delivery.js';
import type { InputFile } from '../inputs.js';
import { EXIT_USAGE, type CliIo } from '../io.js';
import type { ImportCliOptions } from '../options.js';
import { fileSink, OutputError, stdoutSink, temporaryNameFor, writeFileAtomically, type MadeFolders, type OutputSink } from '../outputSink.js';
import type { DeliveryFor } from '../runInputs.js';
import { settledTemporary } from '../temporaries.js';
import { inputIdentities, overwritesInput, planOutDir, type OutputPlan } from '../outputTargets.js';
import { prepareRead } from '../readCommand.js';
import type { InspectionInput } from '../../write/inspect.js';
import { plural } from '../../text/plural.js';
import { displayPath } from '../../report/fileReport.js';

/**
 * Where `--out-dir` puts an input's output: `2016/croydon.pdf` found under `papers/` goes to
 * `DIR/2016/croydon.json`. Null where the name would land outside DIR.
 */
export function outputPathFor(input: InputFile, outDir: string, extension: string, cwd: string): string | null {
  const dir = resolve(cwd, outDir);
  let name: string;
  if (input.path === null) name = 'stdin';
  else if (input.root !== null) name = relative(resolve(cwd, input.root), resolve(cwd, input.path));
  else name = input.path.split(/[\\/]/).pop()!;
  const stem = name.slice(0, name.length - extname(name).length);
  if (stem === '' || stem.split(/[\\/]/).some((part) => part === '..') || resolve(stem) === stem) return null;
  const target = resolve(dir, `${stem}${extension}`);
  return target.startsWith(dir + sep) ? target : null;
}

export async function runImportCommand(args: readonly string[], options: ImportCliOptions, io: CliIo): Promise<number> {
  if (options.out !== undefined && options.outDir !== undefined) {
    io.stderr.write('charter: use either -o/--out or --out-dir, not both\n');
    return EXIT_USAGE;
  }
  const read = await prepareRead(args, options, io);
  if (!read) return EXIT_USAGE;
  if (options.inspect !== undefined && read.inputs.length !== 1) {
    io.stderr.write(`charter: --inspect draws one PDF: name one input, not ${read.inputs.length}\n`);
    return EXIT_USAGE;
  }
  let inspection: InspectionInput | null = null;
  const identities = inputIdentities(read.inputs, io.cwd);
  const writeOptions = { csvRaw: options.csvRaw ?? false };
  const out = options.out !== undefined && options.out !== '-' ? resolve(io.cwd, options.out) : null;
  if (out !== null && overwritesInput(out, identities)) {
    io.stderr.write(`charter: refusing to write the output over the input ${displayPath(options.out!)}\n`);
    return EXIT_USAGE;
  }
  const outDir = options.outDir;
  let plan: OutputPlan | null = null;
  if (outDir !== undefined) {
    // Every output name is checked before anything is written: a clash found half-way would leave half a run.
    plan = planOutDir(
      read.inputs,
      resolve(io.cwd, outDir),
      (input) => outputPathFor(input, outDir, OUTPUT_EXTENSIONS[options.format], io.cwd),
      identities,
    );
    if (plan.problems.length > 0) {
      for (const problem of plan.problems) io.stderr.write(`charter: ${problem}\n`);
      io.stderr.write('charter: nothing was read or written\n');
      return EXIT_USAGE;
    }
  }
  let extraStatus = 0;
  let written = 0;

  let sink: OutputSink | null = null;
  // With several inputs the JSON is an array from the start; one input is an array only if it
  // holds several returns, which is known once it is read: its head waits until then.
  const single = read.inputs.length === 1;
  const streamOptions = single ? writeOptions : { ...writeOptions, asArray: true };
  const createWriter = await loadWriter(options.format);
  let writer: ReturnWriter | null = single ? null : createWriter(streamOptions);
  if (options.outDir === undefined) {
    sink = out === null ? stdoutSink(io) : await fileSink(out);
  }
  const madeFolders: MadeFolders = new Set();
  // Each input's output is made where it is imported (a worker thread, in a run of several): its
  // text for the one output, or, with --out-dir, its own file (an array where it holds several
  // returns), written under a temporary name this thread keeps, so that a signal removes it.
  const temporaries = new Map<InputFile, string>();
  const deliveryFor: DeliveryFor =
    plan === null
      ? () => ({ kind: 'texts', format: options.format, write: streamOptions })
      : (input) => {
          const target = plan.targets.get(input)!;
          const temporary = temporaryNameFor(target);
          temporaries.set(input, temporary);
          return { kind: 'file', format: options.format, write: writeOptions, target, temporary };
        };
  let totals;
  try {
    if (sink && writer) await sink.write(writer.head());
    totals = await read.run(async (outcome) => {
      const temporary = temporaries.get(outcome.input);
      if (temporary !== undefined) {
        settledTemporary(temporary);
        temporaries.delete(outcome.input);
      }
      const { result } = outcome;
      if (result?.inspection) inspection = { path: outcome.input.path, ...result.inspection, returns: result.returns };
      if (outcome.returnCount === 0) return;
      if (outDir === undefined) {
        if (!writer) {
          writer = createWriter({ ...writeOptions, asArray: writesArray(writeOptions, outcome.returnCount) });
          await sink!.write(writer.head());
        }
        for (const text of outcome.texts!) await sink!.write(writer.separator(written++) + text);
        return;
      }
      if (outcome.writeFailure === undefined) written += outcome.returnCount;
      else {
        // One output that cannot be written must not stop the others.
        io.stderr.write(`charter: ${displayPath(outcome.input.path)}: ${outcome.writeFailure}\n`);
        extraStatus = EXIT_USAGE;
      }
    }, deliveryFor);
    if (sink) {
      // One input that holds no return writes nothing at all rather than an empty document.
      if (writer && (written > 0 || !single)) {
        await sink.write(writer.tail(written));
        await sink.close();
      } else await sink.abort();
    }
  } catch (error) {
    await sink?.abort();
    // The run stopped half-way (its workers are stopped by now): no temporary of an input in flight may stay behind.
    for (const temporary of temporaries.values()) {
      await unlink(temporary).catch(() => undefined);
      settledTemporary(temporary);
    }
    throw error;
  }
  if (options.inspect !== undefined) {
    const target = resolve(io.cwd, options.inspect);
    if (overwritesInput(target, identities)) {
      io.stderr.write(`charter: refusing to write the inspection over the input ${displayPath(options.inspect)}\n`);
      extraStatus = EXIT_USAGE;
    } else if (inspection === null) {
      io.stderr.write(
        `charter: --inspect draws the pages of a PDF as they were read, and ${read.inputs[0]!.path === null ? 'standard input' : displayPath(read.inputs[0]!.path)} has none that were\n`,
      );
      extraStatus = EXIT_USAGE;
    } else {
      try {
        const { writeInspection } = await import('../../write/inspect.js');
        await writeFileAtomically(target, writeInspection(inspection), madeFolders);
      } catch (error) {
        if (!(error instanceof OutputError)) throw error;
        io.stderr.write(`charter: ${displayPath(options.inspect)}: ${error.message}\n`);
        extraStatus = EXIT_USAGE;
      }
    }
  }
  const { report, summary } = read.finish(totals);
  io.stderr.write(report);
  if (read.inputs.length > 1) {
    io.stderr.write(
      `charter: ${plural(totals.files, 'file')} read, ${plural(written, 'return')} written, ${totals.failed} failed, ${plural(totals.warnings, 'warning')}\n`,
    );
  } else if (options.reporter === 'stylish' && !options.quiet) {
    io.stderr.write(`${summary}\n`);
  }
  return Math.max(totals.status, extraStatus);
}
