/** A member checked in for the day (C6), possibly reaching a monthly bonus tier (C7). */
export interface CheckedInDetail {
  /** The calendar day checked in, `YYYY-MM-DD` in the shop's time zone. */
  readonly day: string;
  /** Coins for the check-in itself. */
  readonly coinsAwarded: number;
  /** Coins of a monthly bonus tier reached by this check-in; `0` when none. */
  readonly bonusAwarded: number;
}

export class RewardsCheckedInEvent extends Event {
  static readonly eventName = 'rewards-checked-in';
  readonly detail: CheckedInDetail;

  constructor(detail: CheckedInDetail) {
    super(RewardsCheckedInEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rewards-checked-in': RewardsCheckedInEvent;
  }
}
