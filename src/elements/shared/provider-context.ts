/**
 * Reads the nearest `<rewards-provider>`'s context and follows its changes. Shared by the
 * configuration and localization controllers.
 */
import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { rewardsContext, type RewardsContextValue } from '../rewards-provider/context.ts';
import { ensureContextRoot } from './context-root.ts';

export class ProviderContextController implements ReactiveController {
  private readonly consumer: ContextConsumer<typeof rewardsContext, ReactiveControllerHost & HTMLElement>;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    // Added before the consumer so that hostConnected below runs before its request.
    host.addController(this);
    this.consumer = new ContextConsumer(host, { context: rewardsContext, subscribe: true });
  }

  /** The nearest provider's value, or `undefined` outside any provider. */
  get value(): RewardsContextValue | undefined {
    return this.consumer.value;
  }

  hostConnected(): void {
    ensureContextRoot(this.host);
    // A reconnected element may have moved out of its provider: forget the old value; the
    // consumer's request, which follows, brings the new one (or none).
    if (this.consumer.value !== undefined) {
      this.consumer.value = undefined;
      this.host.requestUpdate();
    }
  }
}
