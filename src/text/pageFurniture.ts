/** Lines that a page break leaves between the pieces of a table: page numbers, footers, blank-page notes. */
const PAGE_FURNITURE = [
  /^\s*(?:-\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*-)?\s*$/i,
  /^\s*page\s+[ivxlc]+\s*$/i,
  /^\s*this page is intentionally (?:left )?blank\.?\s*$/i,
  /^\s*\(?continued\)?\.?\s*$/i,
  /^\s*-{3,}\s*$/,
];

export function isPageFurniture(text: string): boolean {
  const flat = text.replace(/[*_#>]/g, ' ').trim();
  return PAGE_FURNITURE.some((pattern) => pattern.test(flat));
}
