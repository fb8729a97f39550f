import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
// PostgreSQL's default max_connections (100) leaves room for several instances at this size.
import { DEFAULT_POOL_SIZE } from './db/postgres-engine.ts';

/** Everything the reference server reads from its environment, checked and with defaults applied. */
export interface ServerConfig {
  port: number;
  host: string;
  /** `postgres://…`, `memory://`, or a folder for an embedded database on disk. */
  databaseUrl: string;
  /** The shop backend's key (`X-Api-Key`). */
  apiKey: string;
  /** The HS256 secret member tokens are signed with. */
  memberSecret: string;
  /** Normalized origins (`scheme://host[:port]`) allowed to call cross-origin. */
  allowedOrigins: string[];
  /** Canonical IANA zone of calendar days. */
  timeZone: string;
  seedDemo: boolean;
  /** Whether this instance runs the server's timed work (`REWARDS_SCHEDULER`, on by default). */
  scheduler: boolean;
  /** Connections the pg pool may open to a PostgreSQL server (`DATABASE_POOL_SIZE`). */
  databasePoolSize: number;
  /**
   * Named prepared statements on a PostgreSQL server (`DATABASE_PREPARED_STATEMENTS`, on): 0 behind a
   * pooler in transaction mode that does not carry them (PgBouncer before 1.21).
   */
  databasePreparedStatements: boolean;
  /**
   * Where per-member rate limits are kept (`REWARDS_RATE_LIMIT_STORE`): 'database' shares them
   * across instances; unset means the database on a PostgreSQL server, memory for an embedded one.
   */
  rateLimitStore?: 'database' | 'memory' | undefined;
  /**
   * Webhook URLs may use `http://` and private or loopback addresses (REWARDS_WEBHOOKS_ALLOW_PRIVATE;
   * on by default only while the server listens on loopback, i.e. on a developer's machine).
   */
  webhooksAllowPrivate: boolean;
  /**
   * True when the key or the secret was generated at start because it was not set. The caller
   * prints them so a developer can use them; they change on every start.
   */
  devCredentials: boolean;
  /**
   * True when the member secret itself was generated: nothing real can be signed with it, so the
   * demo pages may be handed member tokens (see routes/demo-token.ts).
   */
  demoTokens: boolean;
}

export class ServerConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid server configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ServerConfigError';
  }
}

const DEFAULT_PORT = 8787;
const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_DATABASE_URL = './.data/';
const MIN_API_KEY_LENGTH = 16;
const MIN_MEMBER_SECRET_LENGTH = 32;

type Env = Record<string, string | undefined>;

/**
 * Reads the server's configuration. Every problem is collected and reported at once, so an
 * operator fixes a broken deployment in one round instead of one variable per restart.
 */
export function loadServerConfig(env: Env = process.env): ServerConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };

  const port = parsePort(read('PORT'), problems);
  const host = read('HOST') ?? DEFAULT_HOST;
  const loopback = isLoopbackHost(host);

  const databaseUrlSet = read('DATABASE_URL');
  const databaseUrl = databaseUrlSet ?? DEFAULT_DATABASE_URL;
  checkDatabaseUrl(databaseUrl, problems);

  const apiKey = readCredential('REWARDS_API_KEY', MIN_API_KEY_LENGTH, read, loopback, host, problems);
  const memberSecret = readCredential('REWARDS_MEMBER_SECRET', MIN_MEMBER_SECRET_LENGTH, read, loopback, host, problems);

  const allowedOrigins = parseOrigins(read('REWARDS_ALLOWED_ORIGINS'), host, port, loopback, problems);
  const timeZone = parseTimeZone(read('REWARDS_TIMEZONE'), problems);
  const seedDemo = parseFlag('REWARDS_SEED_DEMO', read('REWARDS_SEED_DEMO'), databaseUrlSet === undefined, problems);
  const webhooksAllowPrivate = parseFlag('REWARDS_WEBHOOKS_ALLOW_PRIVATE', read('REWARDS_WEBHOOKS_ALLOW_PRIVATE'), loopback, problems);
  const scheduler = parseFlag('REWARDS_SCHEDULER', read('REWARDS_SCHEDULER'), true, problems);
  const databasePoolSize = parsePoolSize(read('DATABASE_POOL_SIZE'), problems);
  const databasePreparedStatements = parseFlag('DATABASE_PREPARED_STATEMENTS', read('DATABASE_PREPARED_STATEMENTS'), true, problems);
  const rateLimitStore = parseRateLimitStore(read('REWARDS_RATE_LIMIT_STORE'), problems);

  if (problems.length > 0) throw new ServerConfigError(problems);
  return {
    port,
    host,
    databaseUrl,
    apiKey: apiKey.value,
    memberSecret: memberSecret.value,
    allowedOrigins,
    timeZone,
    seedDemo,
    webhooksAllowPrivate,
    scheduler,
    databasePoolSize,
    databasePreparedStatements,
    ...(rateLimitStore !== undefined ? { rateLimitStore } : {}),
    devCredentials: apiKey.generated || memberSecret.generated,
    demoTokens: memberSecret.generated,
  };
}

