/**
 * The rules configuration refuses what the server could not apply later: keys it does not know
 * (a typo must not be dropped while the operator believes it took effect), values past the
 * bounds that keep every later award exact and storable, text PostgreSQL cannot store, and years
 * outside 1970–2999. A proposal that changes nothing keeps the version.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultRulesConfig, parseRulesConfig, reviseRulesConfig, RulesConfigError, rulesBounds, type RulesConfig } from '../../../src/rules/config.ts';

/** A copy to spoil; numbers and strings of any value can be put where the type expects valid ones. */
const copy = (): RulesConfig => structuredClone(defaultRulesConfig);

function refusedAt(config: unknown, path: string): void {
  assert.throws(
    () => parseRulesConfig(config),
    (error: unknown) => error instanceof RulesConfigError && error.issues.some((issue) => issue.path === path),
    `expected a refusal at ${path}`,
  );
}

test('config: an unknown key is refused at every depth, with its path', () => {
  const places: Array<[(c: RulesConfig) => object, string]> = [
    [(c) => Object.assign(c, { pointz: 1 }), ''],
    [(c) => Object.assign(c.points, { perDolar: 2 }), 'points'],
    [(c) => Object.assign(c.levels[2]!, { colour: 'red' }), 'levels.2'],
    [(c) => Object.assign(c.levels[3]!.gift!, { sku: 'x' }), 'levels.3.gift'],
    [(c) => Object.assign(c.earning.projectLiked, { coin: 5 }), 'earning.projectLiked'],
    [(c) => Object.assign(c.earning.checkIn.bonuses[0]!, { bonus: 5 }), 'earning.checkIn.bonuses.0'],
    [(c) => Object.assign(c.sellers, { feePercent: 5 }), 'sellers'],
  ];
  for (const [change, path] of places) {
    const config = copy();
    change(config);
    refusedAt(config, path);
  }
});

test('config: C8 coins of 2^31 and every award past a million coins are refused; a million is accepted', () => {
  const config = copy();
  config.earning.projectLiked.coins = 2 ** 31;
  refusedAt(config, 'earning.projectLiked.coins');
  const largest = copy();
  largest.earning.projectLiked.coins = rulesBounds.coinsPerAward;
  largest.earning.questionnaireCompleted.coins = rulesBounds.coinsPerAward;
  assert.equal(parseRulesConfig(largest).earning.projectLiked.coins, rulesBounds.coinsPerAward);
  largest.earning.questionnaireCompleted.coins = rulesBounds.coinsPerAward + 1;
  refusedAt(largest, 'earning.questionnaireCompleted.coins');
});

test('config: P1 and C1 rates stop at 100 per dollar, thresholds at 2^31 − 1', () => {
  const config = copy();
  config.points.perDollar = rulesBounds.perDollar + 1;
  config.earning.orderCompleted.coinsPerDollar = 2 ** 53;
  config.levels[6]!.pointsRequired = 2 ** 31;
  refusedAt(config, 'points.perDollar');
  refusedAt(config, 'earning.orderCompleted.coinsPerDollar');
  refusedAt(config, 'levels.6.pointsRequired');
});

test('config: a level or gift name with NUL or a lone surrogate is refused; an emoji is fine', () => {
  for (const name of ['Mars\u0000', 'Mars\uD800', '\uDFFF']) {
    const config = copy();
    config.levels[2]!.name = name;
    refusedAt(config, 'levels.2.name');
    const gift = copy();
    gift.levels[2]!.gift!.name = name;
    refusedAt(gift, 'levels.2.gift.name');
  }
  const config = copy();
  config.levels[2]!.name = 'Mars \uD83D\uDE80';
  assert.equal(parseRulesConfig(config).levels[2]!.name, 'Mars \uD83D\uDE80');
});

test('config: holidays and event windows within 1970–2999', () => {
  const config = copy();
  config.sellers.holidays = ['0000-01-01'];
  refusedAt(config, 'sellers.holidays.0');
  const window = copy();
  window.earning.projectShared.event = { startsAt: '0000-01-01T00:00:00Z', endsAt: '2026-01-01T00:00:00Z' };
  refusedAt(window, 'earning.projectShared.event.startsAt');
});

test('config: a proposal equal to the current rules keeps the version, whatever version it names', () => {
  const current = { ...defaultRulesConfig, version: 7 };
  assert.equal(reviseRulesConfig(current, { ...defaultRulesConfig, version: 99 }), current);
  assert.throws(() => reviseRulesConfig(current, { ...defaultRulesConfig, extra: true }), RulesConfigError);
});
