/**
 * The rules configuration: every number of the rulebook, operator-adjustable and versioned.
 * Written with `zod/mini` because the browser imports it too.
 */
import * as z from 'zod/mini';
import { boundedInt, boundedText, calendarDay, limits, resourceId, sensibleYear, storage } from '../api/common.ts';
import { isValidTimeZone } from './time-zone.ts';

/** The number of levels, LV0 to LV6. */
export const LEVEL_COUNT = 7;

/**
 * Bounds that keep every later computation exact and storable, whatever the operator sets: one
 * award is at most a million coins, and a rate per dollar at most 100, so that an order (at most
 * 2^31 − 1 cents, see events.ts) earns at most 2^31 − 1 points or coins in one ledger entry.
 */
export const rulesBounds = {
  coinsPerAward: 1_000_000,
  perDollar: 100,
  /** Thresholds, word counts, versions: what an `int` column holds. */
  whole: storage.intMax,
  /** A quick-payment window of up to ten years. */
  windowHours: 87_600,
  holidays: 1_000,
} as const;

const wholeNumber = (max: number = rulesBounds.whole) => boundedInt(0, max);
const positiveWholeNumber = (max: number = rulesBounds.whole) => boundedInt(1, max);
const awardCoins = () => wholeNumber(rulesBounds.coinsPerAward);
const ruleName = () => boundedText(1, limits.nameLength);

// Every object is strict: a key the server does not know is a typo that would otherwise be
// dropped without a word while the operator believes the setting took effect.
const giftSchema = z.strictObject({
  name: ruleName(),
  catalogItemId: z.optional(resourceId),
});

const levelSchema = z.strictObject({
  name: ruleName(),
  pointsRequired: wholeNumber(),
  discountPercent: wholeNumber(100),
  /** Put into the cart the first time a member reaches this level (P5); null: no gift. */
  gift: z.nullable(giftSchema),
});

const coinsOnly = () => z.strictObject({ coins: awardCoins() });
const cappedDaily = () => z.strictObject({ coins: awardCoins(), dailyCapCoins: awardCoins() });

const eventWindowSchema = z
  .strictObject({
    startsAt: z.iso.datetime({ offset: true }).check(z.regex(sensibleYear)),
    endsAt: z.iso.datetime({ offset: true }).check(z.regex(sensibleYear)),
  })
  .check(
    z.superRefine((window, ctx) => {
      if (!(Date.parse(window.startsAt) < Date.parse(window.endsAt))) {
        ctx.issues.push({ code: 'custom', input: window, path: ['endsAt'], message: 'the event must end after it starts' });
      }
    }),
  );

const checkInBonusSchema = z.strictObject({
  /** The n-th check-in of a calendar month that earns the bonus. */
  atCount: positiveWholeNumber(31),
  coins: awardCoins(),
});

