/**
 * Screenshots for the README, in the light and the dark theme:
 * - every element, docs/screenshots/<tag>-light.png and <tag>-dark.png;
 * - every demo page, whole, docs/screenshots/pages/<page>-light.png and -dark.png.
 *
 *   npm run screenshots
 *
 * It runs `npm start` (which builds what is stale) on a fresh embedded database with the demo data
 * and a free loopback port, and photographs, in Debian's Chromium (`/usr/bin/chromium`, or
 * CHROME_PATH) driven by playwright-core: a page that shows each element for the demo member
 * `ada` (the seller dashboard for the partner seller `grace`), then each demo page as that page's
 * member sees it. The demo data are made relative to the moment the server starts, so the
 * history's dates and times and the calendar's month follow the clock; everything else (viewport,
 * scale, time zone, language, colour scheme, motion) is pinned, so two runs in the same minute give
 * identical pictures.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { darkPalette, lightPalette, type Palette } from '../src/elements/shared/theme.ts';
import { DEMO_PAGES, launchChromium, startDemoServer, waitForSettled } from './demo-browser.ts';

type Theme = 'light' | 'dark';

/** One picture: a frame around the element (and the text it sits in), `inlineSize` wide. */
interface Figure {
  tag: string;
  /** The demo member the element shows; MEMBER unless set. */
  member?: string;
  /** Width of the frame's content; unset: as wide as the content. */
  inlineSize?: string;
  markup: string;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = join(ROOT, 'docs', 'screenshots');
const PAGES_DIR = join(OUT_DIR, 'pages');
/** The demo member who is close to a level-up, has check-ins, a gift in the cart and a history. */
const MEMBER = 'ada';
/** The demo's partner seller. */
const SELLER = 'grace';
const PAGE_PATH = '/__screenshots.html';
/** Elements at twice the scale, for sharp pictures at the README's widths. */
const ELEMENT_VIEWPORT = { viewport: { width: 1000, height: 900 }, deviceScaleFactor: 2 };
/** Whole pages at a laptop's width and scale 1: readable, and a few hundred kilobytes each. */
const PAGE_VIEWPORT = { viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 };
const READY_TIMEOUT_MS = 20_000;

const FIGURES: Figure[] = [
  {
    tag: 'rewards-provider',
    inlineSize: '36rem',
    // The provider draws nothing: its picture is what it configures, one header of elements.
    markup: `<div class="bar"><strong>Demo shop</strong><span class="spacer"></span>
      <member-level-badge variant="full"></member-level-badge><coin-balance></coin-balance></div>`,
  },
  {
    tag: 'member-level-badge',
    markup: `<p>Posted by Ada <member-level-badge member="ada"></member-level-badge></p>
      <p>Reply from Grace <member-level-badge member="grace"></member-level-badge></p>
      <p>Signed in as <member-level-badge variant="full" size="large"></member-level-badge></p>`,
  },
  { tag: 'level-progress', inlineSize: '24rem', markup: `<level-progress></level-progress>` },
  { tag: 'coin-balance', markup: `<coin-balance></coin-balance>` },
  { tag: 'coin-history', inlineSize: '28rem', markup: `<coin-history></coin-history>` },
  { tag: 'check-in-calendar', markup: `<check-in-calendar></check-in-calendar>` },
  { tag: 'redemption-cart', markup: `<redemption-cart></redemption-cart>` },
  { tag: 'earn-coins-list', inlineSize: '26rem', markup: `<earn-coins-list rules="C1 C2 C3 C6 C8 C9 C10"></earn-coins-list>` },
  { tag: 'reward-catalog', inlineSize: '44rem', markup: `<reward-catalog></reward-catalog>` },
  {
    tag: 'member-price',
    markup: `<p>4-layer PCB, 5 pcs <member-price price="15000"></member-price></p>
      <p>Modular synth kit (partner seller) <member-price price="15000" partner-seller></member-price></p>`,
  },
  { tag: 'points-for-product', markup: `<points-for-product price="15000" quantity="2"></points-for-product>` },
  { tag: 'project-donate', inlineSize: '24rem', markup: `<project-donate project="modular-synth"></project-donate>` },
  { tag: 'seller-dashboard', member: SELLER, inlineSize: '40rem', markup: `<seller-dashboard></seller-dashboard>` },
];

const PALETTES: Record<Theme, Palette> = { light: lightPalette, dark: darkPalette };

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** Each figure in a provider of its member, themed, on a background of the theme's surface. */
function pageHtml(theme: Theme, tokens: ReadonlyMap<string, string>): string {
  const palette = PALETTES[theme];
  const figures = FIGURES.map(
    ({ tag, member = MEMBER, inlineSize, markup }) =>
      `<div class="figure" data-tag="${tag}"${inlineSize ? ` style="inline-size: ${inlineSize}"` : ''}>
<rewards-provider api="/" locale="en" theme="${theme}" token="${escapeAttribute(tokens.get(member)!)}">${markup}</rewards-provider></div>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>member-rewards-kit screenshots</title>
<link rel="icon" href="data:,">
<style>
  :root { color-scheme: ${theme}; }
  body {
    margin: 0;
    padding: 16px;
    background: ${palette.surface};
    color: ${palette.text};
    font: 16px/1.5 system-ui, sans-serif;
  }
  .figure { display: block; inline-size: max-content; max-inline-size: 100%; padding: 20px; margin-block-end: 16px; }
  .figure p { margin: 0 0 8px; }
  .figure p:last-child { margin-block-end: 0; }
  .bar { display: flex; align-items: center; gap: 16px; }
  .spacer { flex: 1; }
</style>
<script type="module" src="/dist/member-rewards-kit.js"></script>
</head>
<body>
${figures}
</body>
</html>`;
}

/** A browser profile with everything that could change a picture pinned; page problems are reported. */
async function pinnedContext(browser: Browser, theme: Theme, size: typeof ELEMENT_VIEWPORT): Promise<BrowserContext> {
  const context = await browser.newContext({ ...size, colorScheme: theme, reducedMotion: 'reduce', timezoneId: 'UTC', locale: 'en-US' });
  context.on('weberror', (error) => console.error(`uncaught in the page (${theme}):`, error.error()));
  context.on('response', (response) => {
    if (response.status() >= 400) console.warn(`page (${theme}): ${response.status()} for ${response.url()}`);
  });
  context.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') console.warn(`page ${message.type()} (${theme}): ${message.text()}`);
  });
  return context;
}

