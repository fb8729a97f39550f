import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultRulesConfig as config, parseRulesConfig, type RulesConfig } from '../../../src/rules/config.ts';
import {
  bomUploadedCoins,
  coinsEarnedOnDay,
  dailyCapProgress,
  earningRulesList,
  feedbackSharedCoins,
  inviteCoins,
  mediaRatedCoins,
  newsletterSubscribedCoins,
  officialRewardCoins,
  orderCompletedCoins,
  pcbaConfirmedCoins,
  pendingSettlements,
  profileCompletedCoins,
  progressCheckedCoins,
  projectCommentedCoins,
  projectLikedCoins,
  projectSharedCoins,
  questionnaireCompletedCoins,
  quotationPaidCoins,
  settlePendingCoins,
  testFileUploadedCoins,
} from '../../../src/rules/earning.ts';
import { calendarDay } from '../../../src/rules/calendar.ts';
import type { EarningDecision } from '../../../src/rules/decisions.ts';

/** The coins a decision credits, failing on a refusal. */
function coinsOf(decision: EarningDecision): number {
  assert.ok(decision.ok, `refused: ${decision.ok ? '' : decision.detail}`);
  return decision.credits.reduce((sum, entry) => sum + entry.amount, 0);
}

function refusalCode(decision: EarningDecision): string {
  assert.equal(decision.ok, false);
  return decision.ok ? '' : decision.code;
}

const withConfig = (change: (draft: RulesConfig) => void): RulesConfig => {
  const draft = structuredClone(config) as RulesConfig;
  change(draft);
  return parseRulesConfig(draft);
};

test('C1 one coin per whole dollar of the eligible amount, once per order', () => {
  const decision = orderCompletedCoins('order-1', 1299, config);
  assert.deepEqual(decision, { ok: true, credits: [{ currency: 'coins', amount: 12, ruleId: 'C1', status: 'available', onceKey: 'order-1', ref: 'order-1' }] });
  assert.deepEqual(orderCompletedCoins('order-2', 99, config), { ok: true, credits: [], noCreditReason: 'zero_amount' });
  assert.equal(refusalCode(orderCompletedCoins('order-3', -1, config)), 'invalid_request');
  assert.equal(refusalCode(orderCompletedCoins('', 100, config)), 'invalid_request');
});

test('C2 newsletter: 50 coins, once ever', () => {
  const decision = newsletterSubscribedCoins(config);
  assert.equal(coinsOf(decision), 50);
  assert.equal(decision.ok && decision.credits[0]?.onceKey, 'newsletter');
});

test('C3 a complete profile earns 50 once; an incomplete one earns nothing', () => {
  const complete = profileCompletedCoins({ avatarUrl: 'https://img/a.png', nickname: 'ada', country: 'GB' }, config);
  assert.equal(coinsOf(complete), 50);
  assert.equal(complete.ok && complete.credits[0]?.onceKey, 'profile');
  for (const incomplete of [
    { avatarUrl: '', nickname: 'ada', country: 'GB' },
    { avatarUrl: 'https://img/a.png', nickname: '   ', country: 'GB' },
    { avatarUrl: 'https://img/a.png', nickname: 'ada', country: null },
    { nickname: 'ada', country: 'GB' },
  ]) {
    assert.deepEqual(profileCompletedCoins(incomplete, config), { ok: true, credits: [], noCreditReason: 'profile_incomplete' });
  }
});

test('C4 project tiers: 50, 100, 500, and 1000 for a tutorial during an event; once per project', () => {
  const at = '2026-05-03T12:00:00Z';
  const share = (tier: 'text_images' | 'gerber_bom' | 'tutorial', duringEvent?: boolean) =>
    projectSharedCoins({ projectId: 'p-1', tier, approvedAt: at, ...(duringEvent === undefined ? {} : { duringEvent }) }, config);
  assert.equal(coinsOf(share('text_images')), 50);
  assert.equal(coinsOf(share('gerber_bom')), 100);
  assert.equal(coinsOf(share('tutorial')), 500);
  assert.equal(coinsOf(share('tutorial', true)), 1000);
  assert.equal(coinsOf(share('gerber_bom', true)), 100, 'the event only lifts the tutorial tier');
  const decision = share('tutorial');
  assert.equal(decision.ok && decision.credits[0]?.onceKey, 'p-1');
  assert.equal(refusalCode(projectSharedCoins({ projectId: 'p-1', tier: 'video' as never, approvedAt: at }, config)), 'invalid_request');
});

