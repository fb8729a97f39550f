/**
 * Follows one member's public badge for an element, on the light path (`sdk/public-badges.ts`):
 * no store, no session. The element says which member of which API it shows; the controller
 * follows it from every update, and moves when the choice changes. The badge's first update
 * runs in `connectedCallback` (`light-host.ts`), so the request of a page's badges leaves in
 * the task they connect in.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { publicBadges, type PublicBadgeState, type PublicBadges } from '../../sdk/public-badges.ts';

export interface PublicBadgeChoice {
  /** Absolute API base, as the element's configuration gives it. */
  api: string;
  memberId: string;
}

export class PublicBadgeController implements ReactiveController {
  private source?: PublicBadges;
  private memberId?: string;
  private unwatch?: () => void;
  private current?: PublicBadgeState;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly choose: () => PublicBadgeChoice | undefined,
  ) {
    host.addController(this);
  }

  /** The followed badge's state; `undefined` while the element follows none. */
  get state(): PublicBadgeState | undefined {
    return this.current;
  }

  /** Asks the server again, past any kept answer. */
  refresh(): void {
    if (this.source && this.memberId !== undefined) this.source.refresh(this.memberId);
  }

  hostUpdate(): void {
    this.follow();
  }

  hostDisconnected(): void {
    this.unwatch?.();
    this.unwatch = this.source = this.memberId = this.current = undefined;
  }

  private follow(): void {
    const choice = this.choose();
    if (choice?.api === this.source?.api && choice?.memberId === this.memberId) return;
    this.unwatch?.();
    this.unwatch = this.source = this.memberId = this.current = undefined;
    if (!choice) return;
    const source = publicBadges(choice.api);
    this.source = source;
    this.memberId = choice.memberId;
    this.unwatch = source.watch(choice.memberId, (state) => {
      this.current = state;
      this.host.requestUpdate();
    });
    this.current = source.peek(choice.memberId);
  }
}
