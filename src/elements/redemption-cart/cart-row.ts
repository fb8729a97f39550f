/**
 * One gift in the cart. Three looks:
 * - at rest: name, what it is (redeemed for N coins / upgrade gift for a level), the shipping
 *   choice of an upgrade gift, and either a Remove button or why it can no longer be removed;
 * - confirming a removal: the row becomes the question "Remove X? N coins will come back."
 *   with [Remove] and [Keep] (Escape keeps);
 * - removing: the same question with the Remove button busy.
 *
 * The rows, with the styles and messages only they use, load on demand beside the store (see
 * `shared/ready-view.ts`): they show the cart's data, which comes from the store.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { live } from 'lit/directives/live.js';
import type { CartItem, ShippingChoice } from '../../api/index.ts';
import enLevel from '../../i18n/en-level.ts';
import enRedemptionCartReady from '../../i18n/en-redemption-cart-ready.ts';
import type { EnglishMessages, LocalizeController } from '../../i18n/localize.ts';
import { lockIcon } from '../shared/icons.ts';
import { levelNameKey } from '../shared/levels.ts';
// For no value: keeps the element and what it shares with this view in one chunk (see ready-view.ts).
import './redemption-cart.ts';

/** The messages only the rows read. */
export const english: EnglishMessages = { ...enLevel, ...enRedemptionCartReady };

export interface CartRowView {
  readonly item: CartItem;
  readonly confirming: boolean;
  readonly removing: boolean;
  /** A short message about this row's last failed action. */
  readonly problem?: string | undefined;
  readonly l10n: Pick<LocalizeController, 't'>;
  readonly onRemove: (item: CartItem) => void;
  readonly onConfirm: (item: CartItem) => void;
  readonly onKeep: (item: CartItem) => void;
  readonly onShipping: (item: CartItem, shipping: ShippingChoice) => void;
}

const SHIPPING_CHOICES: ReadonlyArray<{ value: ShippingChoice; key: 'cart.shipNow' | 'cart.shipWithNextOrder' }> = [
  { value: 'with_next_order', key: 'cart.shipWithNextOrder' },
  { value: 'now', key: 'cart.shipNow' },
];

export function cartRow(view: CartRowView): TemplateResult {
  const { item } = view;
  const kind = item.kind === 'upgrade_gift' ? 'item-upgrade-gift' : 'item-redemption';
  return html`<li
    class=${classMap({ item: true, confirming: view.confirming })}
    part="item ${kind}"
    data-item-id=${item.id}
    tabindex="-1"
  >
    ${view.confirming ? confirmStep(view) : restingRow(view)}
    ${view.problem ? html`<p class="row-problem" part="item-message" role="alert" tabindex="-1">${view.problem}</p>` : nothing}
  </li>`;
}

function description(view: CartRowView): string {
  const { item, l10n } = view;
  if (item.kind === 'upgrade_gift') {
    return `${l10n.t('cart.upgradeGift', { level: l10n.t(levelNameKey(item.level)) })} · ${l10n.t('cart.free')}`;
  }
  return l10n.t('cart.redeemedFor', { n: item.coins });
}

function restingRow(view: CartRowView): TemplateResult {
  const { item, l10n } = view;
  return html`<div class="item-main">
      <span class="name" part="item-name">${item.name}</span>
      <span class="detail" part="item-detail">${description(view)}</span>
    </div>
    ${item.kind === 'upgrade_gift' ? shippingChoice(view, item.id, item.shipping) : nothing}
    ${
      item.removable
        ? html`<button
          type="button"
          class="button remove"
          part="remove-button"
          aria-label=${l10n.t('cart.removeItem', { name: item.name })}
          @click=${() => view.onRemove(item)}
        >
          ${l10n.t('cart.remove')}
        </button>`
        : html`<p class="locked" part="not-removable">
          ${lockIcon('not-removable-icon')}
          <span class="locked-text">
            ${
              item.kind === 'upgrade_gift'
                ? l10n.t('cart.giftNotRemovable')
                : html`<strong class="locked-title">${l10n.t('cart.notRemovable')}</strong>
                  <span class="locked-reason">${l10n.t('cart.notRemovableOrdered')}</span>`
            }
          </span>
        </p>`
    }`;
}

