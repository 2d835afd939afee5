/**
 * Windows-1252 decoding. Node 20's TextDecoder reads the 'windows-1252' label as ISO-8859-1, which
 * turns Word's smart quotes, dashes and the euro sign (bytes 0x80–0x9F) into invisible control
 * characters; this table restores them as the WHATWG Encoding Standard defines.
 */
const HIGH_CONTROL_RANGE: readonly (number | null)[] = [
  0x20ac,
  null,
  0x201a,
  0x0192,
  0x201e,
  0x2026,
  0x2020,
  0x2021,
  0x02c6,
  0x2030,
  0x0160,
  0x2039,
  0x0152,
  null,
  0x017d,
  null,
  null,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014,
  0x02dc,
  0x2122,
  0x0161,
  0x203a,
  0x0153,
  null,
  0x017e,
  0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  const chunk: number[] = [];
  const flush = () => {
    text += String.fromCharCode(...chunk);
    chunk.length = 0;
  };
  for (const byte of bytes) {
    chunk.push(byte >= 0x80 && byte <= 0x9f ? (HIGH_CONTROL_RANGE[byte - 0x80] ?? byte) : byte);
    if (chunk.length >= 8192) flush();
  }
  flush();
  return text;
}
