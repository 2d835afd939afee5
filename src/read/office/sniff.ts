/** Telling Office files from their first bytes, before any decoding (readers.ts sniffs with these). */

/** A zip archive: Word and Excel files (and OpenDocument ones) are zip packages. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06);
}

/** An OLE compound file: Word 97–2003, Excel 97–2003, or a password-protected Office file. */
export function isOle(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/** Either container: which Office format it holds (or that it is one charter does not read) is found from its parts. */
export function isOfficeContainer(bytes: Uint8Array): boolean {
  return isZip(bytes) || isOle(bytes);
}
