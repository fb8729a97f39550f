// Vite serves the demo pages in development (`npx vite demo`); `npm run build` uses scripts/build.ts,
// which calls Vite twice (shared-dependency library entries, then the one-file bundle).
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'demo',
  server: { host: '127.0.0.1' },
  build: { target: 'es2022' },
});
