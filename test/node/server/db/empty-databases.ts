/** Empty (unmigrated) databases on every target, for tests of the migration runner itself. */
import type { Engine } from '../../../../src/server/db/types.ts';
import { openEngine } from '../../../../src/server/db/open-engine.ts';
import { openPgliteEngine, type PgliteEngine } from '../../../../src/server/db/pglite-engine.ts';
import { createScratchPostgresDatabase, postgresServerUrl } from '../../support/databases.ts';

export interface EmptyDatabase {
  engine: Engine;
  /** Another engine on the same database, as a second process would open it (server only). */
  openAnother?: () => Promise<Engine>;
  /** The URL that opens this database again (server only). */
  url?: string;
  drop(): Promise<void>;
}

export interface EmptyDatabaseTarget {
  name: 'pglite' | 'postgres';
  open(): Promise<EmptyDatabase>;
}

// A brand-new PGlite spends seconds in initdb. The first one comes from 'memory://' itself; a copy
// of it, taken before anything touches it, starts the others: the same empty database, sooner.
let emptySnapshot: Blob | undefined;

async function openEmptyPglite(): Promise<EmptyDatabase> {
  if (emptySnapshot === undefined) {
    const engine = await openEngine('memory://');
    emptySnapshot = await (engine as PgliteEngine).snapshot();
    return { engine, drop: () => engine.close() };
  }
  const engine = await openPgliteEngine({ snapshot: emptySnapshot });
  return { engine, drop: () => engine.close() };
}

async function openEmptyPostgres(serverUrl: string): Promise<EmptyDatabase> {
  const scratch = await createScratchPostgresDatabase(serverUrl);
  const engines: Engine[] = [];
  const openAnother = async () => {
    const engine = await openEngine(scratch.url);
    engines.push(engine);
    return engine;
  };
  const engine = await openAnother();
  return {
    engine,
    openAnother,
    url: scratch.url,
    async drop() {
      await Promise.all(engines.map((e) => e.close()));
      await scratch.drop();
    },
  };
}

export function emptyDatabaseTargets(): EmptyDatabaseTarget[] {
  const targets: EmptyDatabaseTarget[] = [{ name: 'pglite', open: openEmptyPglite }];
  const serverUrl = postgresServerUrl();
  if (serverUrl !== undefined) targets.push({ name: 'postgres', open: () => openEmptyPostgres(serverUrl) });
  return targets;
}
