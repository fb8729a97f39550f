/**
 * `npm start`: rebuilds what is stale (scripts/build-stale.mjs), then runs the compiled server,
 * dist-server/server.js (the very file the server package ships), with the demo pages of this
 * checkout and the kit they load.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import './build-stale.mjs';

let server;
try {
  server = await import(pathToFileURL(resolve('dist-server/server.js')).href);
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  // The server's packages are development dependencies here; the server package lists them as its own.
  console.error(`npm start: ${error.message}\nRun npm install (with the development dependencies), or run the server package (README: "Running the server in production").`);
  process.exit(1);
}
await server.main({ demoDir: resolve('demo'), kitDir: resolve('dist') });
