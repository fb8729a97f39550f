/** verifyWebhook: what a shop's receiver runs on each delivery (WebCrypto, so it runs in browsers too). */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { verifyWebhook, WebhookVerificationError } from '../../../src/sdk/index.ts';

const secret = 'whsec_test-secret';
const body = JSON.stringify({
  id: 'evt_1',
  type: 'coupon.issued',
  createdAt: '2026-01-01T00:00:00.000Z',
  data: { memberId: 'm', code: 'ABCD', valueCents: 500 },
});
const now = new Date('2026-01-01T00:00:10Z');
const t = Math.floor(now.getTime() / 1000);
const sign = (at: number, payload = body, key = secret) => createHmac('sha256', key).update(`${at}.${payload}`).digest('hex');

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof WebhookVerificationError);
    return error.reason;
  }
  throw new Error('accepted');
}

test('a correctly signed delivery gives its event, from a string or the raw bytes', async () => {
  const header = `t=${t},v1=${sign(t)}`;
  assert.deepEqual(await verifyWebhook(body, header, secret, { now }), JSON.parse(body));
  assert.deepEqual(await verifyWebhook(new TextEncoder().encode(body), header, secret, { now }), JSON.parse(body));
  // While a secret is replaced, one of several signatures matching is enough.
  assert.deepEqual(await verifyWebhook(body, `t=${t},v1=${sign(t, body, 'old')},v1=${sign(t)}`, secret, { now }), JSON.parse(body));
});

test('a changed body, another secret, or a signature of another time is refused', async () => {
  assert.equal(await refusal(verifyWebhook(body.replace('500', '5000'), `t=${t},v1=${sign(t)}`, secret, { now })), 'signature_mismatch');
  assert.equal(await refusal(verifyWebhook(body, `t=${t},v1=${sign(t, body, 'another')}`, secret, { now })), 'signature_mismatch');
  assert.equal(await refusal(verifyWebhook(body, `t=${t - 1},v1=${sign(t)}`, secret, { now })), 'signature_mismatch');
});

test('a timestamp outside the tolerance is refused, either way', async () => {
  const old = t - 301;
  assert.equal(await refusal(verifyWebhook(body, `t=${old},v1=${sign(old)}`, secret, { now })), 'timestamp_out_of_tolerance');
  assert.deepEqual(await verifyWebhook(body, `t=${old},v1=${sign(old)}`, secret, { now, toleranceSeconds: 600 }), JSON.parse(body));
  const future = t + 120;
  assert.equal(await refusal(verifyWebhook(body, `t=${future},v1=${sign(future)}`, secret, { now, toleranceSeconds: 60 })), 'timestamp_out_of_tolerance');
});

test('a missing or malformed header is refused', async () => {
  for (const header of [undefined, null, '', `v1=${sign(t)}`, `t=${t}`, `t=abc,v1=${sign(t)}`, `t=${t},v1=xyz`]) {
    assert.equal(await refusal(verifyWebhook(body, header, secret, { now })), 'malformed_header', String(header));
  }
});
