/**
 * Badges in a real Chromium, against a hand-written page doing the same job, both measured in the
 * same run and alternated (A B A B …) so that the machine's noise falls on both alike:
 * - fresh: a page holding `n` badges of 250 members; from the elements being defined (the plain
 *   page: from its script starting) to the first frame where every badge shows its level;
 * - warm: the same page again, elements defined, answers kept and code compiled: `n` new badges
 *   inserted (the third such placement is measured);
 * - level change: one member's level changes and 1,000 badges of that member show it, against
 *   rewriting 1,000 spans.
 * The data come from the reference server (`GET /v1/badges`, in-memory database).
 *
 * The warm jobs also run on a third page: a bare custom element with a shadow root, its internals
 * and one cloned badge (no data, no language, no configuration), the least any shadow-DOM badge
 * costs, so the report shows how far the kit is from that floor as well as from plain spans; and
 * on a fourth: a custom element that draws nothing and only marks itself ready, the least any
 * badge that is a custom element costs.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import puppeteer, { type Browser } from 'puppeteer-core';
import { startReferenceServer } from '../../test/browser/support/reference-server.ts';

export interface TimingFigure {
  name: string;
  /** Median milliseconds of the kit's page. */
  kitMs: number;
  /** Median milliseconds of the plain page doing the same job: the baseline. */
  plainMs: number;
  /** kitMs / plainMs. */
  ratio: number;
  /** Median milliseconds of the bare shadow-DOM element, on the warm jobs. */
  bareMs?: number;
  /** Median milliseconds of a custom element that draws nothing, on the warm jobs. */
  emptyMs?: number;
  runs: number;
}

const MEMBERS = 250;

/**
 * The kit as a page's bundler would ship it: the badge class (not yet defined) and `configure`.
 * Exported with the page and its server for profiling (`minify: false` keeps function names).
 */
