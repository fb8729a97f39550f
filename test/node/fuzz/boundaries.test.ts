/**
 * Boundary inputs derived from the schemas (through the OpenAPI document generated from them):
 * for every operation, a valid request, then the same request with one field, path or query
 * parameter at an edge of its type (the bounds themselves and one past them, 2^31, 2^53, NUL,
 * lone surrogates, year 0000 and 9999, the longest string…). Whatever the server accepts the
 * database must hold: never a 5xx. Then the largest rules the schema accepts, and every event at
 * its largest: an accepted rule can never make a later event fail.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { defaultRulesConfig, rulesConfigSchema } from '../../../src/rules/config.ts';
import { databaseTargets, type TestDatabase } from '../support/databases.ts';
import type { TestApp } from '../server/member/support.ts';
import { boundaryValues, branchCount, leaves, operations, replaced, resolve, sample, type JsonSchema, type Operation } from './operations.ts';
import { send, seededApp, urlOf } from './world.ts';
import * as z from 'zod/mini';

/** Bodies the sampler cannot make valid by itself (cross-field rules): a known valid one. */
const validBodies: Record<string, () => unknown> = {
  putRules: () => ({ ...defaultRulesConfig }),
};

interface Case {
  label: string;
  url: string;
  body?: unknown;
}

function baseBodies(op: Operation): unknown[] {
  if (!op.body) return [undefined];
  const known = validBodies[op.id];
  if (known) return [known()];
  return Array.from({ length: branchCount(op.body) }, (_, branch) => sample(op.body!, undefined, branch));
}

/** The valid requests of an operation and every one-leaf boundary variant of them. */
function casesOf(op: Operation): Case[] {
  const cases: Case[] = [];
  const queryOf = () => Object.fromEntries(op.parameters.filter((p) => p.in === 'query').map((p) => [p.name, String(sample(p.schema, p.name))]));
  for (const body of baseBodies(op)) {
    cases.push({ label: 'valid', url: urlOf(op, {}, queryOf()), ...(body === undefined ? {} : { body }) });
    if (op.body && body !== undefined) {
      for (const leaf of leaves(op.body, body as never)) {
        for (const value of boundaryValues(leaf.schema)) {
          cases.push({
            label: `${leaf.path.join('.')}=${JSON.stringify(value)}`,
            url: urlOf(op, {}, queryOf()),
            body: replaced(body as never, leaf.path, value),
          });
        }
      }
    }
  }
  const body = baseBodies(op)[0];
  for (const param of op.parameters) {
    for (const value of boundaryValues(resolve(param.schema)).map(String)) {
      const url = param.in === 'path' ? urlOf(op, { [param.name]: value }, queryOf()) : urlOf(op, {}, { ...queryOf(), [param.name]: value });
      cases.push({ label: `${param.in}:${param.name}=${JSON.stringify(value)}`, url, ...(body === undefined ? {} : { body }) });
    }
  }
  return cases;
}

/** The rules with every bound at its largest (thresholds and tiers still increasing). */
function largestRules(): unknown {
  const json = z.toJSONSchema(rulesConfigSchema, { io: 'input' }) as JsonSchema;
  let rules = JSON.parse(JSON.stringify(defaultRulesConfig)) as never;
  for (const leaf of leaves(json, rules, [], true)) {
    if (leaf.schema.type === 'integer' && leaf.schema.maximum !== undefined) rules = replaced(rules, leaf.path, leaf.schema.maximum) as never;
  }
  const r = rules as { levels: { pointsRequired: number }[]; earning: { checkIn: { bonuses: { atCount: number }[] } } };
  const top = r.levels[1]!.pointsRequired; // the schema's largest threshold
  r.levels.forEach((level, index) => (level.pointsRequired = index === 0 ? 0 : top - (r.levels.length - 1 - index)));
  r.earning.checkIn.bonuses.forEach((bonus, index, all) => (bonus.atCount = 31 - (all.length - 1 - index)));
  return rules;
}

for (const target of databaseTargets()) {
  describe(`boundary inputs from the schemas (${target.name})`, () => {
    let db: TestDatabase;
    let t: TestApp;
    before(async () => {
      db = await target.open();
      t = await seededApp(db);
    });
    after(() => db.drop());

    test('every operation, every field at its edges: never a 5xx', async () => {
      const failures: string[] = [];
      let count = 0;
      // The rules first, so that the events after them run under whatever rules were accepted.
      const ordered = operations().sort((a, b) => Number(b.id === 'putRules') - Number(a.id === 'putRules'));
      for (const op of ordered) {
        for (const c of casesOf(op)) {
          count += 1;
          const reply = await send(t, op.caller, { method: op.method, url: c.url, body: c.body });
          if (reply.status >= 500) failures.push(`${op.method} ${op.path} ${c.label} → ${reply.status}`);
        }
      }
      console.log(`# boundary cases (${target.name}): ${count}`);
      assert.deepEqual(failures, []);
    });

    test('the largest rules the schema accepts, then every event at its largest: never a 5xx', async () => {
      const put = await t.asShop('PUT', '/v1/rules', { body: largestRules() });
      assert.equal(put.status, 200, put.text);
      const events = operations().find((op) => op.id === 'sendEvent')!;
      const failures: string[] = [];
      for (let branch = 0; branch < branchCount(events.body!); branch += 1) {
        let event = sample(events.body!, undefined, branch) as never;
        for (const leaf of leaves(events.body!, event)) {
          if (leaf.schema.type === 'integer') event = replaced(event, leaf.path, leaf.schema.maximum ?? 2 ** 31 - 1) as never;
        }
        // Twice: a balance already at its largest still takes the next one.
        for (const id of ['a', 'b']) {
          const reply = await t.asShop('POST', '/v1/events', { body: { ...(event as object), id: `largest-${branch}-${id}` } });
          if (reply.status >= 500) failures.push(`${(event as { type: string }).type} → ${reply.status} ${reply.text}`);
        }
      }
      assert.deepEqual(failures, []);
      const me = await t.asShop<{ points: number; coins: { available: number } }>('GET', '/v1/members/fuzz-m1');
      assert.equal(me.status, 200, me.text);
      assert.ok(Number.isSafeInteger(me.body.points) && Number.isSafeInteger(me.body.coins.available));
    });
  });
}
