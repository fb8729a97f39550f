import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { TokenSource } from '../../store/config.ts';
import { forcedThemeStyles } from '../shared/theme.ts';
import { rewardsContext, type RewardsContextValue, type Theme } from './context.ts';

const THEMES: readonly Theme[] = ['light', 'dark', 'auto', 'page'];

/**
 * Configures every rewards element inside it: which API to call, with which member
 * token, in which language and colour theme. It draws nothing itself; its children lay out
 * as if it were not there.
 *
 * In the screenshot it themes a header holding a `<member-level-badge variant="full">` and a
 * `<coin-balance>`.
 *
 * ```html
 * <rewards-provider api="/rewards" locale="zh-CN" theme="dark">
 *   <header>… <member-level-badge variant="full"></member-level-badge> <coin-balance></coin-balance></header>
 * </rewards-provider>
 * <script type="module">
 *   // Your backend signs the member token; return null when nobody is signed in.
 *   document.querySelector('rewards-provider').getToken = async () =>
 *     (await fetch('/account/rewards-token')).text();
 * </script>
 * ```
 *
 * <p><img src="docs/screenshots/rewards-provider-light.png" alt="rewards-provider, light theme: a header with Ada Lovelace's Mercury LV 1 badge and 687 coins" width="420"> <img src="docs/screenshots/rewards-provider-dark.png" alt="rewards-provider, dark theme: the same header" width="420"></p>
 *
 * @tagname rewards-provider
 * @summary Configuration and context for the rewards elements inside it.
 *
 * @slot - The page content, with rewards elements anywhere inside (also inside other
 *   elements' shadow roots).
 *
 * @cssprop --rk-surface - Background of the elements' panels.
 * @cssprop --rk-surface-sunken - Background of wells, tracks and skeletons' surroundings.
 * @cssprop --rk-text - Body text.
 * @cssprop --rk-text-muted - Secondary text (4.5:1 on both surfaces).
 * @cssprop --rk-accent - Buttons, links, progress.
 * @cssprop --rk-on-accent - Text on `--rk-accent`.
 * @cssprop --rk-success - Positive amounts and states.
 * @cssprop --rk-warning - Pending states.
 * @cssprop --rk-danger - Errors and negative amounts.
 * @cssprop --rk-border - Borders of controls (3:1 on both surfaces).
 * @cssprop --rk-focus-ring - The keyboard focus indicator.
 * @cssprop --rk-skeleton - Placeholder shapes while loading.
 * @cssprop --rk-level-0 - Colour of the Member level; `--rk-level-1` … `--rk-level-6` for Mercury, Mars, Venus, Earth, Saturn and Jupiter.
 * @cssprop --rk-on-level - Text on a level colour.
 * @cssprop --rk-font-family - Typeface of every element.
 * @cssprop --rk-font-size-m - Body size; also `-xs`, `-s`, `-l`, `-xl`.
 * @cssprop --rk-space-1 - Spacing scale step 1 (of 6).
 * @cssprop --rk-radius-m - Corner radius; also `-s`, `-l`, `-pill`.
 */
export class RewardsProvider extends LitElement {
  static override styles = [
    forcedThemeStyles,
    css`
      :host {
        display: contents;
      }
      :host([hidden]) {
        display: none !important;
      }
    `,
  ];

  /** Base URL of the rewards API: absolute `http(s)://…` or a path on this origin. */
  @property({ reflect: true }) api?: string;

  /**
   * A fixed member token. Suits pages rendered per member; pages whose token expires use
   * `getToken` instead, which wins when both are set.
   */
  @property() token?: string;

  /**
   * `(context?: { refresh: boolean }) => string | null | undefined`, or a promise of it: the
   * member's current token; `null` or `undefined` when no member is signed in. Called before
   * each request, and after a 401 once more with `{ refresh: true }`; wins over `token`.
   */
  @property({ attribute: false }) getToken?: TokenSource;

  /** BCP 47 language of the elements inside (`en`, `zh-CN`, …); by default the closest `lang`. */
  @property({ reflect: true }) locale?: string;

  /**
   * Colour theme of the elements inside: `page` (the default) takes the page's colour scheme
   * (its CSS `color-scheme`), `auto` follows the system, `light` and `dark` force one.
   */
  @property({ reflect: true }) theme: Theme = 'page';

  private readonly provider = new ContextProvider(this, {
    context: rewardsContext,
    initialValue: { theme: 'page' },
  });

  /** Kept so a static token gives the same function until the token changes. */
  private staticTokenSource?: { token: string; source: TokenSource };

  override connectedCallback(): void {
    // Children connect right after their provider, before its first update: they must find
    // the configuration already there, not an empty one followed by a second render.
    this.provider.setValue(this.contextValue());
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('theme') && !THEMES.includes(this.theme)) this.theme = 'page';
    this.provider.setValue(this.contextValue());
  }

  private contextValue(): RewardsContextValue {
    const getToken = this.getToken ?? this.tokenSource();
    return Object.freeze({
      theme: this.theme,
      ...(this.api ? { api: this.api } : {}),
      ...(getToken ? { getToken } : {}),
      ...(this.locale ? { locale: this.locale } : {}),
    });
  }

  private tokenSource(): TokenSource | undefined {
    const token = this.token;
    if (!token) return undefined;
    if (this.staticTokenSource?.token !== token) this.staticTokenSource = { token, source: () => token };
    return this.staticTokenSource.source;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'rewards-provider': RewardsProvider;
  }
}
