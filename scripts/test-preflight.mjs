// Before the tests: are Chromium and (when DATABASE_URL is set) PostgreSQL there? Without this,
// a missing browser shows up as one puppeteer stack trace per test file, and a database that
// does not answer as a timeout in every server suite. Says in one line what to install or set.
//   node scripts/test-preflight.mjs [chromium] [postgres]   (no argument: both)
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import pg from 'pg';

const wanted = process.argv.slice(2);
const checks = wanted.length > 0 ? wanted : ['chromium', 'postgres'];

function chromiumProblem() {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  const from = process.env.CHROME_PATH ? 'CHROME_PATH' : 'the default path';
  try {
    accessSync(path, constants.X_OK);
  } catch {
    return `No Chromium at ${path} (${from}): install Debian's \`chromium\` package (apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome binary.`;
  }
  const run = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  if (run.status !== 0)
    return `${path} does not run (\`${path} --version\` failed): reinstall Debian's \`chromium\` package or set CHROME_PATH to a working Chromium or Chrome binary.`;
  return undefined;
}

/** The URL without its password, for a message. */
function shown(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

async function postgresProblem() {
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) return undefined;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return `PostgreSQL at DATABASE_URL=${shown(url)} does not answer (${error.message || error.code}): start it, or fix DATABASE_URL, or unset it to run the server suites on the embedded PGlite only.`;
  } finally {
    await client.end().catch(() => {});
  }
}

const problems = [];
if (checks.includes('chromium')) problems.push(chromiumProblem());
if (checks.includes('postgres')) problems.push(await postgresProblem());
const found = problems.filter(Boolean);
for (const problem of found) console.error(`npm test: ${problem}`);
process.exit(found.length > 0 ? 1 : 0);
