import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultRulesConfig, parseRulesConfig, type RulesConfig } from '../../../src/rules/config.ts';
import { bonusTiersForMonth, checkInDay, checkInDecision, checkInMonth, type CheckIn } from '../../../src/rules/check-in.ts';
import { dayBounds, daysOfMonth } from '../../../src/rules/calendar.ts';

const inZone = (timeZone: string): RulesConfig => parseRulesConfig({ ...structuredClone(defaultRulesConfig), timeZone });
const utc = defaultRulesConfig;
const shanghai = inZone('Asia/Shanghai');
const newYork = inZone('America/New_York');

function checkIn(at: string | Date, history: string[], config: RulesConfig): CheckIn {
  const decision = checkInDecision(at, history, config);
  assert.ok(decision.ok, decision.ok ? '' : decision.detail);
  return decision;
}

/** Checks in on each given day (at noon in the zone); returns the decisions in order. */
function checkInOn(days: string[], config: RulesConfig, history: string[] = []): CheckIn[] {
  return days.map((day) => {
    const { start } = dayBounds(day, config.timeZone);
    const decision = checkIn(new Date(start.getTime() + 12 * 3_600_000), history, config);
    assert.equal(decision.day, day);
    history.push(decision.day);
    return decision;
  });
}

test('C6 a check-in earns 10 coins once per calendar day', () => {
  const first = checkIn('2026-04-10T08:00:00Z', [], utc);
  assert.equal(first.day, '2026-04-10');
  assert.equal(first.coinsAwarded, 10);
  assert.equal(first.bonusAwarded, 0);
  assert.deepEqual(first.credits, [{ currency: 'coins', amount: 10, ruleId: 'C6', status: 'available', onceKey: '2026-04-10', ref: '2026-04-10' }]);
  const again = checkInDecision('2026-04-10T23:59:59Z', ['2026-04-10'], utc);
  assert.deepEqual(again, { ok: false, code: 'already_checked_in', detail: 'already checked in on 2026-04-10' });
  assert.equal(checkIn('2026-04-11T00:00:00Z', ['2026-04-10'], utc).day, '2026-04-11');
});

test('C6 across the day boundary in Asia/Shanghai', () => {
  assert.equal(checkInDay('2026-04-10T15:59:59Z', shanghai), '2026-04-10');
  assert.equal(checkInDay('2026-04-10T16:00:00Z', shanghai), '2026-04-11');
  const evening = checkIn('2026-04-10T15:30:00Z', [], shanghai);
  assert.equal(evening.day, '2026-04-10');
  // 30 minutes later, in UTC still the 10th, in Shanghai already the 11th: a new check-in.
  const afterMidnight = checkIn('2026-04-10T16:00:00Z', [evening.day], shanghai);
  assert.equal(afterMidnight.day, '2026-04-11');
  assert.equal(afterMidnight.coinsAwarded, 10);
  // The same two instants are one day in UTC.
  assert.equal(checkInDecision('2026-04-10T16:00:00Z', ['2026-04-10'], utc).ok, false);
});

test('C6 across the day boundary in America/New_York on the days daylight saving starts and ends', () => {
  // Spring forward: 2026-03-08 runs from 05:00Z to 04:00Z on the 9th (23 hours).
  assert.equal(checkInDay('2026-03-09T03:59:59Z', newYork), '2026-03-08');
  assert.equal(checkInDay('2026-03-09T04:00:00Z', newYork), '2026-03-09');
  const lateSunday = checkIn('2026-03-09T03:59:59Z', ['2026-03-07'], newYork);
  assert.equal(lateSunday.day, '2026-03-08');
  assert.equal(checkInDecision('2026-03-08T05:00:00Z', ['2026-03-08'], newYork).ok, false, 'the first minute of the 8th is the same day');
  assert.equal(checkIn('2026-03-09T04:00:00Z', ['2026-03-08'], newYork).day, '2026-03-09');
  // Fall back: 2026-11-01 runs from 04:00Z to 05:00Z on the 2nd (25 hours).
  assert.equal(checkInDay('2026-11-02T04:59:59Z', newYork), '2026-11-01');
  assert.equal(checkInDecision('2026-11-02T04:30:00Z', ['2026-11-01'], newYork).ok, false, 'the 25th hour is still the 1st');
  assert.equal(checkIn('2026-11-02T05:00:00Z', ['2026-11-01'], newYork).day, '2026-11-02');
});

test('C7 cumulative bonuses in a 31-day month: +100, +200, +300, +400 at the 7th, 14th, 21st and 30th', () => {
  const decisions = checkInOn(daysOfMonth('2026-01'), utc);
  const bonuses = decisions.map((decision) => decision.bonusAwarded);
  assert.deepEqual(
    bonuses.flatMap((bonus, index) => (bonus > 0 ? [[index + 1, bonus]] : [])),
    [
      [7, 100],
      [14, 200],
      [21, 300],
      [30, 400],
    ],
  );
  assert.equal(decisions[30]?.bonusAwarded, 0, 'the 31st check-in earns only its daily coins');
  assert.equal(
    decisions.reduce((sum, decision) => sum + decision.bonusAwarded, 0),
    1000,
  );
  assert.equal(
    decisions.reduce((sum, decision) => sum + decision.credits.reduce((total, entry) => total + entry.amount, 0), 0),
    31 * 10 + 1000,
  );
  const seventh = decisions[6]!;
  assert.deepEqual(seventh.credits[1], { currency: 'coins', amount: 100, ruleId: 'C7', status: 'available', onceKey: '2026-01#7', ref: '2026-01' });
});

