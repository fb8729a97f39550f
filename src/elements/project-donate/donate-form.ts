/**
 * The signed-in member's part of `project-donate`: an amount in whole coins (1 to their
 * balance), quick picks that fill it, and Donate, which asks "Give N coins to this project?"
 * inside the form before anything is sent; and the project's totals and recent donors above it.
 * Loaded on demand beside the store, with the styles and messages only they use (see
 * `shared/ready-view.ts`): both show data that comes from the store.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ProjectDonationsResponse } from '../../api/public.ts';
import enActions from '../../i18n/en-actions.ts';
import enAmounts from '../../i18n/en-amounts.ts';
import enProjectDonateReady from '../../i18n/en-project-donate-ready.ts';
import type { EnglishMessages, LocalizeController } from '../../i18n/localize.ts';
import { formatNumber } from '../shared/format.ts';
// For no value: keeps the element and what it shares with this view in one chunk (see ready-view.ts).
import './project-donate.ts';

/** The messages only the form and the totals read. */
export const english: EnglishMessages = { ...enActions, ...enAmounts, ...enProjectDonateReady };

/** How many recent donations are listed. */
const RECENT_SHOWN = 5;

/** The project's total, its number of donors and the latest donations. */
export function donateTotals(l10n: Pick<LocalizeController, 't'>, data: ProjectDonationsResponse): TemplateResult {
  const recent = data.recent.slice(0, RECENT_SHOWN);
  return html`<p class="total" part="total">
      <span class="total-coins" part="total-coins">${l10n.t('donate.total', { n: data.totalCoins })}</span>
      <span class="donors" part="donors">${l10n.t('donate.donors', { n: data.donors })}</span>
    </p>
    ${
      recent.length > 0
        ? html`<p class="recent-title" id="recent-title">${l10n.t('donate.recent')}</p>
          <ul class="recent" part="recent" aria-labelledby="recent-title">
            ${recent.map(
              (donation) => html`<li part="donation">
                <span class="donor">${donation.displayName ?? l10n.t('donate.anonymous')}</span>
                <span class="donated">${l10n.t('coins.amount', { n: donation.coins })}</span>
              </li>`,
            )}
          </ul>`
        : nothing
    }`;
}

/** Amounts offered as quick picks, when the balance covers them. */
const QUICK_PICKS = [10, 50, 100] as const;

export interface DonateFormView {
  readonly balance: number;
  /** The field's text, as typed. */
  readonly amount: string;
  /** The amount being confirmed, when the question is asked. */
  readonly confirming?: number | undefined;
  readonly donating: boolean;
  /** Why the amount or the donation was refused. */
  readonly problem?: string | undefined;
  /** The thanks after a donation. */
  readonly thanks?: string | undefined;
  readonly l10n: Pick<LocalizeController, 't' | 'locale'>;
  readonly onInput: (text: string) => void;
  readonly onSubmit: () => void;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** The amount typed, when it is a whole number of coins from 1 to the balance. */
export function validAmount(text: string, balance: number): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const coins = Number(text);
  return Number.isSafeInteger(coins) && coins >= 1 && coins <= balance ? coins : undefined;
}

export function donateForm(view: DonateFormView): TemplateResult {
  const { l10n } = view;
  if (view.balance < 1) {
    return html`<div class="form" part="form"><p class="no-coins" part="no-coins">${l10n.t('donate.noCoins')}</p></div>`;
  }
  const picks = [...new Set([...QUICK_PICKS.filter((coins) => coins < view.balance), view.balance])];
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!view.donating) view.onSubmit();
  };
  return html`<form class="form" part="form" novalidate @submit=${onSubmit}>
    <label class="label" for="amount" part="label">${l10n.t('donate.amount')}</label>
    <div class="field-row">
      <input
        id="amount"
        class="amount"
        part="amount-input"
        type="number"
        inputmode="numeric"
        min="1"
        max=${view.balance}
        step="1"
        autocomplete="off"
        aria-describedby="balance ${view.problem ? 'problem' : ''}"
        aria-invalid=${view.problem ? 'true' : 'false'}
        .value=${live(view.amount)}
        ?disabled=${view.confirming !== undefined}
        @input=${(event: Event) => view.onInput((event.target as HTMLInputElement).value)}
      />
      ${view.confirming === undefined ? html`<button type="submit" class="button primary" part="donate-button">${l10n.t('donate.action')}</button>` : nothing}
    </div>
    <span class="hint" id="balance" part="balance">${l10n.t('donate.balance', { n: view.balance })}</span>
    ${
      view.confirming === undefined
        ? html`<div class="picks" part="quick-picks" role="group" aria-label=${l10n.t('donate.quickPicks')}>
          ${picks.map((coins) => {
            const all = coins === view.balance && !QUICK_PICKS.includes(coins as (typeof QUICK_PICKS)[number]);
            const amount = l10n.t('coins.amount', { n: coins });
            return html`<button
              type="button"
              class="button"
              part="quick-pick"
              aria-label=${all ? `${l10n.t('donate.all')}: ${amount}` : amount}
              @click=${() => view.onInput(String(coins))}
            >
              ${all ? l10n.t('donate.all') : formatNumber(l10n.locale, coins)}
            </button>`;
          })}
        </div>`
        : confirmStep(view, view.confirming)
    }
    ${view.problem ? html`<p class="problem" id="problem" part="message-problem" role="alert">${view.problem}</p>` : nothing}
    ${view.thanks ? html`<p class="thanks" part="message-thanks">${view.thanks}</p>` : nothing}
  </form>`;
}

