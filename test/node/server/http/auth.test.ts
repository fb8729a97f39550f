import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { SignJWT } from 'jose';
import { createApiKeyCheck } from '../../../../src/server/http/api-key.ts';
import { signMemberToken } from '../../../../src/server/http/auth.ts';
import { API_KEY, makeApp, ManualClock, MEMBER_SECRET, problemOf } from './support.ts';

const key = new TextEncoder().encode(MEMBER_SECRET);
const nowSeconds = () => Math.floor(Date.now() / 1000);
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function expectProblem(res: Response, status: number, code: string): Promise<Record<string, unknown>> {
  assert.equal(res.status, status);
  const body = await problemOf(res);
  assert.equal(body.code, code);
  assert.equal(body.status, status);
  if (status === 401) assert.ok(res.headers.get('WWW-Authenticate'), 'a 401 carries WWW-Authenticate');
  return body;
}

test('a valid member token reaches the route with its member id', async () => {
  const { app } = makeApp();
  const res = await app.request('/t/me', { headers: bearer(await signMemberToken(MEMBER_SECRET, 'alice', 600)) });
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { memberId: 'alice' });
});

test('the Bearer scheme is case-insensitive', async () => {
  const { app } = makeApp();
  const token = await signMemberToken(MEMBER_SECRET, 'alice', 600);
  const res = await app.request('/t/me', { headers: { Authorization: `bearer ${token}` } });
  assert.equal(res.status, 200);
});

test('no credential is a 401 with a Bearer challenge', async () => {
  const { app } = makeApp();
  const res = await app.request('/t/me');
  await expectProblem(res, 401, 'unauthorized');
  assert.match(res.headers.get('WWW-Authenticate') ?? '', /^Bearer realm="rewards"/);
});

test('an expired token is a 401 saying so', async () => {
  const { app } = makeApp();
  const token = await signMemberToken(MEMBER_SECRET, 'alice', 60, new Date(Date.now() - 3600_000));
  const res = await app.request('/t/me', { headers: bearer(token) });
  const body = await expectProblem(res, 401, 'unauthorized');
  assert.match(String(body.detail), /expired/);
  assert.match(res.headers.get('WWW-Authenticate') ?? '', /error="invalid_token"/);
});

test('a token accepted once is refused once it has expired, and refused tokens stay refused', async () => {
  const clock = new ManualClock();
  const { app } = makeApp({ clock });
  const token = await signMemberToken(MEMBER_SECRET, 'alice', 60, clock.now());
  for (let i = 0; i < 2; i++) assert.equal((await app.request('/t/me', { headers: bearer(token) })).status, 200);
  clock.advance(66_000);
  const body = await expectProblem(await app.request('/t/me', { headers: bearer(token) }), 401, 'unauthorized');
  assert.match(String(body.detail), /expired/);
  const forged = await signMemberToken('another secret of enough length', 'alice', 600, clock.now());
  for (let i = 0; i < 2; i++) await expectProblem(await app.request('/t/me', { headers: bearer(forged) }), 401, 'unauthorized');
});

test('a token not valid yet (nbf), with a changed payload, or with a critical extension is refused', async () => {
  const { app } = makeApp();
  const notYet = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('alice')
    .setNotBefore(nowSeconds() + 600)
    .setExpirationTime(nowSeconds() + 1200)
    .sign(key);
  await expectProblem(await app.request('/t/me', { headers: bearer(notYet) }), 401, 'unauthorized');
  const [header, , signature] = (await signMemberToken(MEMBER_SECRET, 'alice', 600)).split('.');
  const otherPayload = Buffer.from(JSON.stringify({ sub: 'mallory', exp: nowSeconds() + 600 })).toString('base64url');
  await expectProblem(await app.request('/t/me', { headers: bearer(`${header}.${otherPayload}.${signature}`) }), 401, 'unauthorized');
  // Signed with the right secret, but asking for an extension (an unencoded payload) nobody here knows.
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = `${part({ alg: 'HS256', b64: false, crit: ['b64'] })}.${part({ sub: 'alice', exp: nowSeconds() + 600 })}`;
  const critical = `${signed}.${createHmac('sha256', MEMBER_SECRET).update(signed).digest('base64url')}`;
  await expectProblem(await app.request('/t/me', { headers: bearer(critical) }), 401, 'unauthorized');
});

test('a token without exp is refused', async () => {
  const { app } = makeApp();
  const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('alice').setIssuedAt().sign(key);
  await expectProblem(await app.request('/t/me', { headers: bearer(token) }), 401, 'unauthorized');
});

