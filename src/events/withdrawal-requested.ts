/** A partner seller asked to withdraw store credit (M4); the shop makes the transfer. */
export interface WithdrawalRequestedDetail {
  readonly withdrawalId: string;
  /** Cents asked for. */
  readonly amountCents: number;
  /** The store credit left. */
  readonly storeCreditCents: number;
}

export class RewardsWithdrawalRequestedEvent extends Event {
  static readonly eventName = 'rewards-withdrawal-requested';
  readonly detail: WithdrawalRequestedDetail;

  constructor(detail: WithdrawalRequestedDetail) {
    super(RewardsWithdrawalRequestedEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rewards-withdrawal-requested': RewardsWithdrawalRequestedEvent;
  }
}
