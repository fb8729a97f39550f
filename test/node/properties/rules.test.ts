/**
 * Properties of the rules engine alone (fast-check): one member's ledger driven only by the
 * rules' decisions, through random orders, refunds, check-ins, redemptions, removals, donations
 * and replays, under random valid rules. A ledger keeps each (rule, once-key) once, as the
 * database's unique index does. After every step: no balance below zero, each balance the sum
 * of its entries, points lower only by P7, one gift per level ever (P5), and a replay adds nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  checkInDecision,
  defaultRulesConfig,
  donationDecision,
  levelsReachedForFirstTime,
  orderCompletedCoins,
  orderPoints,
  parseRulesConfig,
  redeemDecision,
  refundReversal,
  removeFromCartDecision,
  rulesBounds,
  type Credit,
  type RulesConfig,
} from '../../../src/rules/index.ts';

const RUNS = Number(process.env.PROPERTY_RUNS_RULES ?? 300);

type Step =
  | { kind: 'order'; cents: number }
  | { kind: 'refund'; pick: number; cents: number }
  | { kind: 'checkIn'; daysLater: number }
  | { kind: 'redeem'; cost: number }
  | { kind: 'remove'; pick: number }
  | { kind: 'donate'; coins: number }
  | { kind: 'replay'; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('order' as const), cents: fc.integer({ min: 0, max: 5_000_000 }) }),
  fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), cents: fc.integer({ min: 1, max: 6_000_000 }) }),
  fc.record({ kind: fc.constant('checkIn' as const), daysLater: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('redeem' as const), cost: fc.integer({ min: 1, max: 5_000 }) }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('donate' as const), coins: fc.integer({ min: 1, max: 5_000 }) }),
  fc.record({ kind: fc.constant('replay' as const), pick: fc.nat() }),
);

/** Valid rules within the schema's bounds: random rates, awards and increasing thresholds. */
const rules: fc.Arbitrary<RulesConfig> = fc
  .record({
    perDollar: fc.integer({ min: 0, max: rulesBounds.perDollar }),
    coinsPerDollar: fc.integer({ min: 0, max: rulesBounds.perDollar }),
    checkInCoins: fc.integer({ min: 0, max: rulesBounds.coinsPerAward }),
    steps: fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 6, maxLength: 6 }),
  })
  .map(({ perDollar, coinsPerDollar, checkInCoins, steps }) => {
    let threshold = 0;
    const levels = defaultRulesConfig.levels.map((level, index) => ({ ...level, pointsRequired: index === 0 ? 0 : (threshold += steps[index - 1]!) }));
    return parseRulesConfig({
      ...defaultRulesConfig,
      points: { perDollar },
      levels,
      earning: { ...defaultRulesConfig.earning, orderCompleted: { coinsPerDollar }, checkIn: { ...defaultRulesConfig.earning.checkIn, coins: checkInCoins } },
    });
  });

