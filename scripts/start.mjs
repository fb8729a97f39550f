/**
 * `npm start`: rebuilds what is stale (scripts/build-stale.mjs), then runs the compiled server,
 * dist-server/server.js (the very file the server package ships), with the demo pages of this
 * checkout and the kit they load.
 */
import { fileURLToPath } from 'node:url';
import './build-stale.mjs';

const inRepository = (path) => new URL(`../${path}`, import.meta.url);

let server;
try {
  server = await import(inRepository('dist-server/server.js').href);
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  // The server's packages are development dependencies here; the server package lists them as its own.
  console.error(
    `npm start: ${error.message}\nRun npm install (with the development dependencies), or run the server package (README: "Running the server in production").`,
  );
  process.exit(1);
}
await server.main({ demoDir: fileURLToPath(inRepository('demo/')), kitDir: fileURLToPath(inRepository('dist/')) });
