import { html, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import type { Currency } from '../../api/common.ts';
import type { RewardsError } from '../../sdk/errors.ts';
import type { LedgerPages, ResourceState } from '../../store/state.ts';
import type { ReadableAtom } from 'nanostores';
import { failureEvent, failureMessageKey, isAborted } from '../shared/failures.ts';
import { emptyFace, errorFace, faceStyles, signedOutFace, skeleton } from '../shared/faces.ts';
import { readyView, viewFor } from '../shared/ready-view.ts';
import { RewardsElement } from '../shared/rewards-element.ts';
import { SelectedStoreController } from '../shared/selected-store-controller.ts';
import { baseStyles } from '../shared/theme.ts';
import { coinHistoryStyles } from './coin-history.styles.ts';
import enFaces from '../../i18n/en-faces.ts';
import enCoinHistory from '../../i18n/en-coin-history.ts';
import type { EnglishMessages } from '../../i18n/localize.ts';

type HistoryFace =
  { face: 'loading' } | { face: 'ready'; pages: LedgerPages } | { face: 'empty' } | { face: 'signed-out' } | { face: 'error'; error: RewardsError };

const LOADING_FACE: HistoryFace = { face: 'loading' };

/** Placeholder rows while the first page loads. */
const SKELETON_ROWS = 5;

/** The ready face, loaded beside the store. */
const view = readyView(() => import('./history-view.ts'));

/**
 * The signed-in member's ledger, newest first: what earned or spent coins (or points), when,
 * the signed amount (+10, −500), and whether it is pending (C19), available or void. Reasons
 * are the rules' titles in the page's language.
 *
 * More entries come a page at a time with a "Load more" button. After loading, the focus moves
 * to the first new entry, so a keyboard or screen-reader user goes on reading where the list
 * grew (the button may be gone: it leaves when everything is loaded).
 *
 * ```html
 * <coin-history></coin-history>
 * <coin-history currency="points"></coin-history>
 * ```
 *
 * <p><img src="docs/screenshots/coin-history-light.png" alt="coin-history, light theme: a donation (−25), a redeemed product (−50), daily check-ins (+10), likes, comments, feedback, orders and sign-up bonuses, all Available" width="360"> <img src="docs/screenshots/coin-history-dark.png" alt="coin-history, dark theme: the same ledger" width="360"></p>
 *
 * @tagname coin-history
 * @summary The member's coin (or points) ledger with reasons, statuses and paging.
 *
 * @slot signed-out - Shown when no member is signed in: the page's own sign-in link. By
 *   default a short sentence.
 *
 * @csspart entries - The list of entries.
 * @csspart entry - One entry; also `entry-pending`, `entry-available` or `entry-void`.
 * @csspart reason - What the entry was for.
 * @csspart amount - The signed amount; also `amount-credit` or `amount-debit`.
 * @csspart date - When it happened, in the reader's time zone.
 * @csspart status - "Pending", "Available" or "Void"; also `status-pending`, `status-available`, `status-void`.
 * @csspart load-more-button - The "Load more" button.
 * @csspart end - "That is everything.", after the last page was loaded.
 * @csspart load-more-error - Why the last "Load more" failed.
 * @csspart face - Every face other than the list; also `face-loading`, `face-empty`, `face-signed-out`, `face-error`.
 * @csspart skeleton - The placeholders while loading.
 * @csspart retry-button - The error face's "Try again" button.
 *
 * @cssprop --rk-text - Reasons and debits.
 * @cssprop --rk-text-muted - Dates and void entries.
 * @cssprop --rk-success - Credits and the "Available" label.
 * @cssprop --rk-warning - The "Pending" label.
 * @cssprop --rk-danger - A failed "Load more".
 * @cssprop --rk-border - Lines between entries.
 * @cssprop --rk-accent - The "Load more" button.
 * @cssprop --rk-focus-ring - The focus ring of the button and of a focused entry.
 *
 * @cssstate loading - Waiting for the first page (or for an API to be configured).
 * @cssstate ready - Entries are shown.
 * @cssstate empty - The member has no entries in this currency.
 * @cssstate signed-out - No member is signed in.
 * @cssstate error - The ledger could not be loaded; a retry button is shown.
 *
 * @fires {RewardsErrorEvent} rewards-error - The ledger, or a further page of it, could not be loaded.
 */
export class CoinHistory extends RewardsElement<HistoryFace['face']> {
  static override styles = [...baseStyles, ...faceStyles, coinHistoryStyles];
  protected static override english: EnglishMessages = { ...enFaces, ...enCoinHistory };
  static override properties: PropertyDeclarations = {
    currency: { reflect: true },
    loadingMore: { attribute: false },
    moreError: { attribute: false },
    loadedMore: { attribute: false },
  };

  /** Which ledger: `coins` (default) or `points`. */
  currency: Currency = 'coins';

  private loadingMore = false;
  private moreError?: unknown;
  /** A "Load more" succeeded: once the last page is in, say so. */
  private loadedMore = false;

  private readonly ledger = new SelectedStoreController<ResourceState<LedgerPages>>(this, () => this.session()?.ledger(this.ledgerCurrency));

  private current: HistoryFace = LOADING_FACE;
  /** The store the paging state belongs to; another store (currency, member, API) starts afresh. */
  private pagedStore?: ReadableAtom<ResourceState<LedgerPages>>;
  /** After a load: the index of the first new entry, to move the focus to. */
  private focusFrom?: number;

  private get ledgerCurrency(): Currency {
    return this.currency === 'points' ? 'points' : 'coins';
  }

  private resolveFace(): HistoryFace {
    if (!this.configuration.config) return LOADING_FACE;
    const ledger = this.ledger.value;
    if (!ledger || ledger.status === 'loading') return LOADING_FACE;
    if (ledger.status === 'signed-out') return { face: 'signed-out' };
    if (ledger.data === undefined) return ledger.status === 'error' ? { face: 'error', error: ledger.error } : LOADING_FACE;
    if (ledger.data.entries.length === 0) return { face: 'empty' };
    // The entries' code loads beside the store; the loading face shows until it is here.
    return viewFor(this, view, 'the coin history') ? { face: 'ready', pages: ledger.data } : LOADING_FACE;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('currency')) this.resetPaging();
  }

  protected override render(): TemplateResult {
    // The store may have changed with the configuration or the member; paging starts afresh.
    if (this.ledger.store !== this.pagedStore) {
      this.pagedStore = this.ledger.store;
      this.resetPaging();
    }
    this.current = this.resolveFace();
    const { l10n } = this;
    const points = this.ledgerCurrency === 'points';
    let body: TemplateResult;
    switch (this.current.face) {
      case 'loading':
        body = this.renderLoading();
        break;
      case 'empty':
        body = emptyFace(l10n.t(points ? 'history.pointsEmpty' : 'history.empty'));
        break;
      case 'signed-out':
        body = signedOutFace(l10n, l10n.t(points ? 'signIn.pointsHistory' : 'signIn.history'));
        break;
      case 'error':
        body = errorFace(l10n, () => void this.session()?.refresh(), l10n.t(failureMessageKey(this.current.error)));
        break;
      case 'ready':
        body = view.module!.historyReady({
          l10n,
          pages: this.current.pages,
          points,
          loadingMore: this.loadingMore,
          loadedMore: this.loadedMore,
          moreError: this.moreError,
          loadMore: () => void this.loadMore(),
        });
        break;
    }
    return html`<div lang=${l10n.locale} dir=${l10n.dir}>${body}</div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const current = this.current;
    this.faceState.show(current.face, current.face === 'error' ? current.error : undefined);
    if (this.focusFrom !== undefined) this.focusNewEntries(this.focusFrom);
  }

  private resetPaging(): void {
    this.loadingMore = false;
    this.moreError = undefined;
    this.loadedMore = false;
    this.focusFrom = undefined;
  }

  private renderLoading(): TemplateResult {
    const rows = Array.from({ length: SKELETON_ROWS }, (_, index) => index);
    return html`<div class="face-loading" part="face face-loading" role="status" aria-busy="true">
      <span class="visually-hidden">${this.l10n.t('face.loading')}</span>
      <div class="entries" aria-hidden="true">
        ${rows.map(
          (index) => html`<div class="entry skeleton-row">
            ${skeleton({ blockSize: '1lh', inlineSize: `${55 - (index % 3) * 10}%` })}
            ${skeleton({ blockSize: '1lh', inlineSize: '3.5em' })}
            <span class="meta">${skeleton({ blockSize: '1lh', inlineSize: '12em' })}</span>
          </div>`,
        )}
      </div>
    </div>`;
  }

  private async loadMore(): Promise<void> {
    const session = this.session();
    const store = this.ledger.store;
    if (!session || this.loadingMore || this.current.face !== 'ready') return;
    const before = this.current.pages.entries.length;
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      await session.loadMoreLedger(this.ledgerCurrency);
      if (store !== this.ledger.store) return;
      this.loadedMore = true;
      this.focusFrom = before;
    } catch (error) {
      if (store !== this.ledger.store || isAborted(error)) return;
      this.moreError = error;
      this.dispatchEvent(failureEvent(error, this.localName));
    } finally {
      if (store === this.ledger.store) this.loadingMore = false;
    }
  }

  /** Moves the focus to the first entry the last page brought (or the last one, if none came). */
  private focusNewEntries(index: number): void {
    this.focusFrom = undefined;
    const entries = this.renderRoot.querySelectorAll<HTMLElement>('li.entry');
    const target = entries[index] ?? (this.renderRoot.querySelector('.load-more') ? undefined : entries[entries.length - 1]);
    target?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'coin-history': CoinHistory;
  }
}