function confirmStep(view: DonateFormView, coins: number): TemplateResult {
  const { l10n } = view;
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || view.donating) return;
    event.preventDefault();
    event.stopPropagation();
    view.onCancel();
  };
  const onConfirm = (event: MouseEvent) => {
    // The second click of a double click on Donate lands here: only a click of its own confirms.
    if (view.donating || event.detail > 1) return;
    view.onConfirm();
  };
  return html`<div class="confirm" part="confirm" role="group" aria-labelledby="question" @keydown=${onKeydown}>
    <p class="question" id="question">${l10n.t('donate.confirm', { n: coins })}</p>
    <button type="button" class="button primary" part="confirm-donate-button" aria-disabled=${view.donating ? 'true' : 'false'} @click=${onConfirm}>
      ${view.donating ? l10n.t('donate.donating') : l10n.t('donate.action')}
    </button>
    <button
      type="button"
      class="button"
      part="cancel-button"
      aria-disabled=${view.donating ? 'true' : 'false'}
      @click=${() => (view.donating ? undefined : view.onCancel())}
    >
      ${l10n.t('action.cancel')}
    </button>
  </div>`;
}

/** The rules only the ready face uses, after the element's own (`project-donate.styles.ts`). */
export const styles = css`
  .total {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_rk-space-2);
    margin: 0;
  }
  .total-coins {
    font-size: var(--_rk-font-size-l);
    font-weight: var(--_rk-font-weight-strong);
    font-variant-numeric: tabular-nums;
  }
  .donors {
    color: var(--_rk-text-muted);
  }
  .recent-title {
    margin: 0;
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
  }
  .recent {
    display: grid;
    gap: var(--_rk-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--_rk-font-size-s);
  }
  .recent li {
    display: flex;
    justify-content: space-between;
    gap: var(--_rk-space-3);
  }
  .donor {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .donated {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .form {
    display: grid;
    gap: var(--_rk-space-2);
    padding-block-start: var(--_rk-space-3);
    border-block-start: 1px solid var(--_rk-border);
  }
  .label {
    font-weight: var(--_rk-font-weight-strong);
  }
  .field-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_rk-space-2);
  }
  .amount {
    flex: 1 1 6rem;
    min-inline-size: 0;
    min-block-size: var(--_rk-control-size);
    padding-inline: var(--_rk-space-3);
    border: 1px solid var(--_rk-border);
    border-radius: var(--_rk-radius-m);
    background: var(--_rk-surface);
    color: var(--_rk-text);
    font: inherit;
    font-variant-numeric: tabular-nums;
  }
  .amount:focus-visible {
    outline: var(--_rk-focus-ring-width) solid var(--_rk-focus-ring);
    outline-offset: 2px;
  }
  .amount[aria-invalid='true'] {
    border-color: var(--_rk-danger);
  }
  .hint {
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
  }
  .picks {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_rk-space-2);
  }
  .picks .button {
    padding-inline: var(--_rk-space-3);
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_rk-space-2);
    padding: var(--_rk-space-2);
    border-radius: var(--_rk-radius-m);
    background: var(--_rk-surface-sunken);
  }
  .question {
    flex: 1 1 100%;
    margin: 0;
  }
  .problem,
  .thanks {
    margin: 0;
    font-size: var(--_rk-font-size-s);
  }
  .problem {
    color: var(--_rk-danger);
  }
  .thanks {
    color: var(--_rk-success);
    font-weight: var(--_rk-font-weight-strong);
  }
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }
`;