export const rulesConfigSchema = z.strictObject({
  /** Increases with every change; ledger entries record the version they were computed under. */
  version: positiveWholeNumber(),
  /** IANA zone of calendar days (daily caps, check-ins, months). */
  timeZone: z
    .string()
    .check(z.maxLength(limits.idLength), z.refine(isValidTimeZone, { message: 'expected an IANA time zone such as "UTC" or "Asia/Shanghai"' })),
  points: z.strictObject({
    /** P1: points per whole dollar (100 cents) of the eligible amount. */
    perDollar: wholeNumber(rulesBounds.perDollar),
  }),
  levels: z.array(levelSchema).check(
    z.length(LEVEL_COUNT),
    z.superRefine((levels, ctx) => {
      levels.forEach((level, index) => {
        if (index === 0 && level.pointsRequired !== 0) {
          ctx.issues.push({ code: 'custom', input: level.pointsRequired, path: [0, 'pointsRequired'], message: 'LV0 must start at 0 points' });
        }
        const previous = levels[index - 1];
        if (previous && level.pointsRequired <= previous.pointsRequired) {
          ctx.issues.push({
            code: 'custom',
            input: level.pointsRequired,
            path: [index, 'pointsRequired'],
            message: `thresholds must increase strictly (LV${index} needs more than LV${index - 1}'s ${previous.pointsRequired})`,
          });
        }
      });
      if (levels[0]?.gift) {
        ctx.issues.push({ code: 'custom', input: levels[0].gift, path: [0, 'gift'], message: 'LV0 is never reached by an upgrade, so it has no gift' });
      }
    }),
  ),
  earning: z.strictObject({
    orderCompleted: z.strictObject({ coinsPerDollar: wholeNumber(rulesBounds.perDollar) }), // C1
    newsletterSubscribed: coinsOnly(), // C2
    profileCompleted: coinsOnly(), // C3
    projectShared: z.strictObject({
      // C4
      textImages: awardCoins(),
      gerberBom: awardCoins(),
      tutorial: awardCoins(),
      tutorialDuringEvent: awardCoins(),
      /** While this window is open, the tutorial tier earns `tutorialDuringEvent`. */
      event: z.nullable(eventWindowSchema),
    }),
    feedbackShared: z.strictObject({
      // C5
      longMinWords: positiveWholeNumber(),
      shortText: awardCoins(),
      longText: awardCoins(),
      withMedia: awardCoins(),
      longWithVideos: awardCoins(),
    }),
    checkIn: z.strictObject({
      coins: awardCoins(), // C6
      bonuses: z.array(checkInBonusSchema).check(
        z.maxLength(31),
        z.superRefine((bonuses, ctx) => {
          bonuses.forEach((bonus, index) => {
            const previous = bonuses[index - 1];
            if (previous && bonus.atCount <= previous.atCount) {
              ctx.issues.push({
                code: 'custom',
                input: bonus.atCount,
                path: [index, 'atCount'],
                message: 'bonus tiers must be in strictly increasing order of check-in count',
              });
            }
          });
        }),
      ), // C7
    }),
    projectLiked: cappedDaily(), // C8
    projectCommented: cappedDaily(), // C9
    inviteeFirstOrder: coinsOnly(), // C10
    officialReward: z
      .strictObject({ minCoins: positiveWholeNumber(rulesBounds.coinsPerAward), maxCoins: positiveWholeNumber(rulesBounds.coinsPerAward) })
      .check(
        z.superRefine((range, ctx) => {
          if (range.minCoins > range.maxCoins) {
            ctx.issues.push({ code: 'custom', input: range, path: ['maxCoins'], message: 'maxCoins must be at least minCoins' });
          }
        }),
      ), // C11
    bomUploaded: coinsOnly(), // C12
    testFileUploaded: coinsOnly(), // C13
    quotationPaidQuickly: z.strictObject({ coins: awardCoins(), windowHours: positiveWholeNumber(rulesBounds.windowHours) }), // C14
    progressChecked: coinsOnly(), // C15
    mediaRated: coinsOnly(), // C16
    pcbaConfirmed: coinsOnly(), // C17
    questionnaireCompleted: coinsOnly(), // C18
  }),
  sellers: z.strictObject({
    /** M1: the platform's share of a line, in basis points (500 = 5%). */
    feeBasisPoints: wholeNumber(10_000),
    /** M2: a month's net is paid within this many working days of the next month. */
    payoutWorkingDays: positiveWholeNumber(20),
    /** Days that are not working days, in the shop's zone. */
    holidays: z.array(calendarDay).check(z.maxLength(rulesBounds.holidays)),
  }),
});

export type RulesConfig = z.infer<typeof rulesConfigSchema>;
export type LevelConfig = RulesConfig['levels'][number];
export type GiftConfig = NonNullable<LevelConfig['gift']>;
export type CheckInBonusConfig = RulesConfig['earning']['checkIn']['bonuses'][number];