test('C4 the event window of the configuration: start inclusive, end exclusive', () => {
  const eventConfig = withConfig((draft) => {
    draft.earning.projectShared.event = { startsAt: '2026-05-01T00:00:00Z', endsAt: '2026-05-08T00:00:00Z' };
  });
  const tutorial = (approvedAt: string) => coinsOf(projectSharedCoins({ projectId: 'p', tier: 'tutorial', approvedAt }, eventConfig));
  assert.equal(tutorial('2026-04-30T23:59:59Z'), 500);
  assert.equal(tutorial('2026-05-01T00:00:00Z'), 1000);
  assert.equal(tutorial('2026-05-07T23:59:59Z'), 1000);
  assert.equal(tutorial('2026-05-08T00:00:00Z'), 500);
});

test('C5 feedback at 19 and 20 words without media', () => {
  assert.equal(coinsOf(feedbackSharedCoins({ feedbackId: 'f', words: 19, images: 0, videos: 0 }, config)), 10);
  assert.equal(coinsOf(feedbackSharedCoins({ feedbackId: 'f', words: 20, images: 0, videos: 0 }, config)), 20);
  assert.equal(coinsOf(feedbackSharedCoins({ feedbackId: 'f', words: 1, images: 0, videos: 0 }, config)), 10);
});

test('C5 each media combination at 19 and 20 words takes the highest matching tier', () => {
  const cases: Array<[words: number, images: number, videos: number, coins: number]> = [
    [19, 1, 0, 20],
    [19, 0, 1, 20],
    [19, 2, 1, 20],
    [20, 1, 0, 20],
    [20, 0, 1, 50],
    [20, 3, 2, 50],
    [0, 1, 0, 20],
    [0, 0, 1, 20],
  ];
  for (const [words, images, videos, coins] of cases) {
    assert.equal(coinsOf(feedbackSharedCoins({ feedbackId: 'f', words, images, videos }, config)), coins, `${words} words, ${images} images, ${videos} videos`);
  }
});

test('C5 once per feedback; empty or malformed feedback is refused', () => {
  const decision = feedbackSharedCoins({ feedbackId: 'fb-42', words: 25, images: 0, videos: 0 }, config);
  assert.equal(decision.ok && decision.credits[0]?.onceKey, 'fb-42');
  assert.equal(refusalCode(feedbackSharedCoins({ feedbackId: 'f', words: 0, images: 0, videos: 0 }, config)), 'invalid_request');
  assert.equal(refusalCode(feedbackSharedCoins({ feedbackId: 'f', words: 2.5, images: 0, videos: 0 }, config)), 'invalid_request');
  assert.equal(refusalCode(feedbackSharedCoins({ feedbackId: 'f', words: 3, images: -1, videos: 0 }, config)), 'invalid_request');
});

test('C8 a like earns one coin until five a day', () => {
  for (let earned = 0; earned < 5; earned++) {
    assert.equal(coinsOf(projectLikedCoins({ projectId: `p${earned}`, likedBefore: false, coinsEarnedToday: earned }, config)), 1);
  }
  assert.deepEqual(projectLikedCoins({ projectId: 'p6', likedBefore: false, coinsEarnedToday: 5 }, config), {
    ok: true,
    credits: [],
    noCreditReason: 'daily_cap_reached',
  });
});

test('C8 unlike and re-like earns nothing: the pair counts once ever', () => {
  const first = projectLikedCoins({ projectId: 'p-1', likedBefore: false, coinsEarnedToday: 0 }, config);
  assert.equal(first.ok && first.credits[0]?.onceKey, 'p-1');
  assert.deepEqual(projectLikedCoins({ projectId: 'p-1', likedBefore: true, coinsEarnedToday: 0 }, config), {
    ok: true,
    credits: [],
    noCreditReason: 'already_counted',
  });
});

