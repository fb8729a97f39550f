/**
 * Probes for whoever runs the server (a load balancer, an orchestrator):
 *
 * - `GET /healthz` — alive: the process answers. It does not touch the database, so an outage of
 *   the database does not get healthy processes restarted.
 * - `GET /readyz` — ready to serve: the database answers and every migration this build knows is
 *   applied (an instance started by an older deployment keeps saying so while a newer one
 *   migrates). 503 otherwise, so traffic goes elsewhere until it is.
 *
 * Neither is part of the API: plain JSON, never cached, no detail about the failure (that goes
 * to the log).
 */
import type { Hono } from 'hono';
import type { Db } from '../db/index.ts';
import { MIGRATIONS } from '../db/migrations/index.ts';
import type { AppEnv } from './env.ts';
import type { Logger } from './logger.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };

export type Readiness = { ready: true } | { ready: false; reason: 'database unreachable' | 'migrations pending' };

/** Whether the database answers and holds every migration of this build. */
export async function checkReadiness(db: Db, logger: Logger): Promise<Readiness> {
  try {
    const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    return MIGRATIONS.every((migration) => applied.has(migration.version)) ? { ready: true } : { ready: false, reason: 'migrations pending' };
  } catch (error) {
    logger.warn('readiness check failed', { error });
    return { ready: false, reason: 'database unreachable' };
  }
}

export function registerHealthRoutes(app: Hono<AppEnv>, db: Db, logger: Logger): void {
  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, NO_STORE));
  app.get('/readyz', async (c) => {
    const readiness = await checkReadiness(db, logger);
    return readiness.ready ? c.json({ status: 'ready' }, 200, NO_STORE) : c.json({ status: 'not ready', reason: readiness.reason }, 503, NO_STORE);
  });
}
