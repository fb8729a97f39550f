import { fileURLToPath } from 'node:url';
import type { Engine } from './types.ts';
import { openPgliteEngine } from './pglite-engine.ts';
import { DEFAULT_POOL_SIZE, openPostgresEngine } from './postgres-engine.ts';

export { DEFAULT_POOL_SIZE };

export interface OpenOptions {
  /** Connections the pool may open to a PostgreSQL server (an embedded database has one). */
  poolSize?: number;
  /** Named prepared statements on a PostgreSQL server (on unless false); see prepared-statements.ts. */
  preparedStatements?: boolean;
}

const MEMORY_URL = 'memory://';

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/**
 * 'memory://' → in-memory PGlite; 'postgres://…' or 'postgresql://…' → a PostgreSQL server;
 * anything else → a folder for an on-disk PGlite ('file://' URLs are accepted too).
 * Applies no migrations: see openDatabase.
 */
export function openEngine(url: string, options: OpenOptions = {}): Promise<Engine> {
  if (url === MEMORY_URL) return openPgliteEngine();
  if (isPostgresUrl(url)) return openPostgresEngine(url, options);
  const dataDir = url.startsWith('file://') ? fileURLToPath(url) : url;
  return openPgliteEngine({ dataDir });
}
