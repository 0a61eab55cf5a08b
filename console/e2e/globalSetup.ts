// Once per run: build the console the gateway serves, and say loudly when there is no Chromium to test it with.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromiumPath } from './browser.js';

const consoleRoot = fileURLToPath(new URL('..', import.meta.url));

/** Builds console/dist (the gateway serves it at /); refuses to go on in CI without Chromium, warns elsewhere. */
export default async function setup(): Promise<void> {
  const chromium = chromiumPath();
  if (!chromium) {
    const message = 'no Chromium at /usr/bin/chromium (or CHROMIUM_PATH): install it with `apt-get install chromium`';
    if (process.env.CI) throw new Error(`Browser tests cannot run in CI: ${message}.`);
    console.warn(`\n${'!'.repeat(100)}\n!! BROWSER TESTS SKIPPED: ${message}.\n${'!'.repeat(100)}\n`);
    return;
  }
  await build({ root: consoleRoot, configFile: `${consoleRoot}vite.config.ts`, logLevel: 'warn' });
}
