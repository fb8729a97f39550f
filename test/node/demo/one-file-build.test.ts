// The built one-file kit (dist/member-rewards-kit.js) in Debian's Chromium, loaded by a page with
// one script tag: what it fetches beside itself and when. A page of public badges fetches neither
// the store nor the seller dashboard; a seller dashboard added to the page is registered; the
// page's own actions fetch the store when first used.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startDemoServer } from '../support/demo-server.ts';
import type { StartedServer } from '../../../src/server/main.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../../../scripts/chromium.mjs';

let server: StartedServer;
let browser: Browser;
let origin: string;

before(async () => {
  server = await startDemoServer();
  origin = server.server.url;
  browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page of `body` on the API's origin that loads the built kit, recording the kit's files it fetches and every error. */
async function open(body: string): Promise<{ page: Page; kitFiles: string[]; errors: string[] }> {
  const page = await browser.newPage();
  const kitFiles: string[] = [];
  const errors: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path === '/one-file-test.html') {
      void request.respond({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="en"><head><script type="module" src="/dist/member-rewards-kit.js"></script></head><body>${body}</body></html>`,
      });
      return;
    }
    if (path.startsWith('/dist/member-rewards-kit')) kitFiles.push(path.replace(/-[\w-]{8}\.js$/, '.js'));
    void request.continue();
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') errors.push(message.text());
  });
  await page.goto(`${origin}/one-file-test.html`, { waitUntil: 'networkidle0' });
  return { page, kitFiles, errors };
}

test('a page of public badges fetches neither the store nor the seller dashboard', async () => {
  const { page, kitFiles, errors } = await open(
    '<member-level-badge api="/" member="ada"></member-level-badge> <member-level-badge api="/" member="grace"></member-level-badge>',
  );
  try {
    await page.waitForFunction(() => [...document.querySelectorAll('member-level-badge')].every((badge) => badge.matches(':state(ready)')), {
      timeout: 15_000,
    });
    assert.equal(kitFiles[0], '/dist/member-rewards-kit.js');
    assert.deepEqual(
      kitFiles.filter((file) => file.includes('rewards-store') || file.includes('seller-dashboard')),
      [],
    );
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('a seller dashboard added to the page is registered: its code is fetched then, once', async () => {
  const { page, kitFiles, errors } = await open('<p>A seller page</p>');
  try {
    assert.ok(!kitFiles.some((file) => file.includes('seller-dashboard')), 'fetched before the page shows one');
    const upgraded = await page.evaluate(async () => {
      document.body.append(document.createElement('div'));
      document.querySelector('div')!.innerHTML = '<section><seller-dashboard api="/" theme="light"></seller-dashboard></section>';
      await customElements.whenDefined('seller-dashboard');
      document.body.append(document.createElement('seller-dashboard'));
      return document.querySelector('seller-dashboard') instanceof customElements.get('seller-dashboard')!;
    });
    assert.equal(upgraded, true);
    await page.waitForNetworkIdle();
    assert.equal(kitFiles.filter((file) => file.includes('seller-dashboard')).length, 1);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test("the page's own actions fetch the store on first use, and share it with the elements", async () => {
  const { page, kitFiles, errors } = await open('');
  try {
    assert.deepEqual(kitFiles, ['/dist/member-rewards-kit.js']);
    const answer = await page.evaluate(async () => {
      const kit = (await import('/dist/member-rewards-kit.js' as string)) as typeof import('../../../src/elements/index.ts');
      const before = await kit.pageSession().then(
        () => 'a session',
        (error: unknown) => String(error),
      );
      // Not a named function: the test's compiler would name it with a helper the page does not have.
      const [getToken] = [() => null];
      kit.configure({ api: '/', getToken });
      const session = await kit.pageSession();
      return { before, api: session.api, same: session === (await kit.rewardsSession({ api: `${location.origin}/`, getToken })) };
    });
    assert.match(answer.before, /call configure\(\{ api, getToken \}\) first/);
    assert.equal(answer.api, origin);
    assert.equal(answer.same, true, 'rewardsSession() gives the page session for the same API and token source');
    assert.equal(kitFiles.filter((file) => file.includes('rewards-store')).length, 1);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
