// The console's browser tests: the real platform (subgraphs on throwaway databases, the gateway serving the built
// console), Debian's Chromium driven by playwright-core, every request to another host aborted and failing the test.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { callerFor, startPlatform, type Caller, type Platform } from '@cgov/gateway/testing';
import type { Clock, Role } from '@cgov/shared';
import { tokenFor } from '@cgov/shared/testing';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from './browser.js';

/** Where the tests save screenshots (git-ignored; a few are copied to docs/ for the README). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../e2e-output/screenshots/', import.meta.url));

/** A desk's screen and a phone's. */
export const VIEWPORTS = { desk: { width: 1440, height: 900 }, phone: { width: 375, height: 812 } } as const;

/** `describe` when a Chromium is installed, else `describe.skip` (the global setup has said so loudly, and CI fails). */
export const describeInBrowser = chromiumPath() ? describe : describe.skip;

export interface ConsoleTestbed {
  platform: Platform;
  browser: Browser;
  /** The console's address, e.g. http://127.0.0.1:40123 (the gateway's). */
  baseUrl: string;
  /** A new page in a fresh context (its own session storage), in a language and viewport; see `newPage`. */
  newPage(options?: PageOptions): Promise<TestPage>;
  /** A GraphQL caller with the same role and scope a page signs in as, to compare the screen with the API. */
  caller(role: Role, scope: string, sub?: string): Caller;
  /** A development token, as `npm run token` makes (for pasting, or for a page's session storage). */
  tokenFor(role: Role, scope: string, sub?: string): Promise<string>;
}

export interface PageOptions {
  language?: 'zh-CN' | 'en-US';
  viewport?: keyof typeof VIEWPORTS;
}

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Requests the page tried to make to any host but the platform's (aborted); a test fails when any were made. */
  externalRequests: string[];
  /** Errors thrown in the page's scripts. */
  pageErrors: string[];
}

/**
 * Starts the platform and a Chromium once for a test file (in `beforeAll`), stops both after it, and after every page
 * it opened fails the file when a page asked another host for anything or threw. `exportRowLimit` lowers the gateway's
 * CSV row limit (to see a cut export without 100,000 rows).
 */
export function useConsoleTestbed(options: { clock?: Clock; production?: boolean; exportRowLimit?: number } = {}): ConsoleTestbed {
  const pages: TestPage[] = [];
  const testbed = {} as ConsoleTestbed;
  beforeAll(async () => {
    const [platform, browser] = await Promise.all([
      startPlatform({
        ...(options.clock ? { clock: options.clock } : {}),
        ...(options.exportRowLimit ? { gateway: { exportRowLimit: options.exportRowLimit } } : {}),
        production: options.production ?? false,
      }),
      chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS }),
    ]);
    const baseUrl = platform.gatewayBaseUrl.replace(/\/$/, '');
    const origin = new URL(baseUrl).origin;
    Object.assign(testbed, {
      platform,
      browser,
      baseUrl,
      caller: (role: Role, scope: string, sub?: string) => callerFor(platform, role, scope, sub, { fresh: true }),
      tokenFor,
      async newPage({ language = 'zh-CN', viewport = 'desk' }: PageOptions = {}) {
        const context = await browser.newContext({
          baseURL: baseUrl,
          viewport: VIEWPORTS[viewport],
          locale: language,
          timezoneId: 'Asia/Shanghai',
          serviceWorkers: 'block',
          // As a person who asked for less motion: Ant Design then animates nothing, so a click never lands on an
          // option still sliding into place.
          reducedMotion: 'reduce',
          acceptDownloads: true,
        });
        const testPage: TestPage = { page: undefined as unknown as Page, context, externalRequests: [], pageErrors: [] };
        await context.route('**/*', (route) => {
          const url = route.request().url();
          if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) return route.fallback();
          testPage.externalRequests.push(url);
          return route.abort('blockedbyclient');
        });
        // The page's first language; a choice made on the page afterwards is kept, as for a person.
        await context.addInitScript((lang) => {
          if (!localStorage.getItem('cgov.language')) localStorage.setItem('cgov.language', lang);
        }, language);
        testPage.page = await context.newPage();
        testPage.page.on('pageerror', (error) => testPage.pageErrors.push(error.message));
        pages.push(testPage);
        return testPage;
      },
    } satisfies ConsoleTestbed);
  });
  afterAll(async () => {
    await Promise.all(pages.map((p) => p.context.close().catch(() => undefined)));
    await testbed.browser?.close();
    await testbed.platform?.stop();
    expect(pages.flatMap((p) => p.externalRequests), 'requests to hosts other than the platform').toEqual([]);
    expect(pages.flatMap((p) => p.pageErrors), 'errors thrown in the page').toEqual([]);
  });
  return testbed;
}

/** Signs in from the sign-in page by clicking a demo actor, by its label in the page's language; resolves once signed in. */
export async function signInAs(page: Page, actorLabel: string | RegExp): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: actorLabel }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Fails when axe-core finds a serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    // Each node's own markup and what axe says to fix: a violation that shows only on another machine (its fonts) is
    // then understood from the CI log alone.
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')} ${node.html} (${node.failureSummary ?? ''})`).join(', ')}`);
  expect(serious.join('\n'), 'serious accessibility violations').toBe('');
}

/** Saves a full-page screenshot as e2e-output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: true });
}
