/** A member spent coins on a catalog item (S1 product, S2 coupon). */
export interface RedeemedDetail {
  readonly catalogItemId: string;
  /** Coins taken. */
  readonly coins: number;
  /** The cart item a product became; absent for a coupon. */
  readonly cartItemId?: string;
}

export class RewardsRedeemedEvent extends Event {
  static readonly eventName = 'rewards-redeemed';
  readonly detail: RedeemedDetail;

  constructor(detail: RedeemedDetail) {
    super(RewardsRedeemedEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rewards-redeemed': RewardsRedeemedEvent;
  }
}
