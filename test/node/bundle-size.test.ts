/**
 * What a page downloads, bundled as a user's bundler would (esbuild: minify, gzip, the entry and
 * every chunk it loads statically; see bench/client/bundle-size.ts). Sizes are deterministic, so
 * the budgets are asserted here; timings are only reported by `npm run bench`.
 *
 * The per-element entries are found from src/elements/<tag>/define.ts: a new element is held to
 * the budget without being listed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  elementTags,
  measureAllElements as bundleAll,
  measureElement as bundleElement,
  measureSevenElements as bundleSeven,
  type BundleFigure,
} from '../../bench/client/bundle-size.ts';

const KB = 1024;

/**
 * Each budget is a target and a ceiling. The ceiling is asserted: a change that makes a bundle
 * larger than it fails. Where the target is not met yet the ceiling sits just above today's size
 * (lower it whenever a bundle shrinks, until it meets the target); the test prints how far off the
 * target the bundle is.
 */
interface Budget {
  target: number;
  ceiling: number;
}

/** The level badge, with everything it loads statically: its own light element (no Lit element class, no templates), the batcher and nanostores. */
export const BADGE_BUDGET: Budget = { target: 12 * KB, ceiling: 12 * KB };
/**
 * Any per-element entry, with everything it loads statically: its shell and loading face. The store, the SDK and zod load on
 * demand, after connection, and with them the ready face of the larger elements (see `src/elements/shared/ready-view.ts`).
 */
export const ELEMENT_BUDGET: Budget = { target: 16 * KB, ceiling: 16 * KB };
/**
 * The one-file build of the twelve member-facing elements with the page actions, measured the way
 * it ships: what it loads statically in one file, its `css` templates minified. The store, the SDK
 * and zod load on demand (the page actions answer with promises), and so does the seller
 * dashboard, when one appears.
 */
export const ONE_FILE_BUDGET: Budget = { target: 40 * KB, ceiling: 40 * KB };
/** The same one-file build of the seven elements the kit started with (the provider, badge, progress, balance, history, calendar and cart). */
export const SEVEN_ELEMENTS_BUDGET: Budget = { target: 30 * KB, ceiling: 30 * KB };

// Each bundle is made once for the several checks on it.
const bundles = new Map<string, Promise<BundleFigure>>();
const measureElement = (tag: string) => bundles.get(tag) ?? bundles.set(tag, bundleElement(tag)).get(tag)!;
const measureAllElements = () => bundles.get('*') ?? bundles.set('*', bundleAll()).get('*')!;
const measureSevenElements = () => bundles.get('7') ?? bundles.set('7', bundleSeven()).get('7')!;

const kb = (bytes: number) => `${Number((bytes / KB).toFixed(2))} KB`;

/** What no browser bundle may contain: the server's endpoint table and the shop's own schemas. */
const SERVER_ONLY = ['src/api/endpoints.ts', 'src/api/events.ts', 'src/api/shop.ts', 'src/api/openapi.ts', 'src/rules/config.ts'];

function assertBrowserSafe(figure: BundleFigure): void {
  const found = figure.inputs.filter((input) => SERVER_ONLY.includes(input));
  assert.deepEqual(found, [], `${figure.name} bundles server-only modules`);
}

function assertWithin(t: { diagnostic(message: string): void }, name: string, gzipped: number, budget: Budget): void {
  assert.ok(gzipped <= budget.ceiling, `${name} is ${kb(gzipped)} gzip, over its ceiling of ${kb(budget.ceiling)}`);
  if (gzipped > budget.target) t.diagnostic(`${name}: ${kb(gzipped)} gzip, ${kb(gzipped - budget.target)} over the ${kb(budget.target)} target`);
}

for (const tag of elementTags()) {
  const budget = tag === 'member-level-badge' ? BADGE_BUDGET : ELEMENT_BUDGET;
  test(`${tag}: at most ${kb(budget.ceiling)} gzip with what it loads statically (target ${kb(budget.target)})`, async (t) => {
    assertWithin(t, tag, (await measureElement(tag)).gzipped, budget);
  });

  test(`${tag}: no endpoint table, shop event or rules configuration schema`, async () => {
    assertBrowserSafe(await measureElement(tag));
  });
}

