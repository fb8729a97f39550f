import { html, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import type { MeResponse, RedeemResponse } from '../../api/member.ts';
import type { CatalogItem, CatalogResponse } from '../../api/public.ts';
import { RewardsCartChangedEvent } from '../../events/cart-changed.ts';
import { RewardsRedeemedEvent } from '../../events/redeemed.ts';
import type { RewardsSession } from '../../store/session.ts';
import { dataOf, type ResourceState } from '../../store/state.ts';
import { failureEvent, failureMessageKey, isAborted } from '../shared/failures.ts';
import { emptyFace, errorFace, faceStyles, skeleton } from '../shared/faces.ts';
import { readyView, viewFor } from '../shared/ready-view.ts';
import { RewardsElement } from '../shared/rewards-element.ts';
import { SelectedStoreController } from '../shared/selected-store-controller.ts';
import { baseStyles } from '../shared/theme.ts';
import type { RedeemResult } from './catalog-card.ts';
import { rewardCatalogStyles } from './reward-catalog.styles.ts';
import enFaces from '../../i18n/en-faces.ts';
import enRewardCatalog from '../../i18n/en-reward-catalog.ts';
import type { EnglishMessages } from '../../i18n/localize.ts';

type CatalogFace = 'loading' | 'ready' | 'empty' | 'signed-out' | 'error';

const PLACEHOLDER_CARDS = 3;

/** The cards, loaded beside the store. */
const cards = readyView(() => import('./catalog-card.ts'));

/**
 * The products and coupons coins can buy (S1, S2), with picture, name, coin price and stock. A
 * member redeems after a confirmation inside the card: a product goes into the cart (every
 * `coin-balance` and `redemption-cart` on the page follows at once, without another request),
 * a coupon shows its code with a copy button. What the member cannot afford says how many coins
 * are missing; out of stock is said plainly. A double click redeems once.
 *
 * Keyboard: Redeem opens the confirmation and moves focus to its safe answer, Cancel; Escape
 * cancels and returns focus to Redeem. After a redemption the result is announced politely.
 *
 * ```html
 * <reward-catalog><a slot="signed-out" href="/login">Sign in to spend your coins</a></reward-catalog>
 * ```
 *
 * <p><img src="docs/screenshots/reward-catalog-light.png" alt="reward-catalog, light theme: a sticker pack, a PCB ruler, a soldering kit that needs more coins, an enamel pin out of stock, and two coupons, each with its coin price and stock" width="420"> <img src="docs/screenshots/reward-catalog-dark.png" alt="reward-catalog, dark theme: the same catalog" width="420"></p>
 *
 * @tagname reward-catalog
 * @summary Redeemable products and coupons, with coin prices, stock and redeem with confirm.
 *
 * @slot signed-out - Shown above the catalog when no member is signed in: the page's own
 *   sign-in link. By default "Sign in to redeem rewards with your coins."
 *
 * @csspart items - The grid of rewards.
 * @csspart item - One reward; also `item-product` or `item-coupon`.
 * @csspart image - Its picture (or an empty box without one).
 * @csspart item-name - Its name.
 * @csspart item-description - Its description, when it has one.
 * @csspart coupon-value - A coupon's value: "$5.00 coupon".
 * @csspart price - "300 coins".
 * @csspart stock - "5 left" or "Out of stock".
 * @csspart redeem-button - The Redeem button.
 * @csspart shortfall - "120 more coins needed", instead of the button.
 * @csspart confirm - The question that replaces the button.
 * @csspart confirm-redeem-button - The button that redeems.
 * @csspart cancel-button - The button that cancels.
 * @csspart message - What a redemption gave: "X is in your cart." or the coupon code.
 * @csspart coupon-code - The coupon's code.
 * @csspart copy-button - "Copy code".
 * @csspart copy-status - "Copied", after a copy.
 * @csspart item-message - Why a redemption failed (not enough coins, out of stock…).
 * @csspart face - Any face other than ready; also `face-loading`, `face-empty`, `face-signed-out`, `face-error`.
 * @csspart skeleton - Placeholder cards while loading.
 * @csspart retry-button - "Try again" after a failed load.
 *
 * @cssprop --rk-catalog-card-min-size - Narrowest a card gets before the grid has one column less (default `12rem`).
 * @cssprop --rk-surface - Card background.
 * @cssprop --rk-surface-sunken - The confirmation and picture placeholders.
 * @cssprop --rk-text - Names and prices.
 * @cssprop --rk-text-muted - Descriptions, stock, shortfall.
 * @cssprop --rk-accent - The Redeem button.
 * @cssprop --rk-danger - Out of stock and failures.
 * @cssprop --rk-success - What a redemption gave.
 * @cssprop --rk-border - Card borders.
 *
 * @cssstate loading - Waiting for the catalog (and the member's coins).
 * @cssstate ready - The catalog, with Redeem buttons.
 * @cssstate empty - Nothing to redeem.
 * @cssstate signed-out - The catalog without buttons, and the sign-in slot.
 * @cssstate error - The catalog or the account could not be loaded; a retry button is shown.
 *
 * @fires {RewardsRedeemedEvent} rewards-redeemed - A reward was redeemed: `{ catalogItemId, coins, cartItemId? }`.
 * @fires {RewardsCartChangedEvent} rewards-cart-changed - A redeemed product went into the cart: `{ reason: 'redeemed', itemId }`.
 * @fires {RewardsErrorEvent} rewards-error - Loading or redeeming failed: `{ code, status, detail, source }`.
 */
export class RewardCatalog extends RewardsElement<CatalogFace> {
  static override styles = [...baseStyles, ...faceStyles, rewardCatalogStyles];
  protected static override english: EnglishMessages = { ...enFaces, ...enRewardCatalog };
  static override properties: PropertyDeclarations = {
    currency: {},
    confirming: { attribute: false },
    redeeming: { attribute: false },
    results: { attribute: false },
    problem: { attribute: false },
    announcement: { attribute: false },
  };

  /** Currency of coupon values (the shop's base currency). */
  currency = 'USD';

  private confirming?: string;
  private redeeming?: string;
  private results: ReadonlyMap<string, RedeemResult> = new Map();
  private problem?: { itemId: string; message: () => string };
  /** What the polite live region says after a redemption or a copy. */
  private announcement = '';

  private readonly catalog = new SelectedStoreController<ResourceState<CatalogResponse>>(this, () => this.selectSession()?.catalog);
  private readonly account = new SelectedStoreController<ResourceState<MeResponse>>(this, () => this.session()?.account);

  private shownSession?: RewardsSession;
  private face: CatalogFace = 'loading';
  private focusTarget?: { part: 'cancel-button' | 'redeem-button' | 'confirm-redeem-button' | 'item-message' | 'message'; itemId: string };

  /**
   * Redeems a reward without asking (the element's own button asks first). Resolves with the
   * server's answer once every store shows it; rejects with the `RewardsError` when refused.
   */
  async redeem(catalogItemId: string): Promise<RedeemResponse> {
    const session = this.shownSession ?? this.session();
    if (!session) throw new Error('reward-catalog: no API is configured');
    if (this.redeeming) throw new Error('reward-catalog: a redemption is under way');
    this.redeeming = catalogItemId;
    this.problem = undefined;
    try {
      const answer = await session.redeem(catalogItemId);
      const result: RedeemResult = answer.coupon ? { kind: 'coupon', code: answer.coupon.code } : { kind: 'product' };
      this.results = new Map(this.results).set(catalogItemId, result);
      const name = this.items().find((item) => item.id === catalogItemId)?.name ?? '';
      this.announcement = answer.coupon ? this.l10n.t('catalog.couponRedeemed', { code: answer.coupon.code }) : this.l10n.t('catalog.redeemed', { name });
      this.confirming = undefined;
      this.focusTarget = { part: 'message', itemId: catalogItemId };
      const redeemed = new RewardsRedeemedEvent({
        catalogItemId,
        coins: answer.redemption.coins,
        ...(answer.cartItem ? { cartItemId: answer.cartItem.id } : {}),
      });
      this.dispatchEvent(redeemed);
      if (answer.cartItem) {
        const added = new RewardsCartChangedEvent({ reason: 'redeemed', itemId: answer.cartItem.id });
        this.dispatchEvent(added);
      }
      return answer;
    } catch (error) {
      this.confirming = undefined;
      if (!isAborted(error)) {
        this.problem = { itemId: catalogItemId, message: () => this.l10n.t(failureMessageKey(error)) };
        this.focusTarget = { part: 'item-message', itemId: catalogItemId };
        this.dispatchEvent(failureEvent(error, this.localName));
      }
      throw error;
    } finally {
      this.redeeming = undefined;
    }
  }

  private selectSession(): RewardsSession | undefined {
    const session = this.session();
    if (session !== this.shownSession) {
      this.shownSession = session;
      this.confirming = this.problem = undefined;
      this.results = new Map();
    }
    return session;
  }

  private items(): readonly CatalogItem[] {
    const state = this.catalog.value;
    return (state && dataOf(state)?.items) ?? [];
  }

  private resolveFace(): CatalogFace {
    if (!this.session()) return 'loading';
    const catalog = this.catalog.value;
    const account = this.account.value;
    if (!catalog || catalog.status === 'loading' || !account || account.status === 'loading') return 'loading';
    if (catalog.status === 'error' && !catalog.data) return 'error';
    if (account.status === 'error' && !account.data) return 'error';
    if (this.items().length === 0) return 'empty';
    // The cards' code loads beside the store; the loading face shows until it is here.
    if (!viewFor(this, cards, 'the reward catalog')) return 'loading';
    return account.status === 'signed-out' ? 'signed-out' : 'ready';
  }

  private failure(): unknown {
    const catalog = this.catalog.value;
    if (catalog?.status === 'error' && !catalog.data) return catalog.error;
    const account = this.account.value;
    return account?.status === 'error' && !account.data ? account.error : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
  }

  protected override render(): TemplateResult {
    this.face = this.resolveFace();
    const { l10n } = this;
    return html`<div class="root" lang=${l10n.locale} dir=${l10n.dir}>
      ${this.renderFace()}
      <span class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</span>
    </div>`;
  }

  private renderFace(): TemplateResult {
    const { l10n } = this;
    switch (this.face) {
      case 'loading':
        return html`<div class="face face-loading" part="face face-loading" role="status" aria-busy="true">
          <span class="visually-hidden">${l10n.t('face.loading')}</span>
          <div class="items" aria-hidden="true">
            ${Array.from({ length: PLACEHOLDER_CARDS }, () => html`<div class="item placeholder">${skeleton({ blockSize: '100%' })}</div>`)}
          </div>
        </div>`;
      case 'error':
        return errorFace(l10n, () => void this.session()?.refresh(), l10n.t(failureMessageKey(this.failure())));
      case 'empty':
        return emptyFace(l10n.t('catalog.empty'));
      case 'signed-out':
        return html`<div class="face face-signed-out signed-out" part="face face-signed-out">
            <slot name="signed-out"><p class="face-message">${l10n.t('signIn.redeem')}</p></slot>
          </div>
          ${this.renderItems(undefined)}`;
      case 'ready': {
        const account = this.account.value;
        return this.renderItems((account && dataOf(account)?.coins.available) ?? 0);
      }
    }
  }

  private renderItems(available: number | undefined): TemplateResult {
    return cards.module!.catalogItems({
      items: this.items(),
      available,
      confirming: this.confirming,
      redeeming: this.redeeming,
      results: this.results,
      problem: this.problem,
      currency: this.currency,
      l10n: this.l10n,
      onRedeem: (chosen) => this.askToRedeem(chosen),
      onConfirm: (chosen) => void this.redeem(chosen.id).catch(() => undefined),
      onCancel: (chosen) => this.cancel(chosen),
      onCopy: (chosen, code) => void this.copy(chosen, code),
    });
  }

  private askToRedeem(item: CatalogItem): void {
    this.confirming = item.id;
    // "X is in your cart" is old news once the member asks for another; a coupon code stays.
    if (this.results.get(item.id)?.kind === 'product') {
      const results = new Map(this.results);
      results.delete(item.id);
      this.results = results;
    }
    if (this.problem?.itemId === item.id) this.problem = undefined;
    this.focusTarget = { part: 'cancel-button', itemId: item.id };
  }

  private cancel(item: CatalogItem): void {
    this.confirming = undefined;
    this.focusTarget = { part: 'redeem-button', itemId: item.id };
  }

  private async copy(item: CatalogItem, code: string): Promise<void> {
    let copied: 'yes' | 'failed' = 'yes';
    try {
      await navigator.clipboard.writeText(code);
    } catch {
      copied = 'failed';
    }
    this.results = new Map(this.results).set(item.id, { kind: 'coupon', code, copied });
    this.announcement = this.l10n.t(copied === 'yes' ? 'catalog.copied' : 'catalog.copyFailed');
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Reported only once shown: while the other resource still loads, a first failure that the
    // second one then replaces would be reported twice.
    this.faceState.show(this.face, this.face === 'error' ? this.failure() : undefined);
    this.applyFocus();
  }

  private applyFocus(): void {
    const target = this.focusTarget;
    if (!target) return;
    this.focusTarget = undefined;
    const root = this.shadowRoot;
    // Only from inside the catalog: a redemption a page script asked for leaves the focus alone.
    if (!root || (root.activeElement === null && document.activeElement !== document.body && document.activeElement !== null)) return;
    const card = [...root.querySelectorAll<HTMLElement>('li[data-item-id]')].find((element) => element.dataset['itemId'] === target.itemId);
    const element = card?.querySelector<HTMLElement>(`[part~="${target.part}"]`);
    if (element && (target.part === 'message' || target.part === 'item-message')) element.tabIndex = -1;
    (element ?? card?.querySelector<HTMLElement>('button'))?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reward-catalog': RewardCatalog;
  }
}
