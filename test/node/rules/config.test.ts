import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultRulesConfig, parseRulesConfig, reviseRulesConfig, RulesConfigError, rulesConfigSchema, type RulesConfig } from '../../../src/rules/config.ts';
import * as z from 'zod/mini';

const clone = (): RulesConfig => structuredClone(defaultRulesConfig) as RulesConfig;

function refusedPaths(input: unknown): string[] {
  try {
    parseRulesConfig(input);
  } catch (error) {
    assert.ok(error instanceof RulesConfigError);
    return error.issues.map((issue) => issue.path);
  }
  assert.fail('the configuration was accepted');
}

test('config: the defaults validate and hold the rulebook numbers', () => {
  const config = parseRulesConfig(defaultRulesConfig);
  assert.deepEqual(config, defaultRulesConfig);
  assert.equal(z.safeParse(rulesConfigSchema, defaultRulesConfig).success, true);
  assert.equal(config.version, 1);
  assert.equal(config.timeZone, 'UTC');
  assert.deepEqual(
    config.levels.map((level) => [level.name, level.pointsRequired, level.discountPercent]),
    [
      ['Member', 0, 0],
      ['Mercury', 1, 1],
      ['Mars', 500, 2],
      ['Venus', 2000, 3],
      ['Earth', 5000, 4],
      ['Saturn', 10000, 5],
      ['Jupiter', 20000, 6],
    ],
  );
  assert.equal(config.levels[0]?.gift, null);
  assert.ok(config.levels.slice(1).every((level) => level.gift !== null && level.gift.name.length > 0));
  assert.deepEqual(config.earning.checkIn, {
    coins: 10,
    bonuses: [
      { atCount: 7, coins: 100 },
      { atCount: 14, coins: 200 },
      { atCount: 21, coins: 300 },
      { atCount: 30, coins: 400 },
    ],
  });
  assert.deepEqual(config.earning.projectShared, { textImages: 50, gerberBom: 100, tutorial: 500, tutorialDuringEvent: 1000, event: null });
  assert.deepEqual(config.earning.projectLiked, { coins: 1, dailyCapCoins: 5 });
  assert.deepEqual(config.earning.projectCommented, { coins: 1, dailyCapCoins: 5 });
  assert.equal(config.earning.quotationPaidQuickly.windowHours, 120);
  assert.deepEqual(config.earning.officialReward, { minCoins: 1, maxCoins: 1000 });
  assert.deepEqual(config.sellers, { feeBasisPoints: 500, payoutWorkingDays: 3, holidays: [] });
});

test('config: the defaults cannot be changed by accident', () => {
  assert.throws(() => {
    (defaultRulesConfig.levels[1] as { pointsRequired: number }).pointsRequired = 7;
  }, TypeError);
  assert.equal(defaultRulesConfig.levels[1]?.pointsRequired, 1);
});

test('config: a shop zone, an event window and holidays are accepted', () => {
  const input = clone();
  input.timeZone = 'Asia/Shanghai';
  input.earning.projectShared.event = { startsAt: '2026-05-01T00:00:00Z', endsAt: '2026-05-08T00:00:00+08:00' };
  input.sellers.holidays = ['2026-01-01', '2026-12-25'];
  input.levels[3]!.gift = { name: 'Venus kit', catalogItemId: 'kit-venus' };
  const config = parseRulesConfig(input);
  assert.equal(config.timeZone, 'Asia/Shanghai');
  assert.deepEqual(config.levels[3]?.gift, { name: 'Venus kit', catalogItemId: 'kit-venus' });
});

test('config: thresholds that do not increase strictly are refused with their path', () => {
  const input = clone();
  input.levels[3]!.pointsRequired = 500;
  assert.deepEqual(refusedPaths(input), ['levels.3.pointsRequired']);
});

test('config: thresholds must start at 0', () => {
  const input = clone();
  input.levels[0]!.pointsRequired = 1;
  input.levels[1]!.pointsRequired = 2;
  assert.deepEqual(refusedPaths(input), ['levels.0.pointsRequired']);
});

test('config: exactly seven levels, LV0 to LV6', () => {
  const six = clone();
  six.levels.pop();
  assert.deepEqual(refusedPaths(six), ['levels']);
  const eight = clone();
  eight.levels.push({ name: 'Neptune', pointsRequired: 40000, discountPercent: 7, gift: null });
  assert.deepEqual(refusedPaths(eight), ['levels']);
});

test('config: negative caps, fractional coins and a bad zone are all reported at once', () => {
  const input = clone();
  input.earning.projectLiked.dailyCapCoins = -1;
  input.earning.checkIn.coins = 2.5;
  input.timeZone = 'Mars/Olympus_Mons';
  const paths = refusedPaths(input);
  assert.deepEqual(new Set(paths), new Set(['earning.projectLiked.dailyCapCoins', 'earning.checkIn.coins', 'timeZone']));
  assert.throws(() => parseRulesConfig(input), /earning\.projectLiked\.dailyCapCoins.*must be at least 0/);
});

test('config: bonus tiers in order, a reward range, an event that ends after it starts, real holidays', () => {
  const input = clone();
  input.earning.checkIn.bonuses = [
    { atCount: 14, coins: 200 },
    { atCount: 7, coins: 100 },
  ];
  input.earning.officialReward = { minCoins: 10, maxCoins: 5 };
  input.earning.projectShared.event = { startsAt: '2026-05-08T00:00:00Z', endsAt: '2026-05-01T00:00:00Z' };
  input.sellers.holidays = ['2026-02-30'];
  assert.deepEqual(
    new Set(refusedPaths(input)),
    new Set(['earning.checkIn.bonuses.1.atCount', 'earning.officialReward.maxCoins', 'earning.projectShared.event.endsAt', 'sellers.holidays.0']),
  );
});

test('config: fee basis points stay within 0..10000', () => {
  const input = clone();
  input.sellers.feeBasisPoints = 10_001;
  assert.deepEqual(refusedPaths(input), ['sellers.feeBasisPoints']);
});

test('config: something that is not a configuration is refused, naming the missing parts', () => {
  const paths = refusedPaths({ version: 1 });
  assert.ok(paths.includes('levels') && paths.includes('earning') && paths.includes('timeZone'));
  assert.throws(() => parseRulesConfig(null), RulesConfigError);
});

test('config: a changed configuration carries the next version; an unchanged one keeps its version', () => {
  const changed = clone();
  changed.earning.checkIn.coins = 15;
  const revised = reviseRulesConfig(defaultRulesConfig, changed);
  assert.equal(revised.version, 2);
  assert.equal(revised.earning.checkIn.coins, 15);
  assert.equal(reviseRulesConfig(revised, { ...revised, version: 99 }).version, 2, 'the proposed version is ignored');
  assert.equal(reviseRulesConfig(defaultRulesConfig, clone()).version, 1);
  const again = clone();
  again.sellers.holidays = ['2026-01-01'];
  assert.equal(reviseRulesConfig(revised, { ...again, earning: revised.earning }).version, 3);
  assert.throws(() => reviseRulesConfig(defaultRulesConfig, { ...clone(), timeZone: 'Nowhere/Else' }), /timeZone/);
});