/** A member token from the demo's development-only route, as the demo pages get theirs. */
async function demoToken(origin: string, member: string): Promise<string> {
  const response = await fetch(`${origin}/demo/token?member=${encodeURIComponent(member)}`);
  if (!response.ok) throw new Error(`/demo/token for ${member}: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** Waits until every rewards element of every figure shows its ready face, then for fonts and a frame. */
async function waitForReady(page: Page, theme: Theme): Promise<void> {
  const faces = () =>
    [...document.querySelectorAll('.figure *')]
      .filter((el) => el.localName.includes('-') && el.localName !== 'rewards-provider')
      .map((el) => {
        const face = ['ready', 'loading', 'empty', 'unknown', 'signed-out', 'error'].find((name) => el.matches(`:state(${name})`));
        return `${el.localName}${el.getAttribute('member') ? `[member=${el.getAttribute('member')}]` : ''}: ${face ?? 'not upgraded'}`;
      });
  try {
    await page.waitForFunction(`(${faces.toString()})().every((line) => line.endsWith(': ready'))`, undefined, {
      timeout: READY_TIMEOUT_MS,
      polling: 100,
    });
  } catch (error) {
    const states = await page.evaluate(`(${faces.toString()})()`);
    throw new Error(`elements not ready in the ${theme} theme:\n  ${(states as string[]).join('\n  ')}`, { cause: error });
  }
  await waitForSettled(page);
}

/** Every element's figure, served at PAGE_PATH on the server's origin so the API is same-origin. */
async function photographElements(browser: Browser, origin: string, theme: Theme, tokens: ReadonlyMap<string, string>): Promise<string[]> {
  const context = await pinnedContext(browser, theme, ELEMENT_VIEWPORT);
  try {
    const html = pageHtml(theme, tokens);
    await context.route(`${origin}${PAGE_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    const page = await context.newPage();
    await page.goto(`${origin}${PAGE_PATH}`);
    await waitForReady(page, theme);
    const written: string[] = [];
    for (const { tag } of FIGURES) {
      const path = join(OUT_DIR, `${tag}-${theme}.png`);
      await page.locator(`.figure[data-tag="${tag}"]`).screenshot({ path });
      written.push(path);
    }
    return written;
  } finally {
    await context.close();
  }
}

/** Every demo page, whole, as its member sees it (the demo's theme switch left on Auto). */
async function photographPages(browser: Browser, origin: string, theme: Theme): Promise<string[]> {
  const context = await pinnedContext(browser, theme, PAGE_VIEWPORT);
  try {
    const page = await context.newPage();
    const written: string[] = [];
    for (const name of DEMO_PAGES) {
      await page.goto(`${origin}/${name}`);
      await waitForSettled(page, READY_TIMEOUT_MS);
      const path = join(PAGES_DIR, `${name.replace(/\.html$/, '')}-${theme}.png`);
      await page.screenshot({ path, fullPage: true });
      written.push(path);
    }
    return written;
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(PAGES_DIR, { recursive: true });
  // The rules' day in UTC, as the pictures' clocks are.
  const server = await startDemoServer({ REWARDS_TIMEZONE: 'UTC' });
  let browser: Browser | undefined;
  try {
    const tokens = new Map<string, string>();
    for (const member of [MEMBER, SELLER]) tokens.set(member, await demoToken(server.origin, member));
    browser = await launchChromium();
    const written: string[] = [];
    for (const theme of ['light', 'dark'] as const) {
      written.push(...(await photographElements(browser, server.origin, theme, tokens)));
      written.push(...(await photographPages(browser, server.origin, theme)));
    }
    console.log(`wrote ${written.length} screenshots to docs/screenshots/ and docs/screenshots/pages/`);
  } finally {
    await browser?.close();
    await server.stop();
  }
}

await main();
