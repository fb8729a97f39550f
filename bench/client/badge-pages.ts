/**
 * Badges in a real Chromium, against a hand-written page doing the same job, both measured in the
 * same run and alternated (A B A B …) so that the machine's noise falls on both alike:
 * - fresh page: the first visit of a page holding `n` badges of 250 members, nothing cached; from
 *   the elements being defined (the plain page: from its script starting) to the first frame
 *   where every badge shows its level, the data fetched from `/v1/badges` by both pages;
 * - warm page: the same page visited again (the third visit), its scripts from the browser's
 *   cache and their code compiled, the same job timed the same way (the data fetched again: the
 *   answers carry no cache headers);
 * - placed again: on that page, elements defined and answers in memory, `n` new badges inserted
 *   (the third such placement is measured);
 * - level change: one member's level changes and 1,000 badges of that member show it, against
 *   rewriting 1,000 spans.
 * The data come from the reference server (`GET /v1/badges`, in-memory database).
 *
 * The warm and placed-again jobs also run with two floors in the kit's place, fetching the same
 * data the same way (one request per 200 members, sent on a microtask): a bare custom element
 * with a shadow root, its internals and one cloned badge (no language, no configuration), the
 * least any shadow-DOM badge costs, and the same badge as a bare Lit element. Placed again, a
 * third: a custom element that draws nothing and only marks itself ready, the least any badge
 * that is a custom element costs.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startReferenceServer } from '../../test/browser/support/reference-server.ts';

export interface TimingFigure {
  name: string;
  /** Median milliseconds of the kit's page. */
  kitMs: number;
  /** Median milliseconds of the plain page doing the same job: the baseline. */
  plainMs: number;
  /** kitMs / plainMs. */
  ratio: number;
  /** Median milliseconds of the bare shadow-DOM element, on the warm and placed-again jobs. */
  bareMs?: number;
  /** Median milliseconds of the same badge as a bare Lit element, on the warm and placed-again jobs. */
  litMs?: number;
  /** Median milliseconds of a custom element that draws nothing, placed again. */
  emptyMs?: number;
  runs: number;
}

const MEMBERS = 250;

/**
 * The kit as a page's bundler would ship it: the badge class (not yet defined) and `configure`;
 * beside it the bare Lit badge of the floors. Exported with the page and its server for profiling
 * (`minify: false` keeps function names).
 */