test('C7 in a 30-day month the last bonus comes on the last day', () => {
  const decisions = checkInOn(daysOfMonth('2026-04'), utc);
  assert.equal(decisions[29]?.bonusAwarded, 400);
  assert.equal(
    decisions.reduce((sum, decision) => sum + decision.bonusAwarded, 0),
    1000,
  );
});

test('C7 February with 28 days reaches the last tier by checking in every day', () => {
  const decisions = checkInOn(daysOfMonth('2026-02'), utc);
  assert.equal(decisions.length, 28);
  assert.equal(decisions[27]?.bonusAwarded, 400);
  assert.equal(decisions[27]?.credits[1]?.onceKey, '2026-02#30');
  assert.equal(
    decisions.reduce((sum, decision) => sum + decision.bonusAwarded, 0),
    1000,
  );
});

test('C7 February with 29 days reaches the last tier on the 29th, not the 28th', () => {
  const decisions = checkInOn(daysOfMonth('2028-02'), utc);
  assert.equal(decisions.length, 29);
  assert.equal(decisions[27]?.bonusAwarded, 0);
  assert.equal(decisions[28]?.bonusAwarded, 400);
  assert.equal(
    decisions.reduce((sum, decision) => sum + decision.bonusAwarded, 0),
    1000,
  );
});

test('C7 February missing one day does not reach the last tier', () => {
  const days = daysOfMonth('2026-02').filter((day) => day !== '2026-02-10');
  const decisions = checkInOn(days, utc);
  assert.equal(
    decisions.reduce((sum, decision) => sum + decision.bonusAwarded, 0),
    600,
  );
});

test('C7 days need not be consecutive, and the count restarts each calendar month', () => {
  const scattered = ['2026-05-01', '2026-05-03', '2026-05-09', '2026-05-12', '2026-05-20', '2026-05-25', '2026-05-31'];
  const decisions = checkInOn(scattered, utc);
  assert.equal(decisions[6]?.countThisMonth, 7);
  assert.equal(decisions[6]?.bonusAwarded, 100);
  // Six check-ins late in May do not help June.
  const june = checkIn('2026-06-01T09:00:00Z', [...scattered], utc);
  assert.equal(june.countThisMonth, 1);
  assert.equal(june.bonusAwarded, 0);
});

test('C7 the month of a check-in is the month of the shop zone: Shanghai at the month boundary', () => {
  const history = daysOfMonth('2026-03').slice(0, 6); // six check-ins in March
  // 2026-03-31T16:30Z is already April 1st in Shanghai: it starts April's count.
  const april = checkIn('2026-03-31T16:30:00Z', history, shanghai);
  assert.equal(april.day, '2026-04-01');
  assert.equal(april.countThisMonth, 1);
  // The same instant in UTC is March 31st: the seventh March check-in.
  const march = checkIn('2026-03-31T16:30:00Z', history, utc);
  assert.equal(march.countThisMonth, 7);
  assert.equal(march.bonusAwarded, 100);
});

test('C7 every day of November in New York, across the fall-back change, earns all bonuses', () => {
  const decisions = checkInOn(daysOfMonth('2026-11'), newYork);
  assert.equal(
    decisions.reduce((sum, decision) => sum + decision.bonusAwarded, 0),
    1000,
  );
});

test('C7 bonus tiers of a month with progress', () => {
  const view = checkInMonth('2026-02', ['2026-02-01', '2026-02-02', '2026-01-31', '2026-02-02'], '2026-02-02T10:00:00Z', utc);
  assert.deepEqual(view, {
    month: '2026-02',
    today: '2026-02-02',
    checkedInToday: true,
    days: ['2026-02-01', '2026-02-02'],
    count: 2,
    bonuses: [
      { atCount: 7, coins: 100, earned: false },
      { atCount: 14, coins: 200, earned: false },
      { atCount: 21, coins: 300, earned: false },
      { atCount: 28, coins: 400, earned: false },
    ],
    toNextBonus: 5,
  });
  const full = checkInMonth('2026-01', daysOfMonth('2026-01'), '2026-02-01T00:00:00Z', utc);
  assert.ok(full.bonuses.every((bonus) => bonus.earned));
  assert.equal(full.toNextBonus, null);
  assert.equal(full.checkedInToday, false);
  assert.deepEqual(
    bonusTiersForMonth('2028-02', utc).map((tier) => tier.atCount),
    [7, 14, 21, 29],
  );
});

test('C7 configured tiers replace the defaults', () => {
  const custom = parseRulesConfig({
    ...structuredClone(defaultRulesConfig),
    earning: { ...structuredClone(defaultRulesConfig.earning), checkIn: { coins: 5, bonuses: [{ atCount: 3, coins: 30 }] } },
  });
  const decisions = checkInOn(['2026-07-01', '2026-07-02', '2026-07-03'], custom);
  assert.deepEqual(
    decisions.map((decision) => [decision.coinsAwarded, decision.bonusAwarded]),
    [
      [5, 0],
      [5, 0],
      [5, 30],
    ],
  );
});
