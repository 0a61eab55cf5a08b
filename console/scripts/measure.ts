// `npm run measure -w @cgov/console`: prints the console's sizes and speed (measured, never asserted in tests).
//  1. The JavaScript and CSS the first page (sign-in) and the dashboard load, gzipped (the aim: under 400 KB for the
//     first page, each page its own chunk).
//  2. The time from navigation to the dashboard's figures on screen (the page's `cgov:dashboard-figures` performance
//     mark), cold (a new browser context each time) and warm (the same context again), on the demo city (the platform
//     started here on throwaway databases) and, with MEASURE_URL, on a running platform, e.g. the benchmark's city at
//     scale 0.1: `BENCH_SCALE=0.1 BENCH_ONLY=serve npm run bench`, then
//     `MEASURE_URL=http://127.0.0.1:5100 MEASURE_CITY=4401 MEASURE_DATE=<its date> npm run measure -w @cgov/console`.
//     The aim: under 1.5 s. MEASURE_DEBUG=1 also prints every resource the dashboard loaded with its start → end (ms).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startPlatform, type Platform } from '@cgov/gateway/testing';
import { DEVELOPMENT_JWT_SECRET, signToken, systemClock, today } from '@cgov/shared';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser.js';

const consoleRoot = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.MEASURE_RUNS ?? '5');
const FIGURES_MARK = 'cgov:dashboard-figures';

/** The gzipped size of a file of dist/ the page loaded, by its URL path. */
function gzippedBytes(urlPath: string): number {
  return gzipSync(readFileSync(`${consoleRoot}dist${urlPath}`)).length;
}

/** Opens a page in a context signed in with a token (or none), and lists the JS and CSS files it loaded. */
async function load(context: BrowserContext, baseUrl: string, path: string, waitForMark: boolean) {
  const files = new Set<string>();
  const page = await context.newPage();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin === new URL(baseUrl).origin && /\.(js|css)$/.test(url.pathname)) files.add(url.pathname);
  });
  await page.goto(`${baseUrl}${path}`);
  let shownMs: number | undefined;
  if (waitForMark) {
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FIGURES_MARK, { timeout: 60_000 });
    shownMs = await page.evaluate((mark) => performance.getEntriesByName(mark)[0]!.startTime, FIGURES_MARK);
    if (process.env.MEASURE_DEBUG) {
      const entries = await page.evaluate(() =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => `${entry.name.replace(location.origin, '')} ${entry.startTime.toFixed(0)}→${entry.responseEnd.toFixed(0)}`),
      );
      console.log(entries.join('\n'));
    }
  } else {
    await page.waitForLoadState('networkidle');
  }
  await page.close();
  return { files: [...files], shownMs };
}

function kilobytes(files: string[]): string {
  const js = files.filter((file) => file.endsWith('.js')).reduce((sum, file) => sum + gzippedBytes(file), 0);
  const css = files.filter((file) => file.endsWith('.css')).reduce((sum, file) => sum + gzippedBytes(file), 0);
  return `${((js + css) / 1024).toFixed(1)} KB gzipped (JS ${(js / 1024).toFixed(1)} KB in ${files.filter((f) => f.endsWith('.js')).length} files, CSS ${(css / 1024).toFixed(1)} KB)`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Times the dashboard for a city: `runs` cold visits (new contexts) and as many warm ones (the first context again). */
async function timeDashboard(browser: Browser, baseUrl: string, token: string, cityId: string, date: string) {
  const path = `/dashboard/${cityId}?date=${date}`;
  const contextFor = async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await context.addInitScript((value) => sessionStorage.setItem('cgov.token', value), token);
    return context;
  };
  const cold: number[] = [];
  let files: string[] = [];
  for (let i = 0; i < runs; i += 1) {
    const context = await contextFor();
    const visit = await load(context, baseUrl, path, true);
    cold.push(visit.shownMs!);
    files = visit.files;
    await context.close();
  }
  const context = await contextFor();
  await load(context, baseUrl, path, true);
  const warm: number[] = [];
  for (let i = 0; i < runs; i += 1) warm.push((await load(context, baseUrl, path, true)).shownMs!);
  await context.close();
  return { cold, warm, files };
}

async function main() {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium at /usr/bin/chromium (or CHROMIUM_PATH): apt-get install chromium');
  await build({ root: consoleRoot, configFile: `${consoleRoot}vite.config.ts`, logLevel: 'warn' });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  let platform: Platform | undefined;
  try {
    const targets: Array<{ name: string; baseUrl: string; cityId: string; date: string }> = [];
    if (process.env.MEASURE_URL) {
      targets.push({ name: `the platform at ${process.env.MEASURE_URL}`, baseUrl: process.env.MEASURE_URL.replace(/\/$/, ''), cityId: process.env.MEASURE_CITY ?? '4401', date: process.env.MEASURE_DATE ?? today(systemClock) });
    } else {
      platform = await startPlatform();
      targets.push({ name: 'the demo city (H市, 6 communities)', baseUrl: platform.gatewayBaseUrl.replace(/\/$/, ''), cityId: '4201', date: today(systemClock) });
    }
    const first = targets[0]!;
    const signedOut = await browser.newContext();
    const signInPage = await load(signedOut, first.baseUrl, '/sign-in', false);
    await signedOut.close();
    console.log(`First page (sign-in): ${kilobytes(signInPage.files)}`);
    for (const target of targets) {
      const token = await signToken({ sub: 'measure-analyst', role: 'ANALYST', scope: target.cityId }, process.env.AUTH_JWT_SECRET ?? DEVELOPMENT_JWT_SECRET);
      const timing = await timeDashboard(browser, target.baseUrl, token, target.cityId, target.date);
      console.log(`Dashboard page: ${kilobytes(timing.files)}`);
      console.log(`Dashboard of ${target.name}, ${target.date}: navigation → figures shown, median of ${runs}: cold ${median(timing.cold).toFixed(0)} ms (${timing.cold.map((ms) => ms.toFixed(0)).join(', ')}), warm ${median(timing.warm).toFixed(0)} ms (${timing.warm.map((ms) => ms.toFixed(0)).join(', ')})`);
    }
  } finally {
    await browser.close();
    await platform?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
