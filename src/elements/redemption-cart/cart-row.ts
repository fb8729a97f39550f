/**
 * One gift in the cart. Three looks:
 * - at rest: name, what it is (redeemed for N coins / upgrade gift for a level), the shipping
 *   choice of an upgrade gift, and either a Remove button or why it can no longer be removed;
 * - confirming a removal: the row becomes the question "Remove X? N coins will come back."
 *   with [Remove] and [Keep] (Escape keeps);
 * - removing: the same question with the Remove button busy.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { live } from 'lit/directives/live.js';
import type { CartItem, ShippingChoice } from '../../api/index.ts';
import type { LocalizeController } from '../../i18n/localize.ts';
import { lockIcon } from '../shared/icons.ts';
import { levelNameKey } from '../shared/levels.ts';

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
