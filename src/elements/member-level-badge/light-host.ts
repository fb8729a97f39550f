/**
 * A custom element that hosts Lit's reactive controllers without Lit's element class: the base
 * of the level badge, which a page may hold thousands of. It keeps what the kit's controllers
 * rely on (`addController`, `requestUpdate`, `updateComplete`, the connect/update lifecycle)
 * and drops what a badge pays for per element in `LitElement`: an update promise and a
 * microtask each, a template instance, the reactive property machinery.
 *
 * - String properties mirror their attributes (`static properties`); a reflected one writes
 *   its attribute back, as Lit's `reflect: true` does.
 * - The first update runs in `connectedCallback`, in the task the element connects in; later
 *   ones are batched: every host that asked in a task updates in one shared microtask.
 * - A subclass implements `update()`, which draws into `this.renderRoot`.
 */
import { adoptStyles, type CSSResultOrNative } from '@lit/reactive-element/css-tag.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface LightProperty {
  /** Writes the property back to its attribute when it changes (and a default at connection). */
  reflect?: boolean;
  /** The value until the attribute or the property is set. */
  default?: string;
}

/** Hosts asking for an update, flushed together in one microtask. */
let queue: LightHost[] = [];
let waiters: Array<() => void> = [];

function flush(): void {
  const hosts = queue;
  const done = waiters;
  queue = [];
  waiters = [];
  for (const host of hosts) host.flushUpdate();
  for (const resolve of done) resolve();
}

function schedule(): void {
  if (queue.length === 0 && waiters.length === 0) queueMicrotask(flush);
}

export abstract class LightHost extends HTMLElement implements ReactiveControllerHost {
  /** The string properties that follow attributes of the same name. */
  static properties: Readonly<Record<string, LightProperty>> = {};

  /** Style sheets the shadow root adopts when it is made. */
  static styles: CSSResultOrNative[] = [];

  static get observedAttributes(): string[] {
    return Object.keys(this.properties);
  }

  /** Declares an accessor per property on the prototype; called once per class. */
  static finalizeProperties(): void {
    for (const [name, options] of Object.entries(this.properties)) {
      Object.defineProperty(this.prototype, name, {
        configurable: true,
        enumerable: true,
        get(this: LightHost) {
          return this.values.has(name) ? this.values.get(name) : options.default;
        },
        set(this: LightHost, value: unknown) {
          const next = value === null || value === undefined ? undefined : String(value);
          if (this.values.has(name) && this.values.get(name) === next) return;
          this.values.set(name, next);
          if (options.reflect && this.isConnected) this.reflect(name, next);
          this.requestUpdate();
        },
      });
    }
  }

  /** The shadow root the element draws into, made at the first connection. */
  renderRoot?: ShadowRoot;

  private readonly values = new Map<string, string | undefined>();
  private readonly controllers: ReactiveController[] = [];
  private pending = false;
  private reflecting = false;

  constructor() {
    super();
    // Properties set on the element before its class was defined shadow the accessors: move them.
    for (const name of Object.keys((this.constructor as typeof LightHost).properties)) {
      if (Object.hasOwn(this, name)) {
        const value = (this as unknown as Record<string, unknown>)[name];
        delete (this as unknown as Record<string, unknown>)[name];
        (this as unknown as Record<string, unknown>)[name] = value;
      }
    }
  }

  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
    if (this.renderRoot && this.isConnected) controller.hostConnected?.();
  }

  removeController(controller: ReactiveController): void {
    const index = this.controllers.indexOf(controller);
    if (index >= 0) this.controllers.splice(index, 1);
  }

  /** Asks for an update in the next microtask, shared by every host asking in this task. */
  requestUpdate(): void {
    if (this.pending || !this.renderRoot) return;
    this.pending = true;
    schedule();
    queue.push(this);
  }

  /** Resolves once no update is pending (true, as Lit's does when none follows). */
  get updateComplete(): Promise<boolean> {
    if (!this.pending) return Promise.resolve(true);
    return new Promise((resolve) => {
      schedule();
      waiters.push(() => resolve(true));
    });
  }

  connectedCallback(): void {
    if (!this.renderRoot) {
      this.renderRoot = this.attachShadow({ mode: 'open' });
      adoptStyles(this.renderRoot, (this.constructor as typeof LightHost).styles);
    }
    const properties = (this.constructor as typeof LightHost).properties;
    for (const name of Object.keys(properties)) {
      if (properties[name]!.reflect) this.reflect(name, (this as unknown as Record<string, string | undefined>)[name]);
    }
    for (const controller of this.controllers) controller.hostConnected?.();
    // The first update in this task: the element shows its face before the next frame.
    this.flushUpdate(true);
  }

  disconnectedCallback(): void {
    for (const controller of this.controllers) controller.hostDisconnected?.();
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (this.reflecting) return;
    (this as unknown as Record<string, unknown>)[name] = value;
  }

  /** Runs a pending update (or, with `force`, one anyway). */
  flushUpdate(force = false): void {
    if (!this.pending && !force) return;
    this.pending = false;
    if (!this.renderRoot) return;
    for (const controller of this.controllers) controller.hostUpdate?.();
    this.update();
    for (const controller of this.controllers) controller.hostUpdated?.();
  }

  /** Draws the element's current state into `renderRoot`. */
  protected abstract update(): void;

  private reflect(name: string, value: string | undefined): void {
    if (value === undefined ? !this.hasAttribute(name) : this.getAttribute(name) === value) return;
    this.reflecting = true;
    try {
      if (value === undefined) this.removeAttribute(name);
      else this.setAttribute(name, value);
    } finally {
      this.reflecting = false;
    }
  }
}
