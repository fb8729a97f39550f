/**
 * The real server (`npm start`'s `src/server/main.ts`) in a process of its own, for tests that
 * kill it, restart it or run several of it; and the databases that outlive a process.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createScratchPostgresDatabase, postgresServerUrl } from '../../support/databases.ts';

export const projectRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  /** `http://127.0.0.1:<port>`, as the server printed it. */
  url: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
}

/**
 * Starts main.ts with only `env` (plus PATH and HOME; PORT 0 and HOST 127.0.0.1 unless given)
 * and waits for the URL it prints.
 */
export async function startServerProcess(env: Record<string, string>, { timeoutMs = 90_000 } = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no URL printed within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    const look = () => {
      const found = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening:\n${output}`));
    });
  });
  return { child, url, output: () => output };
}

/** Sends `signal` and waits for the process to exit; resolves to its exit code (null when killed). */
export async function stopServerProcess({ child }: ServerProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  child.kill(signal);
  const [code] = await exited;
  return code;
}

/** Polls `check` until it holds; fails with `what` after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A database that outlives the process using it: the embedded one on disk, or PostgreSQL. */
export interface DurableTarget {
  name: 'pglite on disk' | 'postgres';
  create(): Promise<{ url: string; remove(): Promise<void> }>;
}

/** The embedded database in a temporary folder; a scratch PostgreSQL database when DATABASE_URL names a server. */
export function durableTargets(): DurableTarget[] {
  const targets: DurableTarget[] = [
    {
      name: 'pglite on disk',
      async create() {
        const dir = await mkdtemp(join(tmpdir(), 'rewards-durable-'));
        return { url: dir, remove: () => rm(dir, { recursive: true, force: true }) };
      },
    },
  ];
  const serverUrl = postgresServerUrl();
  if (serverUrl !== undefined) {
    targets.push({
      name: 'postgres',
      async create() {
        const scratch = await createScratchPostgresDatabase(serverUrl);
        return { url: scratch.url, remove: () => scratch.drop() };
      },
    });
  }
  return targets;
}
