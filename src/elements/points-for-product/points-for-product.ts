import { html, nothing, svg, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import type { MeResponse } from '../../api/member.ts';
import type { LevelsResponse } from '../../api/public.ts';
import type { OrderQuote } from '../../rules/quote.ts';
import { dataOf, type ResourceState } from '../../store/state.ts';
import { warnInputProblem } from '../shared/input-warning.ts';
import { failureMessageKey } from '../shared/failures.ts';
import { faceStyles, skeleton } from '../shared/faces.ts';
import { levelNameKey } from '../shared/levels.ts';
import { loadFor } from '../shared/on-demand.ts';
import { RewardsElement } from '../shared/rewards-element.ts';
import { SelectedStoreController } from '../shared/selected-store-controller.ts';
import { baseStyles } from '../shared/theme.ts';
import { isWholeAmount, orderQuotes } from '../member-price/product-line.ts';
import { pointsForProductStyles } from './points-for-product.styles.ts';
import enFaces from '../../i18n/en-faces.ts';
import enLevel from '../../i18n/en-level.ts';
import enAmounts from '../../i18n/en-amounts.ts';
import enPointsForProduct from '../../i18n/en-points-for-product.ts';
import type { EnglishMessages } from '../../i18n/localize.ts';

type EarnFace =
  | { face: 'loading' }
  | { face: 'empty'; quote?: OrderQuote }
  | { face: 'signed-out'; quote: OrderQuote }
  | { face: 'error'; error: unknown }
  | { face: 'ready'; quote: OrderQuote };

const LOADING: EarnFace = { face: 'loading' };

const starIcon = svg`<svg class="icon" part="icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false"
  fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"><path d="M8 1.8l1.9 3.9 4.3.6-3.1 3 .7 4.3L8 11.6l-3.8 2 .7-4.3-3.1-3 4.3-.6z" /></svg>`;

/**
 * What buying a product (or a cart line) earns once the order is completed: "Earn 12 points
 * and 12 coins" (P1, C1: per whole dollar of the amount paid), and for a signed-in member the
 * level it would bring them to when it crosses a threshold ("… and reach Mars").
 *
 * It follows `price` and `quantity` as they change (a cart page changing quantities), computed
 * by the same code as the server's quote from the public levels and the member's points.
 *
 * ```html
 * <points-for-product price="2400" quantity="2"></points-for-product>
 * <script type="module">
 *   qty.oninput = () => document.querySelector('points-for-product').quantity = qty.valueAsNumber;
 * </script>
 * ```
 *
 * <p><img src="docs/screenshots/points-for-product-light.png" alt="points-for-product, light theme: earn 300 points and 300 coins and reach Mars" width="400"> <img src="docs/screenshots/points-for-product-dark.png" alt="points-for-product, dark theme: the same line" width="400"></p>
 *
 * @tagname points-for-product
 * @summary "Earn N points and N coins" for a price, and the level it would reach.
 *
 * @slot signed-out - Shown after the line when no member is signed in: the page's own sign-in
 *   link. Empty by default.
 *
 * @csspart base - The line.
 * @csspart icon - The star (decorative).
 * @csspart amounts - "Earn 12 points and 12 coins".
 * @csspart level-after - "and reach Mars", only when the order crosses a threshold.
 * @csspart face - Any face other than ready; also `face-loading`, `face-empty`, `face-signed-out`, `face-error`.
 * @csspart skeleton - The placeholder while loading.
 * @csspart retry-button - "Try again" after a failed load.
 *
 * @cssprop --rk-text - The line.
 * @cssprop --rk-warning - The star.
 * @cssprop --rk-success - The level it would reach.
 * @cssprop --rk-surface - Background.
 *
 * @cssstate loading - Waiting for the levels or the member.
 * @cssstate ready - What a signed-in member would earn.
 * @cssstate empty - The amount earns nothing (under one dollar), or `price` is not usable.
 * @cssstate signed-out - What anyone would earn; no level.
 * @cssstate error - The levels could not be loaded; a retry button is shown.
 *
 * @fires {RewardsErrorEvent} rewards-error - The levels could not be loaded.
 */
export class PointsForProduct extends RewardsElement<EarnFace['face']> {
  static override styles = [...baseStyles, ...faceStyles, pointsForProductStyles];
  protected static override english: EnglishMessages = { ...enFaces, ...enLevel, ...enAmounts, ...enPointsForProduct };
  static override properties: PropertyDeclarations = {
    price: { type: Number },
    quantity: { type: Number },
  };

  /** Price of one unit in cents. */
  price?: number;

  /** How many units (default 1). */
  quantity = 1;

  private readonly account = new SelectedStoreController<ResourceState<MeResponse>>(this, () => this.session()?.account);
  private readonly levels = new SelectedStoreController<ResourceState<LevelsResponse>>(this, () => this.session()?.levels);
  private current: EarnFace = LOADING;

  override connectedCallback(): void {
    super.connectedCallback();
    loadFor(this, orderQuotes, 'the quote rules');
  }

  private resolveFace(): EarnFace {
    if (!isWholeAmount(this.price) || !isWholeAmount(this.quantity)) return { face: 'empty' };
    const quotes = orderQuotes.module;
    if (!this.session() || !quotes) return LOADING;
    const levels = this.levels.value;
    const terms = levels && dataOf(levels);
    if (!terms) return levels?.status === 'error' ? { face: 'error', error: levels.error } : LOADING;
    const account = this.account.value;
    if (!account || account.status === 'loading') return LOADING;
    const line = { unitPriceCents: this.price, quantity: this.quantity, partnerSeller: false, specialOffer: false };
    const member = dataOf(account);
    // A member whose account cannot be read still learns what the order earns, without a level.
    const quote = quotes.quoteLine(line, member?.points ?? 0, terms);
    if (quote.points === 0 && quote.coins === 0) return { face: 'empty', quote };
    // Without a member there is no level to reach: a quote at 0 points would promise Mercury.
    const withoutLevel = { ...quote, levelAfter: null };
    if (account.status === 'signed-out') return { face: 'signed-out', quote: withoutLevel };
    return { face: 'ready', quote: member ? quote : withoutLevel };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const input =
      this.price !== undefined && (!isWholeAmount(this.price) || !isWholeAmount(this.quantity))
        ? `points-for-product: price and quantity must be whole numbers (price in cents), not ${String(this.price)} × ${String(this.quantity)}`
        : undefined;
    warnInputProblem(this, input);
  }

  protected override render(): TemplateResult {
    this.current = this.resolveFace();
    const { l10n } = this;
    return html`<span class="root" lang=${l10n.locale} dir=${l10n.dir}>${this.renderFace()}</span>`;
  }

  private renderFace(): TemplateResult {
    const { l10n } = this;
    const face = this.current;
    switch (face.face) {
      case 'loading':
        return html`<span class="face face-loading" part="face face-loading" role="status" aria-busy="true">
          <span class="visually-hidden">${l10n.t('face.loading')}</span>${skeleton({ blockSize: '100%' })}
        </span>`;
      case 'empty':
        return html`<span class="earn face face-empty muted" part="face face-empty"
          >${face.quote ? l10n.t('earn.nothing') : nothing}</span
        >`;
      case 'error':
        return html`<span class="earn face face-error" part="face face-error" role="alert">
          <span>${l10n.t(failureMessageKey(face.error))}</span>
          <button type="button" class="button" part="retry-button" @click=${() => void this.session()?.refresh()}>
            ${l10n.t('error.retry')}
          </button>
        </span>`;
      case 'signed-out':
        return html`<span class="earn" part="base face face-signed-out"
          >${this.renderEarning(face.quote)}<slot name="signed-out"></slot
        ></span>`;
      case 'ready':
        return html`<span class="earn" part="base">${this.renderEarning(face.quote)}</span>`;
    }
  }

  private renderEarning(quote: OrderQuote): TemplateResult {
    const { l10n } = this;
    const text = l10n.t('earn.forOrder', {
      points: l10n.t('level.points', { n: quote.points }),
      coins: l10n.t('coins.amount', { n: quote.coins }),
    });
    return html`${starIcon}<span class="amounts" part="amounts">${text}</span> ${
      quote.levelAfter
        ? html`<span class="level-after" part="level-after">${l10n.t('earn.reachLevel', { level: l10n.t(levelNameKey(quote.levelAfter.index)) })}</span>`
        : nothing
    }`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const face = this.current;
    this.faceState.show(face.face, face.face === 'error' ? face.error : undefined);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'points-for-product': PointsForProduct;
  }
}
