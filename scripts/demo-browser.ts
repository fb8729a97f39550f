/**
 * The demo as a visitor meets it, shared by the end-to-end walk (test/node/e2e/) and the
 * screenshot script: `npm start` in a child process (on a fresh embedded database in a temporary
 * folder, with the demo data, on a free loopback port) and Debian's Chromium driven by
 * playwright-core, which never downloads a browser of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The demo pages, as the index links them: every .html file in demo/. */
export const DEMO_PAGES: readonly string[] = readdirSync(join(ROOT, 'demo'))
  .filter((file) => file.endsWith('.html'))
  .sort();

/** `npm start` may first rebuild a stale dist/ or dist-server/ (scripts/build-stale.mjs). */
const START_TIMEOUT_MS = 240_000;

export interface DemoServer {
  /** http://127.0.0.1:<port>, as the start banner prints it. */
  readonly origin: string;
  /** What the server printed so far (its banner and JSON log lines), for a failure message. */
  output(): string;
  /** SIGTERM, as Ctrl-C would; waits for the exit and removes the database folder. */
  stop(): Promise<void>;
}

/**
 * Runs `npm start` (node scripts/start.mjs, without npm's own process in between so SIGTERM
 * reaches the server) on a database of its own. Only the variables set here (and `settings`)
 * configure it: a developer's DATABASE_URL or PORT must never point a throwaway run at a real
 * database.
 */
export async function startDemoServer(settings: Record<string, string> = {}): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rewards-demo-'));
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(REWARDS_|DATABASE_URL$|PORT$|HOST$)/.test(name)) env[name] = value;
  }
  Object.assign(env, { HOST: '127.0.0.1', PORT: '0', DATABASE_URL: dataDir, REWARDS_SEED_DEMO: '1', ...settings });
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const origin = await listeningOrigin(child, () => output);
    return { origin, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function listeningOrigin(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`npm start did not listen within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    const onData = () => {
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output());
      if (found) done(() => resolve(found[1]!));
    };
    const onExit = (code: number | null) => fail(`npm start exited (${code}) before listening`);
    function done(then: () => void) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      then();
    }
    function fail(message: string) {
      done(() => reject(new Error(`${message}:\n${output()}`)));
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    onData();
  });
}

/** Debian's Chromium (or CHROME_PATH), headless. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: apt-get install chromium, or set CHROME_PATH`);
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, '--font-render-hinting=none', '--hide-scrollbars'],
  });
}

/** Until no element shows its loading face (every one has its data), then fonts and a frame. */
export async function waitForSettled(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    () => ![...document.querySelectorAll('*')].some((element) => element.localName.includes('-') && element.matches(':state(loading)')),
    undefined,
    {
      timeout,
      polling: 100,
    },
  );
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}