export const defaultRulesConfig: RulesConfig = deepFreeze({
  version: 1,
  timeZone: 'UTC',
  points: { perDollar: 1 },
  levels: [
    { name: 'Member', pointsRequired: 0, discountPercent: 0, gift: null },
    { name: 'Mercury', pointsRequired: 1, discountPercent: 1, gift: { name: 'Mercury upgrade gift' } },
    { name: 'Mars', pointsRequired: 500, discountPercent: 2, gift: { name: 'Mars upgrade gift' } },
    { name: 'Venus', pointsRequired: 2_000, discountPercent: 3, gift: { name: 'Venus upgrade gift' } },
    { name: 'Earth', pointsRequired: 5_000, discountPercent: 4, gift: { name: 'Earth upgrade gift' } },
    { name: 'Saturn', pointsRequired: 10_000, discountPercent: 5, gift: { name: 'Saturn upgrade gift' } },
    { name: 'Jupiter', pointsRequired: 20_000, discountPercent: 6, gift: { name: 'Jupiter upgrade gift' } },
  ],
  earning: {
    orderCompleted: { coinsPerDollar: 1 },
    newsletterSubscribed: { coins: 50 },
    profileCompleted: { coins: 50 },
    projectShared: { textImages: 50, gerberBom: 100, tutorial: 500, tutorialDuringEvent: 1000, event: null },
    feedbackShared: { longMinWords: 20, shortText: 10, longText: 20, withMedia: 20, longWithVideos: 50 },
    checkIn: {
      coins: 10,
      bonuses: [
        { atCount: 7, coins: 100 },
        { atCount: 14, coins: 200 },
        { atCount: 21, coins: 300 },
        { atCount: 30, coins: 400 },
      ],
    },
    projectLiked: { coins: 1, dailyCapCoins: 5 },
    projectCommented: { coins: 1, dailyCapCoins: 5 },
    inviteeFirstOrder: { coins: 1000 },
    officialReward: { minCoins: 1, maxCoins: 1000 },
    bomUploaded: { coins: 200 },
    testFileUploaded: { coins: 50 },
    quotationPaidQuickly: { coins: 300, windowHours: 120 },
    progressChecked: { coins: 50 },
    mediaRated: { coins: 5 },
    pcbaConfirmed: { coins: 20 },
    questionnaireCompleted: { coins: 500 },
  },
  sellers: { feeBasisPoints: 500, payoutWorkingDays: 3, holidays: [] },
});

export class RulesConfigError extends Error {
  override readonly name = 'RulesConfigError';
  constructor(readonly issues: ReadonlyArray<{ path: string; message: string }>) {
    super(`invalid rules configuration: ${issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ')}`);
  }
}

/** Validates any input as a rules configuration; throws a RulesConfigError naming every bad path. */
export function parseRulesConfig(input: unknown): RulesConfig {
  const result = z.safeParse(rulesConfigSchema, input);
  if (!result.success) {
    throw new RulesConfigError(result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: describeIssue(issue) })));
  }
  return result.data;
}

/** zod/mini ships without message catalogs (to stay small), so its issues are worded here. */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_small':
      if (issue.exact) return `must have exactly ${issue.minimum} ${issue.origin === 'array' ? 'entries' : 'characters'}`;
      return issue.origin === 'array' || issue.origin === 'string'
        ? `must have at least ${issue.minimum} ${issue.origin === 'array' ? 'entries' : 'characters'}`
        : `must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `must have at most ${issue.maximum} ${issue.origin === 'array' ? 'entries' : 'characters'}`
        : `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
    case 'invalid_format':
      return `expected a ${issue.format} string`;
    case 'custom':
      return issue.message;
    default:
      return issue.message || issue.code;
  }
}

/**
 * The configuration that replaces `current` with the settings of `proposed` (its own `version`,
 * if any, is ignored). A real change gets the next version; no change keeps the current one.
 */
export function reviseRulesConfig(current: RulesConfig, proposed: unknown): RulesConfig {
  const candidate = typeof proposed === 'object' && proposed !== null ? { ...proposed, version: current.version } : proposed;
  const parsed = parseRulesConfig(candidate);
  if (canonicalJson(parsed) === canonicalJson(current)) return current;
  return { ...parsed, version: current.version + 1 };
}

/** JSON with object keys sorted, so two equal configurations compare equal as strings. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