export async function bundleKit(outdir: string, { minify = true } = {}): Promise<void> {
  await build({
    stdin: {
      contents: [
        "export { MemberLevelBadge } from './src/elements/member-level-badge/member-level-badge.ts';",
        "export { configure } from './src/store/config.ts';",
        existsSync('src/sdk/public-badges.ts') ? "export { publicBadges } from './src/sdk/public-badges.ts';" : '',
      ].join('\n'),
      resolveDir: process.cwd(),
      sourcefile: 'kit.ts',
      loader: 'ts',
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify,
    target: 'es2022',
    outdir,
    entryNames: 'kit',
    tsconfig: 'tsconfig.json',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
}

/** The page's script: one function per job, each resolving with milliseconds. */
export const PAGE_SCRIPT = String.raw`
const params = new URLSearchParams(location.search);
const api = params.get('api');
const members = params.get('members').split(',');
const root = document.getElementById('root');
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
// Up to the first frame where the job is done: at least one frame for either page, so both
// pay for layout and paint, and the kit's renders (microtasks) are not compared to nothing.
async function until(done) { do await frame(); while (!done()); }
// Whether every element satisfies test, resuming where the last call stopped: the check costs
// the same, a pass over the elements, on both pages however many frames it takes.
function allOf(elements, test) {
  let next = 0;
  return () => {
    while (next < elements.length && test(elements[next])) next++;
    return next === elements.length;
  };
}
const ready = (badge) => badge.matches(':state(ready)');
const memberOf = (i) => members[i % members.length];

function placeBadges(n, member = memberOf) {
  const box = document.createElement('div');
  box.innerHTML = Array.from({ length: n }, (_, i) => '<p>Posted by <member-level-badge member="' + member(i) + '"></member-level-badge></p>').join('');
  root.replaceChildren(box);
  return box.getElementsByTagName('member-level-badge');
}
function placeSpans(n, member = memberOf) {
  const box = document.createElement('div');
  box.innerHTML = Array.from({ length: n }, (_, i) => '<p>Posted by <span class="badge" data-member="' + member(i) + '"></span></p>').join('');
  root.replaceChildren(box);
  return [...box.querySelectorAll('.badge')];
}

let kit;
const kitJobs = {
  async fresh(n) {
    const badges = [...placeBadges(n)];
    kit = await import('/kit.js');
    kit.configure({ api });
    const started = performance.now();
    customElements.define('member-level-badge', kit.MemberLevelBadge);
    await until(allOf(badges, ready));
    return performance.now() - started;
  },
  async warm(n) {
    const started = performance.now();
    const badges = [...placeBadges(n)];
    await until(allOf(badges, ready));
    return performance.now() - started;
  },
  async levelChange(n) {
    const member = members[0];
    const badges = [...placeBadges(n, () => member)];
    await until(allOf(badges, ready));
    const levelOf = (badge) => badge.shadowRoot.querySelector('[part~="badge"]')?.getAttribute('data-level');
    const next = String((Number(levelOf(badges[0])) + 1) % 7);
    const started = performance.now();
    kit.publicBadges(api).update(member, { level: Number(next), name: 'Level ' + next });
    await until(allOf(badges, (badge) => levelOf(badge) === next));
    return performance.now() - started;
  },
};

const answers = new Map();
function writeSpan(span, badge) {
  span.className = 'badge level-' + badge.level;
  span.textContent = badge.name;
}
const plainJobs = {
  async fresh(n) {
    const spans = placeSpans(n);
    const started = performance.now();
    const ids = [...new Set([...spans].map((span) => span.dataset.member))];
    let written = 0;
    const chunks = [];
    for (let i = 0; i < ids.length; i += 200) chunks.push(ids.slice(i, i + 200));
    await Promise.all(chunks.map(async (chunk) => {
      const response = await fetch(api + '/v1/badges?members=' + encodeURIComponent(chunk.join(',')));
      const { badges } = await response.json();
      for (const [id, badge] of Object.entries(badges)) answers.set(id, badge);
    }));
    for (const span of spans) { writeSpan(span, answers.get(span.dataset.member)); written++; }
    await until(() => written === n);
    return performance.now() - started;
  },
  async warm(n) {
    const started = performance.now();
    const spans = placeSpans(n);
    let written = 0;
    for (const span of spans) { writeSpan(span, answers.get(span.dataset.member)); written++; }
    await until(() => written === n);
    return performance.now() - started;
  },
  async levelChange(n) {
    const member = members[0];
    const spans = placeSpans(n, () => member);
    for (const span of spans) writeSpan(span, answers.get(member));
    await frame();
    const started = performance.now();
    const next = { level: (answers.get(member).level + 1) % 7, name: 'changed' };
    answers.set(member, next);
    let written = 0;
    for (const span of spans) { writeSpan(span, next); written++; }
    await until(() => written === n);
    return performance.now() - started;
  },
};

// The floor of any badge drawn in a shadow root: attach it, adopt one sheet, clone the badge,
// mark the state. The same placing and the same check of ':state(ready)' as the kit's page.
function defineBare() {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(':host{display:inline}.badge{font-weight:600}');
  const model = document.createElement('span');
  model.innerHTML = '<span class="badge" part="badge" role="img" aria-label="Mars, level 2" data-level="2"><span class="level" part="level"><span class="dot" part="dot"></span><span class="name" part="level-name">Mars</span></span></span>';
  const badge = model.firstElementChild;
  customElements.define('member-level-badge', class extends HTMLElement {
    constructor() { super(); this.internals = this.attachInternals(); }
    connectedCallback() {
      if (this.shadowRoot) return;
      this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [sheet];
      this.shadowRoot.append(badge.cloneNode(true));
      this.internals.states.add('ready');
    }
  });
}
// The floor of any badge that is a custom element: upgraded, connected, marked ready, nothing drawn.
function defineEmpty() {
  customElements.define('member-level-badge', class extends HTMLElement {
    constructor() { super(); this.internals = this.attachInternals(); }
    connectedCallback() { this.internals.states.add('ready'); }
  });
}
const kind = params.get('kind');
if (kind === 'bare') defineBare();
if (kind === 'empty') defineEmpty();
window.bench = kind === 'kit' ? kitJobs : kind === 'bare' || kind === 'empty' ? { warm: kitJobs.warm } : plainJobs;
`;

export const PAGE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>badges</title>
<style>.badge{font-weight:600}.level-0{color:#666}.level-1{color:#8a6}.level-2{color:#c53}.level-3{color:#38c}.level-4{color:#a6c}.level-5{color:#c93}.level-6{color:#c63}</style>
</head><body><div id="root"></div><script type="module" src="/page.js"></script></body></html>`;

export function serveFiles(dir: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/') return void response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE_HTML);
    if (path === '/page.js') return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(PAGE_SCRIPT);
    try {
      const body = readFileSync(join(dir, path.replace(/^\/+/, '').replace(/\.\.+/g, '')));
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export interface BadgePagesOptions {
  /** Alternated runs of each page; the median is reported. */
  runs?: number;
  /** Badge counts to measure (default 1,000 and 10,000); the level change always uses 1,000. */
  sizes?: readonly number[];
}

export async function measureBadgePages({ runs = 3, sizes = [1_000, 10_000] }: BadgePagesOptions = {}): Promise<TimingFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rk-bench-'));
  await bundleKit(dir);
  const files = await serveFiles(dir);
  const origin = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  const reference = await startReferenceServer({ allowedOrigins: [origin] });
  let browser: Browser | undefined;
  try {
    const members: string[] = [];
    for (let i = 0; i < MEMBERS; i++) {
      // Coins (and points) from 0 to ~25,000 spread the members over every level.
      const { memberId } = await reference.newMember({ displayName: `Poster ${i}`, coins: (i * 97) % 25_000 });
      members.push(memberId);
    }
    browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-extensions'],
    });
    const jobs: Array<{ name: string; job: 'fresh' | 'warm' | 'levelChange'; n: number }> = (
      [
        { name: '1,000 badges, fresh page', job: 'fresh', n: 1_000 },
        { name: '1,000 badges, warm page', job: 'warm', n: 1_000 },
        { name: '10,000 badges, fresh page', job: 'fresh', n: 10_000 },
        { name: '10,000 badges, warm page', job: 'warm', n: 10_000 },
        { name: 'one level change to 1,000 badges', job: 'levelChange', n: 1_000 },
      ] as const
    ).filter((job) => sizes.includes(job.n) && (job.job !== 'levelChange' || existsSync('src/sdk/public-badges.ts')));
    const samples = new Map<string, Record<'kit' | 'plain' | 'bare' | 'empty', number[]>>(
      jobs.map((job) => [job.name, { kit: [], plain: [], bare: [], empty: [] }]),
    );
    const query = `api=${encodeURIComponent(reference.url)}&members=${members.join(',')}`;
    for (let run = 0; run < runs; run++) {
      for (const kind of ['plain', 'kit', 'bare', 'empty'] as const) {
        for (const size of sizes) {
          // A new page per size: "fresh" is the first badges a page ever shows.
          const page = await browser.newPage();
          page.on('pageerror', (error) => console.error(`bench page (${kind}):`, error));
          await page.goto(`${origin}/?kind=${kind}&${query}`);
          await page.waitForFunction('window.bench !== undefined');
          for (const job of jobs.filter((entry) => entry.n === size && (kind === 'plain' || kind === 'kit' || entry.job === 'warm'))) {
            const run = () =>
              page.evaluate((name, n) => (window as unknown as { bench: Record<string, (n: number) => Promise<number>> }).bench[name]!(n), job.job, job.n);
            let ms = await run();
            // Warm: a page that has been showing badges a while, its code compiled by now; the
            // third placement is the one measured, on both pages alike.
            if (job.job === 'warm') for (let again = 0; again < 2; again++) ms = await run();
            samples.get(job.name)![kind].push(ms);
          }
          await page.close();
        }
      }
    }
    return jobs.map(({ name }) => {
      const { kit, plain, bare, empty } = samples.get(name)!;
      const kitMs = median(kit);
      const plainMs = median(plain);
      const floors = bare.length > 0 ? { bareMs: median(bare), emptyMs: median(empty) } : {};
      return { name, kitMs, plainMs, ratio: kitMs / plainMs, ...floors, runs };
    });
  } finally {
    await browser?.close();
    await reference.close();
    files.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx bench/client/badge-pages.ts [runs] [sizes, e.g. 1000,10000]`: these figures alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [runs, sizes] = process.argv.slice(2);
  const figures = await measureBadgePages({
    runs: runs ? Number(runs) : 3,
    sizes: sizes ? sizes.split(',').map(Number) : undefined,
  });
  for (const figure of figures) {
    const floor = (what: string, ms: number | undefined) => (ms === undefined ? '' : `; ${what} ${ms.toFixed(1)} ms, ${(ms / figure.plainMs).toFixed(2)}×`);
    const bare = floor('bare shadow-DOM element', figure.bareMs) + floor('empty custom element', figure.emptyMs);
    console.log(`${figure.name}: kit ${figure.kitMs.toFixed(1)} ms, plain ${figure.plainMs.toFixed(1)} ms, ${figure.ratio.toFixed(2)}×${bare}`);
  }
}
