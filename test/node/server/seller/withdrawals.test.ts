/** POST /v1/seller/withdrawals: any amount up to the store credit, never more, even when racing (M4). */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { withdrawResponse, type ProblemDetails, type SellerMeResponse, type WithdrawResponse } from '../../../../src/api/index.ts';
import { databaseTargets } from '../../support/databases.ts';
import { assertShape } from '../member/support.ts';
import { balancesOf, entriesOf } from '../support/ledger.ts';
import type { TestApp } from '../support/test-app.ts';
import { sellerWithCredit, startSellerApp, withdrawalsOf } from './support.ts';

for (const target of databaseTargets()) {
  describe(`seller withdrawals (${target.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await startSellerApp(target);
      await sellerWithCredit(t, 'seller-a', 10_000); // 9500 store credit (M3)
    });
    afterEach(() => t.close());

    const withdraw = (amountCents: unknown, headers?: Record<string, string>) =>
      t.member('seller-a').post<WithdrawResponse & ProblemDetails>('/v1/seller/withdrawals', { amountCents }, headers);
    const storeCredit = async () => (await t.member('seller-a').get<SellerMeResponse>('/v1/seller/me')).body.storeCreditCents;

    test('M4 a withdrawal within the store credit is 201 and moves the credit through the ledger', async () => {
      t.clock.set('2025-03-11T08:30:00Z');
      const res = await withdraw(1_000);
      assert.equal(res.status, 201, res.text);
      const body = assertShape(withdrawResponse, res.body);
      assert.equal(body.withdrawal.amountCents, 1_000);
      assert.equal(body.withdrawal.createdAt, '2025-03-11T08:30:00.000Z');
      assert.equal(body.storeCreditCents, 8_500);
      assert.equal(await storeCredit(), 8_500);
      assert.deepEqual(await withdrawalsOf(t, 'seller-a'), [1_000]);
      const [entry] = await entriesOf(t.db, 'seller-a', 'M4');
      assert.deepEqual([entry?.currency, entry?.amount, entry?.ref], ['store_credit', -1_000, `withdrawal:${body.withdrawal.id}`]);
    });

    test('M4 withdrawing exactly the store credit leaves zero', async () => {
      const res = await withdraw(9_500);
      assert.equal(res.status, 201, res.text);
      assert.equal(res.body.storeCreditCents, 0);
      assert.equal(await storeCredit(), 0);
    });

    test('M4 more than the store credit is 409 insufficient_funds, and nothing moves', async () => {
      const res = await withdraw(9_501);
      assert.equal(res.status, 409);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
      assert.equal(res.body.code, 'insufficient_funds');
      assert.equal(await storeCredit(), 9_500);
      assert.deepEqual(await withdrawalsOf(t, 'seller-a'), []);
      assert.deepEqual(await entriesOf(t.db, 'seller-a', 'M4'), []);
    });

    test('M4 20 withdrawals racing against a credit that covers 3: exactly 3 succeed and the credit never goes below zero', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => withdraw(3_000)));
      const statuses = results.map((res) => res.status);
      assert.equal(statuses.filter((status) => status === 201).length, 3, JSON.stringify(statuses));
      assert.equal(statuses.filter((status) => status === 409).length, 17, JSON.stringify(statuses));
      for (const res of results.filter((r) => r.status === 409)) assert.equal(res.body.code, 'insufficient_funds');
      assert.equal((await balancesOf(t.db, 'seller-a')).storeCreditCents, 500);
      assert.deepEqual(await withdrawalsOf(t, 'seller-a'), [3_000, 3_000, 3_000]);
      assert.equal((await entriesOf(t.db, 'seller-a', 'M4')).length, 3);
    });

    test('M4 negative, zero, fractional and non-numeric amounts are 400 invalid_request, and nothing moves', async () => {
      for (const amountCents of [-100, 0, 10.5, '100', null, 1e21]) {
        const res = await withdraw(amountCents);
        assert.equal(res.status, 400, `${JSON.stringify(amountCents)} answered ${res.status}`);
        assert.equal(res.body.code, 'invalid_request');
      }
      const missing = await t.member('seller-a').post<ProblemDetails>('/v1/seller/withdrawals', {});
      const extra = await t.member('seller-a').post<ProblemDetails>('/v1/seller/withdrawals', { amountCents: 100, currency: 'usd' });
      const malformed = await t.request<ProblemDetails>('POST', '/v1/seller/withdrawals', {
        rawBody: '{"amountCents": 1',
        headers: { Authorization: `Bearer ${await t.memberToken('seller-a')}` },
      });
      for (const res of [missing, extra, malformed]) assert.deepEqual([res.status, res.body.code], [400, 'invalid_request']);
      assert.equal(await storeCredit(), 9_500);
      assert.deepEqual(await withdrawalsOf(t, 'seller-a'), []);
    });

    test('M4 a retry with the same Idempotency-Key replays the first answer and withdraws once; another body is 409', async () => {
      const first = await withdraw(2_000, { 'Idempotency-Key': 'withdraw-1' });
      const retry = await withdraw(2_000, { 'Idempotency-Key': 'withdraw-1' });
      assert.equal(first.status, 201, first.text);
      assert.equal(retry.status, 201);
      assert.deepEqual(retry.body, first.body);
      assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
      const changed = await withdraw(3_000, { 'Idempotency-Key': 'withdraw-1' });
      assert.deepEqual([changed.status, changed.body.code], [409, 'idempotency_conflict']);
      assert.equal(await storeCredit(), 7_500);
      assert.deepEqual(await withdrawalsOf(t, 'seller-a'), [2_000]);
    });
  });
}
