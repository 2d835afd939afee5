// pdf: import time and peak memory of a council paper of 40+ pages, next to pdf.js used naively
// (the goal: no slower), `pdftotext -layout` and pdf-parse on the same file.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCouncilPack } from '../lib/councilPdf.js';
import { formatMB, formatMs, formatRatio, median, runMeasured, which } from '../lib/measure.js';

const MIN_PAGES = 40;
const CORE_TIMER = fileURLToPath(new URL('../lib/coreTimer.js', import.meta.url));
const PDF_PARSE_TEXT = fileURLToPath(new URL('../lib/pdfParseText.js', import.meta.url));
const PDFJS_NAIVE = fileURLToPath(new URL('../lib/pdfjsNaive.js', import.meta.url));
/** Reading a 40-page paper takes a second or two; past this the CLI is taken not to exit. */
const EXIT_WAIT_MS = 30_000;

async function pageCount(path) {
  const { PDFDocument } = await import('pdf-lib');
  const pdf = await PDFDocument.load(readFileSync(path), { ignoreEncryption: true, updateMetadata: false });
  return pdf.getPageCount();
}

/** A fixture of 40+ pages if one is committed, else a pack generated into the scratch folder. */
async function choosePdf(ctx, dir) {
  const fixtures = join(ctx.repoRoot, 'fixtures', 'pdf');
  if (existsSync(fixtures)) {
    for (const name of readdirSync(fixtures)
      .filter((file) => file.toLowerCase().endsWith('.pdf'))
      .sort()) {
      const path = join(fixtures, name);
      const pages = await pageCount(path).catch(() => 0);
      if (pages >= MIN_PAGES) return { path, pages, how: `committed fixture ${relative(ctx.repoRoot, path)}` };
    }
  }
  const generated = await writeCouncilPack(ctx.repoRoot, join(dir, 'council-pack.pdf'), { pages: 44 });
  return {
    path: generated.path,
    pages: generated.pages,
    how: `no fixture of ${MIN_PAGES}+ pages in fixtures/pdf/; generated with pdf-lib: report pages, tables with numbered rows, a blank page, and ${generated.appendix}`,
  };
}

function describeReturn(charterReturn) {
  const pages = charterReturn.source?.pages ?? [];
  return {
    whole: charterReturn.points?.length === 21,
    text: `${charterReturn.points?.length ?? 0} points read from page${pages.length === 1 ? '' : 's'} ${pages.join(', ') || '?'}`,
  };
}