/** Whether `host` only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare.toLowerCase() === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  const lower = bare.toLowerCase();
  return lower === '::1' || lower.startsWith('::ffff:127.');
}

/** `http://host:port`, with IPv6 addresses bracketed. */
export function originOf(host: string, port: number): string {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return `http://${isIP(bare) === 6 ? `[${bare}]` : bare}:${port}`;
}

function parsePort(raw: string | undefined, problems: string[]): number {
  if (raw === undefined) return DEFAULT_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    problems.push(`PORT must be an integer from 0 to 65535 (got "${raw}")`);
    return DEFAULT_PORT;
  }
  return port;
}

function checkDatabaseUrl(url: string, problems: string[]): void {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined || scheme === 'memory') return;
  if (scheme === 'postgres' || scheme === 'postgresql') {
    if (!URL.canParse(url)) problems.push('DATABASE_URL is not a valid postgres:// URL');
    return;
  }
  problems.push(`DATABASE_URL must be postgres://…, postgresql://…, memory:// or a folder path (got a "${scheme}://" URL)`);
}

function readCredential(
  name: string,
  minLength: number,
  read: (name: string) => string | undefined,
  loopback: boolean,
  host: string,
  problems: string[],
): { value: string; generated: boolean } {
  const value = read(name);
  if (value !== undefined) {
    if (value.length < minLength) problems.push(`${name} must be at least ${minLength} characters long`);
    return { value, generated: false };
  }
  if (!loopback) {
    problems.push(
      `${name} must be set when HOST is not a loopback address (HOST is "${host}"); ` +
        'development credentials are only generated for 127.0.0.1, ::1 or localhost',
    );
  }
  // Random on every start: a well-known development value would let any page the developer
  // visits (for example through DNS rebinding onto 127.0.0.1) act as the shop.
  return { value: randomBytes(24).toString('base64url'), generated: true };
}

function parseOrigins(raw: string | undefined, host: string, port: number, loopback: boolean, problems: string[]): string[] {
  if (raw === undefined) {
    const own = [originOf(host, port)];
    // A browser reaches a loopback server as localhost or 127.0.0.1 interchangeably.
    if (loopback) own.push(originOf('localhost', port), originOf('127.0.0.1', port));
    return [...new Set(own)];
  }
  const origins: string[] = [];
  for (const entry of raw
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '')) {
    const origin = normalizeOrigin(entry);
    if (origin === undefined) {
      problems.push(
        `REWARDS_ALLOWED_ORIGINS entry "${entry}" is not an origin like https://shop.example (scheme, host and optional port, nothing else; "*" is not accepted)`,
      );
    } else {
      origins.push(origin);
    }
  }
  if (origins.length === 0 && !problems.some((p) => p.startsWith('REWARDS_ALLOWED_ORIGINS'))) {
    problems.push('REWARDS_ALLOWED_ORIGINS must list at least one origin');
  }
  return [...new Set(origins)];
}

function normalizeOrigin(entry: string): string | undefined {
  // Scheme and authority only: a path, query or credentials mean the value is not an origin.
  if (!/^https?:\/\/[^/?#@\s]+\/?$/i.test(entry) || !URL.canParse(entry)) return undefined;
  return new URL(entry).origin;
}

function parseTimeZone(raw: string | undefined, problems: string[]): string {
  if (raw === undefined) return 'UTC';
  // Intl also accepts offsets such as "+01:00"; calendar days follow a named zone's rules.
  if (/^[+-]/.test(raw)) {
    problems.push(`REWARDS_TIMEZONE must be an IANA time zone such as Europe/Paris (got "${raw}")`);
    return 'UTC';
  }
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: raw }).resolvedOptions().timeZone;
  } catch {
    problems.push(`REWARDS_TIMEZONE must be an IANA time zone such as Europe/Paris (got "${raw}")`);
    return 'UTC';
  }
}

function parsePoolSize(raw: string | undefined, problems: string[]): number {
  if (raw === undefined) return DEFAULT_POOL_SIZE;
  const size = Number(raw);
  if (!/^\d+$/.test(raw) || size < 1 || size > 1000) {
    problems.push(`DATABASE_POOL_SIZE must be an integer from 1 to 1000 (got "${raw}")`);
    return DEFAULT_POOL_SIZE;
  }
  return size;
}

function parseRateLimitStore(raw: string | undefined, problems: string[]): 'database' | 'memory' | undefined {
  if (raw === undefined || raw === 'database' || raw === 'memory') return raw;
  problems.push(`REWARDS_RATE_LIMIT_STORE must be database or memory (got "${raw}")`);
  return undefined;
}

function parseFlag(name: string, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined) return fallback;
  if (raw === '1') return true;
  if (raw === '0') return false;
  problems.push(`${name} must be 1 or 0 (got "${raw}")`);
  return fallback;
}
