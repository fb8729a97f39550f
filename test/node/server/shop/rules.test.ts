/** GET|PUT /v1/rules: every default, versioned; a change never rewrites the entries made before it. */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { ProblemDetails } from '../../../../src/api/index.ts';
import { defaultRulesConfig, type RulesConfig } from '../../../../src/rules/index.ts';
import { applyConfiguredTimeZone } from '../../../../src/server/services/time-zone-setting.ts';
import { databaseTargets } from '../../support/databases.ts';
import { send } from '../support/events.ts';
import { entriesOf } from '../support/ledger.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

for (const target of databaseTargets()) {
  describe(`rules configuration (${target.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await startTestApp(target);
    });
    afterEach(() => t.close());

    const getRules = async () => (await t.shop().get<RulesConfig>('/v1/rules')).body;

    test('GET /v1/rules answers every default of the rulebook as version 1', async () => {
      const res = await t.shop().get<RulesConfig>('/v1/rules');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, defaultRulesConfig);
    });

    test('PUT /v1/rules creates the next version, which later events use; past entries keep their version', async () => {
      await send(t, 'newsletter.subscribed', 'before-change', {});
      const current = await getRules();
      const proposed = { ...current, version: 99, earning: { ...current.earning, newsletterSubscribed: { coins: 75 } } };
      const res = await t.shop().put<RulesConfig>('/v1/rules', proposed);
      assert.equal(res.status, 200);
      assert.equal(res.body.version, 2, 'the server assigns the version, not the body');
      assert.equal(res.body.earning.newsletterSubscribed.coins, 75);
      assert.deepEqual(await getRules(), res.body);

      const after = await send(t, 'newsletter.subscribed', 'after-change', {});
      assert.equal(after.credited[0]?.amount, 75);
      assert.deepEqual(
        (await entriesOf(t.db, 'before-change')).map((e) => [e.amount, e.rules_version]),
        [[50, 1]],
      );
      assert.deepEqual(
        (await entriesOf(t.db, 'after-change')).map((e) => [e.amount, e.rules_version]),
        [[75, 2]],
      );
    });

    test('P3 new thresholds change levels at once, from the same points', async () => {
      await send(t, 'order.completed', 'steady', { orderId: 'o', lines: [{ sku: 's', unitPriceCents: 60_000, quantity: 1 }], shippingCents: 0 });
      const current = await getRules();
      const levels = current.levels.map((level, index) => (index === 2 ? { ...level, pointsRequired: 700 } : level));
      await t.shop().put('/v1/rules', { ...current, levels });
      const me = await t.shop().get<{ level: { name: string } }>('/v1/members/steady');
      assert.equal(me.body.level.name, 'Mercury');
    });

    test('PUT /v1/rules with the current settings keeps the version', async () => {
      const res = await t.shop().put<RulesConfig>('/v1/rules', await getRules());
      assert.equal(res.body.version, 1);
    });

    test('PUT /v1/rules refuses an invalid configuration with 400 naming each field, and changes nothing', async () => {
      const current = await getRules();
      const levels = current.levels.map((level, index) => (index === 3 ? { ...level, pointsRequired: 10 } : level));
      const res = await t.shop().put<ProblemDetails>('/v1/rules', { ...current, timeZone: 'Mars/Olympus', levels });
      assert.deepEqual([res.status, res.body.code], [400, 'invalid_request']);
      const paths = (res.body.errors ?? []).map((e) => e.path).sort();
      assert.deepEqual(paths, ['body.levels.3.pointsRequired', 'body.timeZone']);
      assert.deepEqual(await getRules(), current);
    });

    test('GET and PUT /v1/rules belong to the shop: no key 401, a member 403', async () => {
      assert.equal((await t.request('GET', '/v1/rules')).status, 401);
      assert.equal((await t.member('m').get('/v1/rules')).status, 403);
      assert.equal((await t.member('m').put('/v1/rules', await getRules())).status, 403);
    });

    test('REWARDS_TIMEZONE: a configured zone that differs becomes a new rules version; the same zone or none changes nothing', async () => {
      const shanghai = await applyConfiguredTimeZone(t.db, 'Asia/Shanghai');
      assert.deepEqual([shanghai.version, shanghai.timeZone], [2, 'Asia/Shanghai']);
      assert.equal((await applyConfiguredTimeZone(t.db, 'Asia/Shanghai')).version, 2);
      assert.deepEqual(await applyConfiguredTimeZone(t.db, undefined), shanghai);
      assert.deepEqual(await getRules(), shanghai);
    });
  });
}