test('a token without sub is refused', async () => {
  const { app } = makeApp();
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime(nowSeconds() + 600)
    .sign(key);
  await expectProblem(await app.request('/t/me', { headers: bearer(token) }), 401, 'unauthorized');
});

test('a token whose sub is not a valid member id is refused', async () => {
  const { app } = makeApp();
  for (const sub of ['', 'two words', 'a,b', 'x'.repeat(129)]) {
    const token = await signMemberToken(MEMBER_SECRET, sub, 600);
    await expectProblem(await app.request('/t/me', { headers: bearer(token) }), 401, 'unauthorized');
  }
});

test('a token signed with another algorithm (HS512) is refused, even with the right secret', async () => {
  const { app } = makeApp();
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS512' })
    .setSubject('alice')
    .setExpirationTime(nowSeconds() + 600)
    .sign(key);
  await expectProblem(await app.request('/t/me', { headers: bearer(token) }), 401, 'unauthorized');
});

test('an unsigned token (alg none) is refused', async () => {
  const { app } = makeApp();
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const token = `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'alice', exp: nowSeconds() + 600 })}.`;
  await expectProblem(await app.request('/t/me', { headers: bearer(token) }), 401, 'unauthorized');
});

test('a token signed with another secret is refused', async () => {
  const { app } = makeApp();
  const token = await signMemberToken('another-secret-of-thirty-two-chars!!', 'alice', 600);
  await expectProblem(await app.request('/t/me', { headers: bearer(token) }), 401, 'unauthorized');
});

test('a malformed Authorization header is refused', async () => {
  const { app } = makeApp();
  for (const value of ['Basic YWxpY2U6cHc=', 'Bearer', 'Bearer a b', 'Bearer not-a-jwt']) {
    await expectProblem(await app.request('/t/me', { headers: { Authorization: value } }), 401, 'unauthorized');
  }
});

test('a member reading another member through a path is a 403', async () => {
  const { app } = makeApp();
  const headers = bearer(await signMemberToken(MEMBER_SECRET, 'alice', 600));
  const own = await app.request('/t/members/alice', { headers });
  assert.equal(own.status, 200);
  await expectProblem(await app.request('/t/members/bob', { headers }), 403, 'forbidden');
});

test('the shop may read any member; a wrong API key is a 401', async () => {
  const { app } = makeApp();
  const res = await app.request('/t/members/bob', { headers: { 'X-Api-Key': API_KEY } });
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { id: 'bob' });
  const wrong = await app.request('/t/members/bob', { headers: { 'X-Api-Key': `${API_KEY}x` } });
  await expectProblem(wrong, 401, 'unauthorized');
});

test('shop routes take the API key; a wrong or missing key is 401, a member token is 403', async () => {
  const { app } = makeApp();
  const right = await app.request('/t/shop', { method: 'POST', headers: { 'X-Api-Key': API_KEY } });
  assert.equal(right.status, 200);
  for (const wrongKey of ['nope', API_KEY.slice(0, -1), `${API_KEY}z`, '']) {
    const res = await app.request('/t/shop', { method: 'POST', headers: { 'X-Api-Key': wrongKey } });
    await expectProblem(res, 401, 'unauthorized');
  }
  const missing = await app.request('/t/shop', { method: 'POST' });
  await expectProblem(missing, 401, 'unauthorized');
  assert.match(missing.headers.get('WWW-Authenticate') ?? '', /ApiKey/);
  const asMember = await app.request('/t/shop', {
    method: 'POST',
    headers: bearer(await signMemberToken(MEMBER_SECRET, 'alice', 600)),
  });
  await expectProblem(asMember, 403, 'forbidden');
});

test('the shop key on a member-only route is a 403', async () => {
  const { app } = makeApp();
  await expectProblem(await app.request('/t/me', { headers: { 'X-Api-Key': API_KEY } }), 403, 'forbidden');
});

test('sending both credentials is refused', async () => {
  const { app } = makeApp();
  const headers = { ...bearer(await signMemberToken(MEMBER_SECRET, 'alice', 600)), 'X-Api-Key': API_KEY };
  await expectProblem(await app.request('/t/members/alice', { headers }), 401, 'unauthorized');
});

test('API keys compare equal only when identical, whatever their lengths', () => {
  const matches = createApiKeyCheck('the-right-key-123');
  assert.equal(matches('the-right-key-123'), true);
  assert.equal(matches('the-right-key-124'), false);
  assert.equal(matches('the-right-key-12'), false);
  assert.equal(matches('the-right-key-1234'), false);
  assert.equal(matches(''), false);
});
