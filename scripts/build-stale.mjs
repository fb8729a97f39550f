/**
 * Rebuilds what is stale: `npm start` and `npm pack` run it first, and it may be run alone
 * (`node scripts/build-stale.mjs`).
 *
 * A part is stale when one of its sources is newer than the oldest of its outputs, as make
 * decides (folders count too, so a deleted or renamed file is noticed): the kit (dist/, the
 * slow one) follows src/ outside src/server/ and its build configuration; the server
 * (dist-server/) follows src/ and its own build. On a built checkout nothing is rebuilt. Plain
 * JavaScript, so that deciding costs no compiler.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Paths below are the repository's, wherever this runs from. */
const root = fileURLToPath(new URL('..', import.meta.url));

const shared = ['package.json', 'package-lock.json'];
const parts = [
  {
    name: 'the kit (dist/)',
    script: 'build',
    outputs: ['dist/member-rewards-kit.js', 'dist/sdk.js', 'dist/types/sdk/index.d.ts'],
    sources: ['src', 'scripts/build.ts', 'scripts/css-literals.ts', 'tsconfig.json', 'tsconfig.build.json', ...shared],
    ignore: ['src/server'],
  },
  {
    name: 'the server (dist-server/)',
    script: 'build:server',
    outputs: ['dist-server/server.js', 'dist-server/package.json'],
    sources: ['src', 'scripts/build-server.ts', 'scripts/server-package.json', 'README.md', 'LICENSE', ...shared],
    ignore: [],
  },
];

/** The newest modification time under `path` (0 when it does not exist), skipping `ignore`. */
function newest(path, ignore) {
  if (ignore.includes(path)) return 0;
  let stats;
  try {
    stats = statSync(join(root, path));
  } catch {
    return 0;
  }
  let time = stats.mtimeMs;
  if (stats.isDirectory()) {
    for (const entry of readdirSync(join(root, path))) time = Math.max(time, newest(join(path, entry), ignore));
  }
  return time;
}

/** The oldest modification time of `paths`, or -1 when one is missing. */
function oldest(paths) {
  let time = Infinity;
  for (const path of paths) {
    try {
      time = Math.min(time, statSync(join(root, path)).mtimeMs);
    } catch {
      return -1;
    }
  }
  return time;
}

for (const part of parts) {
  const builtAt = oldest(part.outputs);
  const changedAt = Math.max(...part.sources.map((source) => newest(source, part.ignore)));
  if (builtAt > changedAt) continue;
  console.log(builtAt < 0 ? `building ${part.name}…` : `rebuilding ${part.name}: its sources changed…`);
  const { status } = spawnSync('npm', ['run', '--silent', part.script], { cwd: root, stdio: 'inherit' });
  if (status !== 0) {
    console.error(`npm start: building ${part.name} failed. Building needs the development dependencies: run npm install.`);
    process.exit(status ?? 1);
  }
}
