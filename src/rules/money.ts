/**
 * Integer arithmetic for cents, points and coins. Ratios are computed exactly with BigInt so
 * that a product such as cents × basis points can exceed 2^53 without losing a cent.
 */

export function assertWholeNumber(value: number, name = 'amount'): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a whole number, got ${value}`);
}

export function assertNonNegativeWholeNumber(value: number, name = 'amount'): void {
  assertWholeNumber(value, name);
  if (value < 0) throw new RangeError(`${name} must not be negative, got ${value}`);
}

/** floor(numerator / denominator) for whole numbers, also for negative numerators. */
export function floorDiv(numerator: number, denominator: number): number {
  assertWholeNumber(numerator, 'numerator');
  assertWholeNumber(denominator, 'denominator');
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  return Number(bigFloorDiv(BigInt(numerator), BigInt(denominator)));
}

function bigFloorDiv(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator; // truncates toward zero
  return numerator % denominator !== 0n && numerator < 0n ? quotient - 1n : quotient;
}

/**
 * numerator / denominator rounded to the nearest whole number, halves away from zero
 * (commercial rounding: 2.5 → 3, −2.5 → −3).
 */
export function roundHalfUp(numerator: number | bigint, denominator: number | bigint): number {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d <= 0n) throw new RangeError('denominator must be positive');
  const magnitude = (2n * (n < 0n ? -n : n) + d) / (2n * d);
  const result = n < 0n ? -magnitude : magnitude;
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError('result is too large');
  }
  return Number(result);
}

/** amount × factor / denominator, rounded half up, exactly. */
export function mulDivRoundHalfUp(amount: number, factor: number, denominator: number): number {
  assertWholeNumber(amount);
  assertWholeNumber(factor, 'factor');
  assertWholeNumber(denominator, 'denominator');
  return roundHalfUp(BigInt(amount) * BigInt(factor), BigInt(denominator));
}

/** `percent`% of `cents`, rounded half up to the cent. */
export function percentOfCents(cents: number, percent: number): number {
  return mulDivRoundHalfUp(cents, percent, 100);
}

/** `basisPoints`/10 000 of `cents` (500 = 5%), rounded half up to the cent. */
export function basisPointsOfCents(cents: number, basisPoints: number): number {
  return mulDivRoundHalfUp(cents, basisPoints, 10_000);
}

/** Whole dollars in an amount of cents (a $12.99 price holds 12). */
export function wholeDollars(cents: number): number {
  return floorDiv(cents, 100);
}
