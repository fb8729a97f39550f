import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Engine } from '../../../../src/server/db/types.ts';
import { openDatabase } from '../../../../src/server/db/index.ts';
import { runMigrations } from '../../../../src/server/db/migrate.ts';
import { MIGRATIONS, type Migration } from '../../../../src/server/db/migrations/index.ts';
import { emptyDatabaseTargets, type EmptyDatabase } from './empty-databases.ts';

const ALL_VERSIONS = MIGRATIONS.map((m) => m.version);

const CONTRACT_TABLES = [
  'cart_items',
  'catalog_items',
  'check_ins',
  'coupons',
  'donations',
  'events',
  'idempotency_keys',
  'ledger',
  'members',
  'orders',
  'payout_runs',
  'project_likes',
  'projects',
  'rate_limit_buckets',
  'rules_versions',
  'schema_migrations',
  'seller_payouts',
  'seller_products',
  'seller_sales',
  'webhook_deliveries',
  'webhook_endpoints',
  'webhook_events',
  'withdrawals',
];

interface MigrationRecord {
  version: number;
  name: string;
  applied_at: Date;
}

async function records(engine: Engine): Promise<MigrationRecord[]> {
  const { rows } = await engine.query<MigrationRecord>('SELECT version, name, applied_at FROM schema_migrations ORDER BY version');
  return rows;
}

async function tableNames(engine: Engine): Promise<string[]> {
  const { rows } = await engine.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

async function withEmpty<T>(open: () => Promise<EmptyDatabase>, fn: (db: EmptyDatabase) => Promise<T>): Promise<T> {
  const db = await open();
  try {
    return await fn(db);
  } finally {
    await db.drop();
  }
}

for (const target of emptyDatabaseTargets()) {
  describe(`migrations on ${target.name}`, () => {
    test('apply every migration to an empty database, in order, and record each once', async () => {
      await withEmpty(target.open, async ({ engine }) => {
        assert.deepEqual(await runMigrations(engine), ALL_VERSIONS);
        assert.deepEqual(await tableNames(engine), CONTRACT_TABLES);
        const recorded = await records(engine);
        assert.deepEqual(
          recorded.map((r) => [r.version, r.name]),
          MIGRATIONS.map((m) => [m.version, m.name]),
        );
        const triggers = await engine.query<{ tgname: string }>(
          `SELECT tgname FROM pg_trigger WHERE tgrelid = 'ledger'::regclass AND NOT tgisinternal ORDER BY tgname`,
        );
        assert.deepEqual(
          triggers.rows.map((t) => t.tgname),
          ['ledger_append_only_delete', 'ledger_append_only_truncate', 'ledger_append_only_update'],
        );
      });
    });

    test('a second run on an up-to-date database applies nothing and rewrites no record', async () => {
      await withEmpty(target.open, async ({ engine }) => {
        await runMigrations(engine);
        const before = await records(engine);
        assert.deepEqual(await runMigrations(engine), []);
        assert.deepEqual(await records(engine), before);
      });
    });

    test('two runs at once both succeed and apply each migration exactly once between them', async () => {
      await withEmpty(target.open, async ({ engine, openAnother }) => {
        // On a server the second run is another pool, as a second process would be; PGlite has one
        // connection, so the second run shares it.
        const other = openAnother ? await openAnother() : engine;
        const [first, second] = await Promise.all([runMigrations(engine), runMigrations(other)]);
        assert.deepEqual(
          [...first, ...second].sort((a, b) => a - b),
          ALL_VERSIONS,
        );
        assert.deepEqual(
          (await records(engine)).map((r) => r.version),
          ALL_VERSIONS,
        );
      });
    });

    test('a failing migration leaves nothing of itself behind and is not recorded', async () => {
      await withEmpty(target.open, async ({ engine }) => {
        const broken: Migration = {
          version: ALL_VERSIONS.at(-1)! + 1,
          name: 'broken',
          sql: 'CREATE TABLE half_done (x int); INSERT INTO half_done (no_such_column) VALUES (1);',
        };
        await assert.rejects(runMigrations(engine, [...MIGRATIONS, broken]), /no_such_column/);
        assert.deepEqual(
          (await records(engine)).map((r) => r.version),
          ALL_VERSIONS,
        );
        assert.ok(!(await tableNames(engine)).includes('half_done'));
        assert.deepEqual(await runMigrations(engine), []);
      });
    });

    test('a list of migrations out of order is refused before anything runs', async () => {
      await withEmpty(target.open, async ({ engine }) => {
        const first = MIGRATIONS[0]!;
        await assert.rejects(runMigrations(engine, [first, first]), /out of order/);
        assert.deepEqual(await tableNames(engine), []);
      });
    });
  });
}

const server = emptyDatabaseTargets().find((t) => t.name === 'postgres');
if (server) {
  describe('openDatabase on a PostgreSQL server', () => {
    test('two processes starting at once on an empty database both open it', async () => {
      await withEmpty(server.open, async ({ url }) => {
        const dbs = await Promise.all([openDatabase(url!), openDatabase(url!), openDatabase(url!)]);
        try {
          const { rows } = await dbs[0]!.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
          assert.deepEqual(
            rows.map((r) => r.version),
            ALL_VERSIONS,
          );
        } finally {
          await Promise.all(dbs.map((db) => db.close()));
        }
      });
    });

    test('opening an up-to-date database again applies nothing new', async () => {
      await withEmpty(server.open, async ({ url }) => {
        const first = await openDatabase(url!);
        const before = (await first.query('SELECT version, applied_at FROM schema_migrations ORDER BY version')).rows;
        await first.close();
        const second = await openDatabase(url!);
        try {
          const after = (await second.query('SELECT version, applied_at FROM schema_migrations ORDER BY version')).rows;
          assert.deepEqual(after, before);
        } finally {
          await second.close();
        }
      });
    });
  });
}
