#!/usr/bin/env node
// `npm run screenshots`: the README's pictures of the site, regenerated from a running site with the
// demo data (`npm start`, then `npm run seed:demo`; SITE_URL for another address). Writes
// docs/screenshots/<page>-<locale>-<width>.png: the home page and a proposal page, 320 and 1280 px
// wide, in English and French; the proposal page as a signed-in demo resident sees it; and, in both
// languages, a ballot being filled in, a budget's published outcome and a council meeting under way; and
// two staff consoles (the moderation queue, a meeting's live console).
const { mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { chromium } = require('playwright-core');

const site = (process.env.SITE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const out = join(__dirname, '..', 'docs', 'screenshots');
// The same flags as the browser tests (libs/testing/src/browser.ts): no sandbox, no GPU, nothing phoning home.
const args = require('../libs/testing/src/chromium-args.json');

async function main() {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args });
  try {
    const probe = await (await browser.newContext()).newPage();
    await probe.goto(`${site}/proposals?q=${encodeURIComponent('Station Road')}`);
    const link = probe.getByRole('link', { name: 'Shade trees along Station Road' });
    if ((await link.count()) === 0) throw new Error(`No demo proposal at ${site}: run npm run seed:demo first.`);
    const proposal = await link.first().getAttribute('href');
    for (const locale of ['en', 'fr']) {
      for (const width of [320, 1280]) {
        const context = await browser.newContext({ locale, viewport: { width, height: 800 }, javaScriptEnabled: false });
        const page = await context.newPage();
        for (const [name, path] of [
          ['home', '/'],
          ['proposal', proposal],
        ]) {
          await page.goto(`${site}${path}`);
          const file = join(out, `${name}-${locale}-${width}.png`);
          await page.screenshot({ path: file, fullPage: true });
          console.log(file);
        }
        await context.close();
      }
    }
    await participation(browser, probe);
    await consoles(browser, probe);
    // Signed in, with JavaScript: the actions on the proposal and its comments, the notifications badge.
    const context = await browser.newContext({ locale: 'en', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site}/sign-in?next=${encodeURIComponent(proposal)}`);
    await page.fill('#email', 'lucie@demo.polity.localhost');
    await page.fill('#password', 'polity-demo-password');
    await page.click('main form button[type=submit]');
    await page.waitForSelector('html[data-live="ready"]');
    const file = join(out, 'proposal-signed-in-en-1280.png');
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
    await context.close();
  } finally {
    await browser.close();
  }
}

/** The address of the first link on a list page whose text is `name`. */
async function find(page, path, name) {
  await page.goto(`${site}${path}`);
  const href = await page.getByRole('link', { name, exact: true }).first().getAttribute('href');
  if (!href) throw new Error(`No “${name}” at ${site}${path}: run npm run seed:demo first.`);
  return href;
}

/** The budget, survey and council pages of the demo: a ballot (signed in), an outcome, a live meeting. */
async function participation(browser, probe) {
  const voting = await find(probe, '/budgets', 'Greener neighbourhoods');
  const published = await find(probe, '/budgets', 'Playgrounds for every neighbourhood');
  const meeting = await find(probe, '/meetings', 'Monthly council meeting');
  for (const locale of ['en', 'fr']) {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site}/sign-in?next=${encodeURIComponent(`${voting}/ballot`)}`);
    await page.fill('#email', 'lucie@demo.polity.localhost');
    await page.fill('#password', 'polity-demo-password');
    await page.click('main form button[type=submit]');
    await page.waitForSelector('form.polity-ballot');
    // The demo accounts speak English: the language switcher shows the site in French all the same.
    if (locale === 'fr') await page.goto(`${site}/language?to=fr&back=${encodeURIComponent(`${voting}/ballot`)}`);
    // One more project ticked: the running total moves, as the resident sees it while choosing.
    await page.locator('form.polity-ballot input[type=checkbox]:not(:checked)').first().check();
    await shoot(page, `ballot-${locale}-1280`);
    for (const [name, path] of [
      ['outcome', `${published}/results`],
      ['meeting', meeting],
    ]) {
      await page.goto(`${site}${path}`);
      await shoot(page, `${name}-${locale}-1280`);
    }
    await context.close();
  }
  const narrow = await browser.newContext({ locale: 'en', viewport: { width: 320, height: 800 }, javaScriptEnabled: false });
  const page = await narrow.newPage();
  await page.goto(`${site}${published}/results`);
  await shoot(page, 'outcome-en-320');
  await narrow.close();
}

/** Two staff consoles, as the README's "For civil servants" shows them: the moderation queue and a meeting's live console. */
async function consoles(browser, probe) {
  const meeting = await find(probe, '/meetings', 'Monthly council meeting');
  const shots = [
    ['moderator@demo.polity.localhost', '/staff/moderation', 'console-moderation'],
    ['clerk@demo.polity.localhost', `/staff${meeting}`, 'console-meeting'],
  ];
  for (const [email, path, name] of shots) {
    for (const [locale, width] of [
      ['en', 1280],
      ['fr', 1280],
      ['en', 320],
    ]) {
      const context = await browser.newContext({ locale, viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${site}/sign-in?next=${encodeURIComponent(path)}`);
      await page.fill('#email', email);
      await page.fill('#password', 'polity-demo-password');
      await page.click('main form button[type=submit]');
      await page.waitForURL(`${site}${path}`);
      if (locale === 'fr') await page.goto(`${site}/language?to=fr&back=${encodeURIComponent(path)}`);
      await page.waitForSelector('html[data-live="ready"]');
      await shoot(page, `${name}-${locale}-${width}`);
      await context.close();
    }
  }
}

/** The whole page at once: a window as tall as the page, so what sticks to the window's bottom sits where it belongs. */
async function shoot(page, name) {
  const file = join(out, `${name}.png`);
  const { width, height } = page.viewportSize();
  await page.setViewportSize({ width, height: await page.evaluate(() => document.documentElement.scrollHeight) });
  await page.screenshot({ path: file, fullPage: true });
  await page.setViewportSize({ width, height });
  console.log(file);
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
