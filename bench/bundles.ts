/**
 * Bundle sizes as a browser gets them: each entry bundled with its dependencies, minified, then
 * gzipped. The baseline is Lit itself, measured the same way in the same run.
 */
import { gzipSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import { build } from 'esbuild';

export interface BundleFigure {
  name: string;
  minified: number;
  gzipped: number;
}

async function measure(name: string, contents: string): Promise<BundleFigure> {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), sourcefile: `${name}.ts`, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    tsconfig: 'tsconfig.json',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { name, minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
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
