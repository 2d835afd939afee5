// Debian's Chromium, headless and quiet (no network of its own, no first-run pages), as the
// picture scripts and the report benchmark open it: one place for its path and its flags.
export const CHROMIUM = '/usr/bin/chromium';

const QUIET = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A browser context with its profile in `profileDir`, pages `viewport` big; playwright loads only here. */
export async function launchChromium(profileDir, viewport) {
  const { chromium } = await import('playwright-core');
  return chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, args: QUIET, viewport });
}
