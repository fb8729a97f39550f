/**
 * One reward in the catalog. Its action area shows, in this order of precedence:
 * - the answer to a redemption: the gift is in the cart, or the coupon code with a copy button;
 * - the confirmation "Redeem X for N coins?" with [Redeem] and [Cancel] (Escape cancels);
 * - for a member: what stops a redemption (out of stock, N more coins needed) or the Redeem button;
 * - for a visitor: nothing (the catalog's sign-in slot says what to do).
 *
 * The cards, with the styles and messages only they use, load on demand beside the store (see
 * `shared/ready-view.ts`): they show the catalog's data, which comes from the store.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CatalogItem } from '../../api/public.ts';
import enActions from '../../i18n/en-actions.ts';
import enAmounts from '../../i18n/en-amounts.ts';
import enRewardCatalogReady from '../../i18n/en-reward-catalog-ready.ts';
import type { EnglishMessages, LocalizeController } from '../../i18n/localize.ts';
import { formatMoney } from '../shared/format.ts';
// For no value: keeps the element and what it shares with this view in one chunk (see ready-view.ts).
import './reward-catalog.ts';

/** The messages only the cards read. */
export const english: EnglishMessages = { ...enActions, ...enAmounts, ...enRewardCatalogReady };

/** What the last redemption of this card gave. */
export type RedeemResult = { readonly kind: 'product' } | { readonly kind: 'coupon'; readonly code: string; readonly copied?: 'yes' | 'failed' };

export interface CatalogCardView {
  readonly item: CatalogItem;
  /** The member's available coins; undefined for a visitor. */
  readonly available: number | undefined;
  readonly confirming: boolean;
  readonly redeeming: boolean;
  readonly result?: RedeemResult | undefined;
  readonly problem?: string | undefined;
  readonly currency: string;
  readonly l10n: Pick<LocalizeController, 't' | 'locale'>;
  readonly onRedeem: (item: CatalogItem) => void;
  readonly onConfirm: (item: CatalogItem) => void;
  readonly onCancel: (item: CatalogItem) => void;
  readonly onCopy: (item: CatalogItem, code: string) => void;
}

export function catalogCard(view: CatalogCardView): TemplateResult {
  const { item, l10n } = view;
  const out = item.stock === 0;
  return html`<li
    class=${classMap({ item: true, unavailable: out })}
    part="item item-${item.kind}"
    data-item-id=${item.id}
  >
    ${
      item.imageUrl
        ? html`<img class="image" part="image" src=${item.imageUrl} alt="" loading="lazy" decoding="async" />`
        : html`<span class="image-placeholder" part="image" aria-hidden="true"></span>`
    }
    <span class="name" part="item-name">${item.name}</span>
    ${
      item.kind === 'coupon'
        ? html`<span class="coupon-value" part="coupon-value"
          >${l10n.t('catalog.couponValue', { value: formatMoney(l10n.locale, item.couponValueCents, view.currency) })}</span
        >`
        : nothing
    }
    ${item.description ? html`<span class="description" part="item-description">${item.description}</span>` : nothing}
    <span class="facts">
      <span class="price" part="price">${l10n.t('coins.amount', { n: item.coins })}</span>
      <span class=${classMap({ stock: true, out })} part="stock"
        >${out ? l10n.t('catalog.outOfStock') : l10n.t('catalog.stock', { n: item.stock })}</span
      >
    </span>
    ${view.available === undefined ? nothing : html`<div class="action">${action(view, out)}</div>`}
  </li>`;
}

function action(view: CatalogCardView, out: boolean): TemplateResult | typeof nothing {
  const { item, l10n } = view;
  const problem = view.problem ? html`<p class="problem" part="item-message" role="alert">${view.problem}</p>` : nothing;
  if (view.confirming) return confirmStep(view);
  // What the last redemption gave stays above what the member can do next (redeem another).
  const result = view.result ? resultOf(view, view.result) : nothing;
  if (out) return html`${result}${problem}`;
  const missing = item.coins - (view.available ?? 0);
  if (missing > 0) {
    return html`${result}<p class="shortfall" part="shortfall">${l10n.t('catalog.notEnoughCoins', { n: missing })}</p>${problem}`;
  }
  return html`${result}<button
      type="button"
      class="button primary"
      part="redeem-button"
      aria-label=${l10n.t('catalog.redeemFor', { n: item.coins }) + ': ' + item.name}
      @click=${() => view.onRedeem(item)}
    >
      ${l10n.t('catalog.redeem')}</button
    >${problem}`;
}

