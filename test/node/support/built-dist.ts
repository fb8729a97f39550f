/**
 * dist/ as `npm run build` makes it, for tests that load the built kit (the demo in Chromium, the
 * packed package): built when missing or older than the browser code or the manifest, so a test
 * never passes against yesterday's bundle.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const OUTPUTS = ['dist/member-rewards-kit.js', 'dist/react.js', 'dist/jsx.d.ts', 'dist/vue.js'];
const SOURCES = ['src', 'custom-elements.json', 'scripts/build.ts', 'scripts/css-literals.ts', 'scripts/integrations'];

function newest(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  // The server is not part of dist/.
  if (path === join('src', 'server')) return 0;
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

export function ensureBuiltDist(): void {
  const sourceTime = Math.max(...SOURCES.filter(existsSync).map(newest));
  const stale = OUTPUTS.some((file) => !existsSync(file) || statSync(file).mtimeMs < sourceTime);
  if (stale) execFileSync('npm', ['run', 'build'], { stdio: 'pipe' });
}
