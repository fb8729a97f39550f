/** Who may send events (C21) and what a refused event leaves behind (nothing). */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ProblemDetails } from '../../../../src/api/index.ts';
import { databaseTargets } from '../../support/databases.ts';
import { shopEventOf } from '../support/events.ts';
import { countRows } from '../support/ledger.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const validEvent = () => shopEventOf('newsletter.subscribed', 'm-auth', {});

for (const target of databaseTargets()) {
  describe(`POST /v1/events auth and validation (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(target);
    });
    after(() => t.close());

    async function assertNothingWritten(run: () => Promise<void>): Promise<void> {
      const tables = ['events', 'ledger', 'members', 'orders', 'seller_sales'] as const;
      const before = await Promise.all(tables.map((table) => countRows(t.db, table)));
      await run();
      assert.deepEqual(await Promise.all(tables.map((table) => countRows(t.db, table))), before);
    }

    test('C21 without credentials: 401; with a wrong key: 401', async () => {
      await assertNothingWritten(async () => {
        const none = await t.request<ProblemDetails>('POST', '/v1/events', { body: validEvent() });
        assert.deepEqual([none.status, none.body.code], [401, 'unauthorized']);
        const wrong = await t.request<ProblemDetails>('POST', '/v1/events', { body: validEvent(), headers: { 'X-Api-Key': 'not-the-key-0123456789' } });
        assert.deepEqual([wrong.status, wrong.body.code], [401, 'unauthorized']);
      });
    });

    test('C21 a member never sends events: a member token gets 403', async () => {
      await assertNothingWritten(async () => {
        const res = await t.member('m-auth').post<ProblemDetails>('/v1/events', validEvent());
        assert.deepEqual([res.status, res.body.code], [403, 'forbidden']);
      });
    });

    const invalid: Array<[string, unknown]> = [
      ['an unknown event type', { ...validEvent(), type: 'coins.granted' }],
      ['a missing member id', { id: 'e-1', type: 'newsletter.subscribed', occurredAt: '2025-03-10T12:00:00Z', data: {} }],
      ['an unknown data field', shopEventOf('project.liked', 'm', { projectId: 'p', coins: 5 } as never)],
      ['a negative price', shopEventOf('order.completed', 'm', { orderId: 'o', lines: [{ sku: 's', unitPriceCents: -1, quantity: 1 }], shippingCents: 0 })],
      [
        'a fractional quantity',
        shopEventOf('order.completed', 'm', { orderId: 'o', lines: [{ sku: 's', unitPriceCents: 100, quantity: 1.5 }], shippingCents: 0 }),
      ],
      ['an order without lines', shopEventOf('order.completed', 'm', { orderId: 'o', lines: [], shippingCents: 0 })],
      ['an unknown project tier', shopEventOf('project.approved', 'm', { projectId: 'p', tier: 'video' } as never)],
      ['a zero refund', shopEventOf('order.refunded', 'm', { orderId: 'o', refundedCents: 0 })],
      ['an occurredAt that is not a time', { ...validEvent(), occurredAt: 'yesterday' }],
      ['an empty event id', { ...validEvent(), id: '' }],
    ];
    for (const [what, body] of invalid) {
      test(`C20 ${what} is refused with 400 invalid_request and nothing is written`, async () => {
        await assertNothingWritten(async () => {
          const res = await t.shop().post<ProblemDetails>('/v1/events', body);
          assert.equal(res.status, 400, res.text);
          assert.equal(res.body.code, 'invalid_request');
          assert.ok((res.body.errors ?? []).length > 0, 'the problem names what is wrong');
        });
      });
    }

    test('C20 malformed JSON is refused with 400 and nothing is written', async () => {
      await assertNothingWritten(async () => {
        const res = await t.request<ProblemDetails>('POST', '/v1/events', {
          rawBody: '{"id": "e",',
          headers: { 'X-Api-Key': t.config.apiKey, 'Content-Type': 'application/json' },
        });
        assert.deepEqual([res.status, res.body.code], [400, 'invalid_request']);
      });
    });
  });
}