function confirmStep(view: CatalogCardView): TemplateResult {
  const { item, l10n } = view;
  const questionId = `confirm-${item.id}`;
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || view.redeeming) return;
    // Escape answers this question only; a dialog around the catalog stays open.
    event.preventDefault();
    event.stopPropagation();
    view.onCancel(item);
  };
  // The second click of a double click on Redeem lands here: only a click of its own confirms.
  const onConfirm = (event: MouseEvent) => {
    if (view.redeeming || event.detail > 1) return;
    view.onConfirm(item);
  };
  return html`<div class="confirm" part="confirm" role="group" aria-labelledby=${questionId} @keydown=${onKeydown}>
    <p class="question" id=${questionId}>${l10n.t('catalog.confirmRedeem', { name: item.name, n: item.coins })}</p>
    <button
      type="button"
      class="button primary"
      part="confirm-redeem-button"
      aria-disabled=${view.redeeming ? 'true' : 'false'}
      @click=${onConfirm}
    >
      ${view.redeeming ? l10n.t('catalog.redeeming') : l10n.t('catalog.redeem')}
    </button>
    <button
      type="button"
      class="button"
      part="cancel-button"
      aria-disabled=${view.redeeming ? 'true' : 'false'}
      @click=${() => (view.redeeming ? undefined : view.onCancel(item))}
    >
      ${l10n.t('action.cancel')}
    </button>
  </div>`;
}

function resultOf(view: CatalogCardView, result: RedeemResult): TemplateResult {
  const { item, l10n } = view;
  if (result.kind === 'product') return html`<p class="message" part="message">${l10n.t('catalog.redeemed', { name: item.name })}</p>`;
  const copied = result.copied === 'yes' ? l10n.t('catalog.copied') : result.copied === 'failed' ? l10n.t('catalog.copyFailed') : '';
  return html`<p class="message" part="message">
      ${l10n.t('catalog.couponRedeemed', { code: '' }).trim()} <code class="code" part="coupon-code">${result.code}</code>
    </p>
    <button type="button" class="button" part="copy-button" @click=${() => view.onCopy(item, result.code)}>${l10n.t('catalog.copy')}</button>
    <span class="shortfall" part="copy-status">${copied}</span>`;
}

/** What the list of cards shows and what its controls do. */
export interface CatalogItemsView extends Pick<CatalogCardView, 'available' | 'currency' | 'l10n' | 'onRedeem' | 'onConfirm' | 'onCancel' | 'onCopy'> {
  readonly items: readonly CatalogItem[];
  /** The item whose redemption is being confirmed, and the one being redeemed. */
  readonly confirming: string | undefined;
  readonly redeeming: string | undefined;
  readonly results: ReadonlyMap<string, RedeemResult>;
  readonly problem: { readonly itemId: string; readonly message: () => string } | undefined;
}

/** Every card, in the catalog's order. */
export function catalogItems(view: CatalogItemsView): TemplateResult {
  const { l10n } = view;
  return html`<ul class="items" part="items" aria-label=${l10n.t('catalog.title')}>
    ${repeat(
      view.items,
      (item) => item.id,
      (item) =>
        catalogCard({
          item,
          available: view.available,
          confirming: view.confirming === item.id,
          redeeming: view.redeeming === item.id,
          result: view.results.get(item.id),
          problem: view.problem?.itemId === item.id ? view.problem.message() : undefined,
          currency: view.currency,
          l10n,
          onRedeem: view.onRedeem,
          onConfirm: view.onConfirm,
          onCancel: view.onCancel,
          onCopy: view.onCopy,
        }),
    )}
  </ul>`;
}

/** The rules only the ready face uses, after the element's own (`reward-catalog.styles.ts`). */
export const styles = css`
  .item.unavailable .image,
  .item.unavailable .image-placeholder {
    opacity: 0.55;
  }
  .image,
  .image-placeholder {
    display: block;
    inline-size: 100%;
    block-size: var(--_catalog-image);
    border-radius: var(--_rk-radius-m);
    object-fit: cover;
    background: var(--_rk-surface-sunken);
  }
  .name {
    font-weight: var(--_rk-font-weight-strong);
    overflow-wrap: anywhere;
  }
  .description,
  .coupon-value {
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
    overflow-wrap: anywhere;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_rk-space-1) var(--_rk-space-3);
    margin-block-start: auto;
  }
  .price {
    font-weight: var(--_rk-font-weight-strong);
    font-variant-numeric: tabular-nums;
  }
  .stock {
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
  }
  .stock.out {
    color: var(--_rk-danger);
    font-weight: var(--_rk-font-weight-strong);
  }
  .action {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_rk-space-2);
    min-block-size: var(--_rk-control-size);
  }
  .action .button {
    flex: 1 1 auto;
  }
  .shortfall,
  .message,
  .question,
  .problem {
    flex: 1 1 100%;
    margin: 0;
    font-size: var(--_rk-font-size-s);
    overflow-wrap: anywhere;
  }
  .shortfall {
    color: var(--_rk-text-muted);
  }
  .message {
    color: var(--_rk-success);
  }
  .problem {
    color: var(--_rk-danger);
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_rk-space-2);
    flex: 1 1 100%;
    padding: var(--_rk-space-2);
    border-radius: var(--_rk-radius-m);
    background: var(--_rk-surface-sunken);
  }
  .confirm .button {
    flex: 1 1 auto;
  }
  .code {
    padding: var(--_rk-space-1) var(--_rk-space-2);
    border: 1px dashed var(--_rk-border);
    border-radius: var(--_rk-radius-s);
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-weight: var(--_rk-font-weight-strong);
    overflow-wrap: anywhere;
    user-select: all;
  }
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }
`;
