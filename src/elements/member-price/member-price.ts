import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import type { MeResponse } from '../../api/member.ts';
import type { LevelsResponse } from '../../api/public.ts';
import type { OrderQuote } from '../../rules/quote.ts';
import { dataOf, type ResourceState } from '../../store/state.ts';
import { warnInputProblem } from '../shared/input-warning.ts';
import { failureMessageKey } from '../shared/failures.ts';
import { faceStyles, skeleton } from '../shared/faces.ts';
import { formatMoney, formatPercent } from '../shared/format.ts';
import { levelNameKey } from '../shared/levels.ts';
import { loadFor } from '../shared/on-demand.ts';
import { RewardsElement } from '../shared/rewards-element.ts';
import { SelectedStoreController } from '../shared/selected-store-controller.ts';
import { baseStyles } from '../shared/theme.ts';
import { memberPriceStyles } from './member-price.styles.ts';
import { isCurrency, isWholeAmount, orderQuotes } from './product-line.ts';
import enFaces from '../../i18n/en-faces.ts';
import enLevel from '../../i18n/en-level.ts';
import enStatus from '../../i18n/en-status.ts';
import enMemberPrice from '../../i18n/en-member-price.ts';
import type { EnglishMessages } from '../../i18n/localize.ts';

type PriceFace = { face: 'loading' } | { face: 'empty' } | { face: 'signed-out' } | { face: 'error'; error: unknown } | { face: 'ready'; quote: OrderQuote };

const LOADING: PriceFace = { face: 'loading' };

/**
 * A product's price for the signed-in member: with their level discount (P4) next to the
 * struck-through list price, or the plain price with a short note when the discount does not
 * apply (a partner seller's product, a special offer, a member without a discount yet). A
 * visitor sees the plain price and the page's sign-in link or a short invitation.
 *
 * The discount is computed by the same code as the server's quote (`src/rules/quote.ts`), from
 * the public levels and the member's points, so the page and the checkout always agree. The
 * price and its currency are formatted for the reader's language.
 *
 * ```html
 * <member-price price="1299"></member-price>                      <!-- $12.99 -->
 * <member-price price="15000" partner-seller></member-price>
 * <member-price price="2400" currency="EUR" special-offer></member-price>
 * ```
 *
 * <p><img src="docs/screenshots/member-price-light.png" alt="member-price, light theme: a PCB at $148.50 instead of $150.00, Mercury price, 1% off; a partner seller's kit at $150.00 with no member discount" width="520"> <img src="docs/screenshots/member-price-dark.png" alt="member-price, dark theme: the same prices" width="520"></p>
 *
 * @tagname member-price
 * @summary A price with the member's level discount, or the plain price and why.
 *
 * @slot signed-out - Shown after the plain price when no member is signed in: the page's own
 *   sign-in link. By default "Sign in for your member price." (A product without member
 *   discount says so instead.)
 *
 * @csspart base - The price line.
 * @csspart price - The price to pay (the member price when discounted).
 * @csspart list-price - The struck-through list price, only when discounted.
 * @csspart note - "Mars price, 2% off", or why there is no discount.
 * @csspart face - Any face other than ready; also `face-loading`, `face-empty`, `face-signed-out`, `face-error`.
 * @csspart skeleton - The placeholder while loading.
 * @csspart retry-button - "Try again" after a failed load.
 *
 * @cssprop --rk-price-font-size - Size of the price (default `--rk-font-size-l`).
 * @cssprop --rk-text - The price.
 * @cssprop --rk-text-muted - The list price and notes.
 * @cssprop --rk-success - The saving note.
 * @cssprop --rk-surface - Background.
 *
 * @cssstate loading - Waiting for the levels or the member.
 * @cssstate ready - A member's price is shown.
 * @cssstate empty - No usable `price` (or `currency`): nothing is shown.
 * @cssstate signed-out - No member is signed in: the plain price.
 * @cssstate error - The levels or the account could not be loaded: the plain price and a retry button.
 *
 * @fires {RewardsErrorEvent} rewards-error - The levels or the account could not be loaded.
 */
export class MemberPrice extends RewardsElement<PriceFace['face']> {
  static override styles = [...baseStyles, ...faceStyles, memberPriceStyles];
  protected static override english: EnglishMessages = { ...enFaces, ...enLevel, ...enStatus, ...enMemberPrice };
  static override properties: PropertyDeclarations = {
    price: { type: Number },
    currency: {},
    partnerSeller: { type: Boolean, attribute: 'partner-seller' },
    specialOffer: { type: Boolean, attribute: 'special-offer' },
  };

  /** Price of the product in minor units (cents) of `currency`: `1299` is $12.99. */
  price?: number;

  /** ISO 4217 currency of `price`. */
  currency = 'USD';

  /** A partner seller's product: no member discount (P4). */
  partnerSeller = false;

  /** A special offer: no member discount (P4). */
  specialOffer = false;

  private readonly account = new SelectedStoreController<ResourceState<MeResponse>>(this, () => this.session()?.account);
  private readonly levels = new SelectedStoreController<ResourceState<LevelsResponse>>(this, () => this.session()?.levels);
  private current: PriceFace = LOADING;

