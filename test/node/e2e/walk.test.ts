// The end-to-end walk: `npm start` on a fresh embedded database with the demo data, Debian's
// Chromium driven by playwright-core, and a visitor who does what the demo invites. As the member
// ada: check in (C1), redeem a gift from the catalog and take it out of the cart again (S1), give
// coins to a project on the forum (S3), switch the language and the theme. As the partner seller
// grace: withdraw store credit (M6). Each step asserts what the visitor sees, text inside the
// elements' shadow roots included (playwright's locators pierce open shadow roots). The steps run
// in order on one browser profile, as one visitor would; a failed step saves a screenshot.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, startDemoServer, waitForSettled, type DemoServer } from '../../../scripts/demo-browser.ts';

/** How long the visitor waits for an answer on the page before the step fails. */
const PATIENCE_MS = 10_000;

let server: DemoServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Errors and warnings the pages log, and uncaught errors: a visitor's console stays clean. */
const problems: string[] = [];

before(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  // Reduced motion: the balance shows its new number at once instead of counting up to it.
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US', reducedMotion: 'reduce' });
  context.setDefaultTimeout(PATIENCE_MS);
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** REWARDS_WALK_SCREENSHOTS=<folder>: a picture after every step; unset (as in CI), none is written. */
const STEP_SCREENSHOTS = process.env.REWARDS_WALK_SCREENSHOTS;
let steps = 0;

/** A step of the walk; when it fails, a screenshot of what the visitor saw is saved and named. */
function step(name: string, walk: () => Promise<void>): void {
  const number = String(++steps).padStart(2, '0');
  test(name, async () => {
    try {
      await walk();
    } catch (error) {
      const path = join(mkdtempSync(join(tmpdir(), 'rewards-walk-')), 'failed-step.png');
      await page.screenshot({ path, fullPage: true }).catch(() => {});
      throw new Error(`${name}: ${(error as Error).message}\n(screenshot: ${path})`, { cause: error });
    }
    if (STEP_SCREENSHOTS) {
      mkdirSync(STEP_SCREENSHOTS, { recursive: true });
      const slug = name
        .replace(/[^a-z0-9]+/gi, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 60)
        .toLowerCase();
      await page.screenshot({ path: join(STEP_SCREENSHOTS, `${number}-${slug}.png`), fullPage: true });
    }
  });
}

async function open(path: string): Promise<void> {
  await page.goto(`${server.origin}/${path}`);
  await waitForSettled(page);
}

const coins = (n: number) => `${n.toLocaleString('en-US')} coins`;

/** A whole number in a text, e.g. 627 in "627 coins" or 1180 in "1,180 coins". */
function numberIn(text: string, pattern: RegExp): number {
  const found = pattern.exec(text);
  assert.ok(found, `no ${pattern} in "${text}"`);
  return Number(found[1]!.replace(/,/g, ''));
}

/** The text a visitor reads in an element, its shadow roots' included (innerText stops at a host). */
async function textOf(locator: Locator): Promise<string> {
  // A loop, not a recursive helper: tsx names inner functions with a helper the page lacks.
  return locator.evaluate((root) => {
    const words: string[] = [];
    const pending: Node[] = [root];
    while (pending.length > 0) {
      const node = pending.pop()!;
      if (node.nodeType === Node.TEXT_NODE) words.push(node.textContent ?? '');
      else if (!(node instanceof HTMLStyleElement || node instanceof HTMLScriptElement)) {
        const children = node instanceof Element && node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
        pending.push(...[...children].reverse());
      }
    }
    return words.join(' ').replace(/\s+/g, ' ').trim();
  });
}

/** The coin balance in the site header, as the member reads it. */
const headerBalance = () => page.locator('header.site coin-balance');

async function readHeaderBalance(): Promise<number> {
  return numberIn(await textOf(headerBalance()), /([\d,]+) coins/);
}

/** Waits until the locator shows exactly this whole number of coins (not 1,637 for 637). */
async function showsCoins(locator: Locator, n: number): Promise<void> {
  await locator.filter({ hasText: new RegExp(`(^|[^\\d,])${coins(n)}`) }).waitFor();
}

describe('the demo, walked through by a member and a partner seller', () => {
  let balance = 0;

  step('C1: a member checks in; the header balance goes up, the calendar marks today, the button says done', async () => {
    await open('account.html');
    balance = await readHeaderBalance();
    const calendar = page.locator('check-in-calendar');
    const today = calendar.locator('[aria-current="date"]');
    assert.doesNotMatch((await today.getAttribute('part')) ?? '', /day-checked/);

    await calendar.getByRole('button', { name: 'Check in' }).click();
    const notice = calendar.getByRole('status').filter({ hasText: /Checked in: \+\d+ coins?/ });
    // "Checked in: +10 coins", and on the day a tier is reached (the demo data check ada in on
    // the six days before today) "Monthly bonus: +100 coins" as well: the header adds both.
    const said = await textOf(notice);
    const awarded = [...said.matchAll(/\+([\d,]+) coins?/g)].map((found) => Number(found[1]!.replace(/,/g, '')));
    assert.ok(awarded.length > 0 && awarded[0]! > 0, said);
    balance += awarded.reduce((sum, n) => sum + n, 0);
    await showsCoins(headerBalance(), balance);
    await calendar.locator('[aria-current="date"][part~="day-checked"]').waitFor();
    assert.match((await today.getAttribute('aria-label')) ?? (await textOf(today)), /, checked in$/);
    const done = calendar.getByRole('button', { name: 'Checked in today' });
    assert.equal(await done.getAttribute('aria-disabled'), 'true');
  });

  step('C1: a second check-in the same day is refused, on the page and by the server', async () => {
    await page.reload();
    await waitForSettled(page);
    const calendar = page.locator('check-in-calendar');
    const done = calendar.getByRole('button', { name: 'Checked in today' });
    assert.equal(await done.getAttribute('aria-disabled'), 'true');
    // Playwright waits for an aria-disabled button to be enabled: press it regardless, as a person can.
    await done.click({ force: true });
    assert.equal(await readHeaderBalance(), balance);
    // The server refuses it too when asked directly (not from the page, whose console stays clean).
    const { token } = (await (await fetch(`${server.origin}/demo/token?member=ada`)).json()) as { token: string };
    const refused = await fetch(`${server.origin}/v1/me/check-ins`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    const answer = { status: refused.status, body: await refused.text() };
    assert.equal(answer.status, 409, answer.body);
    assert.match(answer.body, /already_checked_in/);
    await page.reload();
    await waitForSettled(page);
    assert.equal(await readHeaderBalance(), balance);
  });

  step('S1: redeeming from the catalog asks first, puts the gift in the cart and takes the coins', async () => {
    const catalog = page.locator('reward-catalog');
    const cart = page.locator('redemption-cart');
    assert.equal(await cart.getByText('PCB ruler').count(), 0);
    await catalog.getByRole('button', { name: 'Redeem for 300 coins: PCB ruler' }).click();
    await catalog.getByText('Redeem PCB ruler for 300 coins?').waitFor();
    assert.equal(await readHeaderBalance(), balance, 'nothing is taken before the member confirms');
    await catalog.getByRole('group', { name: 'Redeem PCB ruler for 300 coins?' }).getByRole('button', { name: 'Redeem' }).click();
    await catalog.locator('[part="message"]').filter({ hasText: 'PCB ruler is in your cart.' }).waitFor();
    balance -= 300;
    await showsCoins(headerBalance(), balance);
    await cart.getByRole('listitem').filter({ hasText: 'PCB ruler' }).filter({ hasText: 'Redeemed for 300 coins' }).waitFor();
  });

  step('S1: removing the gift from the cart asks first and gives the coins back', async () => {
    const cart = page.locator('redemption-cart');
    await cart.getByRole('button', { name: 'Remove PCB ruler' }).click();
    const question = cart.getByRole('group', { name: 'Remove PCB ruler? 300 coins will come back.' });
    await question.waitFor();
    await question.getByRole('button', { name: 'Remove' }).click();
    await cart.getByText('PCB ruler removed. 300 coins returned.').first().waitFor();
    balance += 300;
    await showsCoins(headerBalance(), balance);
    await cart.getByRole('listitem').filter({ hasText: 'PCB ruler' }).waitFor({ state: 'detached' });
  });

  step("S3: a donation on the forum asks first, thanks the member and adds to the project's total", async () => {
    await open('forum.html');
    const donate = page.locator('project-donate');
    const totalBefore = numberIn(await textOf(donate), /([\d,]+) coins? donated/);
    await donate.getByRole('spinbutton', { name: 'Coins to give' }).fill('10');
    await donate.getByRole('button', { name: 'Donate' }).click();
    await donate.getByText('Give 10 coins to this project?').waitFor();
    await donate.getByRole('button', { name: 'Donate' }).click();
    await donate.locator('[part~="message-thanks"]').filter({ hasText: 'Thank you! You gave 10 coins.' }).waitFor();
    balance -= 10;
    await showsCoins(headerBalance(), balance);
    await donate.getByText(`${coins(totalBefore + 10)} donated`).waitFor();
  });

  step('the language switch turns the header and every element Chinese, and back', async () => {
    await page.locator('#demo-locale').selectOption('zh-CN');
    await headerBalance().filter({ hasText: '金币' }).waitFor();
    await page.locator('check-in-calendar').getByRole('button', { name: '今日已签到' }).waitFor();
    await page.locator('project-donate').getByRole('button', { name: '捐赠' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    await page.locator('#demo-locale').selectOption('en');
    await headerBalance().filter({ hasText: 'coins' }).waitFor();
  });

  step('the theme switch darkens the page and the elements, and is remembered on the next page', async () => {
    const lightness = async (locator: Locator) => relativeLuminance(await locator.evaluate((element) => getComputedStyle(element).backgroundColor));
    const calendar = page.locator('check-in-calendar');
    await page.locator('#demo-theme').selectOption('light');
    assert.ok((await lightness(calendar)) > 0.5, 'light first');
    await page.locator('#demo-theme').selectOption('dark');
    assert.ok((await lightness(page.locator('body'))) < 0.05, 'the page is dark');
    assert.ok((await lightness(calendar)) < 0.05, 'the calendar is dark');
    assert.ok((await lightness(page.locator('project-donate'))) < 0.05, 'the donate box is dark');
    await open('account.html');
    assert.equal(await page.locator('#demo-theme').inputValue(), 'dark');
    assert.ok((await lightness(page.locator('coin-history').first())) < 0.05, 'the next page opens dark');
    await page.locator('#demo-theme').selectOption('auto');
  });

  step('M6: a partner seller withdraws store credit, confirms, and sees it requested', async () => {
    await open('seller.html');
    assert.equal(await page.locator('#demo-member').inputValue(), 'grace');
    const dashboard = page.locator('seller-dashboard').first();
    const credit = dashboard.locator('[part="store-credit"]');
    const creditBefore = dollars(await textOf(credit));
    assert.ok(creditBefore >= 25, `store credit ${creditBefore}`);
    await dashboard.getByRole('spinbutton', { name: 'Amount to withdraw (USD)' }).fill('25');
    await dashboard.getByRole('button', { name: 'Withdraw' }).click();
    await dashboard.getByText('Withdraw $25.00 from your store credit?').waitFor();
    await dashboard.getByRole('button', { name: 'Confirm' }).click();
    await dashboard.getByText('Withdrawal of $25.00 requested.').first().waitFor();
    await credit.filter({ hasText: formatDollars(creditBefore - 25) }).waitFor();
    await dashboard.getByRole('listitem').filter({ hasText: '$25.00' }).filter({ hasText: 'Requested' }).waitFor();
  });

  step('no page logged an error or a warning on the way', async () => {
    assert.deepEqual(problems, []);
  });
});

function dollars(text: string): number {
  return numberIn(text.replace('.', ''), /\$([\d,]+)/) / 100;
}

function formatDollars(amount: number): string {
  return amount.toLocaleString('en-US', { style: 'currency', currency: 'USD' });
}

/** WCAG relative luminance of a computed `rgb(…)` colour: 0 black, 1 white. */
function relativeLuminance(color: string): number {
  const channels = /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)/.exec(color);
  assert.ok(channels, `not an rgb() colour: ${color}`);
  const [r, g, b] = channels.slice(1, 4).map((value) => {
    const c = Number(value) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
