// The demo pages under the Content Security Policy the server sends with them, in Debian's
// Chromium: every widget still reaches its data, nothing is refused, and no other site can frame
// them. Needs the kit's build (dist/), which the tests before this one make (or this one does).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { createRewardsApp } from '../../../../src/server/app.ts';
import { systemClock } from '../../../../src/server/clock.ts';
import { loadServerConfig } from '../../../../src/server/config.ts';
import { openDatabase, type Db } from '../../../../src/server/db/index.ts';
import { seedDemo } from '../../../../src/server/demo-seed.ts';
import { silentLogger } from '../../../../src/server/http/logger.ts';
import { startHttpServer, type RunningServer } from '../../../../src/server/http/server.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../../../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const PAGES = readdirSync(new URL('demo/', `file://${root}`))
  .filter((name) => name.endsWith('.html'))
  .sort();
const READY_TIMEOUT_MS = 30_000;

/**
 * Run in the page (as source text: the test's compiler would otherwise add helpers the page does
 * not have): the face of every element of the kit, inside shadow roots too, once none is loading.
 */
const FACES_SHOWN = `(() => {
  const found = [];
  const visit = (scope) => {
    for (const element of scope.querySelectorAll('*')) {
      if (!element.shadowRoot || !element.localName.includes('-')) continue;
      if (element.localName !== 'rewards-provider') {
        const face = ['ready', 'empty', 'unknown', 'signed-out', 'error', 'loading'].find((state) => element.matches(':state(' + state + ')'));
        found.push(element.localName + ':' + (face ?? 'none'));
      }
      visit(element.shadowRoot);
    }
  };
  visit(document);
  return found.length > 0 && !found.some((face) => face.endsWith(':loading')) ? found : false;
})()`;

/** Records every CSP refusal of the page in `window.cspViolations`, from before its first script. */
async function recordViolations(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(`
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));
  `);
}

describe('the demo pages under their Content Security Policy, in Chromium', { timeout: 180_000 }, () => {
  let db: Db;
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    execFileSync(process.execPath, ['scripts/build-stale.mjs'], { cwd: root, stdio: 'pipe' });
    // A generated member secret on loopback: the demo pages get their member tokens from /demo/token.
    const config = loadServerConfig({ HOST: '127.0.0.1', PORT: '0', DATABASE_URL: 'memory://' });
    db = await openDatabase(config.databaseUrl);
    await seedDemo(db, { clock: systemClock });
    server = await startHttpServer(createRewardsApp({ config, db, logger: silentLogger }), { port: 0, host: config.host });
    browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  for (const path of PAGES) {
    test(`${path}: every widget leaves its loading face and nothing is refused`, async () => {
      const page = await browser.newPage();
      try {
        await recordViolations(page);
        const response = await page.goto(`${server.url}/${path}`, { waitUntil: 'load' });
        assert.match(response?.headers()['content-security-policy'] ?? '', /frame-ancestors 'none'/);
        // Every element of the kit on the page (inside shadow roots too) shows a face other than loading.
        const faces = await page.waitForFunction(FACES_SHOWN, { timeout: READY_TIMEOUT_MS });
        const shown = (await faces.jsonValue()) as string[];
        assert.ok(
          shown.some((face) => face.endsWith(':ready')),
          shown.join(', '),
        );
        assert.deepEqual(
          shown.filter((face) => face.endsWith(':error')),
          [],
        );
        assert.deepEqual(await page.evaluate('window.cspViolations'), []);
      } finally {
        await page.close();
      }
    });
  }

  test('a page of another site cannot frame a demo page', async () => {
    // Another origin on this machine (another port), so only the policy can refuse the frame.
    const elsewhere = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><iframe src="${server.url}/account.html"></iframe>`);
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const page = await browser.newPage();
    try {
      await page.goto(`http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/`, { waitUntil: 'load' });
      // The page itself and its one frame, which Chromium left as an error page instead of the demo page.
      const frames = page.frames().map((frame) => frame.url());
      assert.equal(frames.length, 2);
      assert.deepEqual(
        frames.filter((url) => url.startsWith(server.url)),
        [],
      );
    } finally {
      await page.close();
      elsewhere.close();
    }
  });
});
