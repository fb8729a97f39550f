import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstDeliveries, judgeDelivery, mayAward, mayTrigger, SHOP_EVENT_TYPES } from '../../../src/rules/events.ts';
import { RULE_IDS } from '../../../src/rules/decisions.ts';

test('C20 the same event delivered again is a duplicate', () => {
  const event = { id: 'evt-1', type: 'newsletter.subscribed', memberId: 'ann' };
  assert.deepEqual(judgeDelivery(event, null), { duplicate: false });
  assert.deepEqual(judgeDelivery(event, event), { duplicate: true, sameEvent: true });
  // A reused id with other content still credits nothing, and is told apart.
  assert.deepEqual(judgeDelivery({ ...event, memberId: 'bob' }, event), { duplicate: true, sameEvent: false });
  assert.deepEqual(judgeDelivery({ ...event, type: 'feedback.shared' }, event), { duplicate: true, sameEvent: false });
});

test('C20 retries in any order act once per event id', () => {
  const deliveries = [
    { id: 'b', seq: 1 },
    { id: 'a', seq: 2 },
    { id: 'b', seq: 3 },
    { id: 'c', seq: 4 },
    { id: 'a', seq: 5 },
  ];
  assert.deepEqual(
    firstDeliveries(deliveries).map((delivery) => delivery.seq),
    [1, 2, 4],
  );
  // Later, at any time: ids already stored act never again.
  assert.deepEqual(
    firstDeliveries([{ id: 'c' }, { id: 'd' }], ['a', 'b', 'c']).map((delivery) => delivery.id),
    ['d'],
  );
});

test('C21 a member may trigger only the check-in; the shop sends every earning event', () => {
  assert.equal(mayTrigger('member', 'check_in'), true);
  for (const type of SHOP_EVENT_TYPES) {
    assert.equal(mayTrigger('member', type), false, type);
    assert.equal(mayTrigger('shop', type), true, type);
  }
  assert.equal(mayTrigger('shop', 'check_in'), false);
  assert.equal(mayTrigger('shop', 'coins.granted'), false);
  assert.equal(mayTrigger('member', 'project.rewarded'), false);
});

test('C21 members never award themselves coins except through the daily check-in', () => {
  const earning = RULE_IDS.filter((id) => /^C([1-9]|1[0-8])$/.test(id));
  assert.equal(earning.length, 18);
  assert.deepEqual(
    earning.filter((id) => mayAward('member', id)),
    ['C6', 'C7'],
  );
  assert.deepEqual(
    earning.filter((id) => !mayAward('shop', id)),
    ['C6', 'C7'],
  );
});
