/**
 * C7 monthly bonus tiers as the calendar shows them. The server's `bonuses` list is the
 * source of the tiers (their counts already shortened to the month's length, so February's
 * last tier asks for 28 or 29 days); this only adds the progress towards each.
 */

/** A tier as the check-ins response gives it. */
export interface BonusTier {
  readonly atCount: number;
  readonly coins: number;
  readonly earned: boolean;
}

export interface BonusTierProgress extends BonusTier {
  /** Check-ins counted towards this tier: the month's count, at most `atCount`. */
  readonly progress: number;
  /** The first tier not yet earned: the one the member is working towards. */
  readonly next: boolean;
}

/** The tiers in order of their count, each with its progress for `checkedInDays` days. */
export function bonusProgress(checkedInDays: number, tiers: readonly BonusTier[]): BonusTierProgress[] {
  const count = Math.max(0, Math.trunc(checkedInDays));
  const ordered = [...tiers].sort((a, b) => a.atCount - b.atCount);
  const nextIndex = ordered.findIndex((tier) => !tier.earned);
  return ordered.map((tier, index) => ({
    atCount: tier.atCount,
    coins: tier.coins,
    earned: tier.earned,
    progress: Math.min(count, tier.atCount),
    next: index === nextIndex,
  }));
}
