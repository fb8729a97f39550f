/**
 * Reads the nearest `<rewards-provider>`'s context and follows its changes. Shared by the
 * configuration and localization controllers.
 *
 * It speaks the context protocol itself (a subscribing `context-request` event) rather than
 * through `ContextConsumer`, so that it can skip the request where no provider can answer it:
 * while `<rewards-provider>` is not defined on the page. A forum page of a thousand badges and
 * no provider would otherwise send a thousand events through the document, and the context
 * root would keep a note of each. The skipped requests are made the moment the provider's tag
 * is defined, so a provider whose script arrives later still reaches every element inside it.
 * (A page gets the provider's class only with its tag defined: the package's entries define it.)
 *
 * A request no provider answered at once is kept by the context root (`context-root.ts`) for a
 * provider upgraded later (one defined under another tag, say). The root is loaded on demand,
 * the first time a request goes unanswered; until it is attached, such requests are sent again
 * once it is.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { rewardsContext, RewardsContextValue } from '../rewards-provider/context.ts';
import { PROVIDER_TAG } from './provider-tag.ts';

/**
 * The provider's context key (`rewardsContext`): a registry symbol, so it is named here rather
 * than imported, which would bring `@lit/context` whole into a page of badges.
 */
const CONTEXT = Symbol.for('member-rewards-kit/rewards-context@1') as unknown as typeof rewardsContext;

/** The protocol's `context-request` event, as `@lit/context`'s `ContextRequestEvent` makes it. */
class ContextRequest extends Event {
  constructor(
    readonly contextTarget: Element,
    readonly callback: (value: RewardsContextValue, unsubscribe?: () => void) => void,
  ) {
    super('context-request', { bubbles: true, composed: true });
  }
  readonly context = CONTEXT;
  readonly subscribe = true;
}

/** Connected elements whose request waits for the provider's tag to be defined. */
const waiting = new Set<ProviderContextController>();
let waitingForDefinition = false;

/** The context root's module, once loaded (see the comment above). */
let contextRoot: typeof import('./context-root.ts') | undefined;
let contextRootLoading: Promise<void> | undefined;

function loadContextRoot(): Promise<void> {
  return (contextRootLoading ??= import('./context-root.ts').then((module) => {
    contextRoot = module;
  }));
}

function requestWhenProviderDefined(controller: ProviderContextController): void {
  waiting.add(controller);
  if (waitingForDefinition) return;
  waitingForDefinition = true;
  void customElements.whenDefined(PROVIDER_TAG).then(() => {
    for (const each of [...waiting]) each.request();
    waiting.clear();
  });
}

export class ProviderContextController implements ReactiveController {
  private current?: RewardsContextValue;
  private unsubscribe?: (() => void) | undefined;

  /** The provider's answer; the same function every time, as the context root expects. */
  private readonly receive = (value: RewardsContextValue, unsubscribe?: () => void): void => {
    // Another provider answering (the element moved): leave the old one.
    if (this.unsubscribe && this.unsubscribe !== unsubscribe) this.unsubscribe();
    this.unsubscribe = unsubscribe;
    this.current = value;
    this.host.requestUpdate();
  };

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** The nearest provider's value, or `undefined` outside any provider. */
  get value(): RewardsContextValue | undefined {
    return this.current;
  }

  hostConnected(): void {
    // A reconnected element may have moved out of its provider: forget the old value; the
    // request, which follows, brings the new one (or none).
    if (this.current !== undefined) {
      this.current = undefined;
      this.host.requestUpdate();
    }
    if (customElements.get(PROVIDER_TAG)) this.request();
    else requestWhenProviderDefined(this);
  }

  hostDisconnected(): void {
    waiting.delete(this);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Asks the nearest provider (now, or when one connects around the element). */
  request(): void {
    if (!this.host.isConnected) return;
    contextRoot?.ensureContextRoot(this.host);
    this.host.dispatchEvent(new ContextRequest(this.host, this.receive));
    // Unanswered before the root was here: ask again once it is, for it to keep the request.
    if (!contextRoot && this.current === undefined) {
      void loadContextRoot().then(() => {
        if (this.current === undefined) this.request();
      });
    }
  }
}
