/**
 * Every earning event credits what the rulebook says, once: the same delivery again is a
 * duplicate, and a new event for a scope already rewarded earns nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { EventData, EventType, MeResponse, ProblemDetails } from '../../../../src/api/index.ts';
import { databaseTargets } from '../../support/databases.ts';
import { deliver, send, shopEventOf } from '../support/events.ts';
import { balancesOf, countRows, entriesOf } from '../support/ledger.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

interface OnceCase<T extends EventType = EventType> {
  name: string;
  type: T;
  data: EventData<T>;
  ruleId: string;
  coins: number;
  /** Another event id for the same scope: credits nothing more. */
  again?: EventData<T>;
}

const onceCases: OnceCase[] = [
  { name: 'C2 newsletter subscribed: 50 once ever', type: 'newsletter.subscribed', data: {}, ruleId: 'C2', coins: 50, again: {} },
  {
    name: 'C3 profile completed with avatar, nickname and country: 50 once ever',
    type: 'profile.completed',
    data: { avatarUrl: 'https://cdn.example/a.png', nickname: 'Ada', country: 'NZ' },
    ruleId: 'C3',
    coins: 50,
    again: { avatarUrl: 'https://cdn.example/b.png', nickname: 'Ada L', country: 'NZ' },
  },
  {
    name: 'C4 project shared with text and images: 50 once per project',
    type: 'project.approved',
    data: { projectId: 'p-text', tier: 'text_images' },
    ruleId: 'C4',
    coins: 50,
    again: { projectId: 'p-text', tier: 'tutorial' },
  },
  {
    name: 'C4 project shared with Gerber and BOM: 100',
    type: 'project.approved',
    data: { projectId: 'p-gerber', tier: 'gerber_bom' },
    ruleId: 'C4',
    coins: 100,
  },
  { name: 'C4 project shared with a tutorial: 500', type: 'project.approved', data: { projectId: 'p-tutorial', tier: 'tutorial' }, ruleId: 'C4', coins: 500 },
  {
    name: 'C4 tutorial approved during an event (flag on the approval): 1000',
    type: 'project.approved',
    data: { projectId: 'p-event', tier: 'tutorial', duringEvent: true },
    ruleId: 'C4',
    coins: 1000,
  },
  {
    name: 'C5 short feedback without media: 10',
    type: 'feedback.shared',
    data: { feedbackId: 'f-short', words: 5, images: 0, videos: 0 },
    ruleId: 'C5',
    coins: 10,
  },
  {
    name: 'C5 feedback of 20 words: 20 once per feedback',
    type: 'feedback.shared',
    data: { feedbackId: 'f-long', words: 20, images: 0, videos: 0 },
    ruleId: 'C5',
    coins: 20,
    again: { feedbackId: 'f-long', words: 300, images: 0, videos: 2 },
  },
  {
    name: 'C5 short feedback with images: 20',
    type: 'feedback.shared',
    data: { feedbackId: 'f-img', words: 3, images: 2, videos: 0 },
    ruleId: 'C5',
    coins: 20,
  },
  {
    name: 'C5 long feedback with videos: 50',
    type: 'feedback.shared',
    data: { feedbackId: 'f-video', words: 40, images: 1, videos: 1 },
    ruleId: 'C5',
    coins: 50,
  },
  { name: 'C8 a like: 1 once per project', type: 'project.liked', data: { projectId: 'p-liked' }, ruleId: 'C8', coins: 1, again: { projectId: 'p-liked' } },
  {
    name: 'C9 a comment: 1 once per comment',
    type: 'project.commented',
    data: { projectId: 'p-c', commentId: 'c-1' },
    ruleId: 'C9',
    coins: 1,
    again: { projectId: 'p-c', commentId: 'c-1' },
  },
  {
    name: 'C14 quotation paid exactly 5 × 24 h after it was issued: 300 once per quotation',
    type: 'pcba.quotation_paid',
    data: { quotationId: 'q-1', quotedAt: '2025-03-01T00:00:00Z', paidAt: '2025-03-06T00:00:00Z' },
    ruleId: 'C14',
    coins: 300,
    again: { quotationId: 'q-1', quotedAt: '2025-03-01T00:00:00Z', paidAt: '2025-03-02T00:00:00Z' },
  },
  {
    name: 'C16 a rated PCBA photo: 5 once per item',
    type: 'pcba.media_rated',
    data: { mediaId: 'media-1' },
    ruleId: 'C16',
    coins: 5,
    again: { mediaId: 'media-1' },
  },
  {
    name: 'C17 a confirmed PCBA project: 20 once per project',
    type: 'pcba.confirmed',
    data: { projectId: 'pcba-1' },
    ruleId: 'C17',
    coins: 20,
    again: { projectId: 'pcba-1' },
  },
  {
    name: 'C18 a specified questionnaire: 500 once per questionnaire',
    type: 'questionnaire.completed',
    data: { questionnaireId: 'survey-2025' },
    ruleId: 'C18',
    coins: 500,
    again: { questionnaireId: 'survey-2025' },
  },
];

