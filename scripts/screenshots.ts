/**
 * Screenshots of every element, in the light and the dark theme, for the README:
 * docs/screenshots/<tag>-light.png and <tag>-dark.png.
 *
 *   npx tsx scripts/screenshots.ts
 *
 * It builds dist/ when the one-file bundle is missing or older than the browser code, starts the
 * reference server in this process (in-memory database, demo data, a free loopback port), and
 * photographs a page that shows each element for the demo member `ada` in Debian's Chromium
 * (`/usr/bin/chromium`, or CHROME_PATH). The demo data are made relative to the moment the server
 * starts, so the history's dates and times and the calendar's month follow the clock; everything
 * else (viewport, scale, time zone, language, colour scheme, motion) is pinned, so two runs in the
 * same minute give identical pictures.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { darkPalette, lightPalette, type Palette } from '../src/elements/shared/theme.ts';
import { signMemberToken } from '../src/server/http/auth.ts';
import type { Logger } from '../src/server/http/logger.ts';
import { startRewardsServer, type StartedServer } from '../src/server/main.ts';

type Theme = 'light' | 'dark';

/** One picture: a frame around the element (and the text it sits in), `inlineSize` wide. */
interface Figure {
  tag: string;
  /** Width of the frame's content; unset: as wide as the content. */
  inlineSize?: string;
  markup: string;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(ROOT, 'dist', 'member-rewards-kit.js');
const OUT_DIR = join(ROOT, 'docs', 'screenshots');
/** The demo member who is close to a level-up, has check-ins, a gift in the cart and a history. */
const MEMBER = 'ada';
const PAGE_PATH = '/__screenshots.html';
const VIEWPORT = { width: 1000, height: 900, deviceScaleFactor: 2 };
const READY_TIMEOUT_MS = 20_000;
const TOKEN_TTL_SECONDS = 600;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--lang=en-US',
  '--font-render-hinting=none',
  '--hide-scrollbars',
];

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
];

const PALETTES: Record<Theme, Palette> = { light: lightPalette, dark: darkPalette };

/** Server logs only when something goes wrong: requests would drown the script's own output. */
const quietLogger: Logger = {
  info() {},
  warn: (msg, fields) => console.warn(`server: ${msg}`, fields ?? ''),
  error: (msg, fields) => console.error(`server: ${msg}`, fields ?? ''),
};

/** The newest modification time of the files under `dir`, skipping `skip` folders. */
function newestMtime(dir: string, skip: ReadonlySet<string>): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.has(path)) newest = Math.max(newest, newestMtime(path, skip));
    } else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/ when the bundle is missing or older than the code that goes into it. */
function ensureBundle(): void {
  const browserCode = join(ROOT, 'src');
  const stale = existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs < newestMtime(browserCode, new Set([join(browserCode, 'server')]));
  if (existsSync(BUNDLE) && !stale) return;
  console.log(existsSync(BUNDLE) ? 'dist/ is older than src/: building' : 'dist/ is missing: building');
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(BUNDLE)) throw new Error('npm run build failed');
}

/**
 * The server with this run's own credentials, so the script signs the member token itself, as a
 * shop's backend does. Only the variables listed here reach it: the shell's DATABASE_URL or
 * PORT must not point a throwaway run at a real database or a busy port.
 */
async function startServer(memberSecret: string): Promise<StartedServer> {
  return startRewardsServer(
    {
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: 'memory://',
      REWARDS_SEED_DEMO: '1',
      REWARDS_TIMEZONE: 'UTC',
      REWARDS_API_KEY: randomBytes(24).toString('base64url'),
      REWARDS_MEMBER_SECRET: memberSecret,
    },
    quietLogger,
  );
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** A page with every figure, themed by its provider, on a background of the theme's surface. */
function pageHtml(theme: Theme, token: string): string {
  const palette = PALETTES[theme];
  const figures = FIGURES.map(
    ({ tag, inlineSize, markup }) =>
      `<div class="figure" data-tag="${tag}"${inlineSize ? ` style="inline-size: ${inlineSize}"` : ''}>${markup}</div>`,
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
<rewards-provider api="/" locale="en" theme="${theme}" token="${escapeAttribute(token)}">
${figures}
</rewards-provider>
</body>
</html>`;
}

async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (set CHROME_PATH)`);
  return puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** Serves the screenshot page at PAGE_PATH on the server's origin, so the API is same-origin. */
async function openPage(browser: Browser, baseUrl: string, theme: Theme, token: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  await page.emulateTimezone('UTC');
  await page.emulateMediaFeatures([
    { name: 'prefers-color-scheme', value: theme },
    { name: 'prefers-reduced-motion', value: 'reduce' },
  ]);
  page.on('pageerror', (error) => console.error(`uncaught in the page (${theme}):`, error));
  page.on('response', (response) => {
    if (response.status() >= 400) console.warn(`page (${theme}): ${response.status()} for ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') console.warn(`page ${message.type()} (${theme}): ${message.text()}`);
  });
  await page.setRequestInterception(true);
  const html = pageHtml(theme, token);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    if (new URL(request.url()).pathname === PAGE_PATH) {
      void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    } else void request.continue();
  });
  await page.goto(`${baseUrl}${PAGE_PATH}`, { waitUntil: 'load' });
  return page;
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
    await page.waitForFunction(`(${faces.toString()})().every((line) => line.endsWith(': ready'))`, {
      timeout: READY_TIMEOUT_MS,
      polling: 100,
    });
  } catch (error) {
    const states = await page.evaluate(faces);
    throw new Error(`elements not ready in the ${theme} theme:\n  ${states.join('\n  ')}`, { cause: error });
  }
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

async function photograph(page: Page, theme: Theme): Promise<string[]> {
  const written: string[] = [];
  for (const { tag } of FIGURES) {
    const figure = await page.$(`.figure[data-tag="${tag}"]`);
    if (!figure) throw new Error(`no figure for ${tag}`);
    const path = join(OUT_DIR, `${tag}-${theme}.png`);
    await figure.screenshot({ path: path as `${string}.png` });
    await figure.dispose();
    written.push(path);
  }
  return written;
}

async function main(): Promise<void> {
  ensureBundle();
  mkdirSync(OUT_DIR, { recursive: true });
  let server: StartedServer | undefined;
  let browser: Browser | undefined;
  try {
    const memberSecret = randomBytes(32).toString('base64url');
    server = await startServer(memberSecret);
    const baseUrl = server.server.url;
    const token = await signMemberToken(memberSecret, MEMBER, TOKEN_TTL_SECONDS);
    browser = await launchBrowser();
    const written: string[] = [];
    for (const theme of ['light', 'dark'] as const) {
      const page = await openPage(browser, baseUrl, theme, token);
      await waitForReady(page, theme);
      written.push(...(await photograph(page, theme)));
      await page.close();
    }
    console.log(`wrote ${written.length} screenshots to docs/screenshots/`);
  } finally {
    await browser?.close();
    await server?.close();
  }
}

await main();
