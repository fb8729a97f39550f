/**
 * Malformed input for every operation of the OpenAPI document (so a new endpoint is fuzzed as
 * soon as it is in the table): bad JSON, wrong content types, a body of the wrong shape, every
 * field of the wrong type, unknown fields, deep nesting, oversized bodies, path and query
 * parameters that look like traversal or SQL, bad idempotency keys. Each must answer a 4xx
 * problem document in time, never a 5xx, and leave every table as it was.
 *
 * What counts as malformed is decided by the contract's own schemas: a generated variant that
 * the schema accepts (a `null` where null is allowed) is not sent here; boundaries.test.ts sends
 * the valid edges.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as z from 'zod/mini';
import { endpointList, type Endpoint } from '../../../src/api/endpoints.ts';
import { databaseTargets, type TestDatabase } from '../support/databases.ts';
import type { TestApp } from '../server/member/support.ts';
import { hostileStrings, leaves, operations, replaced, sample, wrongTypes, type Operation } from './operations.ts';
import { encodeSegment, send, seededApp, snapshotTables, urlOf } from './world.ts';

interface Case {
  label: string;
  url: string;
  headers?: Record<string, string>;
  /** A string is sent as-is. */
  body?: unknown;
}

const badJson = ['{', '{"a":', '[1,]', "{'a':1}", 'nul', '{"a":1}}', '\uFEFF{}', '{"a":NaN}', '{"__proto__":{"x":1}}'];
const badIds = [...hostileStrings, "1'OR'1'='1", '..', '.', 'a'.repeat(129), '%2e%2e%2fetc', 'a/../../b', 'a,b'];
const badIdempotencyKeys = ['', ' ', 'a b', 'k'.repeat(256), 'clé', 'a\u0000b'];

/** The segment as the router hands it over: decoded, or left as sent when it is not UTF-8 (a lone surrogate's bytes). */
function asServerReads(value: string): string {
  try {
    return decodeURIComponent(encodeSegment(value));
  } catch {
    return encodeSegment(value);
  }
}

function accepts(schema: z.core.$ZodType | undefined, value: unknown): boolean {
  return schema !== undefined && z.safeParse(schema as z.ZodMiniType, value).success;
}

function casesOf(op: Operation, endpoint: Endpoint): Case[] {
  const cases: Case[] = [];
  const validQuery = Object.fromEntries(op.parameters.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, String(sample(p.schema, p.name))]));
  const url = urlOf(op, {}, validQuery);
  const body = op.body ? sample(op.body) : undefined;
  const withBody = body === undefined ? {} : { body };

  for (const param of op.parameters) {
    if (param.in === 'header') continue; // Idempotency-Key, below
    const values = param.in === 'path' ? badIds : [...badIds, ...wrongTypes.map((v) => JSON.stringify(v))];
    for (const value of values) {
      const schema = param.in === 'path' ? endpoint.params : endpoint.query;
      if (param.in === 'path') {
        // A segment the router reads as another path (`a/../b`) is not this operation's parameter.
        const others = Object.fromEntries((op.path.match(/\{\w+\}/g) ?? []).map((p) => [p.slice(1, -1), 'x1']));
        if (accepts(schema, { ...others, [param.name]: asServerReads(value) })) continue;
        cases.push({ label: `path ${param.name}=${JSON.stringify(value)}`, url: urlOf(op, { [param.name]: value }, validQuery), ...withBody });
      } else {
        if (accepts(schema, { ...validQuery, [param.name]: value })) continue;
        cases.push({ label: `query ${param.name}=${JSON.stringify(value)}`, url: urlOf(op, {}, { ...validQuery, [param.name]: value }), ...withBody });
      }
    }
    if (param.in === 'query') {
      const repeated = `${url}${url.includes('?') ? '&' : '?'}${param.name}=1&${param.name}=2`;
      cases.push({ label: `query ${param.name} repeated`, url: repeated, ...withBody });
    }
  }

  if (endpoint.idempotencyKey) {
    for (const key of badIdempotencyKeys) {
      // Header values cannot carry NUL or non-Latin-1 text: those are the client library's to refuse.
      if (!/^[\u0020-\u00ff]*$/.test(key)) continue;
      cases.push({ label: `Idempotency-Key ${JSON.stringify(key.slice(0, 20))}`, url, headers: { 'Idempotency-Key': key }, ...withBody });
    }
  }

  if (!op.body) return cases;
  for (const text of badJson) cases.push({ label: `bad JSON ${JSON.stringify(text)}`, url, body: text });
  cases.push({ label: 'deeply nested array', url, body: `${'['.repeat(30_000)}${']'.repeat(30_000)}` });
  cases.push({ label: 'deeply nested object', url, body: `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}` });
  cases.push({ label: 'oversized body', url, body: JSON.stringify({ ...(body as object), pad: 'x'.repeat(70_000) }) });
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
    cases.push({ label: `Content-Type ${type}`, url, headers: { 'Content-Type': type }, body: JSON.stringify(body) });
  }
  for (const root of [null, [], 'text', 1, true]) {
    if (!accepts(endpoint.body, root)) cases.push({ label: `body ${JSON.stringify(root)}`, url, body: JSON.stringify(root) });
  }
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const extra = { ...body, unexpectedField: 1 };
    if (!accepts(endpoint.body, extra)) cases.push({ label: 'unknown field', url, body: extra });
  }
  for (const leaf of leaves(op.body, body as never)) {
    for (const value of [...wrongTypes, undefined]) {
      const mutated = replaced(body as never, leaf.path, value);
      if (accepts(endpoint.body, mutated)) continue;
      cases.push({ label: `${leaf.path.join('.')}=${JSON.stringify(value) ?? 'missing'}`, url, body: mutated });
    }
  }
  return cases;
}

/** Tables that record requests rather than state (a per-member request budget), left out of the comparison. */
const requestBookkeeping = /rate_limit/;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

for (const target of databaseTargets()) {
  describe(`malformed input on every operation (${target.name})`, () => {
    let db: TestDatabase;
    let t: TestApp;
    before(async () => {
      db = await target.open();
      t = await seededApp(db);
    });
    after(() => db.drop());

    test('always a 4xx problem document, never a 5xx or a hang, and no table changes', async () => {
      const byId = new Map(endpointList.map((endpoint) => [endpoint.id, endpoint]));
      const before = await snapshotTables(db);
      const failures: string[] = [];
      let count = 0;
      for (const op of operations()) {
        const endpoint = byId.get(op.id);
        assert.ok(endpoint, `${op.id} is in the document but not in the endpoint table`);
        for (const c of casesOf(op, endpoint)) {
          count += 1;
          const reply = await withTimeout(
            send(t, op.caller, { method: op.method, url: c.url, body: c.body, ...(c.headers ? { headers: c.headers } : {}) }),
            10_000,
          );
          const where = `${op.method} ${op.path} ${c.label}`;
          if (reply === 'timeout') failures.push(`${where} → no answer in 10 s`);
          else if (reply.status < 400 || reply.status >= 500) failures.push(`${where} → ${reply.status} ${reply.text.slice(0, 160)}`);
          else if (reply.headers.get('content-type') !== 'application/problem+json')
            failures.push(`${where} → ${reply.status} as ${reply.headers.get('content-type')}`);
        }
      }
      console.log(`# malformed cases (${target.name}): ${count}`);
      assert.deepEqual(failures, []);
      const afterwards = await snapshotTables(db);
      for (const table of Object.keys({ ...before, ...afterwards })) {
        if (requestBookkeeping.test(table)) continue;
        assert.equal(afterwards[table], before[table], `table ${table} changed`);
      }
    });
  });
}
