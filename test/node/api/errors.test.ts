import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as z from 'zod/mini';
import {
  donateBody,
  errorCodes,
  invalidRequestProblem,
  isErrorCode,
  problem,
  problemDetails,
  shopEvent,
  statusOf,
  type ErrorCode,
} from '../../../src/api/index.ts';

const expectedStatus: Record<ErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  already_checked_in: 409,
  insufficient_coins: 409,
  out_of_stock: 409,
  not_removable: 409,
  idempotency_conflict: 409,
  coupon_used: 409,
  insufficient_funds: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
};

test('the stable error codes are exactly those of the contract', () => {
  assert.deepEqual([...errorCodes].sort(), Object.keys(expectedStatus).sort());
});

for (const code of Object.keys(expectedStatus) as ErrorCode[]) {
  test(`problem ${code} answers ${expectedStatus[code]} with its own type and title`, () => {
    const details = problem(code, 'What went wrong');
    assert.equal(details.status, expectedStatus[code]);
    assert.equal(statusOf(code), expectedStatus[code]);
    assert.equal(details.code, code);
    assert.match(details.type, new RegExp(`${code}$`));
    assert.ok(details.title.length > 0);
    assert.deepEqual(z.parse(problemDetails, details), details);
  });
}

test('distinct codes get distinct types and titles, so clients can tell them apart', () => {
  const all = errorCodes.map((code) => problem(code, 'x'));
  assert.equal(new Set(all.map((details) => details.type)).size, errorCodes.length);
  assert.equal(new Set(all.map((details) => details.title)).size, errorCodes.length);
});

test('S4 a 409 keeps the detail it was given', () => {
  const details = problem('insufficient_coins', 'This costs 500 coins; 120 are available.');
  assert.equal(details.detail, 'This costs 500 coins; 120 are available.');
  assert.equal(details.errors, undefined);
});

test('an internal problem never carries details or field errors', () => {
  const details = problem('internal', 'relation "ledger" does not exist at pg.query', [{ path: 'x', message: 'stack' }]);
  assert.equal(details.status, 500);
  assert.doesNotMatch(details.detail, /ledger|pg/);
  assert.equal(details.errors, undefined);
});

test('an invalid request lists each bad field with a dotted path and a readable message', () => {
  const parsed = z.safeParse(donateBody, { coins: 2.5, note: 'hi' });
  assert.equal(parsed.success, false);
  const details = invalidRequestProblem(parsed.error!.issues, 'body');
  assert.equal(details.status, 400);
  assert.equal(details.code, 'invalid_request');
  const paths = details.errors!.map((error) => error.path).sort();
  assert.deepEqual(paths, ['body', 'body.coins']);
  const unknownField = details.errors!.find((error) => error.path === 'body');
  assert.match(unknownField!.message, /unknown field: note/);
  const fraction = details.errors!.find((error) => error.path === 'body.coins');
  assert.equal(fraction!.message, 'expected an integer');
  assert.match(details.detail, /body/);
});

test('nested paths and enum messages point at the exact field', () => {
  const parsed = z.safeParse(shopEvent, {
    id: 'e1',
    type: 'order.refunded',
    memberId: 'm1',
    occurredAt: '2026-03-01T00:00:00Z',
    data: { orderId: 'o1', refundedCents: 100, reason: 'shipping' },
  });
  const details = invalidRequestProblem(parsed.error!.issues);
  assert.deepEqual(details.errors, [{ path: 'data.reason', message: 'expected one of: "design", "manufacturing"' }]);
});

test('a missing field says it is required when the parse reports inputs', () => {
  const parsed = z.safeParse(donateBody, {}, { reportInput: true });
  const details = invalidRequestProblem(parsed.error!.issues);
  assert.deepEqual(details.errors, [{ path: 'coins', message: 'required (number)' }]);
});

test('problem details reject a code outside the contract', () => {
  assert.equal(isErrorCode('out_of_stock'), true);
  assert.equal(isErrorCode('gone'), false);
  assert.equal(isErrorCode('toString'), false);
  assert.equal(z.safeParse(problemDetails, { ...problem('not_found', 'x'), code: 'gone' }).success, false);
});