test("C8 caps reset at the zone's midnight", () => {
  const shanghai = withConfig((draft) => {
    draft.timeZone = 'Asia/Shanghai';
  });
  // Five likes credited shortly before midnight in Shanghai (15:xx UTC).
  const history = [0, 1, 2, 3, 4].map((minute) => ({ at: `2026-03-01T15:5${minute}:00Z`, amount: 1 }));
  const earnedAt = (now: string) => coinsEarnedOnDay(history, calendarDay(now, shanghai.timeZone), shanghai.timeZone);
  const likeAt = (now: string) => projectLikedCoins({ projectId: 'p-new', likedBefore: false, coinsEarnedToday: earnedAt(now) }, shanghai);
  assert.equal(earnedAt('2026-03-01T15:59:59Z'), 5);
  assert.equal(coinsOf(likeAt('2026-03-01T15:59:59Z')), 0);
  assert.equal(earnedAt('2026-03-01T16:00:00Z'), 0);
  assert.equal(coinsOf(likeAt('2026-03-01T16:00:00Z')), 1);
  // In UTC the same instants are the same day, so the cap still holds at 16:00Z.
  assert.equal(coinsEarnedOnDay(history, calendarDay('2026-03-01T16:00:00Z', 'UTC'), 'UTC'), 5);
});

test("C8 caps reset at New York's midnight on the day daylight saving starts", () => {
  // 2026-03-08 is 23 hours long in New York: it ends at 04:00Z on the 9th.
  const history = [{ at: '2026-03-09T03:59:00Z', amount: 5 }];
  assert.equal(coinsEarnedOnDay(history, '2026-03-08', 'America/New_York'), 5);
  assert.equal(coinsEarnedOnDay(history, calendarDay('2026-03-09T04:00:00Z', 'America/New_York'), 'America/New_York'), 0);
});

test('C8 a configured cap that is not a multiple of the coins gives the remainder', () => {
  const custom = withConfig((draft) => {
    draft.earning.projectLiked = { coins: 2, dailyCapCoins: 5 };
  });
  assert.equal(coinsOf(projectLikedCoins({ projectId: 'p', likedBefore: false, coinsEarnedToday: 4 }, custom)), 1);
});

test('C9 comments earn one coin up to five a day, once per comment', () => {
  const decision = projectCommentedCoins({ projectId: 'p', commentId: 'c-1', coinsEarnedToday: 4 }, config);
  assert.equal(coinsOf(decision), 1);
  assert.equal(decision.ok && decision.credits[0]?.onceKey, 'c-1');
  assert.equal(decision.ok && decision.credits[0]?.ref, 'p');
  assert.equal(coinsOf(projectCommentedCoins({ projectId: 'p', commentId: 'c-2', coinsEarnedToday: 5 }, config)), 0);
  assert.equal(refusalCode(projectCommentedCoins({ projectId: 'p', commentId: '', coinsEarnedToday: 0 }, config)), 'invalid_request');
});

test("C10 the inviter earns 1000 when the invitee's first order completes, once per invitee", () => {
  const decision = inviteCoins({ inviteeId: 'bob', inviterId: 'ann', orderId: 'o-1', isFirstCompletedOrder: true }, config);
  assert.ok(decision.ok);
  assert.equal(decision.inviterId, 'ann');
  assert.deepEqual(decision.credits, [{ currency: 'coins', amount: 1000, ruleId: 'C10', status: 'available', onceKey: 'bob', ref: 'o-1' }]);
});

test('C10 nothing for a later order, without an inviter, or for a self-invite', () => {
  const later = inviteCoins({ inviteeId: 'bob', inviterId: 'ann', orderId: 'o-2', isFirstCompletedOrder: false }, config);
  assert.ok(later.ok && later.noCreditReason === 'not_first_order' && later.credits.length === 0);
  const alone = inviteCoins({ inviteeId: 'bob', inviterId: null, orderId: 'o-1', isFirstCompletedOrder: true }, config);
  assert.ok(alone.ok && alone.noCreditReason === 'no_inviter' && alone.credits.length === 0);
  const self = inviteCoins({ inviteeId: 'bob', inviterId: 'bob', orderId: 'o-1', isFirstCompletedOrder: true }, config);
  assert.ok(self.ok && self.noCreditReason === 'self_invite' && self.credits.length === 0);
});

