/**
 * An element could not load or act. It already shows its error face; the event lets the
 * page log, report or react (for example, `unauthorized` → refresh the member's session).
 */
export interface ErrorDetail {
  /** The API's machine code (`insufficient_coins`, `unauthorized`, …), or `network`. */
  readonly code: string;
  /** The HTTP status; `0` when no response arrived. */
  readonly status: number;
  /** A human-readable explanation, for logs rather than for members. */
  readonly detail: string;
  /** The tag name of the element that failed, such as `coin-balance`. */
  readonly source: string;
}

export class RewardsErrorEvent extends Event {
  static readonly eventName = 'rewards-error';
  readonly detail: ErrorDetail;

  constructor(detail: ErrorDetail) {
    super(RewardsErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rewards-error': RewardsErrorEvent;
  }
}