function shippingChoice(view: CartRowView, itemId: string, current: ShippingChoice): TemplateResult {
  const { l10n } = view;
  // Native radios: one tab stop, arrows move and choose, the legend names the group.
  return html`<fieldset class="shipping" part="shipping">
    <legend class="shipping-legend">${l10n.t('cart.shipping')}</legend>
    <div class="choices">
      ${SHIPPING_CHOICES.map(
        (choice) => html`<label class="choice" part="shipping-option">
          <input
            type="radio"
            name="shipping-${itemId}"
            value=${choice.value}
            .checked=${live(current === choice.value)}
            @change=${() => view.onShipping(view.item, choice.value)}
          />
          <span>${l10n.t(choice.key)}</span>
        </label>`,
      )}
    </div>
  </fieldset>`;
}

function confirmStep(view: CartRowView): TemplateResult {
  const { item, l10n } = view;
  const question =
    item.kind === 'upgrade_gift' ? l10n.t('cart.confirmRemoveGift', { name: item.name }) : l10n.t('cart.confirmRemove', { name: item.name, n: item.coins });
  const questionId = `confirm-${item.id}`;
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || view.removing) return;
    // Escape answers this question only; a dialog around the cart stays open.
    event.preventDefault();
    event.stopPropagation();
    view.onKeep(item);
  };
  return html`<div class="confirm" part="confirm" role="group" aria-labelledby=${questionId} @keydown=${onKeydown}>
    <p class="question" id=${questionId}>${question}</p>
    <div class="confirm-actions">
      <button
        type="button"
        class="button danger"
        part="confirm-remove-button"
        aria-disabled=${view.removing ? 'true' : 'false'}
        @click=${() => (view.removing ? undefined : view.onConfirm(item))}
      >
        ${view.removing ? l10n.t('cart.removing') : l10n.t('cart.remove')}
      </button>
      <button
        type="button"
        class="button keep"
        part="keep-button"
        aria-disabled=${view.removing ? 'true' : 'false'}
        @click=${() => (view.removing ? undefined : view.onKeep(item))}
      >
        ${l10n.t('cart.keep')}
      </button>
    </div>
  </div>`;
}

/** The rules only the ready face uses, after the element's own (`redemption-cart.styles.ts`). */
export const styles = css`
  .item.confirming {
    background: var(--_rk-surface-sunken);
  }

  .item-main {
    display: grid;
    flex: 1 1 12rem;
    min-inline-size: 0;
  }
  .name {
    font-weight: var(--_rk-font-weight-strong);
    overflow-wrap: anywhere;
  }
  .detail {
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
  }

  .remove {
    margin-inline-start: auto;
  }

  .locked {
    display: flex;
    align-items: flex-start;
    gap: var(--_rk-space-1);
    flex: 1 1 100%;
    margin: 0;
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
  }
  .locked .icon {
    flex: none;
    margin-block-start: 0.2em;
  }
  .locked-title,
  .locked-reason {
    display: block;
  }
  .locked-title {
    color: var(--_rk-text);
    font-weight: var(--_rk-font-weight-strong);
  }

  .shipping {
    flex: 1 1 100%;
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .shipping-legend {
    padding: 0;
    margin-block-end: var(--_rk-space-1);
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_rk-space-2);
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: var(--_rk-space-2);
    min-block-size: var(--_rk-control-size);
    padding-inline: var(--_rk-space-3);
    border: 1px solid var(--_rk-border);
    border-radius: var(--_rk-radius-pill);
    font-size: var(--_rk-font-size-s);
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-color: var(--_rk-accent);
    box-shadow: inset 0 0 0 1px var(--_rk-accent);
    font-weight: var(--_rk-font-weight-strong);
  }
  .choice input {
    margin: 0;
    inline-size: 1rem;
    block-size: 1rem;
    accent-color: var(--_rk-accent);
  }
  .choice input:focus-visible {
    outline: var(--_rk-focus-ring-width) solid var(--_rk-focus-ring);
    outline-offset: 2px;
  }

  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_rk-space-2) var(--_rk-space-3);
    flex: 1 1 100%;
  }
  .question {
    flex: 1 1 12rem;
    margin: 0;
  }
  .confirm-actions {
    display: flex;
    gap: var(--_rk-space-2);
  }
  .button.danger {
    border-color: var(--_rk-danger);
    background: var(--_rk-danger);
    color: var(--_rk-surface);
  }
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }

  @media (forced-colors: active) {
    .choice:has(input:checked) {
      border-color: Highlight;
    }
  }
`;
