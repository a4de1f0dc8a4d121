import { chromium, type Browser, type BrowserContext } from 'playwright-core';
// The network here is closed and the machine shared: no sandbox, no GPU, nothing phoning home (scripts/screenshots.js uses them too).
import ARGS from './chromium-args.json';

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH for another one. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface TestBrowser {
  /** A fresh context (its own cookies and storage) with the given language, JavaScript on or off, and width. */
  context(options: { locale: string; javaScript: boolean; width?: number }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Headless Chromium; Playwright gives each launch a new, temporary profile. */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, timeout: 60_000, args: ARGS });
  return {
    context: ({ locale, javaScript, width = 1280 }) =>
      browser.newContext({ locale, javaScriptEnabled: javaScript, viewport: { width, height: 900 } }),
    close: () => browser.close(),
  };
}
