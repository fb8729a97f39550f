/** The member's level rose (P3), seen by an element on this page. */
export interface LevelUpDetail {
  /** Level index before, 0 (Member) … 6 (Jupiter). */
  readonly from: number;
  /** Level index after. */
  readonly to: number;
}

export class RewardsLevelUpEvent extends Event {
  static readonly eventName = 'rewards-level-up';
  readonly detail: LevelUpDetail;

  constructor(detail: LevelUpDetail) {
    super(RewardsLevelUpEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rewards-level-up': RewardsLevelUpEvent;
  }
}
