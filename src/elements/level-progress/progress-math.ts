/**
 * Where a member stands between their level and the next (P3, P6): the bar runs from the
 * current level's threshold to the next one's, so a member who just reached Mars starts at
 * the beginning of the Mars → Venus bar, not a quarter of the way along it.
 */
import type { MeResponse } from '../../api/member.ts';
import type { Level } from '../../api/public.ts';

export interface LevelProgress {
  /** Lifetime points. */
  readonly points: number;
  /** Points at which the current level starts (the bar's minimum). */
  readonly from: number;
  /** Points at which the next level starts (the bar's maximum); absent at the top level. */
  readonly to?: number;
  /** Points still missing; 0 at the top level. */
  readonly toGo: number;
  /** 0 … 1 of the way from `from` to `to`; 1 at the top level. */
  readonly fraction: number;
}

/**
 * The progress of an account. `levels` gives the current level's threshold; without it (not
 * loaded, or failed), the bar starts at zero points, which is still true, only coarser.
 */
export function levelProgress(account: Pick<MeResponse, 'points' | 'level' | 'nextLevel'>, levels?: readonly Level[]): LevelProgress {
  const { points, nextLevel } = account;
  if (!nextLevel) return { points, from: 0, toGo: 0, fraction: 1 };
  const to = nextLevel.pointsRequired;
  const threshold = levels?.find((level) => level.index === account.level.index)?.pointsRequired;
  // A threshold above the member's points (the rules changed since) would give a negative bar.
  const from = threshold !== undefined && threshold <= points && threshold < to ? threshold : 0;
  const span = to - from;
  const fraction = span > 0 ? Math.min(1, Math.max(0, (points - from) / span)) : 0;
  return { points, from, to, toGo: nextLevel.pointsToGo, fraction };
}
