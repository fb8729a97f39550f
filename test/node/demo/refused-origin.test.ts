// A shop page on an origin the API does not allow, in Debian's Chromium: the element's console
// warning names that origin and the setting to change, the element does not retry four times,
// and the server logs the refused origin once.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { createCapturingLogger } from '../../../src/server/http/logger.ts';
import { startDemoServer } from '../support/demo-server.ts';
import type { StartedServer } from '../../../src/server/main.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../../../scripts/chromium.mjs';

const logger = createCapturingLogger();
let api: StartedServer;
let shop: Server;
let shopOrigin: string;
let browser: Browser;

before(async () => {
  // The API allows only its own origin: the shop page below is somewhere else.
  api = await startDemoServer({ seedDemo: false, logger });
  // The one-file build and the folder of chunks it loads on demand beside it (the store among them).
  const kitFiles = new Set(['member-rewards-kit.js', ...readdirSync('dist/member-rewards-kit').map((file) => `member-rewards-kit/${file}`)]);
  shop = createServer((request, response) => {
    const file = request.url?.slice(1) ?? '';
    if (kitFiles.has(file)) return response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(`dist/${file}`));
    if (request.url === '/favicon.ico') return response.writeHead(204).end();
    response
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html lang="en"><head><script type="module" src="/member-rewards-kit.js"></script></head><body><coin-balance api="${api.server.url}" token="a-member-token"></coin-balance></body></html>`,
      );
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  shopOrigin = `http://127.0.0.1:${(shop.address() as { port: number }).port}`;
  browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => shop?.close(resolve));
  await api?.close();
});

test('the page is told which origin to allow, at once, and the server says so once', async () => {
  const page = await browser.newPage();
  const warnings: string[] = [];
  const apiRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warn') warnings.push(message.text());
  });
  page.on('request', (request) => {
    if (request.url().startsWith(`${api.server.url}/v1/`)) apiRequests.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  await page.goto(shopOrigin, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('coin-balance')?.matches(':state(error)'), { timeout: 15_000 });

  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.ok(warnings[0]!.startsWith('member-rewards-kit: <coin-balance>'), warnings[0]);
  assert.ok(warnings[0]!.includes(`its origin ${shopOrigin} is probably not allowed`), warnings[0]);
  assert.ok(warnings[0]!.includes('REWARDS_ALLOWED_ORIGINS'));
  // The request, the no-cors probe, the request once more (each request behind its preflight):
  // not four attempts with backoff.
  assert.deepEqual(
    apiRequests.filter((request) => !request.startsWith('OPTIONS')),
    ['GET /v1/me', 'GET /v1/me', 'GET /v1/me'],
  );
  const refused = logger.records.filter((record) => record.msg.startsWith('cross-origin request refused'));
  assert.deepEqual(
    refused.map((record) => record.origin),
    [shopOrigin],
  );
  await page.close();
});
