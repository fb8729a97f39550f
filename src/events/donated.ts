/** A member gave coins to a project (S3). */
export interface DonatedDetail {
  readonly projectId: string;
  /** Coins given. */
  readonly coins: number;
  /** The donation the server recorded. */
  readonly donationId: string;
}

export class RewardsDonatedEvent extends Event {
  static readonly eventName = 'rewards-donated';
  readonly detail: DonatedDetail;

  constructor(detail: DonatedDetail) {
    super(RewardsDonatedEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rewards-donated': RewardsDonatedEvent;
  }
}
