/**
 * Debian's PgBouncer in transaction pooling mode in front of the PostgreSQL server that
 * DATABASE_URL names: every database on that server, under the same user, through a free port.
 * PgBouncer refuses to run as root, so as root (CI) it runs as the `postgres` user (or `nobody`),
 * with its configuration in a temporary folder that user owns.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', '/usr/local/bin/pgbouncer'];

/** The pgbouncer program, if installed. */
export function pgbouncerPath(): string | undefined {
  return CANDIDATES.find((path) => existsSync(path));
}

/** Why a test behind PgBouncer cannot run here (no PostgreSQL server named, or no pgbouncer), or false. */
export function pgbouncerSkip(serverUrl: string | undefined): string | false {
  if (serverUrl === undefined) return 'needs DATABASE_URL naming a PostgreSQL server';
  return pgbouncerPath() === undefined ? 'needs pgbouncer (apt-get install pgbouncer)' : false;
}

export interface Pgbouncer {
  /** `serverDatabaseUrl` with its host and port replaced by PgBouncer's. */
  urlFor(serverDatabaseUrl: string): string;
  /** Server connections PgBouncer may open per database and user. */
  readonly poolSize: number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** When this process is root: the uid and gid of `postgres` (Debian's PostgreSQL makes it), else of `nobody`. */
function unprivilegedUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    try {
      const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
      return { uid: id('-u'), gid: id('-g') };
    } catch {
      // no such user: try the next
    }
  }
  throw new Error('pgbouncer refuses to run as root, and neither a postgres nor a nobody user exists');
}

export async function startPgbouncer(serverUrl: string, { poolSize = 8 } = {}): Promise<Pgbouncer> {
  const program = pgbouncerPath();
  if (program === undefined) throw new Error('pgbouncer is not installed (apt-get install pgbouncer)');
  const server = new URL(serverUrl);
  const user = decodeURIComponent(server.username) || 'postgres';
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'rewards-pgbouncer-'));
  const ini = join(dir, 'pgbouncer.ini');
  await writeFile(
    ini,
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port || '5432'}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      // The server trusts local connections (as CI's does); clients are only checked against the list.
      'auth_type = trust',
      `auth_file = ${join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      `default_pool_size = ${poolSize}`,
      'max_client_conn = 500',
      `logfile = ${join(dir, 'pgbouncer.log')}`,
      '',
    ].join('\n'),
  );
  await writeFile(join(dir, 'users.txt'), `"${user}" ""\n`);
  const owner = unprivilegedUser();
  if (owner) for (const path of [dir, ini, join(dir, 'users.txt')]) await chown(path, owner.uid, owner.gid);

  const child: ChildProcess = spawn(program, [ini], { stdio: ['ignore', 'ignore', 'pipe'], ...(owner ?? {}) });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
      throw new Error(`pgbouncer did not listen on ${port}: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    poolSize,
    urlFor(serverDatabaseUrl: string) {
      const url = new URL(serverDatabaseUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM'); // immediate shutdown: the servers using it are stopped already
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
