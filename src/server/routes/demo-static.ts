/**
 * The demo pages: the files of one folder, served at `/` (its `index.html` for `/` itself).
 * Only GET and HEAD, only regular files inside that folder: no `..`, no hidden files, no
 * symbolic link that leads outside. Anything else falls through to the API's 404.
 */
import { realpath, readFile, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import type { HttpDeps, RewardsApp, RouteModule } from '../http/app.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The path's segments, decoded, or undefined when one of them could lead anywhere unexpected. */
export function safeSegments(urlPath: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of urlPath.split('/').filter((part) => part !== '')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment.startsWith('.') || /[/\\\0:]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

async function regularFileInside(root: string, segments: string[]): Promise<string | undefined> {
  try {
    let candidate = join(root, ...segments);
    if ((await stat(candidate)).isDirectory()) candidate = join(candidate, 'index.html');
    const real = await realpath(candidate);
    if (!real.startsWith(root + sep)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves `folder` at `prefix` (`/` by default); `/` itself leads to the API reference when there
 * is no folder or it has no index page.
 */
export function demoStaticRoutes(folder: string | null, prefix = '/'): RouteModule {
  return (app: RewardsApp, _deps: HttpDeps) => {
    const root = folder === null ? Promise.resolve(undefined) : realpath(folder).catch(() => undefined);
    app.get(`${prefix}*`, async (c) => {
      const rootPath = await root;
      const segments = c.req.path.startsWith('/v1/') ? undefined : safeSegments(c.req.path.slice(prefix.length - 1));
      const file = rootPath && segments ? await regularFileInside(rootPath, segments) : undefined;
      if (file === undefined) return c.req.path === '/' ? c.redirect('/docs', 302) : c.notFound();
      return c.body(new Uint8Array(await readFile(file)), 200, {
        'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
    });
  };
}
