/**
 * Builds dist/:
 * - library entries (rules, api, sdk, store, and one per element: elements/<tag>.js) that keep
 *   lit, nanostores and zod as shared imports, for bundlers and Node;
 * - member-rewards-kit.js: one self-contained, minified file that registers every element, for
 *   a page that loads nothing but one <script type="module"> tag, its style sheets minified too.
 *   What a page may not need (the store, the SDK and zod until an element or action needs them,
 *   the seller dashboard, the Chinese messages) are chunks beside it, fetched on demand; source
 *   maps sit beside each;
 * - member-rewards-kit.css: the few lines that keep each element's place until it is defined.
 */
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { transform } from 'esbuild';
import { build, type InlineConfig, type Plugin } from 'vite';
import { minifyCssLiterals } from './css-literals.ts';

/**
 * Minifies each output chunk whitespace and all. Vite's library mode leaves whitespace in ES
 * output (to keep pure annotations for the next bundler), which a page loading the file as it
 * is would download for nothing.
 */
function minifyChunks(): Plugin {
  return {
    name: 'minify-chunks',
    async renderChunk(code) {
      const result = await transform(code, { minify: true, format: 'esm', target: 'es2022', sourcemap: true, legalComments: 'none' });
      return { code: result.code, map: result.map };
    },
  };
}

/** Minifies the style sheets in Lit `css` templates (see css-literals.ts), before TypeScript is compiled. */
function minifyStyles(): Plugin {
  return {
    name: 'minify-css-literals',
    enforce: 'pre',
    transform(code, id) {
      return /\/src\/.*\.ts$/.test(id) ? { code: minifyCssLiterals(code, id), map: null } : undefined;
    },
  };
}

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
      // Minified by minifyChunks (es2022) alone: Vite's own pass would put the whitespace back.
      target: 'esnext',
      outDir: 'dist',
      emptyOutDir: false,
      sourcemap: true,
      minify: false,
      lib: { formats: ['es'], entry: { 'member-rewards-kit': 'src/elements/index.ts' } },
      rollupOptions: {
        plugins: [minifyStyles(), minifyChunks()],
        // The entry may export more than src/elements/index.ts does (what the catalog chunk
        // imports from it), rather than become a facade over a second file.
        preserveEntrySignatures: 'allow-extension',
        output: {
          // One file holds everything the entry loads statically (Rollup keeps a module the entry
          // already loaded in it, also when a chunk loaded later imports it too). Beside it, the
          // chunks loaded on demand: the store, the SDK and zod (on the first data element or page
          // action), <seller-dashboard> (when one appears), the Chinese messages, and the few
          // parts an element fetches only when it needs them.
          // A chunk holding a tag's own define module is named by the tag (seller-dashboard-….js);
          // its facade is not always that module, so every module of the chunk is looked at.
          chunkFileNames: (chunk) => {
            const tag = chunk.moduleIds.map((id) => /\/elements\/([a-z-]+)\/define\.ts$/.exec(id)?.[1]).find(Boolean);
            return `member-rewards-kit/${tag ?? '[name]'}-[hash].js`;
          },
        },
      },
    },
  });
}
copyFileSync('src/elements/before-defined.css', 'dist/member-rewards-kit.css');
console.log(`built ${Object.keys(present).length} library entries${existsSync('src/elements/index.ts') ? ' and dist/member-rewards-kit.js' : ''}`);
