// The demo as a visitor on a phone sees it, in Debian's Chromium: every page (and /docs) fits a
// 360 px screen in both themes without a horizontal scroll, logs nothing to the console, has a
// favicon and a meta description; the header's theme and language switches reach the elements.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startDemoServer } from '../support/demo-server.ts';
import type { StartedServer } from '../../../src/server/main.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../../../scripts/chromium.mjs';

const PAGES = [
  ...readdirSync('demo')
    .filter((file) => file.endsWith('.html'))
    .sort(),
  'docs',
];
const PHONE = { width: 360, height: 740, deviceScaleFactor: 1 };

let server: StartedServer;
let browser: Browser;
let origin: string;

before(async () => {
  server = await startDemoServer();
  origin = server.server.url;
  browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page on a phone, recording every console message, page error and failed request. */
async function visit(path: string, scheme: 'light' | 'dark', settle = true): Promise<{ page: Page; messages: string[] }> {
  const page = await browser.newPage();
  const messages: string[] = [];
  page.on('console', (message) => messages.push(`console.${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => messages.push(`page error: ${String(error)}`));
  page.on('requestfailed', (request) => messages.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) messages.push(`${response.status()}: ${response.url()}`);
  });
  await page.setViewport(PHONE);
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
  // A page that is not to settle is read for its markup only: its head is there once parsed,
  // without waiting half a second past its last request.
  await page.goto(`${origin}/${path}`, { waitUntil: settle ? 'networkidle0' : 'domcontentloaded' });
  // Elements settle after their data arrives: wait until none shows its loading face.
  if (settle)
    await page.waitForFunction(
      () => ![...document.querySelectorAll('*')].some((element) => (element as HTMLElement & { matches(s: string): boolean }).matches(':state(loading)')),
      { timeout: 15_000 },
    );
  return { page, messages };
}

describe('demo pages on a 360 px phone', () => {
  for (const path of PAGES) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`${path}, ${scheme}: no horizontal scroll, no console message`, async () => {
        const { page, messages } = await visit(path, scheme);
        try {
          const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
          assert.ok(widths.scroll <= widths.client, `${path} is ${widths.scroll} px wide on a ${widths.client} px screen`);
          assert.deepEqual(messages, []);
        } finally {
          await page.close();
        }
      });
    }
  }

  test('every page has a meta description and an icon that loads; /favicon.ico is there too', async () => {
    for (const path of PAGES) {
      const { page } = await visit(path, 'light', false);
      try {
        const head = await page.evaluate(() => ({
          description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
          icon: (document.querySelector('link[rel~="icon"]') as HTMLLinkElement | null)?.href ?? `${location.origin}/favicon.ico`,
        }));
        assert.ok(head.description.length >= 50, `${path}: meta description`);
        const icon = await fetch(head.icon);
        assert.equal(icon.status, 200, `${path}: ${head.icon}`);
        assert.match(icon.headers.get('Content-Type') ?? '', /^image\//);
      } finally {
        await page.close();
      }
    }
    const ico = await fetch(`${origin}/favicon.ico`);
    assert.equal(ico.status, 200);
    assert.match(ico.headers.get('Content-Type') ?? '', /^image\//);
  });
});

describe("the header's switches", () => {
  test('the theme switch forces dark on the elements and the page, and is remembered', async () => {
    const { page } = await visit('account.html', 'light');
    try {
      await page.select('#demo-theme', 'dark');
      const state = await page.evaluate(() => ({
        provider: document.querySelector('rewards-provider')?.getAttribute('theme'),
        page: getComputedStyle(document.body).colorScheme,
        background: getComputedStyle(document.body).backgroundColor,
      }));
      assert.deepEqual(state, { provider: 'dark', page: 'dark', background: 'rgb(15, 17, 21)' });
      await page.reload({ waitUntil: 'networkidle0' });
      assert.equal(await page.$eval('#demo-theme', (select) => (select as HTMLSelectElement).value), 'dark');
      await page.select('#demo-theme', 'auto');
    } finally {
      await page.close();
    }
  });

  test('the language switch speaks Chinese in every element and sets the page language', async () => {
    const { page } = await visit('shop.html', 'light');
    try {
      await page.select('#demo-locale', 'zh-CN');
      await page.waitForFunction(() => document.querySelector('coin-balance')?.shadowRoot?.textContent?.includes('金币'), { timeout: 5_000 });
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
      await page.select('#demo-locale', 'en');
      await page.waitForFunction(() => document.querySelector('coin-balance')?.shadowRoot?.textContent?.includes('coins'), { timeout: 5_000 });
    } finally {
      await page.close();
    }
  });
});
