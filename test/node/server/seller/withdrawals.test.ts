/**
 * POST /v1/seller/withdrawals: any amount up to the store credit, never more, even when racing (M4);
 * requested until the shop reports the transfer paid or failed (M6).
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  sellerWithdrawalsResponse,
  settleWithdrawalResponse,
  withdrawResponse,
  type ProblemDetails,
  type SellerMeResponse,
  type SellerWithdrawalsResponse,
  type SettleWithdrawalResponse,
  type WithdrawResponse,
} from '../../../../src/api/index.ts';
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

    const settle = (withdrawalId: string, status: unknown, sellerId = 'seller-a') =>
      t.shop().post<SettleWithdrawalResponse & ProblemDetails>(`/v1/sellers/${sellerId}/withdrawals/${withdrawalId}`, { status });
    const listed = async () => {
      const res = await t.member('seller-a').get<SellerWithdrawalsResponse>('/v1/seller/withdrawals');
      assert.equal(res.status, 200, res.text);
      return assertShape(sellerWithdrawalsResponse, res.body).withdrawals;
    };

    test('M6 a withdrawal is requested until the shop reports it paid; paid keeps the money out', async () => {
      const { body } = await withdraw(1_000);
      assert.equal(body.withdrawal.status, 'requested');
      assert.deepEqual(
        (await listed()).map((w) => [w.id, w.status, w.settledAt]),
        [[body.withdrawal.id, 'requested', undefined]],
      );

      t.clock.set('2025-03-12T15:00:00Z');
      const paid = await settle(body.withdrawal.id, 'paid');
      assert.equal(paid.status, 200, paid.text);
      assert.deepEqual(assertShape(settleWithdrawalResponse, paid.body), {
        withdrawal: { ...body.withdrawal, status: 'paid', settledAt: '2025-03-12T15:00:00.000Z' },
        storeCreditCents: 8_500,
      });
      assert.deepEqual(
        (await listed()).map((w) => w.status),
        ['paid'],
      );
      assert.equal(await storeCredit(), 8_500);
    });

    test('M6 M4 a failed withdrawal gives the amount back to the store credit, once, through the ledger', async () => {
      const { body } = await withdraw(2_000);
      const failed = await settle(body.withdrawal.id, 'failed');
      assert.equal(failed.status, 200, failed.text);
      assert.deepEqual([failed.body.withdrawal.status, failed.body.storeCreditCents], ['failed', 9_500]);
      const again = await settle(body.withdrawal.id, 'failed');
      assert.deepEqual([again.status, again.body.storeCreditCents], [200, 9_500], 'the same report again changes nothing');
      assert.equal(await storeCredit(), 9_500);
      assert.deepEqual(
        (await entriesOf(t.db, 'seller-a', 'M4')).map((e) => e.amount),
        [-2_000, 2_000],
      );
      const paidAfter = await settle(body.withdrawal.id, 'paid');
      assert.deepEqual([paidAfter.status, paidAfter.body.code], [409, 'already_settled']);
    });

    test('M6 only the shop settles, only an existing withdrawal of that seller, only paid or failed', async () => {
      const { body } = await withdraw(1_000);
      const id = body.withdrawal.id;
      assert.equal((await t.member('seller-a').post(`/v1/sellers/seller-a/withdrawals/${id}`, { status: 'failed' })).status, 403);
      assert.equal((await t.request('POST', `/v1/sellers/seller-a/withdrawals/${id}`, { body: { status: 'failed' } })).status, 401);
      assert.equal((await settle(id, 'failed', 'seller-b')).body.code, 'not_found');
      assert.equal((await settle('999999', 'paid')).body.code, 'not_found');
      assert.equal((await settle('abc', 'paid')).body.code, 'not_found');
      for (const status of ['requested', 'PAID', 3, undefined]) assert.equal((await settle(id, status)).status, 400, String(status));
      assert.equal(await storeCredit(), 8_500, 'nothing was given back');
      assert.deepEqual(
        (await listed()).map((w) => w.status),
        ['requested'],
      );
    });
  });
}
