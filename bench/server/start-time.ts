/**
 * How long `npm start` takes, on a built checkout, to listen: the checkout is brought up to date
 * first (not timed), the database folder is made by a first start (not timed), then each timed
 * start runs `npm start` as a shop would and stops at the server's "listening on" line.
 *
 * Besides the wall time, the CPU time its processes (npm, the shell, the server) used until then:
 * on a machine busy with other work the wall time grows with the load, the CPU time hardly, and
 * on an idle machine the start (one thread at a time, its files in the page cache) takes about its
 * CPU time.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LISTENING = /listening on http:\/\/\S+/;
/** Linux's clock ticks per second in /proc/<pid>/stat (USER_HZ). */
const TICKS_PER_SECOND = 100;

/** CPU ms (user + system) of the live processes of process group `group`, from /proc (Linux). */
function groupCpuMs(group: number): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    // The fields after the command name, which may hold spaces, in parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== group) continue;
    ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  }
  return (ticks / TICKS_PER_SECOND) * 1000;
}

interface StartTime {
  wallMs: number;
  cpuMs: number;
}

/** Starts `npm start` and resolves with the time until it listens; the server is stopped then. */
function startOnce(env: NodeJS.ProcessEnv): Promise<StartTime> {
  const started = performance.now();
  // Its own process group, so stopping it stops npm and the node it started.
  const child = spawn('npm', ['start', '--silent'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise<StartTime>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not listen within 120 s:\n${out}`)), 120_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      if (!LISTENING.test(out)) return;
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      resolve({ wallMs, cpuMs: groupCpuMs(child.pid!) });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
  }).finally(async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    await exited;
  });
}

/** The medians of `runs` timed starts. */
export async function npmStartTime(runs = 3): Promise<StartTime> {
  const built = spawnSync(process.execPath, ['scripts/build-stale.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the checkout could not be built');
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-start-'));
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: dataDir, REWARDS_SEED_DEMO: '1' };
  try {
    await startOnce(env);
    const times: StartTime[] = [];
    for (let i = 0; i < runs; i++) times.push(await startOnce(env));
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    return { wallMs: median(times.map((t) => t.wallMs)), cpuMs: median(times.map((t) => t.cpuMs)) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
