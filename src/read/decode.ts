/**
 * Bytes to text. Returns arrive as UTF-8 (with or without a byte-order mark), as UTF-16 from
 * Excel's "Unicode Text" export, or as Windows-1252 from older Office tools. Line ends become \n.
 * A file that is mostly UTF-8 with a few Windows-1252 lines (one pasted paragraph) is decoded line
 * by line, each line that is not UTF-8 named in a warning; reading it all as Windows-1252 would
 * turn every other accented letter into mojibake.
 */
import type { Diagnostic } from '../model.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { decodeWindows1252 } from '../text/windows1252.js';

export type DecodeResult = { ok: true; text: string; encoding: string; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

export function decodeText(bytes: Uint8Array): DecodeResult {
  const diagnostics: Diagnostic[] = [];
  if (bytes.length === 0) {
    return { ok: false, diagnostics: [diagnostic('empty-input', { whiteSpace: false })] };
  }
  let encoding = 'utf-8';
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    body = bytes.subarray(3);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    body = bytes.subarray(2);
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    body = bytes.subarray(2);
  } else if (looksLikeBomlessUtf16(bytes)) {
    encoding = bytes[0] === 0 ? 'utf-16be' : 'utf-16le';
  }

  let text: string;
  if (encoding === 'utf-8') {
    const whole = utf8(body);
    if (whole !== null) text = whole;
    else {
      const mixed = decodeByLine(body);
      if (mixed !== null) {
        text = mixed.text;
        for (const line of mixed.foreign)
          diagnostics.push(diagnostic('encoding-mixed', { line: line.number, byte: line.byte }, { line: line.number }));
      } else {
        encoding = 'windows-1252';
        text = decodeWindows1252(body);
        diagnostics.push(diagnostic('encoding-guessed', { encoding }));
      }
    }
  } else {
    text = new TextDecoder(encoding).decode(body);
    diagnostics.push(diagnostic('encoding-guessed', { encoding }));
  }

  if (isBinary(text)) {
    return {
      ok: false,
      diagnostics: [diagnostic('binary-input', {})],
    };
  }
  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    return { ok: false, diagnostics: [diagnostic('empty-input', { whiteSpace: true })] };
  }
  return { ok: true, text, encoding, diagnostics };
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function utf8(bytes: Uint8Array): string | null {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/** A line that is not UTF-8: its 1-based number and its first byte that is not, in hex. */
interface ForeignLine {
  number: number;
  byte: string;
}

/** The first byte of `line` that breaks UTF-8 (a stray byte, or a lead byte without its continuations). */
function firstInvalidByte(line: Uint8Array): string {
  let at = 0;
  while (at < line.length) {
    const lead = line[at]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    let whole = length > 0 && at + length <= line.length;
    for (let next = 1; whole && next < length; next++) whole = (line[at + next]! & 0xc0) === 0x80;
    if (!whole) return `0x${lead.toString(16).toUpperCase().padStart(2, '0')}`;
    at += length;
  }
  return 'unknown';
}

/**
 * Line by line, where the lines with bytes above ASCII are more often valid UTF-8 than not: each
 * of the others read as Windows-1252. Null where the file is mostly not UTF-8.
 */
function decodeByLine(body: Uint8Array): { text: string; foreign: ForeignLine[] } | null {
  const parts: string[] = [];
  const foreign: ForeignLine[] = [];
  let utf8Lines = 0;
  let start = 0;
  for (let number = 1; start <= body.length; number++) {
    const newline = body.indexOf(0x0a, start);
    const end = newline === -1 ? body.length : newline + 1;
    const line = body.subarray(start, end);
    const decoded = utf8(line);
    if (decoded !== null) {
      if (line.some((byte) => byte >= 0x80)) utf8Lines++;
      parts.push(decoded);
    } else {
      foreign.push({ number, byte: firstInvalidByte(line) });
      parts.push(decodeWindows1252(line));
    }
    if (newline === -1) break;
    start = end;
  }
  return utf8Lines > foreign.length ? { text: parts.join(''), foreign } : null;
}

/** UTF-16 without a byte-order mark shows as every other byte being zero in ASCII-heavy text. */
function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 512) & ~1;
  if (sample < 8) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  return (oddZeros > pairs * 0.6 && evenZeros === 0) || (evenZeros > pairs * 0.6 && oddZeros === 0);
}

/**
 * Many control characters other than tab, line ends and form feed mean this is not text. One or a
 * few (a NUL pasted into a cell) do not: the share decides, not any one byte.
 */
function isBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) control++;
    else if (code === 0xfffd) control++;
  }
  // A short sample of mostly control bytes is binary too.
  return control > Math.max(8, sample.length * 0.01) || (control >= 2 && control > sample.length * 0.3);
}
