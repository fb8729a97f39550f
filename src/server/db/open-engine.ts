import { fileURLToPath } from 'node:url';
import type { Engine } from './types.ts';
import { openPgliteEngine } from './pglite-engine.ts';
import { openPostgresEngine } from './postgres-engine.ts';

const MEMORY_URL = 'memory://';

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * 'memory://' → in-memory PGlite; 'postgres://…' or 'postgresql://…' → a PostgreSQL server;
 * anything else → a folder for an on-disk PGlite ('file://' URLs are accepted too).
 * Applies no migrations: see openDatabase.
 */
export function openEngine(url: string): Promise<Engine> {
  if (url === MEMORY_URL) return openPgliteEngine();
  if (isPostgresUrl(url)) return openPostgresEngine(url);
  const dataDir = url.startsWith('file://') ? fileURLToPath(url) : url;
  return openPgliteEngine({ dataDir });
}
