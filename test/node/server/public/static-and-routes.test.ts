import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { endpointList, fillPath, pathParamNames } from '../../../../src/api/index.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { TestApp } from '../member/support.ts';

for (const target of databaseTargets()) {
  describe(`the assembled app on ${target.name}`, () => {
    let db: TestDatabase;
    let dir: string;
    let outside: string;
    before(async () => {
      db = await target.open();
      const base = await mkdtemp(join(tmpdir(), 'rewards-static-'));
      dir = join(base, 'demo');
      outside = join(base, 'secret.txt');
      await mkdir(join(dir, 'pages'), { recursive: true });
      await writeFile(join(dir, 'index.html'), '<!doctype html><title>Demo</title>');
      await writeFile(join(dir, 'pages', 'shop.html'), '<p>shop</p>');
      await writeFile(join(dir, 'pages', 'index.html'), '<p>pages</p>');
      await writeFile(join(dir, 'app.js'), 'export {};');
      await writeFile(join(dir, '.env'), 'SECRET=1');
      await writeFile(outside, 'top secret');
      await symlink(outside, join(dir, 'link.txt'));
    });
    after(async () => {
      await db.drop();
      await rm(join(dir, '..'), { recursive: true, force: true });
    });

    test('every endpoint of the contract is mounted', async () => {
      const t = new TestApp(db, { demoDir: dir });
      const unmounted: string[] = [];
      for (const endpoint of endpointList) {
        const params = Object.fromEntries(pathParamNames(endpoint.path).map((name) => [name, 'probe']));
        const reply = await t.request(endpoint.method, fillPath(endpoint.path, params));
        if (reply.status === 404 && String((reply.body as { detail?: string }).detail).startsWith('No route')) unmounted.push(endpoint.id);
      }
      assert.deepEqual(unmounted, []);
    });

    test('the demo folder is served at /, with index pages and content types', async () => {
      const t = new TestApp(db, { demoDir: dir });
      const home = await t.request('GET', '/');
      assert.equal(home.status, 200);
      assert.equal(home.headers.get('Content-Type'), 'text/html; charset=utf-8');
      assert.equal(home.text, '<!doctype html><title>Demo</title>');
      assert.equal((await t.request('GET', '/pages/shop.html')).text, '<p>shop</p>');
      assert.equal((await t.request('GET', '/pages/')).text, '<p>pages</p>');
      assert.equal((await t.request('GET', '/app.js')).headers.get('Content-Type'), 'text/javascript; charset=utf-8');
      assert.equal((await t.request('HEAD', '/pages/shop.html')).status, 200);
    });

    test('nothing outside the demo folder or hidden in it can be reached', async () => {
      const t = new TestApp(db, { demoDir: dir });
      const attempts = [
        '/../secret.txt',
        '/%2e%2e/secret.txt',
        '/pages/..%2f..%2fsecret.txt',
        '/pages/%2e%2e%2f%2e%2e%2fsecret.txt',
        '/..%5csecret.txt',
        '/.env',
        '/%2eenv',
        '/link.txt',
        '/index.html%00.png',
        '/%E0%A4%A',
      ];
      for (const path of attempts) {
        const reply = await t.request('GET', path);
        assert.equal(reply.status, 404, `${path} answered ${reply.status}`);
        assert.ok(!reply.text.includes('top secret') && !reply.text.includes('SECRET'), path);
      }
      const unknownApi = await t.request<{ code: string }>('GET', '/v1/no-such-thing');
      assert.equal(unknownApi.status, 404);
      assert.equal(unknownApi.body.code, 'not_found');
    });

    test('without a demo folder, / leads to the API reference', async () => {
      const t = new TestApp(db, { demoDir: null });
      const home = await t.request('GET', '/');
      assert.equal(home.status, 302);
      assert.equal(home.headers.get('Location'), '/docs');
      assert.equal((await t.request('GET', '/index.html')).status, 404);
    });
  });
}
