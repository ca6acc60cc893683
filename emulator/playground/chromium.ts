/**
 * Debian's Chromium, driven by playwright-core, for the browser tests and
 * the README screenshots. Never a downloaded browser: CI installs the
 * `chromium` package (.ci/run); CHROMIUM_PATH points elsewhere if needed.
 * playwright-core is a development dependency, loaded only here.
 */
import {existsSync} from 'node:fs';
import type {Browser} from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts a headless Chromium with a fresh, throwaway profile. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  const {chromium} = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}
