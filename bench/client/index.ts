/**
 * The client's figures for `npm run bench`, each as a ratio against a baseline measured in the
 * same run: bundle sizes against Lit itself, page timings against a hand-written plain-DOM page
 * doing the same job. Returns them for the JSON report, as a Markdown section for
 * bench/report.md, and with the targets as budgets.
 */
import { measureBadgePages, type TimingFigure } from './badge-pages.ts';
import { elementTags, measureAllElements, measureElement, measureLit, measureSdkAndStore, measureSevenElements, type BundleFigure } from './bundle-size.ts';

export interface ClientBudget {
  name: string;
  actual: number;
  limit: number;
  kind: 'max' | 'min';
}

export interface ClientFigures {
  sizes: Array<Omit<BundleFigure, 'inputs'> & { ratioToLit: number }>;
  timings: TimingFigure[];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function measureClient({ runs = 3, timings = true } = {}): Promise<{ figures: ClientFigures; markdown: string; budgets: ClientBudget[] }> {
  const lit = await measureLit();
  const measured = [lit, await measureSdkAndStore()];
  for (const tag of elementTags()) measured.push(await measureElement(tag));
  const seven = await measureSevenElements();
  const all = await measureAllElements();
  measured.push(seven, all);
  const sizes = measured.map(({ inputs: _inputs, ...figure }) => ({ ...figure, ratioToLit: figure.gzipped / lit.gzipped }));

  const pages = timings ? await measureBadgePages({ runs }) : [];

  const budgets: ClientBudget[] = [];
  const badge = sizes.find((size) => size.name === 'member-level-badge');
  if (badge) budgets.push({ name: 'member-level-badge gzip KB', actual: badge.gzipped / 1024, limit: 12, kind: 'max' });
  const entries = sizes.filter((size) => size.name !== 'member-level-badge' && elementTags().includes(size.name));
  const largest = entries.reduce((a, b) => (b.gzipped > a.gzipped ? b : a));
  budgets.push({ name: `largest other per-element entry (${largest.name}) gzip KB`, actual: largest.gzipped / 1024, limit: 16, kind: 'max' });
  budgets.push({ name: 'one-file build, seven first elements, gzip KB', actual: seven.gzipped / 1024, limit: 30, kind: 'max' });
  budgets.push({ name: 'one-file build, twelve member-facing elements, gzip KB', actual: all.gzipped / 1024, limit: 40, kind: 'max' });
  const fresh = pages.find((page) => page.name === '1,000 badges, fresh page');
  const warm = pages.find((page) => page.name === '1,000 badges, warm page');
  if (fresh) budgets.push({ name: '1,000 badges fresh / plain page', actual: fresh.ratio, limit: 3, kind: 'max' });
  if (warm) budgets.push({ name: '1,000 badges warm / plain page', actual: warm.ratio, limit: 1.6, kind: 'max' });

  const lines = [
    '## Client',
    '',
    "Bundles as a user's bundler makes them (esbuild, minified, each statically loaded chunk gzipped; the one-file builds the way they ship: all they load statically in one file, style sheets minified); ratio to Lit itself; then what the entry fetches on demand (the store, the SDK and zod after connecting, the seller dashboard when one appears; language catalogs left out).",
    '',
    '| bundle | min | gzip | × Lit | then on demand (gzip) |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...sizes.map(
      (size) =>
        `| ${size.name} | ${kb(size.minified)} | ${kb(size.gzipped)} | ${size.ratioToLit.toFixed(2)} | ${size.onDemandGzipped > 0 ? kb(size.onDemandGzipped) : '—'} |`,
    ),
  ];
  if (pages.length > 0) {
    lines.push(
      '',
      `Badges in headless Chromium with their data from the reference server, median of ${runs} alternated runs; ratio to a plain-DOM page doing the same job (writing \`<span>\`s). Fresh page: the first visit, nothing cached, from the elements being defined to the first frame where every badge shows its level, the data fetched by both pages. Warm page: the same page visited a third time (scripts from the cache, code compiled), timed the same way. Placed again: on that page, answers in memory, new badges inserted. The floors do the same jobs in the kit's place, fetching the same data the same way: a bare custom element with a shadow root and one cloned badge (no language or configuration), the least any shadow-DOM badge costs; the same badge as a bare Lit element; placed again, a custom element that draws nothing, the least any badge that is a custom element costs.`,
      '',
      '| job | kit | plain page | × plain | bare shadow-DOM element × plain | bare Lit element × plain | empty custom element × plain |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...pages.map((page) => {
        const floor = (ms: number | undefined) => (ms === undefined ? '—' : (ms / page.plainMs).toFixed(2));
        return `| ${page.name} | ${page.kitMs.toFixed(0)} ms | ${page.plainMs.toFixed(0)} ms | ${page.ratio.toFixed(2)} | ${floor(page.bareMs)} | ${floor(page.litMs)} | ${floor(page.emptyMs)} |`;
      }),
    );
  }
  return { figures: { sizes, timings: pages }, markdown: lines.join('\n'), budgets };
}
