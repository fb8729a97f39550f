/**
 * The coin history's ready face: the entries (reason, amount, date, status) and "Load more",
 * with the styles and messages only they use. Loaded on demand beside the store (see
 * `shared/ready-view.ts`).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import type { LedgerEntry } from '../../api/member.ts';
import enAmounts from '../../i18n/en-amounts.ts';
import enCoinHistoryReady from '../../i18n/en-coin-history-ready.ts';
import type { EnglishMessages, LocalizeController } from '../../i18n/localize.ts';
import type { LedgerPages } from '../../store/state.ts';
import { failureMessageKey } from '../shared/failures.ts';
import { formatDateTime } from '../shared/format.ts';
import { reasonKey, signedAmount } from './ledger-text.ts';
// For no value: keeps the element and what it shares with this view in one chunk (see ready-view.ts).
import './coin-history.ts';

/** The messages only the ready face reads. */
export const english: EnglishMessages = { ...enAmounts, ...enCoinHistoryReady };

/** What the ready face shows and what its button does. */
export interface HistoryView {
  readonly l10n: LocalizeController;
  readonly pages: LedgerPages;
  readonly points: boolean;
  readonly loadingMore: boolean;
  readonly loadedMore: boolean;
  readonly moreError: unknown;
  loadMore(): void;
}

export function historyReady(view: HistoryView): TemplateResult {
  const { l10n, pages } = view;
  return html`<ul class="entries" part="entries" role="list" aria-label=${l10n.t(view.points ? 'history.pointsTitle' : 'history.title')}>
      ${repeat(
        pages.entries,
        (entry) => entry.id,
        (entry) => historyEntry(l10n, entry),
      )}
    </ul>
    ${more(view)}`;
}

function historyEntry(l10n: LocalizeController, entry: LedgerEntry): TemplateResult {
  const locale = l10n.locale;
  const key = reasonKey(entry);
  const credit = entry.amount > 0;
  const magnitude = Math.abs(entry.amount);
  const unit = entry.currency === 'points' ? l10n.t('points.unit', { n: magnitude }) : l10n.t('coins.unit', { n: magnitude });
  const status = entry.status;
  return html`<li
    class=${classMap({ entry: true, [status]: true })}
    part="entry entry-${status}"
    tabindex="-1"
    data-entry-id=${entry.id}
  >
    <span class="reason" part="reason">${key ? l10n.t(key) : entry.reason}</span>
    <span class=${classMap({ amount: true, credit, debit: entry.amount < 0 })} part="amount amount-${credit ? 'credit' : 'debit'}"
      >${signedAmount(locale, entry.amount)}<span class="visually-hidden"> ${unit}</span></span
    >
    <span class="meta">
      <time part="date" datetime=${entry.createdAt}>${formatDateTime(locale, entry.createdAt)}</time>
      <span class="status ${status}" part="status status-${status}">${l10n.t(`history.status.${status}`)}</span>
    </span>
  </li>`;
}

function more(view: HistoryView): TemplateResult | typeof nothing {
  const { l10n, pages } = view;
  const more = pages.nextCursor !== null;
  if (!more && !view.loadedMore && view.moreError === undefined) return nothing;
  return html`<div class="more">
    ${
      more
        ? html`<button
          type="button"
          class="button load-more"
          part="load-more-button"
          aria-disabled=${view.loadingMore ? 'true' : 'false'}
          @click=${() => view.loadMore()}
        >
          ${l10n.t(view.loadingMore ? 'history.loadingMore' : 'history.loadMore')}
        </button>`
        : html`<p part="end">${l10n.t('history.end')}</p>`
    }
    ${view.moreError !== undefined ? html`<p class="failure" part="load-more-error" role="alert">${l10n.t(failureMessageKey(view.moreError))}</p>` : nothing}
  </div>`;
}

/** The rules only the ready face uses, after the element's own (`coin-history.styles.ts`). */
export const styles = css`
  .entry:focus-visible {
    outline: var(--_rk-focus-ring-width) solid var(--_rk-focus-ring);
    outline-offset: -2px;
  }
  .reason {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .amount {
    justify-self: end;
    font-weight: var(--_rk-font-weight-strong);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .amount.credit {
    color: var(--_rk-success);
  }
  .entry.void .amount {
    color: var(--_rk-text-muted);
    text-decoration: line-through !important;
  }
  .status {
    padding-inline: var(--_rk-space-2);
    border: 1px solid currentColor;
    border-radius: var(--_rk-radius-pill);
    font-size: var(--_rk-font-size-xs);
    /* With its border, no taller than the date's line: rows keep the placeholder's height. */
    line-height: 1.4;
  }
  .status.pending {
    color: var(--_rk-warning);
    border-style: dashed;
  }
  .status.available {
    color: var(--_rk-success);
  }
  .status.void {
    color: var(--_rk-text-muted);
  }

  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_rk-space-2) var(--_rk-space-3);
    padding-block-start: var(--_rk-space-3);
  }
  .more:empty {
    display: none;
  }
  .more p {
    margin: 0;
    color: var(--_rk-text-muted);
  }
  .more .failure {
    color: var(--_rk-danger);
  }
  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
`;
