/**
 * `npm start`: the reference server. Reads its configuration from the environment, opens (and
 * migrates) the database, fills an empty one with demo data when asked to, and listens. On a
 * developer's machine it prints what is needed to try it at once: the URL, the development key
 * and secret it generated, a member token and curl commands. SIGTERM or SIGINT close it
 * gracefully: in-flight requests finish, then the database is closed. Unless `REWARDS_SCHEDULER=0`,
 * the server's timed work (see `timedJobs` in app.ts) runs at start and about once a minute.
 */
import { pathToFileURL } from 'node:url';
import { createRewardsApp, timedJobs, type CreateRewardsAppOptions } from './app.ts';
import { isLoopbackHost, loadServerConfig, ServerConfigError, type ServerConfig } from './config.ts';
import { openDatabase, type Db } from './db/index.ts';
import { DEMO_MEMBERS, seedDemo } from './demo-seed.ts';
import { signMemberToken } from './http/auth.ts';
import { systemClock } from './clock.ts';
import { createJsonLogger, type Logger } from './http/logger.ts';
import { startHttpServer, type RunningServer } from './http/server.ts';
import { applyConfiguredTimeZone } from './services/time-zone-setting.ts';
import { WebhookDeliveryJob } from './services/webhooks/delivery-job.ts';
import { createScheduler } from './timed-work/scheduler.ts';

type Env = Record<string, string | undefined>;

/** How long the printed demo token stays valid. */
const DEMO_TOKEN_TTL_SECONDS = 7 * 24 * 3600;

export interface StartedServer {
  server: RunningServer;
  db: Db;
  /** Stops the timed work and listening, lets in-flight work finish, closes the database. */
  close(): Promise<void>;
}

/** Where the demo pages and the browser build they load are; none in the server package. */
export type DemoPages = Pick<CreateRewardsAppOptions, 'demoDir' | 'kitDir'>;

export async function startRewardsServer(env: Env, logger: Logger, pages: DemoPages = {}): Promise<StartedServer> {
  const config = loadServerConfig(env);
  const db = await openDatabase(config.databaseUrl, { poolSize: config.databasePoolSize, preparedStatements: config.databasePreparedStatements });
  try {
    // The rules follow REWARDS_TIMEZONE when it is set; otherwise the zone stays the rules' own.
    await applyConfiguredTimeZone(db, (env.REWARDS_TIMEZONE ?? '').trim() !== '' ? config.timeZone : undefined);
    const seeded = config.seedDemo ? await seedDemo(db, { clock: systemClock }) : false;
    if (seeded) logger.info('demo data added to the empty database');
    // REWARDS_SCHEDULER=0: this instance does no timed work, webhook deliveries included.
    const timedWork = config.scheduler;
    const deliveries = timedWork ? new WebhookDeliveryJob({ db, clock: systemClock, logger, allowPrivate: config.webhooksAllowPrivate }) : null;
    const app = createRewardsApp({ config, db, logger, clock: systemClock, webhookDeliveries: deliveries, ...pages });
    const server = await startHttpServer(app, { port: config.port, host: config.host });
    const scheduler = timedWork
      ? createScheduler({ jobs: timedJobs({ db, logger, clock: systemClock, webhookDeliveries: deliveries }), clock: systemClock, logger })
      : null;
    scheduler?.start();
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        await scheduler?.stop();
        await server.close();
        await deliveries?.idle();
        await db.close();
      })());
    process.stdout.write(await banner(config, server.url, env, seeded));
    return { server, db, close };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** What a developer needs to try the server; credentials only when they are generated ones on loopback. */
async function banner(config: ServerConfig, url: string, env: Env, seeded: boolean): Promise<string> {
  const lines = [``, `member-rewards-kit reference server listening on ${url}`, `  API reference: ${url}/docs`, `  OpenAPI:       ${url}/v1/openapi.json`];
  const devMachine = isLoopbackHost(config.host);
  const generatedKey = (env.REWARDS_API_KEY ?? '').trim() === '';
  const generatedSecret = (env.REWARDS_MEMBER_SECRET ?? '').trim() === '';
  if (devMachine && generatedKey) lines.push(`  Development API key (X-Api-Key):  ${config.apiKey}`);
  if (devMachine && generatedSecret) {
    lines.push(`  Development member secret (HS256): ${config.memberSecret}`);
    const member = DEMO_MEMBERS.nearLevelUp;
    const token = await signMemberToken(config.memberSecret, member, DEMO_TOKEN_TTL_SECONDS);
    lines.push(
      `  Member token for "${member}" (7 days):`,
      `    ${token}`,
      ``,
      `  Try it:`,
      `    curl -s ${url}/v1/me -H 'Authorization: Bearer ${token}'`,
      `    curl -s -X POST ${url}/v1/me/check-ins -H 'Authorization: Bearer ${token}'`,
    );
    if (seeded) {
      lines.push(
        `    curl -s -X POST ${url}/v1/me/redemptions -H 'Authorization: Bearer ${token}' -H 'Content-Type: application/json' -d '{"catalogItemId":"sticker-pack"}'`,
      );
    }
    if (generatedKey) {
      lines.push(
        `    curl -s -X POST ${url}/v1/events -H 'X-Api-Key: ${config.apiKey}' -H 'Content-Type: application/json' \\`,
        `      -d '{"id":"order-1-completed","type":"order.completed","memberId":"${member}","occurredAt":"${new Date().toISOString()}","data":{"orderId":"order-1","lines":[{"sku":"PCB-1","unitPriceCents":2500,"quantity":1}],"shippingCents":500}}'`,
      );
    }
  }
  if (config.devCredentials) lines.push(``, `  Generated credentials change on every start; set REWARDS_API_KEY and REWARDS_MEMBER_SECRET to keep them.`);
  return `${lines.join('\n')}\n\n`;
}

/** Runs the server until SIGTERM or SIGINT: `npm start`, and the server package's `bin`. */
export async function main(pages: DemoPages = {}): Promise<void> {
  const logger = createJsonLogger();
  let started: StartedServer;
  try {
    started = await startRewardsServer(process.env, logger, pages);
  } catch (error) {
    if (error instanceof ServerConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const stop = (signal: string) => {
    logger.info('shutting down', { signal });
    started.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
