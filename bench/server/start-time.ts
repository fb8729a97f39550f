/**
 * How long `npm start` takes, on a built checkout, to listen: the checkout is brought up to date
 * first (not timed), the database folder is made by a first start (not timed), then each timed
 * start runs `npm start` as a shop would and stops at the server's "listening on" line.
 *
 * Besides the wall time, the CPU time its processes (npm, the shell, the server) used until then,
 * in all and on their main threads: on a machine busy with other work the wall time grows with the
 * load, the CPU time hardly, and on an idle machine with two cores or more the start (npm, then
 * the server, each on its main thread, its files in the page cache) takes about the main threads'
 * CPU time plus what waits for the other threads.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LISTENING = /listening on http:\/\/\S+/;
/** Linux's clock ticks per second in /proc/<pid>/stat (USER_HZ). */
const TICKS_PER_SECOND = 100;

/** The fields of a /proc stat file after the command name (which may hold spaces, in parentheses). */
function statFields(path: string): string[] | undefined {
  try {
    const stat = readFileSync(path, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/**
 * CPU ms (user + system) of the live processes of process group `group`, from /proc (Linux): all
 * their threads (and waited-for children), and their main threads alone. The main threads are the
 * start's critical path (npm, then the server, one after the other); V8's other threads (compiling
 * PGlite's WebAssembly, collecting garbage) run beside them on the other cores.
 */
function groupCpuMs(group: number): { all: number; mainThreads: number } {
  let all = 0;
  let mainThreads = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const fields = statFields(`/proc/${pid}/stat`);
    if (fields === undefined || Number(fields[2]) !== group) continue;
    all += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    const main = statFields(`/proc/${pid}/task/${pid}/stat`);
    if (main !== undefined) mainThreads += Number(main[11]) + Number(main[12]);
  }
  const ms = (ticks: number) => (ticks / TICKS_PER_SECOND) * 1000;
  return { all: ms(all), mainThreads: ms(mainThreads) };
}

interface StartTime {
  wallMs: number;
  cpuMs: number;
  mainThreadCpuMs: number;
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
      const cpu = groupCpuMs(child.pid!);
      resolve({ wallMs, cpuMs: cpu.all, mainThreadCpuMs: cpu.mainThreads });
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
    return {
      wallMs: median(times.map((t) => t.wallMs)),
      cpuMs: median(times.map((t) => t.cpuMs)),
      mainThreadCpuMs: median(times.map((t) => t.mainThreadCpuMs)),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
