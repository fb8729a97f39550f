/**
 * A custom element that hosts Lit's reactive controllers without Lit's element class: the base
 * of the level badge, which a page may hold thousands of. It keeps what the kit's controllers
 * rely on (`addController`, `requestUpdate`, `updateComplete`, the connect/update lifecycle)
 * and drops what a badge pays for per element in `LitElement`: an update promise and a
 * microtask each, a template instance, the reactive property machinery.
 *
 * - String properties mirror their attributes (`static properties`); a reflected one writes
 *   its attribute back when set, as Lit's `reflect: true` does (a default value is not written).
 * - The first update runs in `connectedCallback`, in the task the element connects in; later
 *   ones are batched: every host that asked in a task updates in one shared microtask.
 * - A subclass implements `update()`, which draws into `this.renderRoot`.
 */
import { adoptStyles, supportsAdoptingStyleSheets, type CSSResultOrNative } from '@lit/reactive-element/css-tag.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface LightProperty {
  /** Writes the property back to its attribute when it is set. */
  reflect?: boolean;
  /**
   * The value until the attribute or the property is set. It is not written to the attribute:
   * a page of a thousand badges would pay two attribute writes per badge for nothing.
   */
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

/**
 * Each class's styles as one style sheet, made once: every element adopts the same one. One
 * sheet, not one per entry of `styles`: a shadow root pays per adopted sheet, when it adopts
 * them and when its styles are matched, and a page may make thousands of such roots.
 */
const sheetByClass = new WeakMap<typeof LightHost, CSSStyleSheet>();

function cssTextOf(style: CSSResultOrNative): string {
  return style instanceof CSSStyleSheet ? Array.from(style.cssRules, (rule) => rule.cssText).join('\n') : style.cssText;
}

function adoptClassStyles(root: ShadowRoot, elementClass: typeof LightHost): void {
  if (!supportsAdoptingStyleSheets) return adoptStyles(root, elementClass.styles);
  let sheet = sheetByClass.get(elementClass);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(elementClass.styles.map(cssTextOf).join('\n'));
    sheetByClass.set(elementClass, sheet);
  }
  root.adoptedStyleSheets = [sheet];
}

function schedule(): void {
  if (queue.length === 0 && waiters.length === 0) queueMicrotask(flush);
}

export abstract class LightHost extends HTMLElement implements ReactiveControllerHost {
  /** The string properties that follow attributes of the same name. @internal */
  static properties: Readonly<Record<string, LightProperty>> = {};

  /** Style sheets the shadow root adopts when it is made. @internal */
  static styles: CSSResultOrNative[] = [];

  static get observedAttributes(): string[] {
    return Object.keys(this.properties);
  }

  /** The names of `properties`, listed once by `finalizeProperties`. */
  private static propertyNames: readonly string[] = [];

  /** Declares an accessor per property on the prototype; call it once per class. @internal */
  static finalizeProperties(): void {
    this.propertyNames = Object.keys(this.properties);
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
          this.propertyChanged(name);
          // A value that came from the attribute is already there.
          if (options.reflect && !this.reflecting) {
            if (this.isConnected) this.reflect(name, next);
            else (this.unreflected ??= new Set()).add(name);
          }
          this.requestUpdate();
        },
      });
    }
  }

  /** The shadow root the element draws into, made at the first connection. @internal */
  renderRoot?: ShadowRoot;

  private readonly values = new Map<string, string | undefined>();
  private readonly controllers: ReactiveController[] = [];
  private pending = false;
  /** Reflected properties set while disconnected, for `connectedCallback` to write. */
  private unreflected?: Set<string> | undefined;
  private reflecting = false;

  constructor() {
    super();
    // Properties set on the element before its class was defined shadow the accessors: move them.
    for (const name of (this.constructor as typeof LightHost).propertyNames) {
      if (Object.hasOwn(this, name)) {
        const value = (this as unknown as Record<string, unknown>)[name];
        delete (this as unknown as Record<string, unknown>)[name];
        (this as unknown as Record<string, unknown>)[name] = value;
      }
    }
  }

  /** @internal */
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
    if (this.renderRoot && this.isConnected) controller.hostConnected?.();
  }

  /** @internal */
  removeController(controller: ReactiveController): void {
    const index = this.controllers.indexOf(controller);
    if (index >= 0) this.controllers.splice(index, 1);
  }

  /** Asks for an update in the next microtask, shared by every host asking in this task. @internal */
  requestUpdate(): void {
    if (this.pending || !this.renderRoot) return;
    this.pending = true;
    schedule();
    queue.push(this);
  }

  /** Resolves once no update is pending (true, as Lit's does when none follows). @internal */
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
      adoptClassStyles(this.renderRoot, this.constructor as typeof LightHost);
    }
    // A property set while the element was away from the page is written now.
    if (this.unreflected) {
      for (const name of this.unreflected) this.reflect(name, this.values.get(name));
      this.unreflected = undefined;
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
    this.reflecting = true;
    try {
      (this as unknown as Record<string, unknown>)[name] = value;
    } finally {
      this.reflecting = false;
    }
  }

  /** Runs a pending update (or, with `force`, one anyway). @internal */
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

  /**
   * Called when a property changes (also from its attribute), before the update it asks for. It
   * may run before the element connects, even inside this class's constructor (a property set
   * before the class was defined): a field it sets must have no initializer, which would reset it.
   */
  protected propertyChanged(_name: string): void {}

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
