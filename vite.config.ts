// Library builds for the browser: the SDK, the store and the elements, as ESM in dist/.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    lib: {
      formats: ['es'],
      entry: {
        rules: 'src/rules/index.ts',
        api: 'src/api/index.ts',
      },
    },
    rollupOptions: {
      external: [/^lit/, /^@lit\//, /^nanostores/, /^@nanostores\//, /^zod/],
    },
  },
});
