/**
 * Builds dist/:
 * - library entries (rules, api, sdk, store, and one per element: elements/<tag>.js) that keep
 *   lit, nanostores and zod as shared imports, for bundlers and Node;
 * - member-rewards-kit.js: one self-contained, minified file that registers every element, for
 *   a page that loads nothing but one <script type="module"> tag.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { build, type InlineConfig } from 'vite';

const libraryEntries: Record<string, string> = {
  rules: 'src/rules/index.ts',
  api: 'src/api/index.ts',
  sdk: 'src/sdk/index.ts',
  store: 'src/store/index.ts',
  // React 18 wrappers (@lit/react), generated from the manifest by `npm run analyze`.
  react: 'src/react/index.ts',
};
for (const tag of readdirSync('src/elements')) {
  const define = `src/elements/${tag}/define.ts`;
  if (existsSync(define)) libraryEntries[`elements/${tag}`] = define;
}
const present = Object.fromEntries(Object.entries(libraryEntries).filter(([, file]) => existsSync(file)));

const shared: InlineConfig = { configFile: false, logLevel: 'warn', esbuild: { legalComments: 'none' } };

rmSync('dist', { recursive: true, force: true });

await build({
  ...shared,
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    minify: false,
    lib: { formats: ['es'], entry: present },
    rollupOptions: {
      external: [/^react($|\/)/, /^lit($|\/)/, /^@lit\//, /^nanostores($|\/)/, /^@nanostores\//, /^zod($|\/)/],
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});

if (existsSync('src/elements/index.ts')) {
  await build({
    ...shared,
    // nanostores checks process.env.NODE_ENV, which no browser has: bake in production.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      target: 'es2022',
      outDir: 'dist',
      emptyOutDir: false,
      sourcemap: true,
      minify: 'esbuild',
      lib: { formats: ['es'], entry: { 'member-rewards-kit': 'src/elements/index.ts' } },
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
  });
}
console.log(`built ${Object.keys(present).length} library entries${existsSync('src/elements/index.ts') ? ' and dist/member-rewards-kit.js' : ''}`);
