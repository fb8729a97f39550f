// `npm start` and `npm pack` rebuild only what is stale (scripts/build-stale.mjs): nothing on a
// built checkout, and only the server when only the server's sources changed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { statSync, utimesSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const buildStale = () => execFileSync(process.execPath, ['scripts/build-stale.mjs'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const mtime = (path: string) => statSync(new URL(path, `file://${root}`)).mtimeMs;

test('on a built checkout nothing is rebuilt; a changed server source rebuilds the server and not the kit', { timeout: 600_000 }, () => {
  buildStale(); // the kit and the server as they are now (built by the tests before, or here)
  const kitBuiltAt = mtime('dist/member-rewards-kit.js');
  const serverBuiltAt = mtime('dist-server/server.js');

  assert.equal(buildStale(), '');
  assert.equal(mtime('dist-server/server.js'), serverBuiltAt);

  // As an edit would leave it: same content, a newer modification time.
  const now = new Date();
  utimesSync(new URL('src/server/main.ts', `file://${root}`), now, now);
  const output = buildStale();
  assert.match(output, /rebuilding the server/);
  assert.doesNotMatch(output, /the kit/);
  assert.ok(mtime('dist-server/server.js') > serverBuiltAt);
  assert.equal(mtime('dist/member-rewards-kit.js'), kitBuiltAt);
});
