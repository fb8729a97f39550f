/**
 * `npm start`: rebuilds what is stale (scripts/build-stale.mjs), then runs the compiled server,
 * dist-server/server.js (the very file the server package ships), with the demo pages of this
 * checkout and the kit they load.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import './build-stale.mjs';

const { main } = await import(pathToFileURL(resolve('dist-server/server.js')).href);
await main({ demoDir: resolve('demo'), kitDir: resolve('dist') });
