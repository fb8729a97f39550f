/**
 * Bundle sizes as a browser gets them: each entry bundled with its dependencies, minified, then
 * gzipped. With code splitting, what loads on demand (the Chinese catalog) is not counted: only
 * the entry chunk and the chunks it imports statically. The baseline is Lit itself, measured the
 * same way in the same run.
 */
import { gzipSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import { build } from 'esbuild';

export interface BundleFigure {
  name: string;
  minified: number;
  gzipped: number;
}

/** One entry, bundled as a browser loads it: the entry chunk and the chunks it imports statically. */
export async function measure(name: string, contents: string): Promise<BundleFigure> {
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
  const entry = Object.keys(outputs).find((file) => outputs[file]!.entryPoint !== undefined)!;
  const loaded = new Set<string>();
  const visit = (file: string) => {
    if (loaded.has(file)) return;
    loaded.add(file);
    for (const imported of outputs[file]!.imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entry);
  const files = result.outputFiles.filter((file) => [...loaded].some((path) => file.path.endsWith(path)));
  const code = Buffer.concat(files.map((file) => file.contents));
  return { name, minified: code.byteLength, gzipped: files.reduce((sum, file) => sum + gzipSync(file.contents, { level: 9 }).byteLength, 0) };
}

/** Entries whose source exists; the first is the baseline. */
export async function measureBundles(): Promise<BundleFigure[]> {
  const entries: Array<[string, string, string]> = [
    ['lit (baseline)', "export { LitElement, html, css } from 'lit';", 'node_modules/lit/index.js'],
    ['sdk + store', "export * from './src/sdk/index.ts'; export * from './src/store/index.ts';", 'src/store/index.ts'],
    ['member-level-badge', "import './src/elements/member-level-badge/define.ts';", 'src/elements/member-level-badge/define.ts'],
    ['all elements (member-rewards-kit.js)', "import './src/elements/index.ts';", 'src/elements/index.ts'],
  ];
  const figures: BundleFigure[] = [];
  for (const [name, contents, source] of entries) {
    if (existsSync(source)) figures.push(await measure(name, contents));
  }
  return figures;
}
