import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as z from 'zod/mini';
import {
  endpointList,
  endpoints,
  fillPath,
  pathParamNames,
  routerPath,
  statusOf,
  type BodyOf,
  type QueryInputOf,
  type QueryOf,
  type ResponseOf,
} from '../../../src/api/index.ts';
import { contractEndpoints } from './contract-endpoints.ts';

test('the table has exactly the endpoints of the contract, with the right callers', () => {
  const inTable = endpointList.map((endpoint) => `${endpoint.method} ${endpoint.path} ${endpoint.auth}`).sort();
  const inContract = contractEndpoints.map(([method, path, auth]) => `${method} ${path} ${auth}`).sort();
  assert.deepEqual(inTable, inContract);
});

test('endpoint ids are unique and match their keys', () => {
  for (const [key, endpoint] of Object.entries(endpoints)) assert.equal(endpoint.id, key);
  assert.equal(new Set(endpointList.map((endpoint) => endpoint.id)).size, endpointList.length);
});

test('every POST, PATCH and DELETE accepts an Idempotency-Key and may answer idempotency_conflict', () => {
  for (const endpoint of endpointList) {
    const mutating = endpoint.method === 'POST' || endpoint.method === 'PATCH' || endpoint.method === 'DELETE';
    assert.equal(endpoint.idempotencyKey, mutating, endpoint.id);
    assert.equal(endpoint.errors.includes('idempotency_conflict'), mutating, endpoint.id);
  }
});

test('callers with credentials can be refused with 401 and 403; public calls cannot', () => {
  for (const endpoint of endpointList) {
    const guarded = endpoint.auth !== 'public';
    assert.equal(endpoint.errors.includes('unauthorized'), guarded, endpoint.id);
    assert.equal(endpoint.errors.includes('forbidden'), guarded, endpoint.id);
    assert.ok(endpoint.errors.includes('internal'), endpoint.id);
    assert.ok(endpoint.errors.includes('rate_limited'), endpoint.id);
  }
});

test('endpoints that read input can answer 400, and those with a body 413', () => {
  for (const endpoint of endpointList) {
    if (endpoint.body || endpoint.query || endpoint.params) assert.ok(endpoint.errors.includes('invalid_request'), endpoint.id);
    assert.equal(endpoint.errors.includes('payload_too_large'), Boolean(endpoint.body), endpoint.id);
  }
});

test('errors are listed in order of status', () => {
  for (const endpoint of endpointList) {
    const statuses = endpoint.errors.map(statusOf);
    assert.deepEqual(
      statuses,
      [...statuses].sort((a, b) => a - b),
      endpoint.id,
    );
  }
});

test('the conflicts of the contract sit on the endpoints that cause them', () => {
  assert.ok(endpoints.checkIn.errors.includes('already_checked_in'));
  assert.ok(endpoints.redeem.errors.includes('insufficient_coins'));
  assert.ok(endpoints.redeem.errors.includes('out_of_stock'));
  assert.ok(endpoints.removeCartItem.errors.includes('not_removable'));
  assert.ok(endpoints.donate.errors.includes('insufficient_coins'));
  assert.ok(endpoints.withdraw.errors.includes('insufficient_funds'));
  assert.equal(endpoints.getLevels.errors.includes('insufficient_coins'), false);
});

test('success statuses follow the contract: 201 for what creates, 200 otherwise', () => {
  assert.equal(endpoints.checkIn.status, 201);
  assert.equal(endpoints.redeem.status, 201);
  assert.equal(endpoints.donate.status, 201);
  assert.equal(endpoints.withdraw.status, 201);
  assert.equal(endpoints.removeCartItem.status, 200);
  assert.equal(endpoints.sendEvent.status, 200);
  assert.equal(endpoints.putCatalogItem.status, 200);
  assert.equal(endpoints.putCatalogItem.createdStatus, 201);
});

test('each path parameter has a schema, and the schema names no other', () => {
  for (const endpoint of endpointList) {
    const names = pathParamNames(endpoint.path);
    if (names.length === 0) {
      assert.equal(endpoint.params, undefined, endpoint.id);
      continue;
    }
    assert.ok(endpoint.params, endpoint.id);
    const values = Object.fromEntries(names.map((name) => [name, 'x1']));
    assert.equal(z.safeParse(endpoint.params, values).success, true, endpoint.id);
    assert.equal(z.safeParse(endpoint.params, { ...values, extra: 'x' }).success, false, endpoint.id);
  }
});

test('GET never has a body; PUT and PATCH always do', () => {
  for (const endpoint of endpointList) {
    if (endpoint.method === 'GET') assert.equal(endpoint.body, undefined, endpoint.id);
    if (endpoint.method === 'PUT' || endpoint.method === 'PATCH') assert.ok(endpoint.body, endpoint.id);
  }
});

test('paths fill with percent-encoded values and convert to router style', () => {
  assert.equal(fillPath(endpoints.removeCartItem.path, { itemId: 'a/b c' }), '/v1/me/cart/a%2Fb%20c');
  assert.equal(routerPath(endpoints.getBadgeSvg.path), '/v1/members/:id/badge.svg');
  assert.throws(() => fillPath(endpoints.getMember.path, {}), /missing path parameter "id"/);
});

type Is<T extends true> = T;
type IsNever<T> = [T] extends [never] ? true : false;
// Compile-time: the table keeps each endpoint's own schemas, so clients get exact types.
export type TypeChecks = [
  Is<IsNever<BodyOf<'getMe'>>>,
  Is<IsNever<QueryOf<'checkIn'>>>,
  Is<BodyOf<'redeem'> extends { catalogItemId: string } ? true : false>,
  Is<QueryInputOf<'getLedger'> extends { limit?: string } ? true : false>,
  Is<QueryOf<'getLedger'> extends { limit?: number } ? true : false>,
  Is<ResponseOf<'getBadgeSvg'> extends string ? true : false>,
];

test('typed helpers describe what travels: a body in, a parsed query and a response out', () => {
  const body: BodyOf<'donate'> = { coins: 5 };
  assert.equal(z.safeParse(endpoints.donate.body, body).success, true);
  const query: QueryInputOf<'getBadges'> = { members: 'a,b' };
  const parsed: QueryOf<'getBadges'> = z.parse(endpoints.getBadges.query, query);
  assert.deepEqual(parsed.members, ['a', 'b']);
  const answer: ResponseOf<'checkIn'> = z.parse(endpoints.checkIn.response, {
    day: '2026-03-07',
    coinsAwarded: 10,
    bonusAwarded: 0,
    coins: { available: 10, pending: 0 },
  });
  assert.equal(answer.coinsAwarded, 10);
});
