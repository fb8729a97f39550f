import { html, nothing, svg, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import type { MeResponse } from '../../api/member.ts';
import type { RewardsError } from '../../sdk/errors.ts';
import type { ResourceState } from '../../store/state.ts';
import { failureMessageKey } from '../shared/failures.ts';
import { errorFace, faceStyles, signedOutFace, skeleton } from '../shared/faces.ts';
import { formatNumber } from '../shared/format.ts';
import { RewardsElement } from '../shared/rewards-element.ts';
import { SelectedStoreController } from '../shared/selected-store-controller.ts';
import { baseStyles } from '../shared/theme.ts';
import { coinBalanceStyles } from './coin-balance.styles.ts';
import { CountAnimation } from './count-animation.ts';
import enFaces from '../../i18n/en-faces.ts';
import enAmounts from '../../i18n/en-amounts.ts';
import enCoinBalance from '../../i18n/en-coin-balance.ts';
import type { EnglishMessages } from '../../i18n/localize.ts';

type BalanceFace =
  { face: 'loading' } | { face: 'ready'; owner: string; account: MeResponse } | { face: 'signed-out' } | { face: 'error'; error: RewardsError };

const LOADING_FACE: BalanceFace = { face: 'loading' };

/** How long a change of the balance is counted out on screen. */
const COUNT_MS = 700;

const coinIcon = svg`<svg class="coin" part="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"
  fill="none" stroke="currentColor" stroke-width="1.6"><circle cx="8" cy="8" r="6.2" /><path d="M8 4.8v6.4M6.2 6.4h3.6" stroke-linecap="round" /></svg>`;

/**
 * The signed-in member's coins: available, and pending (C19: coins that wait on an order)
 * when there are any.
 *
 * When the balance changes while shown (a check-in, a redemption, another tab), the number
 * counts to its new value, or jumps there under `prefers-reduced-motion: reduce`, and a polite
 * live region then says the new balance once: screen readers hear the settled value, never the
 * frames in between. The first balance shown is not announced.
 *
 * No coins is a balance like any other ("0 coins"), so the element has no empty face.
 *
 * ```html
 * <header>… <coin-balance><a slot="signed-out" href="/login">Sign in</a></coin-balance></header>
 * ```
 *
 * <p><img src="docs/screenshots/coin-balance-light.png" alt="coin-balance, light theme: 687 coins" width="168"> <img src="docs/screenshots/coin-balance-dark.png" alt="coin-balance, dark theme: 687 coins" width="168"></p>
 *
 * @tagname coin-balance
 * @summary Available and pending coins, announced politely when they change.
 *
 * @slot signed-out - Shown when no member is signed in: the page's own sign-in link. By
 *   default a short sentence.
 *
 * @csspart balance - The ready face: icon, available coins and pending coins.
 * @csspart icon - The coin icon (decorative).
 * @csspart available - The available coins with their unit.
 * @csspart amount - The number of available coins (counts on a change).
 * @csspart unit - "coins".
 * @csspart pending - "N pending", only when some coins are pending.
 * @csspart face - Every face other than the balance; also `face-loading`, `face-signed-out`, `face-error`.
 * @csspart skeleton - The placeholder while loading.
 * @csspart retry-button - The error face's "Try again" button.
 *
 * @cssprop --rk-text - The balance.
 * @cssprop --rk-text-muted - Pending coins.
 * @cssprop --rk-warning - The coin icon.
 * @cssprop --rk-surface - The background.
 * @cssprop --rk-font-size-m - The balance's size; pending coins use `--rk-font-size-s`.
 *
 * @cssstate loading - Waiting for the account (or for an API to be configured).
 * @cssstate ready - The balance is shown.
 * @cssstate signed-out - No member is signed in.
 * @cssstate error - The balance could not be loaded; a retry button is shown.
 *
 * @fires {RewardsErrorEvent} rewards-error - The balance could not be loaded.
 */
export class CoinBalance extends RewardsElement<BalanceFace['face']> {
  static override styles = [...baseStyles, ...faceStyles, coinBalanceStyles];
  protected static override english: EnglishMessages = { ...enFaces, ...enAmounts, ...enCoinBalance };
  static override properties: PropertyDeclarations = {
    announcement: { attribute: false },
  };

  /** The number on screen while it counts towards the balance (drawn by the counter's frames). */
  private displayed?: number;

  /** What the live region says: the last settled balance after a change. */
  private announcement = '';

  private readonly account = new SelectedStoreController<ResourceState<MeResponse>>(this, () => this.session()?.account);
  private readonly counter = new CountAnimation({
    frame: (value) => {
      this.displayed = value;
      this.requestUpdate();
    },
    settled: (value) => (this.announcement = this.l10n.t('coins.balanceAnnouncement', { n: value })),
  });

  private current: BalanceFace = LOADING_FACE;
  /** Whose balance is on screen and the value it is heading to. */
  private shown?: { owner: string; target: number };

  private resolveFace(): BalanceFace {
    const session = this.session();
    if (!session) return LOADING_FACE;
    const account = this.account.value;
    if (!account || account.status === 'loading') return LOADING_FACE;
    if (account.status === 'signed-out') return { face: 'signed-out' };
    if (account.data === undefined) return account.status === 'error' ? { face: 'error', error: account.error } : LOADING_FACE;
    return { face: 'ready', owner: `${session.api}|${account.data.memberId}`, account: account.data };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Nothing draws frames for an element off the page; it comes back showing the balance.
    this.counter.cancel();
    if (this.shown) this.displayed = this.shown.target;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
  }

  protected override render(): TemplateResult {
    this.current = this.resolveFace();
    const { l10n } = this;
    let body: TemplateResult;
    switch (this.current.face) {
      case 'loading':
        body = html`<span class="face face-loading" part="face face-loading" role="status" aria-busy="true">
          <span class="visually-hidden">${l10n.t('face.loading')}</span>
          ${skeleton({ blockSize: '100%' })}
        </span>`;
        break;
      case 'signed-out':
        body = signedOutFace(l10n, l10n.t('signIn.coins'));
        break;
      case 'error':
        body = errorFace(l10n, () => void this.session()?.refresh(), l10n.t(failureMessageKey(this.current.error)));
        break;
      case 'ready':
        body = this.renderBalance(this.current.owner, this.current.account);
        break;
    }
    return html`<span lang=${l10n.locale} dir=${l10n.dir}
      >${body}<span class="visually-hidden" role="status" aria-live="polite" aria-atomic="true"
        >${this.announcement}</span
      ></span
    >`;
  }

  private renderBalance(owner: string, account: MeResponse): TemplateResult {
    const { l10n } = this;
    const { available, pending } = account.coins;
    // Another member's (or the first) balance is drawn as it is; only a change is counted.
    const value = this.shown?.owner === owner ? (this.displayed ?? available) : available;
    return html`<span class="balance" part="balance"
      >${coinIcon}<span class="available" part="available"
        ><span class="amount" part="amount">${formatNumber(l10n.locale, value)}</span
        ><span class="unit" part="unit">${l10n.t('coins.unit', { n: value })}</span></span
      >${pending > 0 ? html`<span class="pending" part="pending">${l10n.t('coins.pending', { n: pending })}</span>` : nothing}</span
    >`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const current = this.current;
    this.faceState.show(current.face, current.face === 'error' ? current.error : undefined);
    if (current.face === 'ready') this.follow(current.owner, current.account.coins.available);
  }

  /** Starts counting when the balance on screen is no longer the member's balance. */
  private follow(owner: string, target: number): void {
    const shown = this.shown;
    if (!shown || shown.owner !== owner) {
      this.counter.cancel();
      this.shown = { owner, target };
      this.displayed = target;
      return;
    }
    if (shown.target === target) return;
    shown.target = target;
    const from = this.displayed ?? target;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.counter.run(from, target, reduce ? 0 : COUNT_MS);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'coin-balance': CoinBalance;
  }
}
