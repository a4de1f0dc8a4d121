import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from './browser';
import { createTestApp, type RunningApp, startTestWorker } from './test-app';
import { registerUser, type TestUser } from './user-factory';

export const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A new browser context signed in as `user` through the site's own form. */
export async function signedInPage(
  browser: TestBrowser,
  api: RunningApp,
  user: TestUser,
  options: { locale?: string; javaScript?: boolean; width?: number } = {},
): Promise<Page> {
  const context = await browser.context({
    locale: options.locale ?? 'en-GB',
    javaScript: options.javaScript ?? false,
    width: options.width,
  });
  const page = await context.newPage();
  // A step that cannot happen fails with its locator in the message, well before the test's own timeout.
  page.setDefaultTimeout(8_000);
  await page.goto(`${api.url}/sign-in`);
  await page.locator('#email').fill(user.email);
  await page.locator('#password').fill(user.password);
  await page.locator('main form button[type=submit]').click();
  return page;
}

/** Presses Tab until the element matching `selector` has the focus, as a keyboard user reaches it; fails if it never does. */
export async function tabTo(page: Page, selector: string, limit = 120): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} was not reached with the Tab key`);
}

/**
 * The page's WCAG 2.0/2.1 A and AA violations, by rule and element (axe needs JavaScript on in the page's context).
 * Legacy mode runs axe in the page itself and leaves the inside of frames out: our pages have no
 * frames of their own (a meeting's player embeds another site), and the default mode, which opens a
 * blank page per scan to merge the frames' results, took twice as long.
 */
export async function axeViolations(page: Page): Promise<{ rule: string; targets: string[] }[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_AA).setLegacyMode(true).analyze();
  return violations.map((violation) => ({ rule: violation.id, targets: violation.nodes.map((node) => node.target.join(' ')) }));
}

/** Records what the polite status region says from now on, as a screen reader would hear it in turn. */
export async function listenToStatus(page: Page): Promise<void> {
  await page.evaluate(() => {
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    const region = document.getElementById('live-status') as HTMLElement;
    new MutationObserver(() => region.textContent && said.push(region.textContent)).observe(region, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
}

export const statusSaid = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { said: string[] }).said);

/** Marks the page so that a later check can tell it was never reloaded. */
export async function markUnreloaded(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true));
}
export const wasNotReloaded = (page: Page): Promise<boolean | undefined> =>
  page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded);

export const liveReady = (page: Page) => page.waitForSelector('html[data-live="ready"]', { timeout: 10_000 });

export interface WebWorld {
  readonly api: RunningApp;
  readonly browser: TestBrowser;
  /** A new resident, signed in on a page of their own (closed with the suite). */
  reader(options?: PageOptions): Promise<{ user: TestUser; page: Page }>;
  /** A page signed in as `user` (closed with the suite). */
  pageOf(user: TestUser, options?: PageOptions): Promise<Page>;
}

type PageOptions = { locale?: string; javaScript?: boolean; width?: number };

/**
 * The api, a worker and a browser for a suite of page tests: started before its tests, stopped
 * after them, with the pages it opened.
 */
export function webWorld(): WebWorld {
  let api: RunningApp | undefined;
  let worker: RunningApp | undefined;
  let browser: TestBrowser | undefined;
  const pages: Page[] = [];
  beforeAll(async () => {
    [api, worker, browser] = await Promise.all([createTestApp(), startTestWorker(), launchBrowser()]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(pages.map((page) => page.context().close()));
    await browser?.close();
    await worker?.close();
    await api?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The web world starts in beforeAll: use it inside tests.');
    return value;
  };
  const world: WebWorld = {
    get api() {
      return started(api);
    },
    get browser() {
      return started(browser);
    },
    async pageOf(user, options = {}) {
      const page = await signedInPage(world.browser, world.api, user, options);
      pages.push(page);
      return page;
    },
    async reader(options = {}) {
      const user = await registerUser(world.api);
      return { user, page: await world.pageOf(user, options) };
    },
  };
  return world;
}
