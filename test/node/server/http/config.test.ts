import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isLoopbackHost, loadServerConfig, ServerConfigError } from '../../../../src/server/config.ts';

const KEY = 'k'.repeat(16);
const SECRET = 's'.repeat(32);

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadServerConfig(env);
  } catch (err) {
    assert.ok(err instanceof ServerConfigError);
    return err.problems;
  }
  assert.fail('expected a configuration error');
}

test('defaults follow the documented table', () => {
  const config = loadServerConfig({});
  assert.equal(config.port, 8787);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.databaseUrl, './.data/');
  assert.equal(config.timeZone, 'UTC');
  assert.equal(config.seedDemo, true);
  assert.equal(config.devCredentials, true);
  assert.ok(config.allowedOrigins.includes('http://127.0.0.1:8787'));
  assert.ok(config.apiKey.length >= 16);
  assert.ok(config.memberSecret.length >= 32);
});

test('development credentials differ on every start', () => {
  const a = loadServerConfig({});
  const b = loadServerConfig({});
  assert.notEqual(a.apiKey, b.apiKey);
  assert.notEqual(a.memberSecret, b.memberSecret);
  assert.notEqual(a.apiKey, a.memberSecret);
});

test('configured credentials are used as given and are not development ones', () => {
  const config = loadServerConfig({ REWARDS_API_KEY: KEY, REWARDS_MEMBER_SECRET: SECRET });
  assert.equal(config.apiKey, KEY);
  assert.equal(config.memberSecret, SECRET);
  assert.equal(config.devCredentials, false);
});

test('off loopback, missing credentials are a startup error naming each variable', () => {
  const problems = problemsOf({ HOST: '0.0.0.0' });
  assert.equal(problems.length, 2);
  assert.match(problems[0] ?? '', /REWARDS_API_KEY must be set/);
  assert.match(problems[1] ?? '', /REWARDS_MEMBER_SECRET must be set/);
  const config = loadServerConfig({ HOST: '0.0.0.0', REWARDS_API_KEY: KEY, REWARDS_MEMBER_SECRET: SECRET });
  assert.equal(config.host, '0.0.0.0');
});

test('loopback hosts are recognised, others are not', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST']) {
    assert.equal(isLoopbackHost(host), true, host);
  }
  for (const host of ['0.0.0.0', '::', '10.0.0.1', 'example.com', '128.0.0.1']) {
    assert.equal(isLoopbackHost(host), false, host);
  }
});

test('every invalid value is reported at once', () => {
  const problems = problemsOf({
    PORT: '80a',
    DATABASE_URL: 'mysql://db/rewards',
    REWARDS_API_KEY: 'short',
    REWARDS_MEMBER_SECRET: 'short',
    REWARDS_ALLOWED_ORIGINS: 'https://ok.example,https://bad.example/path,*',
    REWARDS_TIMEZONE: 'Mars/Olympus_Mons',
    REWARDS_SEED_DEMO: 'yes',
  });
  const text = problems.join('\n');
  for (const name of ['PORT', 'DATABASE_URL', 'REWARDS_API_KEY', 'REWARDS_MEMBER_SECRET', 'REWARDS_TIMEZONE', 'REWARDS_SEED_DEMO']) {
    assert.match(text, new RegExp(`^${name} `, 'm'), name);
  }
  assert.match(text, /"https:\/\/bad.example\/path"/);
  assert.match(text, /"\*"/);
  assert.doesNotMatch(text, /"https:\/\/ok.example"/);
  assert.equal(problems.length, 8);
});

test('the error message lists every problem', () => {
  assert.throws(
    () => loadServerConfig({ PORT: '70000', REWARDS_TIMEZONE: '+01:00' }),
    (err: Error) => /PORT/.test(err.message) && /REWARDS_TIMEZONE/.test(err.message),
  );
});

test('origins are normalized and de-duplicated', () => {
  const config = loadServerConfig({
    REWARDS_ALLOWED_ORIGINS: ' https://Shop.Example/ , https://shop.example:443,http://localhost:5173',
  });
  assert.deepEqual(config.allowedOrigins, ['https://shop.example', 'http://localhost:5173']);
});

test('the default origin follows HOST and PORT, bracketing IPv6', () => {
  const config = loadServerConfig({ HOST: '::1', PORT: '9000' });
  assert.ok(config.allowedOrigins.includes('http://[::1]:9000'));
  const remote = loadServerConfig({ HOST: 'rewards.internal', PORT: '80', REWARDS_API_KEY: KEY, REWARDS_MEMBER_SECRET: SECRET });
  assert.deepEqual(remote.allowedOrigins, ['http://rewards.internal:80']);
});

test('time zones are IANA names, normalized', () => {
  assert.equal(loadServerConfig({ REWARDS_TIMEZONE: 'asia/shanghai' }).timeZone, 'Asia/Shanghai');
  assert.equal(loadServerConfig({ REWARDS_TIMEZONE: 'Europe/Paris' }).timeZone, 'Europe/Paris');
});

test('demo seeding defaults to on only for the default embedded database', () => {
  assert.equal(loadServerConfig({}).seedDemo, true);
  assert.equal(loadServerConfig({ DATABASE_URL: 'memory://' }).seedDemo, false);
  assert.equal(loadServerConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/rewards' }).seedDemo, false);
  assert.equal(loadServerConfig({ DATABASE_URL: 'memory://', REWARDS_SEED_DEMO: '1' }).seedDemo, true);
  assert.equal(loadServerConfig({ REWARDS_SEED_DEMO: '0' }).seedDemo, false);
});

test('empty variables count as unset', () => {
  const config = loadServerConfig({ PORT: '', HOST: ' ', REWARDS_TIMEZONE: '' });
  assert.equal(config.port, 8787);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.timeZone, 'UTC');
});

test('database URLs: postgres, memory and folders are accepted', () => {
  assert.equal(loadServerConfig({ DATABASE_URL: 'postgresql://u@h/db' }).databaseUrl, 'postgresql://u@h/db');
  assert.equal(loadServerConfig({ DATABASE_URL: 'memory://' }).databaseUrl, 'memory://');
  assert.equal(loadServerConfig({ DATABASE_URL: '/var/lib/rewards' }).databaseUrl, '/var/lib/rewards');
});

test('statements are prepared on PostgreSQL connections unless DATABASE_PREPARED_STATEMENTS=0', () => {
  assert.equal(loadServerConfig({}).databasePreparedStatements, true);
  assert.equal(loadServerConfig({ DATABASE_PREPARED_STATEMENTS: '1' }).databasePreparedStatements, true);
  assert.equal(loadServerConfig({ DATABASE_PREPARED_STATEMENTS: '0' }).databasePreparedStatements, false);
  assert.deepEqual(problemsOf({ DATABASE_PREPARED_STATEMENTS: 'off' }), ['DATABASE_PREPARED_STATEMENTS must be 1 or 0 (got "off")']);
});
