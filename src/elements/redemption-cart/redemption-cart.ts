import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import type { CartItem, CartResponse, ShippingChoice } from '../../api/index.ts';
import { RewardsCartChangedEvent } from '../../events/cart-changed.ts';
import type { RewardsSession } from '../../store/session.ts';
import type { ResourceState } from '../../store/state.ts';
import { failureEvent, failureMessageKey, isAborted } from '../shared/failures.ts';
import { emptyFace, errorFace, faceStyles, signedOutFace, skeleton } from '../shared/faces.ts';
import { readyView, viewFor } from '../shared/ready-view.ts';
import { RewardsElement } from '../shared/rewards-element.ts';
import { SelectedStoreController } from '../shared/selected-store-controller.ts';
import { baseStyles } from '../shared/theme.ts';
import { cartStyles } from './redemption-cart.styles.ts';
import enFaces from '../../i18n/en-faces.ts';
import enRedemptionCart from '../../i18n/en-redemption-cart.ts';
import type { EnglishMessages } from '../../i18n/localize.ts';

type CartFace = 'loading' | 'ready' | 'empty' | 'signed-out' | 'error';

/** A row's last failed action, shown in the row until the member acts on it again. */
interface RowProblem {
  readonly itemId: string;
  readonly message: () => string;
}

/** What the message line says after a removal. */
interface Removal {
  readonly name: string;
  readonly coins: number;
}

/** Where the keyboard focus goes once the list has re-rendered. */
type FocusTarget =
  | { readonly kind: 'confirm'; readonly itemId: string }
  | { readonly kind: 'remove-button'; readonly itemId: string }
  | { readonly kind: 'row-problem'; readonly itemId: string }
  /** After a removal: the row now at `index`, else the one before, else the title. */
  | { readonly kind: 'after-removal'; readonly index: number };

/** The placeholder rows while the cart loads. */
const PLACEHOLDER_ROWS = 2;

/** The rows, loaded beside the store. */
const rows = readyView(() => import('./cart-row.ts'));

/**
 * The gifts in the member's cart: products redeemed with coins (S1) and the free gifts for
 * reaching a level (P5). A redeemed gift can be removed, after a confirmation inside its own
 * row, until a completed order carries it; its coins come back and every balance on the page
 * follows. An upgrade gift ships with the next order or now, as the member chooses.
 *
 * Keyboard: Remove opens the confirmation and moves focus to its safe answer, Keep; Escape
 * keeps the gift and returns focus to Remove. After a removal focus moves to the next gift (or
 * the previous one, or the title when the cart is empty). Shipping choices are a radio group.
 *
 * ```html
 * <redemption-cart>
 *   <a slot="signed-out" href="/login">Sign in to see your gifts</a>
 * </redemption-cart>
 * ```
 *
 * <p><img src="docs/screenshots/redemption-cart-light.png" alt="redemption-cart, light theme: the Mercury upgrade gift shipping with the next order (it cannot be removed) and a sticker pack redeemed for 50 coins with a Remove button" width="400"> <img src="docs/screenshots/redemption-cart-dark.png" alt="redemption-cart, dark theme: the same cart" width="400"></p>
 *
 * @tagname redemption-cart
 * @summary Redeemed gifts and upgrade gifts in the cart: remove them, or choose when they ship.
 *
 * @slot signed-out - Shown when no member is signed in: the page's own sign-in link.
 *
 * @csspart base - The cart's outer box.
 * @csspart title - "Gifts in your cart".
 * @csspart items - The list of gifts.
 * @csspart item - One gift; also `item-redemption` or `item-upgrade-gift`.
 * @csspart item-name - A gift's name.
 * @csspart item-detail - What the gift is: "Redeemed for 300 coins", "Upgrade gift for reaching Venus".
 * @csspart remove-button - A gift's Remove button.
 * @csspart not-removable - Why a gift can no longer be removed.
 * @csspart not-removable-icon - The padlock next to it.
 * @csspart shipping - An upgrade gift's shipping choice (a radio group).
 * @csspart shipping-option - One shipping option.
 * @csspart confirm - The removal question that replaces a row.
 * @csspart confirm-remove-button - The button that confirms the removal.
 * @csspart keep-button - The button that keeps the gift.
 * @csspart item-message - A row's message after a failed removal or shipping change.
 * @csspart message - The line that reports a removal ("… removed. 300 coins returned.").
 * @csspart face - Any face other than ready; also `face-loading`, `face-empty`, `face-signed-out`, `face-error`.
 * @csspart skeleton - Placeholder shapes while loading.
 * @csspart retry-button - "Try again" after a failed load.
 *
 * @cssprop --rk-cart-inline-size - Width of the cart (default `28rem`, never wider than its container).
 * @cssprop --rk-surface - Background.
 * @cssprop --rk-surface-sunken - Background of a row that asks for confirmation.
 * @cssprop --rk-text - Text.
 * @cssprop --rk-text-muted - Details and explanations.
 * @cssprop --rk-accent - Buttons and the chosen shipping option.
 * @cssprop --rk-danger - The confirm button and failure messages.
 * @cssprop --rk-success - The removal message.
 * @cssprop --rk-border - Borders of the cart, its rows and controls.
 * @cssprop --rk-focus-ring - Keyboard focus indicator.
 * @cssprop --rk-skeleton - Placeholder shapes while loading.
 *
 * @cssstate loading - Waiting for the cart (or for an API to be configured).
 * @cssstate ready - Gifts are listed.
 * @cssstate empty - The cart holds no gifts.
 * @cssstate signed-out - No member is signed in.
 * @cssstate error - The cart could not be loaded; a retry button is shown.
 *
 * @fires {RewardsCartChangedEvent} rewards-cart-changed - A gift was removed (`{ reason: 'removed', itemId, coinsReturned }`) or an upgrade gift's shipping chosen (`{ reason: 'shipping', itemId }`).
 * @fires {RewardsErrorEvent} rewards-error - Loading, removing or choosing shipping failed: `{ code, status, detail, source }`.
 */
