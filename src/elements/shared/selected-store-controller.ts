/**
 * Subscribes an element to a nanostores store that it picks from its own current state — the
 * effective API and member, a `month` attribute, a `member` id — and moves the subscription
 * when that pick changes. Removing the element from the page drops the subscription, so
 * nothing it once showed keeps fetching or holding memory for it.
 *
 * `@nanostores/lit`'s `StoreController` keeps one store for the element's life; an element
 * whose attributes choose the store (an SPA switching member or month) needs this one.
 *
 * ```ts
 * private readonly checkIns = new SelectedStoreController(this, () =>
 *   this.session()?.checkIns(this.month),
 * );
 * render() { const state = this.checkIns.value; … }
 * ```
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';

export class SelectedStoreController<T> implements ReactiveController {
  private current: ReadableAtom<T> | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;

  /**
   * @param select Called before every render of the host: returns the store to follow now, or
   *   `undefined` for none. It must return the same store object for the same choice (stores
   *   are cached by their keys), or the subscription moves on every render.
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly select: () => ReadableAtom<T> | undefined,
  ) {
    host.addController(this);
  }

  /** The followed store's current value; `undefined` while no store is chosen. */
  get value(): T | undefined {
    return this.current?.get();
  }

  /** The store followed now. */
  get store(): ReadableAtom<T> | undefined {
    return this.current;
  }

  hostConnected(): void {
    this.connected = true;
    this.follow(this.current);
    // The choice may depend on things that changed while the host was away.
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    const next = this.select();
    if (next !== this.current) {
      this.current = next;
      this.follow(next);
    }
  }

  hostDisconnected(): void {
    this.connected = false;
    this.follow(undefined);
  }

  private follow(store: ReadableAtom<T> | undefined): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (!store || !this.connected) return;
    // `listen`, not `subscribe`: the value is read at render time, so the immediate call that
    // `subscribe` makes would only ask for a second, useless render.
    this.unsubscribe = store.listen(() => this.host.requestUpdate());
  }
}
