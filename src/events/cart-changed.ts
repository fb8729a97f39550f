/** The gifts in the member's cart changed: one removed, its shipping chosen, or one added. */
export type CartChangeReason = 'removed' | 'shipping' | 'redeemed';

export interface CartChangedDetail {
  readonly reason: CartChangeReason;
  readonly itemId: string;
  /** Coins given back by a removal (S1); absent for other changes. */
  readonly coinsReturned?: number;
}

export class RewardsCartChangedEvent extends Event {
  static readonly eventName = 'rewards-cart-changed';
  readonly detail: CartChangedDetail;

  constructor(detail: CartChangedDetail) {
    super(RewardsCartChangedEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rewards-cart-changed': RewardsCartChangedEvent;
  }
}
