/** Managing webhook endpoints: secrets made once and never listed or logged; the SSRF guard on URLs. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { PutWebhookResponse, WebhookDeliveriesResponse, WebhooksResponse } from '../../../../src/api/index.ts';
import { isPrivateAddress, webhookUrlProblem } from '../../../../src/server/services/webhooks/url-guard.ts';
import { databaseTargets } from '../../support/databases.ts';
import { send } from '../support/events.ts';
import { startTestApp } from '../support/test-app.ts';
import { registerWebhookRoutes } from '../../../../src/server/routes/webhooks.ts';
import { deliveryJob, startReceiver, startWebhookApp, type WebhookTestApp } from './support.ts';

test('private, loopback, link-local and mapped addresses are recognised; public ones are not', () => {
  for (const address of [
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '[::1]',
    '224.0.0.1',
  ]) {
    assert.equal(isPrivateAddress(address), true, address);
  }
  for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8', 'example.com']) {
    assert.equal(isPrivateAddress(address), false, address);
  }
});

test('URLs: https only, no credentials, no private hosts, unless private addresses are allowed', () => {
  const strict = { allowPrivate: false };
  assert.equal(webhookUrlProblem('https://shop.example/hooks', strict), null);
  assert.equal(webhookUrlProblem('http://shop.example/hooks', strict), 'must be https://');
  assert.equal(webhookUrlProblem('https://user:pw@shop.example/hooks', strict), 'must not carry credentials');
  for (const url of [
    'https://127.0.0.1/x',
    'https://localhost/x',
    'https://api.localhost/x',
    'https://[::1]/x',
    'https://169.254.169.254/latest',
    'https://10.0.0.5/x',
    'https://0x7f000001/x',
  ]) {
    assert.equal(webhookUrlProblem(url, strict), 'must not point at a loopback or private address', url);
  }
  assert.equal(webhookUrlProblem('ftp://shop.example/', { allowPrivate: true }), 'must be http:// or https://');
  assert.equal(webhookUrlProblem('http://127.0.0.1:9/hooks', { allowPrivate: true }), null);
});

for (const target of databaseTargets()) {
  describe(`webhook endpoints (${target.name})`, () => {
    let t: WebhookTestApp;
    before(async () => {
      t = await startWebhookApp(target);
    });
    after(() => t.close());

    test('PUT creates with a secret (201), a later PUT keeps it (200); GET lists without secrets; DELETE removes', async () => {
      const created = await t.shop().put<PutWebhookResponse>('/v1/webhooks/crm', { url: 'https://crm.example/in', events: ['coupon.issued', 'coupon.issued'] });
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('cache-control'), 'no-store');
      assert.match(created.body.secret, /^whsec_[\w-]{43}$/);
      assert.deepEqual(created.body.events, ['coupon.issued']);
      const replaced = await t.shop().put<PutWebhookResponse>('/v1/webhooks/crm', { url: 'https://crm.example/v2', events: ['*'], enabled: false });
      assert.deepEqual(
        [replaced.status, replaced.body.secret, replaced.body.url, replaced.body.enabled],
        [200, created.body.secret, 'https://crm.example/v2', false],
      );

      const listed = await t.shop().get<WebhooksResponse>('/v1/webhooks');
      assert.deepEqual(listed.body.webhooks, [{ id: 'crm', url: 'https://crm.example/v2', events: ['*'], enabled: false }]);
      assert.equal(listed.text.includes(created.body.secret), false);
      assert.equal(JSON.stringify(t.logs).includes(created.body.secret), false, 'the secret is never logged');

      assert.equal((await t.shop().delete('/v1/webhooks/crm')).status, 200);
      assert.equal((await t.shop().delete('/v1/webhooks/crm')).status, 404);
      assert.equal((await t.shop().get('/v1/webhooks/crm/deliveries')).status, 404);
    });

    test('only the shop manages webhooks; bad bodies are refused', async () => {
      assert.equal((await t.member('m').get('/v1/webhooks')).status, 403);
      assert.equal((await t.request('GET', '/v1/webhooks')).status, 401);
      for (const body of [
        { url: 'https://a.example', events: [] },
        { url: 'https://a.example', events: ['order.completed'] },
        { url: 'not a url', events: ['*'] },
        { url: 'https://a.example', events: ['*'], extra: 1 },
      ]) {
        assert.equal((await t.shop().put('/v1/webhooks/bad', body)).status, 400, JSON.stringify(body));
      }
      assert.equal((await t.shop().get('/v1/webhooks/none/deliveries?cursor=zzz')).status, 400);
    });

    test('a disabled endpoint or one not subscribed to a type gets nothing; the log pages newest first', async () => {
      const receiver = await startReceiver(t.clock);
      try {
        await t.shop().put('/v1/webhooks/off', { url: receiver.url, events: ['*'], enabled: false });
        await t.shop().put('/v1/webhooks/coupons-only', { url: receiver.url, events: ['coupon.issued'] });
        await t.shop().put('/v1/webhooks/balances', { url: receiver.url, events: ['member.balance_changed'] });
        for (let i = 1; i <= 55; i++) await send(t, 'project.rewarded', `pager-${i % 3}`, { projectId: `pg-${i}`, coins: 1 });
        await t.deliveries.idle();
        await t.deliveries.run(t.clock.now());
        assert.equal(receiver.received.length, 55);
        assert.ok(receiver.received.every((r) => r.headers['rewards-webhook-id'] === 'balances'));
        const page1 = await t.shop().get<WebhookDeliveriesResponse>('/v1/webhooks/balances/deliveries');
        assert.equal(page1.body.deliveries.length, 50);
        const page2 = await t.shop().get<WebhookDeliveriesResponse>(`/v1/webhooks/balances/deliveries?cursor=${page1.body.nextCursor}`);
        assert.deepEqual([page2.body.deliveries.length, page2.body.nextCursor], [5, null]);
        const ids = [...page1.body.deliveries, ...page2.body.deliveries].map((d) => Number(d.id));
        assert.deepEqual(
          ids,
          [...ids].sort((a, b) => b - a),
        );
        assert.equal((await t.shop().get<WebhookDeliveriesResponse>('/v1/webhooks/off/deliveries')).body.deliveries.length, 0);
      } finally {
        await receiver.close();
      }
    });
  });

  describe(`webhook URLs off loopback (${target.name})`, () => {
    test('without REWARDS_WEBHOOKS_ALLOW_PRIVATE, http:// and private addresses are refused, when saved and when posting', async () => {
      const t = await startTestApp(target, { routes: [registerWebhookRoutes], env: { REWARDS_WEBHOOKS_ALLOW_PRIVATE: '0' } });
      try {
        for (const url of ['http://shop.example/hooks', 'https://127.0.0.1/hooks', 'https://192.168.0.10/hooks']) {
          const refused = await t.shop().put<{ code: string; errors: Array<{ path: string }> }>('/v1/webhooks/x', { url, events: ['*'] });
          assert.deepEqual([refused.status, refused.body.code, refused.body.errors[0]?.path], [400, 'invalid_request', 'body.url'], url);
        }
        // Saved while private addresses were allowed, posted by an instance where they are not.
        const receiver = await startReceiver(t.clock);
        await t.db.query(`INSERT INTO webhook_endpoints (id, url, events, secret) VALUES ('old', $1, '["*"]', 'whsec_x')`, [receiver.url]);
        await t.db.query(
          `INSERT INTO webhook_events (id, type, member_id, data, created_at) VALUES ('evt_1', 'coupon.issued', 'm', '{"memberId":"m","code":"C","valueCents":1}', $1)`,
          [t.clock.now()],
        );
        await t.db.query(
          `INSERT INTO webhook_deliveries (endpoint_id, event_id, member_id, status, next_attempt_at, created_at) VALUES ('old', 'evt_1', 'm', 'pending', $1, $1)`,
          [t.clock.now()],
        );
        await deliveryJob(t.db, t.clock, { allowPrivate: false }).run(t.clock.now());
        assert.deepEqual(receiver.received, []);
        const { rows } = await t.db.query<{ status: string; last_error: string }>('SELECT status, last_error FROM webhook_deliveries');
        assert.deepEqual(rows, [{ status: 'pending', last_error: 'the URL must be https://' }]);
        await receiver.close();
      } finally {
        await t.close();
      }
    });
  });
}
