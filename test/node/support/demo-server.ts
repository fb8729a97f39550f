// The reference server as the demo tests start it: the kit built, an embedded database in
// memory, a fresh API key, on a free loopback port, its start banner kept off the test output.
import { randomBytes } from 'node:crypto';
import type { Logger } from '../../../src/server/http/logger.ts';
import { startRewardsServer, type StartedServer } from '../../../src/server/main.ts';
import { ensureBuiltDist } from './built-dist.ts';

export const quietLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** Starts the server with the demo's data unless `seedDemo` is false. */
export async function startDemoServer({ seedDemo = true, logger = quietLogger }: { seedDemo?: boolean; logger?: Logger } = {}): Promise<StartedServer> {
  ensureBuiltDist();
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = () => true; // the start banner, with its credentials, is for people
  try {
    return await startRewardsServer(
      {
        HOST: '127.0.0.1',
        PORT: '0',
        DATABASE_URL: 'memory://',
        REWARDS_SEED_DEMO: seedDemo ? '1' : '0',
        REWARDS_API_KEY: randomBytes(24).toString('base64url'),
      },
      logger,
    );
  } finally {
    process.stdout.write = write;
  }
}
