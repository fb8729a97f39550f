/**
 * Bundle sizes as a user's bundler produces them: an entry bundled with esbuild (code splitting,
 * minified, `process.env.NODE_ENV` set to production), then each chunk it loads statically
 * gzipped. What loads on demand (the Chinese catalog; the store, the SDK and zod that data
 * elements and the signed-in badge fetch after connecting; the quote rules) is not counted. Shared by the bench (which reports them) and the size-budget test (which enforces them).
 */
import { existsSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

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

/** Bundles `contents` (a module resolved from the project root) and measures what loads with it. */
export async function measureBundle(name: string, contents: string): Promise<BundleFigure> {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), sourcefile: 'entry.ts', loader: 'ts' },
    bundle: true,
    splitting: true,
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
  });
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
  return {
    name,
    minified: files.reduce((sum, file) => sum + file.contents.byteLength, 0),
    gzipped: gzipOf(loaded),
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

/** The one-file build's contents: every element, as `src/elements/index.ts` registers them. */
export const measureAllElements = (): Promise<BundleFigure> => measureBundle('one-file build (all elements)', "export * from './src/elements/index.ts';");

/** What a page uses of the SDK and the store: the member's client and the shared store (the shop's client is for servers). */
export const measureSdkAndStore = (): Promise<BundleFigure> =>
  measureBundle(
    'sdk + store',
    "export { createRewardsClient, publicBadges, RewardsError, isRewardsError } from './src/sdk/index.ts'; export * from './src/store/index.ts';",
  );

/** The baseline of every size ratio: Lit itself, bundled the same way. */
export const measureLit = (): Promise<BundleFigure> => measureBundle('lit (baseline)', "export { LitElement, html, css } from 'lit';");