  override connectedCallback(): void {
    super.connectedCallback();
    loadFor(this, orderQuotes, 'the quote rules');
  }

  private resolveFace(): PriceFace {
    if (!this.validInput()) return { face: 'empty' };
    const quotes = orderQuotes.module;
    if (!this.session() || !quotes) return LOADING;
    const account = this.account.value;
    if (!account || account.status === 'loading') return LOADING;
    if (account.status === 'signed-out') return { face: 'signed-out' };
    if (account.data === undefined) return account.status === 'error' ? { face: 'error', error: account.error } : LOADING;
    const levels = this.levels.value;
    const terms = levels && dataOf(levels);
    if (!terms) return levels?.status === 'error' ? { face: 'error', error: levels.error } : LOADING;
    const quote = quotes.quoteLine(
      { unitPriceCents: this.price!, quantity: 1, partnerSeller: this.partnerSeller, specialOffer: this.specialOffer },
      account.data.points,
      terms,
    );
    return { face: 'ready', quote };
  }

  private validInput(): boolean {
    return isWholeAmount(this.price) && isCurrency(this.currency);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    warnInputProblem(this, this.inputProblem());
  }

  private inputProblem(): string | undefined {
    if (this.price === undefined) return undefined;
    if (!isWholeAmount(this.price)) return `member-price: price must be a whole number of minor units (cents), not "${String(this.price)}"`;
    if (!isCurrency(this.currency)) return `member-price: "${this.currency}" is not a currency code`;
    return undefined;
  }

  protected override render(): TemplateResult {
    this.current = this.resolveFace();
    const { l10n } = this;
    return html`<span class="root" lang=${l10n.locale} dir=${l10n.dir}>${this.renderFace()}</span>`;
  }

  private renderFace(): TemplateResult | typeof nothing {
    const { l10n } = this;
    const face = this.current;
    switch (face.face) {
      case 'empty':
        return html`<span class="face face-empty" part="face face-empty"></span>`;
      case 'loading':
        return html`<span class="face face-loading" part="face face-loading" role="status" aria-busy="true">
          <span class="visually-hidden">${l10n.t('face.loading')}</span>${skeleton({ blockSize: '100%' })}
        </span>`;
      case 'signed-out': {
        // Where no member discount applies, that is what a visitor needs to know, not to sign in.
        const excluded = this.exclusionNote();
        return html`<span class="price-line" part="base face face-signed-out">
          ${this.amount(this.price!)}
          <span class="note" part="note">${excluded ?? html`<slot name="signed-out">${l10n.t('price.signedOut')}</slot>`}</span>
        </span>`;
      }
      case 'error':
        return html`<span class="price-line face face-error" part="base face face-error">
          ${this.amount(this.price!)}
          <span class="note" part="note" role="alert">${l10n.t(failureMessageKey(face.error))}</span>
          <button type="button" class="button" part="retry-button" @click=${() => void this.session()?.refresh()}>
            ${l10n.t('error.retry')}
          </button>
        </span>`;
      case 'ready':
        return this.renderQuote(face.quote);
    }
  }

  private renderQuote(quote: OrderQuote): TemplateResult {
    const { l10n } = this;
    const price = this.price!;
    const discount = quote.memberDiscountCents;
    if (discount > 0) {
      return html`<span class="price-line" part="base">
        ${this.amount(price - discount, l10n.t('price.member'))}
        <s class="list-price" part="list-price"
          ><span class="visually-hidden">${l10n.t('price.list')}: </span>${formatMoney(l10n.locale, price, this.currency)}</s
        >
        <span class="note saving" part="note"
          >${l10n.t('price.discount', {
            level: l10n.t(levelNameKey(quote.level.index)),
            percent: formatPercent(l10n.locale, quote.level.discountPercent),
          })}</span
        >
      </span>`;
    }
    return html`<span class="price-line" part="base">${this.amount(price)} ${this.noDiscountNote(quote)}</span>`;
  }

  private noDiscountNote(quote: OrderQuote): TemplateResult | typeof nothing {
    const note = this.exclusionNote() ?? (quote.level.discountPercent === 0 ? this.l10n.t('level.noDiscountYet') : undefined);
    return note ? html`<span class="note" part="note">${note}</span>` : nothing;
  }

  /** Why P4 never applies to this product, if it does not. */
  private exclusionNote(): string | undefined {
    if (this.partnerSeller) return this.l10n.t('price.partnerSeller');
    if (this.specialOffer) return this.l10n.t('price.specialOffer');
    return undefined;
  }

  private amount(cents: number, label?: string): TemplateResult {
    return html`<span class="amount" part="price"
      >${label ? html`<span class="visually-hidden">${label}: </span>` : nothing}${formatMoney(this.l10n.locale, cents, this.currency)}</span
    >`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const face = this.current;
    this.faceState.show(face.face, face.face === 'error' ? face.error : undefined);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'member-price': MemberPrice;
  }
}
