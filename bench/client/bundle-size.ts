/**
 * Bundle sizes as a user's bundler produces them: an entry bundled with esbuild (code splitting,
 * minified, `process.env.NODE_ENV` set to production), then each chunk it loads statically
 * gzipped. What loads on demand (the Chinese catalog; the store, the SDK and zod that data
 * elements and the signed-in badge fetch after connecting; the quote rules; the seller
 * dashboard of the one-file build) is not counted. Shared by the bench (which reports them) and
 * the size-budget test (which enforces them).
 *
 * The one-file builds are measured the way scripts/build.ts makes dist/member-rewards-kit.js: all
 * the entry loads statically in one file (one gzip stream), its `css` templates minified too, but
 * bundled by esbuild like every other figure here (the file Vite and Rollup build comes out about
 * 1.5% larger).
 */
import { existsSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { minifyCssLiteralsPlugin } from '../../scripts/css-literals.ts';

export interface BundleFigure {
  name: string;
  /** Bytes of the entry chunk and the chunks it imports statically, minified. */
  minified: number;
  /** The same chunks, each gzipped (level 9), added up. */
  gzipped: number;
  /**
   * What it fetches later, on demand (gzip, added up): the store, the SDK and zod of a data
   * element, the quote rules. Language catalogs are left out: only a page in that language loads one.
   */
  onDemandGzipped: number;
  /** Project source files in those chunks, for finding what made a bundle grow. */
  inputs: string[];
}

/** A language's messages (`src/i18n/zh-CN.ts`), other than the English (`en.ts` and its parts, `en-*.ts`) the elements bundle. */
const LANGUAGE_CATALOG = /^src\/i18n\/(?!en[.-])[a-z]{2,3}(-[A-Za-z]+)?\.ts$/;

/** Leaves every dynamic `import()` out of the bundle: what remains is what an entry loads statically, as one file. */
const staticGraphOnly: Plugin = {
  name: 'static-graph-only',
  setup(build) {
    build.onResolve({ filter: /./ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
  },
};

const bundle = (contents: string, splitting: boolean, plugins: Plugin[]) =>
  build({
    stdin: { contents, resolveDir: process.cwd(), sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    splitting,
    outdir: 'bench-out',
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    legalComments: 'none',
    tsconfig: 'tsconfig.json',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    plugins,
  });

/**
 * Bundles `contents` (a module resolved from the project root) and measures what loads with it.
 * With `oneFile`, what it loads statically is measured as one file, the way the one-file build
 * ships it, rather than as the chunks a bundler would split it into.
 */
export async function measureBundle(name: string, contents: string, { oneFile = false } = {}): Promise<BundleFigure> {
  // The one-file build minifies its style sheets, also in the chunks it loads on demand.
  const shipped = oneFile ? [minifyCssLiteralsPlugin] : [];
  const result = await bundle(contents, true, shipped);
  const outputs = result.metafile.outputs;
  // The bundle's own entry; what it imports on demand is an entry point of its own in the metafile too.
  const entry = Object.keys(outputs).find((file) => outputs[file]!.entryPoint === 'entry.ts')!;
  const loaded = new Set<string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const imported of outputs[file]!.imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entry);
  const later = new Set<string>();
  const visitLater = (file: string) => {
    if (later.has(file) || loaded.has(file)) return;
    later.add(file);
    for (const imported of outputs[file]!.imports) visitLater(imported.path);
  };
  for (const file of loaded) {
    for (const imported of outputs[file]!.imports) {
      const catalog = Object.keys(outputs[imported.path]?.inputs ?? {}).some((input) => LANGUAGE_CATALOG.test(input));
      if (imported.kind === 'dynamic-import' && !catalog) visitLater(imported.path);
    }
  }
  const gzipOf = (paths: Set<string>) =>
    result.outputFiles
      .filter((file) => [...paths].some((path) => file.path.endsWith(path)))
      .reduce((sum, file) => sum + gzipSync(file.contents, { level: 9 }).byteLength, 0);
  const files = result.outputFiles.filter((file) => [...loaded].some((path) => file.path.endsWith(path)));
  const inputs = [...loaded].flatMap((file) => Object.keys(outputs[file]!.inputs)).filter((input) => input.startsWith('src/'));
  const single = oneFile ? (await bundle(contents, false, [staticGraphOnly, ...shipped])).outputFiles[0]!.contents : undefined;
  return {
    name,
    minified: single?.byteLength ?? files.reduce((sum, file) => sum + file.contents.byteLength, 0),
    gzipped: single ? gzipSync(single, { level: 9 }).byteLength : gzipOf(loaded),
    onDemandGzipped: gzipOf(later),
    inputs: [...new Set(inputs)].sort(),
  };
}

/** Every per-element entry: the tags with a `src/elements/<tag>/define.ts`. */
export function elementTags(): string[] {
  return readdirSync('src/elements', { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(`src/elements/${entry.name}/define.ts`))
    .map((entry) => entry.name)
    .sort();
}

export const measureElement = (tag: string): Promise<BundleFigure> => measureBundle(tag, `import './src/elements/${tag}/define.ts';`);

/**
 * The one-file build: every member-facing element, as `src/elements/index.ts` registers them,
 * with the page actions; the seller dashboard loads on demand.
 */
export const measureAllElements = (): Promise<BundleFigure> =>
  measureBundle('one-file build (twelve member-facing elements)', "export * from './src/elements/index.ts';", { oneFile: true });

/** The seven elements the kit started with. */
export const SEVEN_ELEMENTS = [
  'rewards-provider',
  'member-level-badge',
  'level-progress',
  'coin-balance',
  'coin-history',
  'check-in-calendar',
  'redemption-cart',
] as const;

/** A one-file build of the seven first elements alone, with what the full one exports besides its elements. */
export const measureSevenElements = (): Promise<BundleFigure> =>
  measureBundle(
    'one-file build (seven first elements)',
    [
      ...SEVEN_ELEMENTS.map((tag) => `export * from './src/elements/${tag}/define.ts';`),
      "export { configure } from './src/store/config.ts';",
      "export { pageSession, rewardsSession, checkIn, redeem, donate } from './src/elements/page-actions.ts';",
      "export * from './src/events/index.ts';",
    ].join('\n'),
    { oneFile: true },
  );

/** What a page uses of the SDK and the store: the member's client and the shared store (the shop's client is for servers). */
export const measureSdkAndStore = (): Promise<BundleFigure> =>
  measureBundle(
    'sdk + store',
    "export { createRewardsClient, publicBadges, RewardsError, isRewardsError } from './src/sdk/index.ts'; export * from './src/store/index.ts';",
  );

/** The baseline of every size ratio: Lit itself, bundled the same way. */
export const measureLit = (): Promise<BundleFigure> => measureBundle('lit (baseline)', "export { LitElement, html, css } from 'lit';");