class Ledger {
  readonly entries: Credit[] = [];
  readonly #once = new Set<string>();
  /** Appends what the once-keys allow; false when every credit was a repeat. */
  append(credits: readonly Credit[]): boolean {
    let added = false;
    for (const entry of credits) {
      if (entry.onceKey !== null) {
        const key = `${entry.ruleId}|${entry.currency}|${entry.onceKey}`;
        if (this.#once.has(key)) continue;
        this.#once.add(key);
      }
      this.entries.push(entry);
      added = true;
    }
    return added;
  }
  sum(currency: Credit['currency']): number {
    return this.entries.filter((e) => e.currency === currency).reduce((total, e) => total + e.amount, 0);
  }
}

function run(config: RulesConfig, steps: Step[]): void {
  const ledger = new Ledger();
  let points = 0;
  let coins = 0;
  let highestLevel = 0;
  const gifts: number[] = [];
  const orders: { id: string; eligibleCents: number; points: number; coins: number; refunded: number }[] = [];
  const cart: { id: string; coins: number; removed: boolean }[] = [];
  const checkInDays: string[] = [];
  const applied: Credit[][] = [];
  let day = Date.parse('2026-01-01T12:00:00Z');

  const apply = (credits: readonly Credit[]) => {
    const before = ledger.entries.length;
    ledger.append(credits);
    const added = ledger.entries.slice(before);
    for (const entry of added) {
      if (entry.currency === 'points') points += entry.amount;
      else coins += entry.amount;
    }
    applied.push([...credits]);
  };

  for (const [index, s] of steps.entries()) {
    const pointsBefore = points;
    switch (s.kind) {
      case 'order': {
        const id = `o${index}`;
        const earned = orderPoints(id, { lines: [{ unitPriceCents: s.cents, quantity: 1 }] }, config);
        const coinsDecision = orderCompletedCoins(id, earned.eligibleCents, config);
        assert.ok(coinsDecision.ok);
        const coinCredits = coinsDecision.ok ? coinsDecision.credits : [];
        apply([...earned.credits, ...coinCredits]);
        const coinsEarned = coinCredits.reduce((total, c) => total + c.amount, 0);
        orders.push({ id, eligibleCents: earned.eligibleCents, points: earned.points, coins: coinsEarned, refunded: 0 });
        const reached = levelsReachedForFirstTime(highestLevel, points, config);
        gifts.push(...reached.gifts.map((g) => g.level));
        highestLevel = reached.highestLevelReached;
        break;
      }
      case 'refund': {
        const order = orders[s.pick % Math.max(1, orders.length)];
        if (!order) break;
        const reversal = refundReversal(
          { orderId: order.id, eligibleCents: order.eligibleCents, pointsEarned: order.points, coinsEarned: order.coins, refundedCentsBefore: order.refunded },
          s.cents,
          coins,
          config,
        );
        assert.ok(reversal.ok);
        if (reversal.ok) {
          apply(reversal.credits);
          order.refunded += reversal.refundedEligibleCents;
        }
        break;
      }
      case 'checkIn': {
        day += s.daysLater * 86_400_000;
        const decision = checkInDecision(day, checkInDays, config);
        if (decision.ok) {
          checkInDays.push(decision.day);
          apply(decision.credits);
        } else assert.equal(decision.code, 'already_checked_in');
        break;
      }
      case 'redeem': {
        const decision = redeemDecision({ id: 'gift', kind: 'product', coins: s.cost, stock: 10 }, coins);
        if (decision.ok) {
          apply(decision.credits);
          cart.push({ id: `cart${index}`, coins: s.cost, removed: false });
        } else assert.ok(s.cost > coins, 'a redemption the balance covers is never refused');
        break;
      }
      case 'remove': {
        const item = cart[s.pick % Math.max(1, cart.length)];
        if (!item) break;
        const decision = removeFromCartDecision({
          id: item.id,
          kind: 'product',
          coins: item.coins,
          catalogItemId: 'gift',
          carriedByCompletedOrder: false,
          removed: item.removed,
        });
        if (decision.ok) {
          apply(decision.credits);
          item.removed = true;
        }
        break;
      }
      case 'donate': {
        const decision = donationDecision({ projectId: 'p', coins: s.coins, donorId: 'me', authorId: 'author', donorCoinsAvailable: coins });
        if (decision.ok) apply(decision.credits);
        break;
      }
      case 'replay': {
        const credits = applied[s.pick % Math.max(1, applied.length)];
        if (!credits) break;
        // Only entries with a once-key are replay-safe by themselves; debits are made safe by the
        // request's idempotency key, which the server tests cover.
        const replayable = credits.filter((c) => c.onceKey !== null);
        const before = JSON.stringify({ points, coins, n: ledger.entries.length });
        apply(replayable);
        assert.equal(JSON.stringify({ points, coins, n: ledger.entries.length }), before, 'a replayed decision adds nothing');
        break;
      }
    }
    assert.ok(points >= 0 && coins >= 0, `balance below zero after ${s.kind}: points ${points}, coins ${coins}`);
    assert.equal(points, ledger.sum('points'));
    assert.equal(coins, ledger.sum('coins'));
    assert.ok(Number.isSafeInteger(points) && Number.isSafeInteger(coins));
    if (s.kind !== 'refund') assert.ok(points >= pointsBefore, `points fell after ${s.kind}`);
  }
  assert.equal(new Set(gifts).size, gifts.length, `one gift per level, ever: ${gifts.join(',')}`);
  assert.ok(ledger.entries.filter((e) => e.currency === 'points' && e.amount < 0).every((e) => e.ruleId === 'P7'));
}

test('random sequences under random rules: balances ≥ 0 and equal to the ledger, points fall only by P7, one gift per level, replays add nothing', () => {
  fc.assert(fc.property(rules, fc.array(step, { minLength: 1, maxLength: 60 }), run), {
    numRuns: RUNS,
    seed: Number(process.env.PROPERTY_SEED ?? 20_261_201),
  });
  console.log(`# rules properties: ${RUNS} runs of up to 60 steps`);
});
