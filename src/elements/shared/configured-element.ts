import { LitElement, type PropertyValues, type PropertyDeclarations } from 'lit';
import enFaces from '../../i18n/en-faces.ts';
import { LocalizeController, type EnglishMessages } from '../../i18n/localize.ts';
import type { Theme } from '../rewards-provider/context.ts';
import { warnConfigProblem } from './config-warning.ts';
import { FaceState } from './face-state.ts';
import { elementLocaleSources } from './locale-sources.ts';
import { ProviderContextController } from './provider-context.ts';
import { RewardsConfigController } from './resolve-config.ts';

/**
 * What every element of the kit shares, without the store: where its data comes from (its own
 * `api`/`token`, else the nearest provider, else the page's `configure()`), its language, its
 * theme, and the face it shows. `RewardsElement` adds the store session. (The level badge,
 * which a page may hold thousands of, is no Lit element: it hosts the same controllers on a
 * lighter base of its own, `member-level-badge/light-host.ts`.)
 *
 * For subclasses:
 * - `this.internals` is the element's `ElementInternals`: the base class calls
 *   `attachInternals()` (it may be called once per element). Do not call it again.
 * - `this.faceState` shows the face as a custom state and reports failures once. Call
 *   `this.faceState.show(face, error?)` from `updated()`. Name the faces with the class's type
 *   parameter: `class CoinBalance extends RewardsElement<'loading' | 'ready' | 'error'>`.
 * - An unusable API is reported in the console once, by `willUpdate` here.
 * - `static english` is the English the element reads (the fallback of every language): here the
 *   faces' messages only (`en-faces.ts`). An element that reads more declares the
 *   parts it reads, never the whole catalog: `{ ...enFaces, ...enAmounts, ...enCoinBalance }`.
 * - Every lifecycle override calls `super` (`connectedCallback`, `disconnectedCallback`,
 *   `willUpdate`, `updated`…): the controllers hang on them.
 *
 * @template Face The names of the element's faces.
 */
export class ConfiguredElement<Face extends string = string> extends LitElement {
  /** The English messages of the element; see the class comment. */
  protected static english: EnglishMessages = enFaces;

  static override properties: PropertyDeclarations = {
    api: { reflect: true },
    token: {},
    locale: { reflect: true },
    theme: { reflect: true },
  };

  /** Base URL of the rewards API; by default the nearest provider's or the page's. */
  api?: string;

  /** A member token; by default the nearest provider's or the page's. */
  token?: string;

  /** BCP 47 language (`en`, `zh-CN`, …); by default the provider's, then the closest `lang`. */
  locale?: string;

  /**
   * Colour theme: `light`, `dark`, `auto` (the system's), or unset to follow the provider or the
   * colour scheme of the page around the element.
   */
  theme?: Theme;

  /** The element's internals, attached once here for every subclass. */
  protected readonly internals: ElementInternals = this.attachInternals();
  /** The face on screen, as a custom state of the host; see the class comment. */
  protected readonly faceState: FaceState<Face> = new FaceState<Face>(this, this.internals);

  readonly #providerContext = new ProviderContextController(this);
  protected readonly configuration = new RewardsConfigController(this, this.#providerContext);
  protected readonly l10n = new LocalizeController(this, (this.constructor as typeof ConfiguredElement).english, elementLocaleSources(this.#providerContext));

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    warnConfigProblem(this, this.configuration.problem);
  }
}