export class RedemptionCart extends RewardsElement<CartFace> {
  static override styles = [...baseStyles, ...faceStyles, cartStyles];
  protected static override english: EnglishMessages = { ...enFaces, ...enRedemptionCart };
  static override properties: PropertyDeclarations = {
    confirming: { attribute: false },
    removing: { attribute: false },
    problem: { attribute: false },
    lastRemoval: { attribute: false },
  };

  /** The gift whose removal is being confirmed. */
  private confirming?: string;
  private removing?: string;
  private problem?: RowProblem;
  private lastRemoval?: Removal;

  private readonly cart = new SelectedStoreController<ResourceState<CartResponse>>(this, () => this.selectStore());

  /** The session whose data is shown, to notice a switch of member or API. */
  private shownSession?: RewardsSession;
  private focusTarget?: FocusTarget;

  /**
   * Removes a gift (without asking: the element's own button asks first). Resolves when the
   * cart shows the result; rejects with the `RewardsError` when the server refuses.
   */
  async removeItem(itemId: string): Promise<void> {
    const session = this.shownSession;
    const item = this.items().find((candidate) => candidate.id === itemId);
    if (!session || !item || this.removing) return;
    const index = this.items().indexOf(item);
    this.removing = itemId;
    this.problem = undefined;
    try {
      const answer = await session.removeFromCart(itemId);
      this.lastRemoval = { name: item.name, coins: answer.coinsReturned };
      this.confirming = undefined;
      this.focusTarget = { kind: 'after-removal', index };
      // Built first: the manifest analyzer would list an inline `new …Event` as an unnamed event.
      const changed = new RewardsCartChangedEvent({ reason: 'removed', itemId, coinsReturned: answer.coinsReturned });
      this.dispatchEvent(changed);
    } catch (error) {
      this.confirming = undefined;
      if (isAborted(error)) return;
      // A refusal (`not_removable`: an order took it meanwhile) makes the store fetch the cart again.
      this.problem = { itemId, message: () => this.l10n.t(failureMessageKey(error)) };
      this.focusTarget = { kind: 'row-problem', itemId };
      this.dispatchEvent(failureEvent(error, this.localName));
      throw error;
    } finally {
      this.removing = undefined;
    }
  }

  /** Chooses when an upgrade gift ships; the choice shows at once and is withdrawn if refused. */
  async setShipping(itemId: string, shipping: ShippingChoice): Promise<void> {
    const session = this.shownSession;
    const item = this.items().find((candidate) => candidate.id === itemId);
    if (!session || item?.kind !== 'upgrade_gift' || item.shipping === shipping) return;
    if (this.problem?.itemId === itemId) this.problem = undefined;
    try {
      await session.setGiftShipping(itemId, shipping, { optimistic: true });
      const changed = new RewardsCartChangedEvent({ reason: 'shipping', itemId });
      this.dispatchEvent(changed);
    } catch (error) {
      if (isAborted(error)) return;
      this.problem = { itemId, message: () => this.l10n.t('cart.shippingFailed', { name: item.name }) };
      this.dispatchEvent(failureEvent(error, this.localName));
    }
  }

