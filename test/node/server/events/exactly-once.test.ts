/** C20: an event id credits once, however often and however concurrently it is delivered. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SendEventResponse } from '../../../../src/api/index.ts';
import { databaseTargets } from '../../support/databases.ts';
import { deliver, shopEventOf } from '../support/events.ts';
import { balancesOf, countRows, entriesOf } from '../support/ledger.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

async function deliverConcurrently(t: TestApp, event: { id: string }, times = 10): Promise<SendEventResponse[]> {
  const answers = await Promise.all(Array.from({ length: times }, () => t.shop().post<SendEventResponse>('/v1/events', event)));
  for (const answer of answers) assert.equal(answer.status, 200, answer.text);
  return answers.map((answer) => answer.body);
}

for (const target of databaseTargets()) {
  describe(`exactly once (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(target);
    });
    after(() => t.close());

    test('C20 a redelivery answers the first result as a duplicate and credits nothing more', async () => {
      const event = shopEventOf('questionnaire.completed', 'redelivered', { questionnaireId: 'q1' });
      const first = await deliver(t, event);
      t.clock.advance(86_400_000 * 40);
      const later = await deliver(t, event);
      assert.deepEqual(later, { ...first, duplicate: true });
      assert.equal((await balancesOf(t.db, 'redelivered')).coinsAvailable, 500);
    });

    test('C20 the same order completion delivered 10 times at once credits points and coins once', async () => {
      const event = shopEventOf('order.completed', 'racer', {
        orderId: 'race-order',
        lines: [{ sku: 'kit', unitPriceCents: 123_456, quantity: 1 }],
        shippingCents: 900,
      });
      const answers = await deliverConcurrently(t, event);
      assert.equal(answers.filter((a) => !a.duplicate).length, 1);
      const original = answers.find((a) => !a.duplicate);
      for (const answer of answers.filter((a) => a.duplicate)) assert.deepEqual(answer.credited, original?.credited);
      assert.deepEqual(await balancesOf(t.db, 'racer'), { points: 1234, coinsAvailable: 1234, coinsPending: 0, storeCreditCents: 0, highestLevel: 2 });
      const gifts = await t.db.query(`SELECT level FROM cart_items WHERE member_id = 'racer' ORDER BY level`);
      assert.deepEqual(gifts.rows, [{ level: 1 }, { level: 2 }]);
    });

    for (const [type, data, ruleId] of [
      ['project.liked', { projectId: 'p-race' }, 'C8'],
      ['project.rewarded', { projectId: 'p-race', coins: 300 }, 'C11'],
      ['bom.uploaded', { orderId: 'o-race' }, 'C12'],
    ] as const) {
      test(`C20 ${ruleId}: one ${type} event delivered 10 times at once credits exactly once`, async () => {
        const memberId = `racer-${ruleId}`;
        const answers = await deliverConcurrently(t, shopEventOf(type, memberId, data));
        assert.equal(answers.filter((a) => !a.duplicate).length, 1);
        assert.equal((await entriesOf(t.db, memberId, ruleId)).length, 1);
      });
    }

    test('C20 an id reused for another member is a duplicate that credits and reports nothing', async () => {
      const event = shopEventOf('newsletter.subscribed', 'first-owner', {});
      await deliver(t, event);
      const reused = await deliver(t, { ...event, memberId: 'second-owner' });
      assert.deepEqual(reused, { duplicate: true, credited: [] });
      assert.deepEqual(await entriesOf(t.db, 'second-owner'), []);
    });

    test('C20 a refused event leaves its id free, so the corrected event can be sent under it', async () => {
      const events = await countRows(t.db, 'events');
      const refused = shopEventOf('project.rewarded', 'corrected', { projectId: 'p', coins: 5000 });
      assert.equal((await t.shop().post('/v1/events', refused)).status, 400);
      assert.equal(await countRows(t.db, 'events'), events);
      const corrected = await deliver(t, { ...refused, data: { projectId: 'p', coins: 500 } });
      assert.deepEqual(
        corrected.credited.map((c) => c.amount),
        [500],
      );
    });

    test('C20 the event and its ledger entries are stored together, each entry naming its event', async () => {
      const event = shopEventOf('pcba.confirmed', 'linked', { projectId: 'pcba-linked' });
      await deliver(t, event);
      const [entry] = await entriesOf(t.db, 'linked');
      assert.equal(entry?.event_id, event.id);
      const stored = await t.db.query<{ type: string }>('SELECT type FROM events WHERE id = $1', [event.id]);
      assert.deepEqual(stored.rows, [{ type: 'pcba.confirmed' }]);
    });
  });
}