/** What a data element loads on demand, never with its entry: the store, the SDK's calls and the contract schemas (zod). */
function onDemandOnly(figure: BundleFigure): string[] {
  return figure.inputs.filter(
    (input) =>
      (input.startsWith('src/store/') && input !== 'src/store/config.ts' && input !== 'src/store/state.ts') ||
      input === 'src/sdk/transport.ts' ||
      // The contract's sizes without zod (src/api/limits.ts) are for the light paths, the public badge's.
      (input.startsWith('src/api/') && input !== 'src/api/limits.ts'),
  );
}

for (const tag of elementTags().filter((tag) => tag !== 'member-level-badge' && tag !== 'rewards-provider')) {
  test(`${tag}: the store, the SDK and zod load on demand, shared by every element, not with the entry`, async () => {
    assert.deepEqual(onDemandOnly(await measureElement(tag)), [], `${tag} bundles them statically`);
  });
}

test(`one-file build: at most ${kb(ONE_FILE_BUDGET.ceiling)} gzip (target ${kb(ONE_FILE_BUDGET.target)})`, async (t) => {
  assertWithin(t, 'the one-file build', (await measureAllElements()).gzipped, ONE_FILE_BUDGET);
});

test('one-file build: no endpoint table, shop event or rules configuration schema', async () => {
  assertBrowserSafe(await measureAllElements());
});

test('one-file build: the store, the SDK, zod and the seller dashboard load on demand, not with the file', async () => {
  const figure = await measureAllElements();
  assert.deepEqual(onDemandOnly(figure), [], 'the one-file build bundles them statically');
  assert.deepEqual(
    figure.inputs.filter((input) => input.startsWith('src/elements/seller-dashboard/')),
    [],
    'the seller dashboard is in the one-file build',
  );
  assert.ok(figure.onDemandGzipped > 0, 'nothing is left to load on demand');
});

test(`one-file build of the seven first elements: at most ${kb(SEVEN_ELEMENTS_BUDGET.ceiling)} gzip (target ${kb(SEVEN_ELEMENTS_BUDGET.target)})`, async (t) => {
  assertWithin(t, 'the seven-element one-file build', (await measureSevenElements()).gzipped, SEVEN_ELEMENTS_BUDGET);
});

test('a public badge loads no store, no session and no zod until a signed-in badge needs them', async () => {
  const figure = await measureElement('member-level-badge');
  const heavy = figure.inputs.filter((input) => input.startsWith('src/store/') && input !== 'src/store/config.ts');
  assert.deepEqual(heavy, [], 'store modules in the badge bundle');
  const all = await import('esbuild').then(({ build }) =>
    build({
      stdin: { contents: "import './src/elements/member-level-badge/define.ts';", resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      splitting: true,
      format: 'esm',
      outdir: 'out',
      write: false,
      metafile: true,
      logLevel: 'silent',
    }),
  );
  // zod may still be in a chunk loaded on demand (the signed-in path), never in a static one.
  const staticInputs = new Set(figure.inputs);
  assert.ok(!staticInputs.has('src/api/common.ts'), 'the contract schemas (zod) load with the badge');
  const lazy = Object.values(all.metafile.outputs).some((output) => Object.keys(output.inputs).some((input) => input.startsWith('src/store/')));
  assert.ok(lazy, 'the signed-in path still reaches the store, on demand');
});

test("a page's public badges load no provider context, configuration or language controller until one names its own settings", async () => {
  const figure = await measureElement('member-level-badge');
  const controllers = ['src/elements/shared/provider-context.ts', 'src/elements/shared/resolve-config.ts', 'src/i18n/localize.ts'];
  assert.deepEqual(
    figure.inputs.filter((input) => controllers.includes(input)),
    [],
    'the controllers load with the badge',
  );
  assert.ok(figure.onDemandGzipped > 0, 'nothing is left to load on demand');
});