  protected override render(): TemplateResult {
    const { l10n } = this;
    return html`<div class="root" lang=${l10n.locale} dir=${l10n.dir}>${this.renderFace()}</div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const state = this.cart.value;
    this.faceState.show(this.face(), state?.status === 'error' ? state.error : undefined);
    this.applyFocus();
  }

  private selectStore() {
    const session = this.session();
    if (session !== this.shownSession) {
      this.shownSession = session;
      this.confirming = this.problem = this.lastRemoval = undefined;
    }
    return session?.cart;
  }

  private items(): readonly CartItem[] {
    const state = this.cart.value;
    return (state?.status === 'ready' || state?.status === 'error' ? state.data?.items : undefined) ?? [];
  }

  private face(): CartFace {
    const state = this.cart.value;
    if (!state || state.status === 'loading') return 'loading';
    if (state.status === 'signed-out') return 'signed-out';
    if (state.status === 'error' && !state.data) return 'error';
    if (this.items().length === 0) return 'empty';
    // The rows' code loads beside the store; the loading face shows until it is here.
    return viewFor(this, rows, 'the redemption cart') ? 'ready' : 'loading';
  }

  private renderFace(): TemplateResult {
    const { l10n } = this;
    const state = this.cart.value;
    switch (this.face()) {
      case 'loading':
        return this.renderLoading();
      case 'signed-out':
        return signedOutFace(l10n, l10n.t('signIn.cart'));
      case 'error':
        return errorFace(l10n, () => this.retry(), l10n.t(failureMessageKey(state?.status === 'error' ? state.error : undefined)));
      case 'empty':
        return this.renderCart(emptyFace(l10n.t('cart.empty')));
      case 'ready':
        return this.renderCart(this.renderList());
    }
  }

  private renderCart(content: TemplateResult): TemplateResult {
    const { l10n } = this;
    const state = this.cart.value;
    return html`<div class="cart" part="base">
      <p class="title" part="title" tabindex="-1">${l10n.t('cart.title')}</p>
      ${
        state?.status === 'error'
          ? html`<div class="inline-error" role="alert">
            <span>${l10n.t(failureMessageKey(state.error))}</span>
            <button type="button" class="button" part="retry-button" @click=${() => this.retry()}>${l10n.t('error.retry')}</button>
          </div>`
          : nothing
      }
      ${content}
      <p class="notice" part="message" role="status">
        ${this.lastRemoval ? l10n.t('cart.removed', { name: this.lastRemoval.name, n: this.lastRemoval.coins }) : nothing}
      </p>
    </div>`;
  }

  private renderList(): TemplateResult {
    const { l10n } = this;
    return html`<ul class="items" part="items">
      ${this.items().map((item) =>
        rows.module!.cartRow({
          item,
          confirming: this.confirming === item.id,
          removing: this.removing === item.id,
          problem: this.problem?.itemId === item.id ? this.problem.message() : undefined,
          l10n,
          onRemove: (chosen) => this.askToRemove(chosen),
          onConfirm: (chosen) => void this.removeItem(chosen.id).catch(() => undefined),
          onKeep: (chosen) => this.keep(chosen),
          onShipping: (chosen, shipping) => void this.setShipping(chosen.id, shipping),
        }),
      )}
    </ul>`;
  }

  /** The ready cart's outline with two placeholder rows. */
  private renderLoading(): TemplateResult {
    const { l10n } = this;
    return html`<div class="cart face face-loading" part="base face face-loading" role="status" aria-busy="true">
      <span class="visually-hidden">${l10n.t('face.loading')}</span>
      <span class="title" aria-hidden="true">${l10n.t('cart.title')}</span>
      <div class="items" aria-hidden="true">
        ${Array.from({ length: PLACEHOLDER_ROWS }, () => html`<div class="item placeholder">${skeleton({ blockSize: '100%' })}</div>`)}
      </div>
      <span class="notice"></span>
    </div>`;
  }

  private askToRemove(item: CartItem): void {
    this.confirming = item.id;
    if (this.problem?.itemId === item.id) this.problem = undefined;
    this.focusTarget = { kind: 'confirm', itemId: item.id };
  }

  private keep(item: CartItem): void {
    this.confirming = undefined;
    this.focusTarget = { kind: 'remove-button', itemId: item.id };
  }

  private applyFocus(): void {
    const target = this.focusTarget;
    if (!target) return;
    this.focusTarget = undefined;
    const root = this.shadowRoot;
    if (!root) return;
    // Move the focus only from inside the cart, or when it fell to the page with the row that
    // held it; a removal a page script asked for must not pull the reader away from elsewhere.
    const active = document.activeElement;
    if (root.activeElement === null && active !== null && active !== document.body) return;
    const row = (itemId: string) => [...root.querySelectorAll<HTMLElement>('li[data-item-id]')].find((element) => element.dataset['itemId'] === itemId);
    let element: HTMLElement | null | undefined;
    switch (target.kind) {
      case 'confirm':
        element = row(target.itemId)?.querySelector<HTMLElement>('.keep');
        break;
      case 'remove-button':
        element = row(target.itemId)?.querySelector<HTMLElement>('.remove');
        break;
      case 'row-problem':
        element = row(target.itemId)?.querySelector<HTMLElement>('.row-problem') ?? row(target.itemId);
        break;
      case 'after-removal': {
        const rows = [...root.querySelectorAll<HTMLElement>('li[data-item-id]')];
        const next = rows[target.index] ?? rows[target.index - 1];
        element = next ? (next.querySelector<HTMLElement>('button, input:checked') ?? next) : root.querySelector<HTMLElement>('.title');
        break;
      }
    }
    element?.focus();
  }

  private retry(): void {
    void this.shownSession?.refresh();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'redemption-cart': RedemptionCart;
  }
}
