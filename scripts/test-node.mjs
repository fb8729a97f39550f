/**
 * `npm run test:node`: every test/node/**\/*.test.ts file, two at a time, then the few that must
 * run alone.
 *
 * Each file runs in a process of its own and gets its own databases (a fresh PGlite, a
 * scratch PostgreSQL database with a unique name), temporary folders and free ports, so two
 * files never share state. What they do share is built once here, before any test starts:
 * dist/ and dist-server/ (scripts/build-stale.mjs, as `npm start` does), so that no two test
 * files build them at the same time on a clean clone.
 *
 *   node scripts/test-node.mjs [extra options for node --test, e.g. --test-reporter=dot]
 *   TEST_CONCURRENCY=1 node scripts/test-node.mjs   (one file at a time, as before)
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Files that run after the others, one at a time, each with the machine to itself.
 * - build-stale: makes src/server/main.ts newer than dist-server/ and checks that only the server
 *   is rebuilt; meanwhile `npm pack` in another file (its prepack runs build-stale.mjs) would
 *   rebuild dist-server/ too, and the two builds would remove each other's files.
 */
const ALONE = ['test/node/packaging/build-stale.test.ts'];

function testFiles(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const all = testFiles('test/node').sort();
const together = all.filter((file) => !ALONE.includes(file));
const alone = ALONE.filter((file) => all.includes(file));
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
const extra = process.argv.slice(2);

function run(command, args) {
  const { status, signal } = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  // A runner killed from outside prints no summary: say so, or the run just looks cut short.
  if (signal !== null) console.error(`node --test was stopped by ${signal}`);
  return status ?? 1;
}

let status = run(process.execPath, ['scripts/build-stale.mjs']);
if (status !== 0) process.exit(status);
status = run(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...extra, ...together]);
// The files that run alone run even when one of the others failed: one run shows every failure.
const aloneStatus = alone.length === 0 ? 0 : run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...extra, ...alone]);
process.exit(status || aloneStatus);