export default {
  name: 'pdf',
  title: 'PDF: a council paper of 40+ pages against pdf.js used naively and pdftotext -layout',
  async run(ctx) {
    const runs = ctx.runs ?? (ctx.quick ? 2 : 5);
    const dir = join(ctx.tmp, 'pdf');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const pdf = await choosePdf(ctx, dir);
    ctx.log(`${pdf.pages} pages: ${pdf.how}`);

    const outFile = join(dir, 'return.json');
    const stderrFile = join(dir, 'charter.stderr');
    const cliArgs = [ctx.charterBin, 'import', pdf.path, '--format', 'json', '-o', outFile];
    const probe = await runMeasured(ctx.node, cliArgs, { cwd: ctx.repoRoot, stderrFile, scratch: dir, timeoutMs: EXIT_WAIT_MS });
    const stderr = existsSync(stderrFile) ? readFileSync(stderrFile, 'utf8') : '';
    const done = () => !ctx.keep && rmSync(dir, { recursive: true, force: true });
    if (/\bpdf-unsupported\b/.test(stderr)) {
      done();
      return { skipped: `the PDF reader reports it unsupported (${stderr.trim().split('\n')[0]})` };
    }
    const notes = [];
    let found = null;
    if (existsSync(outFile)) found = describeReturn(JSON.parse(readFileSync(outFile, 'utf8')));
    // Where the CLI wrote its return but never exited, time the core in a Node process of its own.
    let mode = 'cli';
    if (probe.timedOut) {
      if (!found) {
        done();
        return { skipped: `charter neither wrote a return nor exited within ${EXIT_WAIT_MS / 1000} s (a hang?)` };
      }
      mode = 'core';
      notes.push(
        `charter import wrote its return but did not exit within ${EXIT_WAIT_MS / 1000} s (something keeps the process alive after a PDF); timed instead: Node start + importReturn + JSON in bench/lib/coreTimer.js, which exits when done`,
      );
    }
    ctx.log(
      `charter found: ${
        found
          ? found.text
          : `no return (exit ${probe.status}): ${
              stderr
                .trim()
                .split('\n')
                .find((line) => /\berror\b/.test(line)) ?? probe.stderrTail
            }`
      }`,
    );

    const pdftotext = which('pdftotext');
    const charterRuns = [];
    const popplerRuns = [];
    const engineRuns = [];
    const naiveRuns = [];
    for (let run = 0; run < runs; run++) {
      rmSync(outFile, { force: true });
      const measured =
        mode === 'cli'
          ? await runMeasured(ctx.node, cliArgs, { cwd: ctx.repoRoot, stderrFile, scratch: dir, timeoutMs: EXIT_WAIT_MS })
          : await runMeasured(ctx.node, [CORE_TIMER, pdf.path, '1'], {
              cwd: ctx.repoRoot,
              stdoutFile: join(dir, 'core.json'),
              stderrFile,
              scratch: dir,
              timeoutMs: EXIT_WAIT_MS,
            });
      charterRuns.push(measured);
      if (pdftotext)
        popplerRuns.push(await runMeasured(pdftotext, ['-layout', pdf.path, join(dir, 'layout.txt')], { cwd: ctx.repoRoot, scratch: dir }));
      engineRuns.push(
        await runMeasured(ctx.node, [PDF_PARSE_TEXT, pdf.path], {
          cwd: ctx.repoRoot,
          stdoutFile: join(dir, 'pdf-parse.txt'),
          scratch: dir,
          timeoutMs: EXIT_WAIT_MS,
        }),
      );
      naiveRuns.push(
        await runMeasured(ctx.node, [PDFJS_NAIVE, pdf.path], {
          cwd: ctx.repoRoot,
          stdoutFile: join(dir, 'pdfjs.txt'),
          stderrFile: join(dir, 'pdfjs.stderr'),
          scratch: dir,
          timeoutMs: EXIT_WAIT_MS,
        }),
      );
    }
    const label = mode === 'cli' ? 'charter import' : 'charter core (coreTimer)';
    const charterMs = median(charterRuns.map((run) => run.ms));
    const charterRss = Math.max(...charterRuns.map((run) => run.rssMB ?? 0)) || null;
    const charterCpu = median(charterRuns.map((run) => run.cpuMs));
    ctx.log(
      `${label}: runs ${charterRuns.map((run) => formatMs(run.ms)).join(', ')}; median ${formatMs(charterMs)}, CPU ${formatMs(charterCpu)}, peak ${formatMB(charterRss)}`,
    );
    const rows = [];
    const naiveOk = naiveRuns.every((run) => run.status === 0);
    if (naiveOk) {
      const naiveMs = median(naiveRuns.map((run) => run.ms));
      ctx.log(
        `pdf.js naively (getDocument, getTextContent of every page): runs ${naiveRuns.map((run) => formatMs(run.ms)).join(', ')}; median ${formatMs(naiveMs)}, CPU ${formatMs(median(naiveRuns.map((run) => run.cpuMs)))}, peak ${formatMB(Math.max(...naiveRuns.map((run) => run.rssMB ?? 0)) || null)}`,
      );
      rows.push({
        measure: `${pdf.pages}-page paper vs pdf.js used naively, median of ${runs}`,
        charter: formatMs(charterMs),
        reference: `${formatMs(naiveMs)} (pdf.js getTextContent)`,
        ratio: `${formatRatio(charterMs / naiveMs)} (CPU ${formatRatio(charterCpu / median(naiveRuns.map((run) => run.cpuMs)))})`,
        goal: 'at most 1.0x',
        met: (found?.whole ?? false) && mode === 'cli' && charterMs <= naiveMs,
      });
    } else {
      notes.push(`pdf.js used naively failed: ${naiveRuns.find((run) => run.status !== 0)?.stderrTail}`);
    }
    const measure = `${pdf.pages}-page paper${mode === 'core' ? ' (core: CLI hung)' : ''}, median of ${runs}`;
    const whole = found?.whole ?? false;
    if (pdftotext) {
      const popplerMs = median(popplerRuns.map((run) => run.ms));
      const popplerRss = Math.max(...popplerRuns.map((run) => run.rssMB ?? 0)) || null;
      const popplerCpu = median(popplerRuns.map((run) => run.cpuMs));
      ctx.log(
        `pdftotext -layout: runs ${popplerRuns.map((run) => formatMs(run.ms)).join(', ')}; median ${formatMs(popplerMs)}, CPU ${formatMs(popplerCpu)}, peak ${formatMB(popplerRss)} (${ctx.toolVersions.pdftotext ?? 'poppler'})`,
      );
      const ratio = charterMs / popplerMs;
      rows.push({
        measure,
        charter: formatMs(charterMs),
        reference: `${formatMs(popplerMs)} (pdftotext -layout, native)`,
        ratio: `${formatRatio(ratio)} (CPU ${formatRatio(charterCpu / popplerCpu)})`,
        goal: '(information)',
        met: null,
      });
      rows.push({
        measure: `${pdf.pages}-page paper, peak memory`,
        charter: formatMB(charterRss),
        reference: `${formatMB(popplerRss)} (pdftotext)`,
        ratio: formatRatio(charterRss / popplerRss),
        goal: '< 300 MB',
        met: charterRss !== null && charterRss < 300,
      });
    } else {
      notes.push('pdftotext (poppler-utils) is not installed: no comparison');
      rows.push({ measure, charter: formatMs(charterMs), reference: 'n/a (no pdftotext)', ratio: 'n/a', goal: '(information)', met: null });
      rows.push({
        measure: `${pdf.pages}-page paper, peak memory`,
        charter: formatMB(charterRss),
        reference: 'n/a',
        ratio: 'n/a',
        goal: '< 300 MB',
        met: charterRss !== null && charterRss < 300,
      });
    }
    const engineOk = engineRuns.every((run) => run.status === 0);
    const engineMs = engineOk ? median(engineRuns.map((run) => run.ms)) : null;
    const engineRss = engineOk ? Math.max(...engineRuns.map((run) => run.rssMB ?? 0)) || null : null;
    ctx.log(
      `pdf-parse getText() (the pdf.js engine alone, every page): ${engineOk ? `median ${formatMs(engineMs)}, CPU ${formatMs(median(engineRuns.map((run) => run.cpuMs)))}, peak ${formatMB(engineRss)}` : `failed: ${engineRuns.find((run) => run.status !== 0)?.stderrTail}`}`,
    );
    if (engineOk) {
      rows.push({
        measure: `${pdf.pages}-page paper vs the engine alone`,
        charter: formatMs(charterMs),
        reference: `${formatMs(engineMs)} (pdf-parse getText)`,
        ratio: formatRatio(charterMs / engineMs),
        goal: '(information)',
        met: null,
      });
    }
    notes.push('pdfplumber (extract_words, issue 16: charter >= 3x faster) is Python and not run here: no comparison');
    if (!whole) notes.push(`charter did not read the whole return from the PDF: ${found ? found.text : `exit ${probe.status}`}`);
    done();
    return { rows, notes };
  },
};
