import type { Db, Engine } from './types.ts';
import { guardEngine } from './guarded-db.ts';
import { runMigrations } from './migrate.ts';

/** Brings an opened engine's schema up to date and hands it out as a Db; closes it if that fails. */
export async function prepareDatabase(engine: Engine): Promise<Db> {
  try {
    await runMigrations(engine);
  } catch (error) {
    await engine.close().catch(() => {});
    throw error;
  }
  return guardEngine(engine);
}
