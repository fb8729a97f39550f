// The two packages as a shop gets them: both tarballs installed into an empty folder with
// production dependencies only, the server started from its bin on an embedded database, and the
// widget package checked to bring no server and no database engine along.
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { signMemberToken } from '../../../src/server/http/auth.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const SERVER_ONLY = ['@electric-sql/pglite', 'pg', 'hono', '@hono/node-server', 'jose'];
const MEMBER_SECRET = 'packaging-test-member-secret-0123456789';
/**
 * The environment for npm, without the npm_* variables `npm test` sets: npm would read
 * npm_config_local_prefix and the like as its own configuration and act on this repository.
 */
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));

interface Packed {
  filename: string;
  files: { path: string }[];
}

/** `npm pack` of a folder into `destination`; the package.json's prepack rebuilds what is stale. */
function pack(folder: string, destination: string): Packed {
  const out = execFileSync('npm', ['pack', folder, '--json', '--pack-destination', destination], {
    cwd: root,
    env: npmEnv,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // prepack's own output may come first; the JSON answer is the last thing printed.
  const [packed] = JSON.parse(out.slice(out.lastIndexOf('\n[') + 1)) as Packed[];
  assert.ok(packed, out);
  return packed;
}

interface TreeNode {
  dependencies?: Record<string, TreeNode>;
}

/** Every package name in the installed tree below `node`. */
function namesBelow(node: TreeNode, names = new Set<string>()): Set<string> {
  for (const [name, child] of Object.entries(node.dependencies ?? {})) {
    names.add(name);
    namesBelow(child, names);
  }
  return names;
}

describe('the two packages, installed with production dependencies only', { timeout: 600_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'rewards-packages-'));
  const shop = join(work, 'shop');
  let widgets: Packed;
  let server: Packed;

  before(() => {
    // The kit is built by the tests before this one (or here, on a clean clone); the server's build takes a second.
    execFileSync(process.execPath, ['scripts/build-stale.mjs'], { cwd: root, stdio: 'pipe' });
    widgets = pack('.', work);
    server = pack('./dist-server', work);
    mkdirSync(shop);
    writeFileSync(join(shop, 'package.json'), JSON.stringify({ name: 'a-shop', private: true }));
    // From the tarballs; their dependencies from the npm cache, else the registry.
    execFileSync('npm', ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', join(work, widgets.filename), join(work, server.filename)], {
      cwd: shop,
      env: npmEnv,
      stdio: 'pipe',
    });
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  test('the widget tarball holds the kit, its licence and no server code', () => {
    const paths = widgets.files.map((file) => file.path);
    for (const path of ['LICENSE', 'package.json', 'README.md', 'custom-elements.json', 'dist/member-rewards-kit.js', 'dist/sdk.js']) {
      assert.ok(paths.includes(path), path);
    }
    assert.deepEqual(
      paths.filter((path) => /^src\/server\/|^dist-server\/|^dist\/server/.test(path)),
      [],
    );
    // What the one-file build loads on demand sits beside it: the store, the seller dashboard.
    for (const chunk of ['rewards-store', 'seller-dashboard']) {
      assert.ok(
        paths.some((path) => path.startsWith(`dist/member-rewards-kit/${chunk}-`) && path.endsWith('.js')),
        chunk,
      );
    }
  });

  test('the widget package installs lit, @lit/context, nanostores and zod, and no database engine', () => {
    const manifest = JSON.parse(readFileSync(join(shop, 'node_modules/member-rewards-kit/package.json'), 'utf8')) as {
      dependencies: object;
      license: string;
      repository: object;
      keywords: string[];
    };
    assert.deepEqual(Object.keys(manifest.dependencies).sort(), ['@lit/context', 'lit', 'nanostores', 'zod']);
    assert.equal(manifest.license, 'MIT');
    assert.ok(manifest.repository);
    assert.ok(manifest.keywords.length > 0);
    const tree = JSON.parse(execFileSync('npm', ['ls', '--all', '--json', '--omit=dev'], { cwd: shop, env: npmEnv, encoding: 'utf8' })) as TreeNode;
    const below = namesBelow(tree.dependencies?.['member-rewards-kit'] ?? {});
    assert.ok(below.has('lit'), [...below].join(', '));
    assert.deepEqual(
      SERVER_ONLY.filter((name) => below.has(name)),
      [],
    );
  });

  test('the server tarball holds the compiled server, its bin, README and licence, and installs no tsx', () => {
    assert.deepEqual(server.files.map((file) => file.path).sort(), ['LICENSE', 'README.md', 'bin/member-rewards-kit-server.js', 'package.json', 'server.js']);
    assert.ok(!existsSync(join(shop, 'node_modules/tsx')));
    assert.ok(!existsSync(join(shop, 'node_modules/typescript')));
  });

  describe('member-rewards-kit-server, started from its bin on an embedded database', () => {
    let child: ChildProcessWithoutNullStreams;
    let output = '';
    let url: string;

    before(async () => {
      child = spawn(join(shop, 'node_modules/.bin/member-rewards-kit-server'), [], {
        cwd: shop,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          DATABASE_URL: 'memory://',
          PORT: '0',
          HOST: '127.0.0.1',
          REWARDS_MEMBER_SECRET: MEMBER_SECRET,
        },
      });
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed within 60 s:\n${output}`)), 60_000);
        child.stdout.on('data', () => {
          const found = /listening on (http:\/\/\S+)/.exec(output)?.[1];
          if (found) {
            clearTimeout(timer);
            resolve(found);
          }
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code} before listening:\n${output}`)));
      });
    });
    after(async () => {
      if (child.exitCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
    });

    test('/healthz and /readyz answer ok', async () => {
      const health = await fetch(`${url}/healthz`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: 'ok' });
      const ready = await fetch(`${url}/readyz`);
      assert.equal(ready.status, 200, output);
      assert.deepEqual(await ready.json(), { status: 'ready' });
    });

    test('a member checks in: the API works with a database, compressed, and without demo pages', async () => {
      const token = await signMemberToken(MEMBER_SECRET, 'shopper-1', 600);
      const checkIn = await fetch(`${url}/v1/me/check-ins`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
      assert.equal(checkIn.status, 201, await checkIn.clone().text());
      const awarded = (await checkIn.json()) as { coinsAwarded: number; coins: { available: number } };
      assert.ok(awarded.coinsAwarded > 0);
      const me = await fetch(`${url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(me.status, 200);
      const account = (await me.json()) as { memberId: string; coins: { available: number } };
      assert.equal(account.memberId, 'shopper-1');
      assert.equal(account.coins.available, awarded.coins.available);

      const openapi = await fetch(`${url}/v1/openapi.json`, { headers: { 'Accept-Encoding': 'br' } });
      assert.equal(openapi.headers.get('Content-Encoding'), 'br');
      assert.equal(((await openapi.json()) as { openapi: string }).openapi.slice(0, 2), '3.');
      assert.equal((await fetch(`${url}/index.html`)).status, 404);
    });

    test('SIGTERM stops it with exit code 0', async () => {
      const exited = once(child, 'exit') as Promise<[number | null]>;
      child.kill('SIGTERM');
      const [code] = await exited;
      assert.equal(code, 0, output);
    });
  });
});