test('C11 official rewards from 1 to 1000; outside is rejected', () => {
  assert.equal(coinsOf(officialRewardCoins({ projectId: 'p', coins: 1 }, config)), 1);
  assert.equal(coinsOf(officialRewardCoins({ projectId: 'p', coins: 1000 }, config)), 1000);
  const award = officialRewardCoins({ projectId: 'p', coins: 250 }, config);
  assert.equal(award.ok && award.credits[0]?.onceKey, null, 'every award counts');
  for (const coins of [0, 1001, -5, 2.5]) assert.equal(refusalCode(officialRewardCoins({ projectId: 'p', coins }, config)), 'invalid_request');
});

test('C12 a BOM upload is pending until its order completes; once per order', () => {
  const pending = bomUploadedCoins({ orderId: 'o-5', orderStatus: 'open' }, config);
  assert.deepEqual(pending, { ok: true, credits: [{ currency: 'coins', amount: 200, ruleId: 'C12', status: 'pending', onceKey: 'o-5', ref: 'o-5' }] });
  const completed = bomUploadedCoins({ orderId: 'o-6', orderStatus: 'completed' }, config);
  assert.equal(completed.ok && completed.credits[0]?.status, 'available');
  assert.deepEqual(bomUploadedCoins({ orderId: 'o-7', orderStatus: 'cancelled' }, config), { ok: true, credits: [], noCreditReason: 'order_cancelled' });
});

test('C13 a test file with a PCBA inquiry is pending until that order completes', () => {
  const pending = testFileUploadedCoins({ orderId: 'o-8', orderStatus: 'open' }, config);
  assert.deepEqual(pending, { ok: true, credits: [{ currency: 'coins', amount: 50, ruleId: 'C13', status: 'pending', onceKey: 'o-8', ref: 'o-8' }] });
  assert.equal(coinsOf(testFileUploadedCoins({ orderId: 'o-9', orderStatus: 'cancelled' }, config)), 0);
});

test('C14 a quotation paid at exactly 5 × 24 h earns 300; one second more earns nothing', () => {
  const quotedAt = '2026-02-01T10:00:00Z';
  const exactly = quotationPaidCoins({ quotationId: 'q-1', quotedAt, paidAt: '2026-02-06T10:00:00Z' }, config);
  assert.deepEqual(exactly, { ok: true, credits: [{ currency: 'coins', amount: 300, ruleId: 'C14', status: 'available', onceKey: 'q-1', ref: 'q-1' }] });
  assert.deepEqual(quotationPaidCoins({ quotationId: 'q-1', quotedAt, paidAt: '2026-02-06T10:00:01Z' }, config), {
    ok: true,
    credits: [],
    noCreditReason: 'too_late',
  });
  assert.equal(coinsOf(quotationPaidCoins({ quotationId: 'q-2', quotedAt, paidAt: quotedAt }, config)), 300);
  assert.equal(refusalCode(quotationPaidCoins({ quotationId: 'q-3', quotedAt, paidAt: '2026-01-31T10:00:00Z' }, config)), 'invalid_request');
});

test('C14 the window is measured in elapsed time, not calendar days, across a DST change', () => {
  // New York springs forward on 2026-03-08; 120 h elapse between these instants.
  assert.equal(coinsOf(quotationPaidCoins({ quotationId: 'q', quotedAt: '2026-03-05T12:00:00-05:00', paidAt: '2026-03-10T13:00:00-04:00' }, config)), 300);
});

test('C15 progress checks earn 50 once per ISO week, across a year boundary', () => {
  const weekOf = (at: string, conf = config) => {
    const decision = progressCheckedCoins({ projectId: 'pcba-1', at }, conf);
    assert.equal(coinsOf(decision), 50);
    return decision.ok ? decision.credits[0]?.onceKey : undefined;
  };
  assert.equal(weekOf('2025-12-29T08:00:00Z'), '2026-W01');
  assert.equal(weekOf('2026-01-04T23:59:59Z'), '2026-W01');
  assert.equal(weekOf('2026-01-05T00:00:00Z'), '2026-W02');
  assert.equal(weekOf('2025-12-28T12:00:00Z'), '2025-W52');
  // In Shanghai, Sunday 2026-01-04 20:00Z is already Monday the 5th.
  const shanghai = withConfig((draft) => {
    draft.timeZone = 'Asia/Shanghai';
  });
  assert.equal(weekOf('2026-01-04T20:00:00Z', shanghai), '2026-W02');
});