export async function bundleKit(outdir: string, { minify = true } = {}): Promise<void> {
  const bundle = (entry: string, contents: string) =>
    build({
      stdin: { contents, resolveDir: process.cwd(), sourcefile: `${entry}.ts`, loader: 'ts' },
      bundle: true,
      splitting: true,
      format: 'esm',
      minify,
      target: 'es2022',
      outdir,
      entryNames: entry,
      chunkNames: `${entry}-[hash]`,
      tsconfig: 'tsconfig.json',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
  await bundle(
    'kit',
    [
      "export { MemberLevelBadge } from './src/elements/member-level-badge/member-level-badge.ts';",
      "export { configure } from './src/store/config.ts';",
      existsSync('src/sdk/public-badges.ts') ? "export { publicBadges } from './src/sdk/public-badges.ts';" : '',
    ].join('\n'),
  );
  await bundle('lit-floor', LIT_FLOOR);
}

/** The floor as a Lit element: the same badge, rendered from a template when its data arrive. */
const LIT_FLOOR = String.raw`
import { LitElement, css, html, nothing } from 'lit';
export function defineLitBadge(badgeOf, answers) {
  class LitBadge extends LitElement {
    static properties = { member: {}, badge: { state: true } };
    static styles = css${'`'}:host{display:inline}.badge{font-weight:600}${'`'};
    internals = this.attachInternals();
    connectedCallback() {
      super.connectedCallback();
      const known = answers.get(this.member);
      if (known) this.badge = known;
      else badgeOf(this.member).then((badge) => (this.badge = badge));
    }
    render() {
      const badge = this.badge;
      if (!badge) return nothing;
      return html${'`'}<span class="badge" part="badge" role="img" aria-label=${'${'}badge.name + ', level ' + badge.level} data-level=${'${'}badge.level}><span class="level" part="level"><span class="dot" part="dot"></span><span class="name" part="level-name">${'${'}badge.name}</span></span></span>${'`'};
    }
    updated() {
      if (this.badge) this.internals.states.add('ready');
    }
  }
  customElements.define('member-level-badge', LitBadge);
}
`;

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
  return [...box.getElementsByTagName('member-level-badge')];
}
function placeSpans(n, member = memberOf) {
  const box = document.createElement('div');
  box.innerHTML = Array.from({ length: n }, (_, i) => '<p>Posted by <span class="badge" data-member="' + member(i) + '"></span></p>').join('');
  root.replaceChildren(box);
  return [...box.querySelectorAll('.badge')];
}

// Answers by member, and the one way every page but the kit's fetches them: 200 members a
// request, the requests in parallel.
const answers = new Map();
async function fetchBadges(ids) {
  const chunks = [];
  for (let i = 0; i < ids.length; i += 200) chunks.push(ids.slice(i, i + 200));
  await Promise.all(chunks.map(async (chunk) => {
    const response = await fetch(api + '/v1/badges?members=' + encodeURIComponent(chunk.join(',')));
    const { badges } = await response.json();
    for (const [id, badge] of Object.entries(badges)) answers.set(id, badge);
  }));
}
// The floors' batcher: the members asked for in one task leave together on a microtask.
let batch;
function badgeOf(member) {
  if (!batch) {
    const ids = new Set();
    batch = { ids, done: Promise.resolve().then(() => { batch = undefined; return fetchBadges([...ids]); }) };
  }
  batch.ids.add(member);
  return batch.done.then(() => answers.get(member));
}

let kit;
const kitJobs = {
  async fresh(n) {
    const badges = placeBadges(n);
    kit = await import('/kit.js');
    kit.configure({ api });
    const started = performance.now();
    customElements.define('member-level-badge', kit.MemberLevelBadge);
    await until(allOf(badges, ready));
    return performance.now() - started;
  },
  async again(n) {
    const started = performance.now();
    const badges = placeBadges(n);
    await until(allOf(badges, ready));
    return performance.now() - started;
  },
  async levelChange(n) {
    const member = members[0];
    const badges = placeBadges(n, () => member);
    await until(allOf(badges, ready));
    const levelOf = (badge) => badge.shadowRoot.querySelector('[part~="badge"]')?.getAttribute('data-level');
    const next = String((Number(levelOf(badges[0])) + 1) % 7);
    const started = performance.now();
    kit.publicBadges(api).update(member, { level: Number(next), name: 'Level ' + next });
    await until(allOf(badges, (badge) => levelOf(badge) === next));
    return performance.now() - started;
  },
};

function writeSpan(span, badge) {
  span.className = 'badge level-' + badge.level;
  span.textContent = badge.name;
}
const plainJobs = {
  async fresh(n) {
    const spans = placeSpans(n);
    const started = performance.now();
    await fetchBadges([...new Set(spans.map((span) => span.dataset.member))]);
    let written = 0;
    for (const span of spans) { writeSpan(span, answers.get(span.dataset.member)); written++; }
    await until(() => written === n);
    return performance.now() - started;
  },
  async again(n) {
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
// write its level, mark the state. The same placing and the same check of ':state(ready)' as the
// kit's page.
function defineBare() {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(':host{display:inline}.badge{font-weight:600}');
  const model = document.createElement('span');
  model.innerHTML = '<span class="badge" part="badge" role="img"><span class="level" part="level"><span class="dot" part="dot"></span><span class="name" part="level-name"></span></span></span>';
  const template = model.firstElementChild;
  customElements.define('member-level-badge', class extends HTMLElement {
    constructor() { super(); this.internals = this.attachInternals(); }
    connectedCallback() {
      if (this.shadowRoot) return;
      this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [sheet];
      const member = this.getAttribute('member');
      const known = answers.get(member);
      if (known) this.show(known);
      else badgeOf(member).then((badge) => this.show(badge));
    }
    show(badge) {
      const node = template.cloneNode(true);
      node.setAttribute('aria-label', badge.name + ', level ' + badge.level);
      node.dataset.level = badge.level;
      node.lastChild.lastChild.textContent = badge.name;
      this.shadowRoot.append(node);
      this.internals.states.add('ready');
    }
  });
}
async function defineLit() {
  (await import('/lit-floor.js')).defineLitBadge(badgeOf, answers);
}
// The floor of any badge that is a custom element: upgraded, connected, marked ready, nothing drawn.
function defineEmpty() {
  customElements.define('member-level-badge', class extends HTMLElement {
    constructor() { super(); this.internals = this.attachInternals(); }
    connectedCallback() { this.internals.states.add('ready'); }
  });
}
function floorJobs(define) {
  return {
    async fresh(n) {
      const badges = placeBadges(n);
      const started = performance.now();
      await define();
      await until(allOf(badges, ready));
      return performance.now() - started;
    },
    again: kitJobs.again,
  };
}
const kind = params.get('kind');
const floors = { bare: defineBare, lit: defineLit, empty: defineEmpty };
window.bench = kind === 'kit' ? kitJobs : kind in floors ? floorJobs(floors[kind]) : plainJobs;
`;

export const PAGE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>badges</title>
<style>.badge{font-weight:600}.level-0{color:#666}.level-1{color:#8a6}.level-2{color:#c53}.level-3{color:#38c}.level-4{color:#a6c}.level-5{color:#c93}.level-6{color:#c63}</style>
</head><body><div id="root"></div><script type="module" src="/page.js"></script></body></html>`;

/** Serves the page and the bundles, the scripts cacheable as a site's built assets are. */
export function serveFiles(dir: string): Promise<Server> {
  const script = { 'content-type': 'text/javascript', 'cache-control': 'public, max-age=3600' };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/') return void response.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-cache' }).end(PAGE_HTML);
    if (path === '/page.js') return void response.writeHead(200, script).end(PAGE_SCRIPT);
    try {
      const body = readFileSync(join(dir, path.replace(/^\/+/, '').replace(/\.\.+/g, '')));
      response.writeHead(200, script).end(body);
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

type Kind = 'plain' | 'kit' | 'bare' | 'lit' | 'empty';
type Job = 'fresh' | 'again' | 'levelChange';

function runJob(page: Page, job: Job, n: number): Promise<number> {
  return page.evaluate((name, count) => (window as unknown as { bench: Record<string, (n: number) => Promise<number>> }).bench[name]!(count), job, n);
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
    const levelChange = existsSync('src/sdk/public-badges.ts');
    const names = (n: number) => {
      const count = n.toLocaleString('en');
      return { fresh: `${count} badges, fresh page`, warm: `${count} badges, warm page`, again: `${count} badges placed again on a page showing badges` };
    };
    const order = [...sizes.flatMap((n) => Object.values(names(n))), ...(levelChange && sizes.includes(1_000) ? ['one level change to 1,000 badges'] : [])];
    const samples = new Map<string, Record<Kind, number[]>>(order.map((name) => [name, { plain: [], kit: [], bare: [], lit: [], empty: [] }]));
    const query = `api=${encodeURIComponent(reference.url)}&members=${members.join(',')}`;
    for (let run = 0; run < runs; run++) {
      for (const kind of ['plain', 'kit', 'bare', 'lit', 'empty'] as const) {
        // The floors stand beside the kit on the warm page and placed again only; the empty
        // element, which has no data to wait for, only placed again.
        const floor = kind !== 'plain' && kind !== 'kit';
        const warm = kind !== 'empty';
        for (const size of sizes) {
          const name = names(size);
          const record = (figure: string, ms: number) => samples.get(figure)![kind].push(ms);
          // A new tab with the browser's cache emptied: nothing cached on the first visit. (A browser context per run would be emptier still, but
          // each new one sets the browser's own pages loading beside the job, which swamps it.)
          const page = await browser.newPage();
          await (await page.createCDPSession()).send('Network.clearBrowserCache');
          page.on('pageerror', (error) => console.error(`bench page (${kind}):`, error));
          const visit = async () => {
            await page.goto(`${origin}/?kind=${kind}&${query}`);
            await page.waitForFunction('window.bench !== undefined');
          };
          // Three visits, the badges shown on each: the first is the fresh page, the third the
          // warm one (scripts from the cache, their code compiled and cached by the second). The
          // empty element has no data to show: one visit defines it.
          for (let visits = 1; visits <= (warm ? 3 : 1); visits++) {
            await visit();
            const ms = await runJob(page, 'fresh', size);
            if (visits === 1 && !floor) record(name.fresh, ms);
            if (visits === 3) record(name.warm, ms);
          }
          // Placed again on a page that has been showing badges a while: the third placement.
          let ms = 0;
          for (let again = 0; again < 3; again++) ms = await runJob(page, 'again', size);
          record(name.again, ms);
          if (size === 1_000 && levelChange && !floor) record('one level change to 1,000 badges', await runJob(page, 'levelChange', size));
          await page.close();
        }
      }
    }
    return order.map((name) => {
      const { kit, plain, bare, lit, empty } = samples.get(name)!;
      const kitMs = median(kit);
      const plainMs = median(plain);
      const floor = (values: number[]) => (values.length > 0 ? median(values) : undefined);
      return { name, kitMs, plainMs, ratio: kitMs / plainMs, bareMs: floor(bare), litMs: floor(lit), emptyMs: floor(empty), runs };
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
    const floors = floor('bare shadow-DOM element', figure.bareMs) + floor('bare Lit element', figure.litMs) + floor('empty custom element', figure.emptyMs);
    console.log(`${figure.name}: kit ${figure.kitMs.toFixed(1)} ms, plain ${figure.plainMs.toFixed(1)} ms, ${figure.ratio.toFixed(2)}×${floors}`);
  }
}
