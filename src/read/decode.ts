/**
 * Bytes to text. Returns arrive as UTF-8 (with or without a byte-order mark), as UTF-16 from
 * Excel's "Unicode Text" export, or as Windows-1252 from older Office tools. Line ends become \n.
 */
import type { Diagnostic } from '../model.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { decodeWindows1252 } from '../text/windows1252.js';

export type DecodeResult =
  | { ok: true; text: string; encoding: string; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

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
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      encoding = 'windows-1252';
      text = decodeWindows1252(body);
      diagnostics.push(diagnostic('encoding-guessed', { encoding }));
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

/** Control characters other than tab, line ends and form feed mean this is not text. */
function isBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) control++;
    else if (code === 0xfffd) control++;
  }
  return control > Math.max(8, sample.length * 0.01);
}