test('C16 a rated PCBA photo or video earns 5, once per item', () => {
  const decision = mediaRatedCoins({ mediaId: 'm-3' }, config);
  assert.equal(coinsOf(decision), 5);
  assert.equal(decision.ok && decision.credits[0]?.onceKey, 'm-3');
});

test('C17 a confirmed PCBA project earns 20, once per project', () => {
  const decision = pcbaConfirmedCoins({ projectId: 'pcba-9' }, config);
  assert.equal(coinsOf(decision), 20);
  assert.equal(decision.ok && decision.credits[0]?.onceKey, 'pcba-9');
});

test('C18 a questionnaire earns 500, once per questionnaire', () => {
  const decision = questionnaireCompletedCoins({ questionnaireId: 'survey-2026' }, config);
  assert.equal(coinsOf(decision), 500);
  assert.equal(decision.ok && decision.credits[0]?.onceKey, 'survey-2026');
  assert.equal(refusalCode(questionnaireCompletedCoins({ questionnaireId: '' }, config)), 'invalid_request');
});

test('C19 pending coins become available when the order completes', () => {
  const entries = [
    { id: 1, ruleId: 'C12' as const, status: 'pending' as const },
    { id: 2, ruleId: 'C13' as const, status: 'pending' as const },
    { id: 3, ruleId: 'C12' as const, status: 'available' as const },
  ];
  assert.equal(settlePendingCoins('completed'), 'available');
  assert.deepEqual(pendingSettlements(entries, 'completed'), [
    { id: 1, from: 'pending', to: 'available' },
    { id: 2, from: 'pending', to: 'available' },
  ]);
});

test('C19 pending coins of a cancelled order never become available', () => {
  assert.equal(settlePendingCoins('cancelled'), 'void');
  assert.deepEqual(pendingSettlements([{ id: 'a', ruleId: 'C12' as const, status: 'pending' as const }], 'cancelled'), [
    { id: 'a', from: 'pending', to: 'void' },
  ]);
  // Once settled, a later completion changes nothing.
  assert.deepEqual(pendingSettlements([{ id: 'a', ruleId: 'C12' as const, status: 'void' as const }], 'completed'), []);
});

test('C1 C18 the earning rules list shows every earning rule with an English title', () => {
  const list = earningRulesList(config);
  assert.deepEqual(
    list.map((rule) => rule.id),
    ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11', 'C12', 'C13', 'C14', 'C15', 'C16', 'C17', 'C18'],
  );
  const byId = Object.fromEntries(list.map((rule) => [rule.id, rule]));
  assert.deepEqual(byId.C6, { id: 'C6', title: 'Daily check-in', coins: 10, limit: 'once a day', scope: 'day' });
  assert.equal(byId.C7?.coins, 1000);
  assert.equal(byId.C7?.limit, '+100 at the 7th, +200 at the 14th, +300 at the 21st, +400 at the 30th check-in of a month');
  assert.equal(byId.C8?.limit, 'at most 5 coins a day; once per project');
  assert.equal(byId.C4?.coins, 500);
  assert.equal(byId.C11?.coins, 1000);
  assert.ok(list.every((rule) => rule.title.length > 0 && Number.isInteger(rule.coins)));
});

test('C4 the earning rules list follows the configuration and a running event', () => {
  const custom = withConfig((draft) => {
    draft.earning.checkIn.coins = 15;
    draft.earning.projectShared.event = { startsAt: '2026-05-01T00:00:00Z', endsAt: '2026-05-08T00:00:00Z' };
  });
  const list = earningRulesList(custom, '2026-05-02T00:00:00Z');
  assert.equal(list.find((rule) => rule.id === 'C6')?.coins, 15);
  assert.equal(list.find((rule) => rule.id === 'C4')?.coins, 1000);
  assert.equal(earningRulesList(custom, '2026-06-01T00:00:00Z').find((rule) => rule.id === 'C4')?.coins, 500);
});

test('C8 C9 daily cap progress for the member', () => {
  assert.deepEqual(dailyCapProgress({ C8: 3 }, config), [
    { ruleId: 'C8', earnedToday: 3, cap: 5 },
    { ruleId: 'C9', earnedToday: 0, cap: 5 },
  ]);
});