for (const target of databaseTargets()) {
  describe(`earning events (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(target);
    });
    after(() => t.close());

    onceCases.forEach((c, index) => {
      test(c.name, async () => {
        const memberId = `earner-${index}`;
        const event = shopEventOf(c.type, memberId, c.data);
        const first = await deliver(t, event);
        assert.deepEqual(first, { duplicate: false, credited: [{ currency: 'coins', amount: c.coins, ruleId: c.ruleId, status: 'available' }] });

        const again = await deliver(t, event);
        assert.equal(again.duplicate, true, 'C20: the same id delivered again is a duplicate');
        assert.equal((await balancesOf(t.db, memberId)).coinsAvailable, c.coins);

        if (c.again) {
          const repeat = await send(t, c.type, memberId, c.again);
          assert.deepEqual(repeat, { duplicate: false, credited: [] }, 'a new event for a scope already rewarded earns nothing');
        }
        const me = await t.shop().get<MeResponse>(`/v1/members/${memberId}`);
        assert.deepEqual(me.body.coins, { available: c.coins, pending: 0 });
        assert.equal((await entriesOf(t.db, memberId, c.ruleId)).length, 1);
      });
    });

    test('C3 an incomplete profile earns nothing, and a complete one later still earns', async () => {
      const missingCountry = await send(t, 'profile.completed', 'profile-late', { avatarUrl: 'https://cdn.example/a.png', nickname: 'Bo', country: '' });
      assert.deepEqual(missingCountry.credited, []);
      const blankNickname = await send(t, 'profile.completed', 'profile-late', { avatarUrl: 'https://cdn.example/a.png', nickname: '  ', country: 'FR' });
      assert.deepEqual(blankNickname.credited, []);
      const complete = await send(t, 'profile.completed', 'profile-late', { avatarUrl: 'https://cdn.example/a.png', nickname: 'Bo', country: 'FR' });
      assert.deepEqual(
        complete.credited.map((c) => c.amount),
        [50],
      );
    });

    test('C4 a tutorial approved inside the configured event window earns the event amount', async () => {
      const rules = (await t.shop().get<Record<string, unknown>>('/v1/rules')).body;
      const earning = rules.earning as Record<string, Record<string, unknown>>;
      const withEvent = {
        ...rules,
        earning: { ...earning, projectShared: { ...earning.projectShared, event: { startsAt: '2025-03-05T00:00:00Z', endsAt: '2025-03-12T00:00:00Z' } } },
      };
      assert.equal((await t.shop().put('/v1/rules', withEvent)).status, 200);
      const inside = await send(t, 'project.approved', 'event-author', { projectId: 'p-in', tier: 'tutorial' }, { occurredAt: '2025-03-11T23:59:59Z' });
      const outside = await send(t, 'project.approved', 'event-author', { projectId: 'p-out', tier: 'tutorial' }, { occurredAt: '2025-03-12T00:00:00Z' });
      assert.deepEqual([inside.credited[0]?.amount, outside.credited[0]?.amount], [1000, 500]);
      assert.equal((await t.shop().put('/v1/rules', rules)).status, 200);
    });

    test('C11 every official award counts, from 1 to 1000 coins', async () => {
      const one = await send(t, 'project.rewarded', 'awarded', { projectId: 'p-award', coins: 1 });
      const most = await send(t, 'project.rewarded', 'awarded', { projectId: 'p-award', coins: 1000 });
      assert.deepEqual(
        [...one.credited, ...most.credited].map((c) => [c.ruleId, c.amount]),
        [
          ['C11', 1],
          ['C11', 1000],
        ],
      );
      assert.equal((await balancesOf(t.db, 'awarded')).coinsAvailable, 1001);
    });

    test('C11 an award outside 1..1000 is refused (400) and writes nothing', async () => {
      const before = await countRows(t.db, 'events');
      const res = await t.shop().post<ProblemDetails>('/v1/events', shopEventOf('project.rewarded', 'over-awarded', { projectId: 'p', coins: 1001 }));
      assert.equal(res.status, 400);
      assert.equal(res.body.code, 'invalid_request');
      assert.equal(await countRows(t.db, 'events'), before);
      assert.deepEqual(await entriesOf(t.db, 'over-awarded'), []);
    });

    test('C14 a quotation paid later than 5 × 24 h earns nothing; paid before it was issued is refused', async () => {
      const late = await send(t, 'pcba.quotation_paid', 'payer', {
        quotationId: 'q-late',
        quotedAt: '2025-03-01T00:00:00Z',
        paidAt: '2025-03-06T00:00:00.001Z',
      });
      assert.deepEqual(late.credited, []);
      const backwards = await t
        .shop()
        .post<ProblemDetails>(
          '/v1/events',
          shopEventOf('pcba.quotation_paid', 'payer', { quotationId: 'q-back', quotedAt: '2025-03-02T00:00:00Z', paidAt: '2025-03-01T00:00:00Z' }),
        );
      assert.equal(backwards.status, 400);
    });

    test('C15 PCBA progress checked: 50 once per ISO week of the rules zone', async () => {
      const check = (occurredAt: string, projectId = 'pcba-w') => send(t, 'pcba.progress_checked', 'checker', { projectId }, { occurredAt });
      const monday = await check('2025-03-10T08:00:00Z');
      const sunday = await check('2025-03-16T23:00:00Z', 'pcba-other');
      const nextMonday = await check('2025-03-17T00:00:00Z');
      assert.deepEqual(
        [monday, sunday, nextMonday].map((r) => r.credited.map((c) => c.amount)),
        [[50], [], [50]],
      );
    });

    test('C5 feedback without words, images or videos is refused (400)', async () => {
      const res = await t
        .shop()
        .post<ProblemDetails>('/v1/events', shopEventOf('feedback.shared', 'empty-feedback', { feedbackId: 'f0', words: 0, images: 0, videos: 0 }));
      assert.equal(res.status, 400);
      assert.deepEqual(await entriesOf(t.db, 'empty-feedback'), []);
    });

    test('C12 and C13 uploads for an order are once per order', async () => {
      const bom = await send(t, 'bom.uploaded', 'uploader', { orderId: 'o-up' });
      const bomAgain = await send(t, 'bom.uploaded', 'uploader', { orderId: 'o-up' });
      const testFile = await send(t, 'pcba.test_file_uploaded', 'uploader', { orderId: 'o-up' });
      assert.deepEqual(bom.credited, [{ currency: 'coins', amount: 200, ruleId: 'C12', status: 'pending' }]);
      assert.deepEqual(bomAgain.credited, []);
      assert.deepEqual(testFile.credited, [{ currency: 'coins', amount: 50, ruleId: 'C13', status: 'pending' }]);
    });
  });
}
