import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/**
 * The browser tests and the benchmark drive a real Chromium. Playwright cannot download its own
 * here, so look for one in this order: $CHROMIUM_PATH, the system Chromium,
 * then a browser Playwright installed earlier.
 */
export function findChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ].filter((p): p is string => Boolean(p));
  for (const path of candidates) if (existsSync(path)) return path;
  try {
    const own = chromium.executablePath();
    if (existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own either; fall through to the advice.
  }
  throw new Error(
    [
      'No Chromium found for the browser tests.',
      'Install one of:',
      '  - the system Chromium: sudo apt-get install -y chromium   (gives /usr/bin/chromium)',
      '  - any Chromium or Chrome, and point CHROMIUM_PATH at its executable',
      "  - Playwright's own: npx playwright install chromium",
    ].join('\n'),
  );
}

/** Flags for a quiet, sandbox-free headless run that makes no network requests of its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
