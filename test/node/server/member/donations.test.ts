import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { donateResponse, ledgerResponse, projectDonationsResponse } from '../../../../src/api/index.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { assertProblem, assertShape, TestApp } from './support.ts';

for (const target of databaseTargets()) {
  describe(`donations on ${target.name}`, () => {
    let db: TestDatabase;
    let t: TestApp;
    before(async () => {
      db = await target.open();
      t = new TestApp(db);
      await t.event('author-ann', 'member.registered', { displayName: 'Ann Author' });
      await t.event('author-ann', 'project.created', { projectId: 'clock-kit', title: 'Nixie clock kit' });
    });
    after(async () => {
      await db.drop();
    });

    test("S3 a donation moves the coins to the project's author and is listed on the project", async () => {
      await t.event('donor-bo', 'member.registered', { displayName: 'Bo <Donor>' });
      await t.giveCoins('donor-bo', 100);
      const reply = await t.asMember('donor-bo', 'POST', '/v1/projects/clock-kit/donations', { body: { coins: 30 } });
      assert.equal(reply.status, 201, reply.text);
      const body = assertShape(donateResponse, reply.body);
      assert.deepEqual(body.coins, { available: 70, pending: 0 });
      assert.deepEqual(
        { ...body.donation, id: 'x' },
        {
          id: 'x',
          projectId: 'clock-kit',
          memberId: 'donor-bo',
          displayName: 'Bo <Donor>',
          coins: 30,
          createdAt: '2025-03-12T12:00:00.000Z',
        },
      );
      assert.deepEqual(await t.coins('author-ann'), { available: 30, pending: 0 });

      const listing = await t.request('GET', '/v1/projects/clock-kit/donations');
      assert.equal(listing.status, 200);
      const project = assertShape(projectDonationsResponse, listing.body);
      assert.equal(project.totalCoins, 30);
      assert.equal(project.donors, 1);
      assert.deepEqual(project.recent, [body.donation]);

      const donorLedger = assertShape(ledgerResponse, (await t.asMember('donor-bo', 'GET', '/v1/me/ledger?currency=coins')).body);
      assert.deepEqual(
        donorLedger.entries[0] && {
          amount: donorLedger.entries[0].amount,
          ruleId: donorLedger.entries[0].ruleId,
          reason: donorLedger.entries[0].reason,
          ref: donorLedger.entries[0].ref,
        },
        {
          amount: -30,
          ruleId: 'S3',
          reason: 'Donation to a project',
          ref: 'clock-kit',
        },
      );
      const authorLedger = assertShape(ledgerResponse, (await t.asMember('author-ann', 'GET', '/v1/me/ledger')).body);
      assert.equal(authorLedger.entries[0]?.amount, 30);
      assert.equal(authorLedger.entries[0]?.reason, 'Donation received');
    });

    test('S3 the project listing totals every donation, counts donors once, newest first', async () => {
      await t.event('proj-author', 'project.created', { projectId: 'tally', title: 'Tally' });
      for (const donor of ['tally-a', 'tally-b']) await t.giveCoins(donor, 50);
      for (const [donor, coins] of [
        ['tally-a', 5],
        ['tally-b', 7],
        ['tally-a', 11],
      ] as const) {
        assert.equal((await t.asMember(donor, 'POST', '/v1/projects/tally/donations', { body: { coins } })).status, 201);
        t.clock.advanceDays(1);
      }
      const project = assertShape(projectDonationsResponse, (await t.request('GET', '/v1/projects/tally/donations')).body);
      assert.equal(project.totalCoins, 23);
      assert.equal(project.donors, 2);
      assert.deepEqual(
        project.recent.map((d) => d.coins),
        [11, 7, 5],
      );
    });

    test('S3 a member cannot donate to their own project: 403, nothing moves', async () => {
      await t.giveCoins('author-ann', 10);
      const before = await t.coins('author-ann');
      assertProblem(await t.asMember('author-ann', 'POST', '/v1/projects/clock-kit/donations', { body: { coins: 5 } }), 403, 'forbidden');
      assert.deepEqual(await t.coins('author-ann'), before);
    });

    test('S3 an unknown project is 404; too few coins is 409; amounts that are not whole coins ≥ 1 are 400', async () => {
      await t.giveCoins('donor-cy', 10);
      assertProblem(await t.asMember('donor-cy', 'POST', '/v1/projects/nope/donations', { body: { coins: 5 } }), 404, 'not_found');
      assertProblem(await t.request('GET', '/v1/projects/nope/donations'), 404, 'not_found');
      assertProblem(await t.asMember('donor-cy', 'POST', '/v1/projects/clock-kit/donations', { body: { coins: 11 } }), 409, 'insufficient_coins');
      for (const body of [{ coins: 0 }, { coins: -5 }, { coins: 1.5 }, { coins: '5' }, {}, { coins: 5, note: 'hi' }]) {
        assertProblem(await t.asMember('donor-cy', 'POST', '/v1/projects/clock-kit/donations', { body }), 400, 'invalid_request');
      }
      assert.deepEqual(await t.coins('donor-cy'), { available: 10, pending: 0 });
    });

    test('donating needs a member token: none is 401, the shop key is 403', async () => {
      assertProblem(await t.request('POST', '/v1/projects/clock-kit/donations', { body: { coins: 1 } }), 401, 'unauthorized');
      assertProblem(await t.asShop('POST', '/v1/projects/clock-kit/donations', { body: { coins: 1 } }), 403, 'forbidden');
    });

    test('S4 50 simultaneous donations against a balance that covers 3: exactly 3 succeed, the rest are 409', async () => {
      await t.event('race-author', 'project.created', { projectId: 'race-project', title: 'Race' });
      await t.giveCoins('race-donor', 320);
      const replies = await Promise.all(
        Array.from({ length: 50 }, () => t.asMember('race-donor', 'POST', '/v1/projects/race-project/donations', { body: { coins: 100 } })),
      );
      assert.equal(replies.filter((reply) => reply.status === 201).length, 3);
      for (const reply of replies.filter((r) => r.status !== 201)) assertProblem(reply, 409, 'insufficient_coins');
      assert.deepEqual(await t.coins('race-donor'), { available: 20, pending: 0 });
      assert.deepEqual(await t.coins('race-author'), { available: 300, pending: 0 });
      const project = assertShape(projectDonationsResponse, (await t.request('GET', '/v1/projects/race-project/donations')).body);
      assert.equal(project.totalCoins, 300);
    });

    test('S3 two members donating to each other at the same time both get through (no deadlock)', async () => {
      await t.event('mutual-a', 'project.created', { projectId: 'mutual-a-project', title: 'A' });
      await t.event('mutual-b', 'project.created', { projectId: 'mutual-b-project', title: 'B' });
      await t.giveCoins('mutual-a', 100);
      await t.giveCoins('mutual-b', 100);
      const replies = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          i % 2 === 0
            ? t.asMember('mutual-a', 'POST', '/v1/projects/mutual-b-project/donations', { body: { coins: 1 } })
            : t.asMember('mutual-b', 'POST', '/v1/projects/mutual-a-project/donations', { body: { coins: 1 } }),
        ),
      );
      assert.ok(
        replies.every((reply) => reply.status === 201),
        replies.map((r) => r.text).join('\n'),
      );
      assert.deepEqual(await t.coins('mutual-a'), { available: 100, pending: 0 });
      assert.deepEqual(await t.coins('mutual-b'), { available: 100, pending: 0 });
    });
  });
}
