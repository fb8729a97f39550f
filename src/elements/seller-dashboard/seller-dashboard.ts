import { html, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import type { MeResponse } from '../../api/member.ts';
import { RewardsWithdrawalRequestedEvent } from '../../events/withdrawal-requested.ts';
import type { RewardsError } from '../../sdk/errors.ts';
import { dataOf, type ResourceState } from '../../store/state.ts';
import { failureEvent, failureMessageKey, isAborted, isRewardsError } from '../shared/failures.ts';
import { emptyFace, errorFace, faceStyles, loadingFace, signedOutFace } from '../shared/faces.ts';
import { formatMoney } from '../shared/format.ts';
import { readyView, viewFor } from '../shared/ready-view.ts';
import { RewardsElement } from '../shared/rewards-element.ts';
import { SelectedStoreController } from '../shared/selected-store-controller.ts';
import { baseStyles } from '../shared/theme.ts';
import { nextSort, type OrderColumn, type OrderSort } from './order-table.ts';
import type { Backstage, SellerView } from './seller-view.ts';
import { sellerDashboardStyles } from './seller-dashboard.styles.ts';
import enFaces from '../../i18n/en-faces.ts';
import enSellerDashboard from '../../i18n/en-seller-dashboard.ts';
import type { EnglishMessages } from '../../i18n/localize.ts';

type Face = 'loading' | 'ready' | 'empty' | 'signed-out' | 'error' | 'not-seller';

/** The ready face, loaded beside the store. */
const view = readyView(() => import('./seller-view.ts'));

/** Orders fetched at once: the table sorts and pages within them. */
const ORDERS_LOADED = 100;

/**
 * A partner seller's backstage (M6): store credit with a withdraw action (amount, confirm, the
 * request's status afterwards), this month so far (gross, fee, net), past months with their
 * paid-out dates, any debt from design-defect refunds (M5), the first order's credit (M3), a chart
 * of net earnings per month, the orders (sortable, paged) and the products with their stock, low
 * and oversold marks. A member who is not a seller sees a short "not a partner seller" face.
 *
 * <p><img src="docs/screenshots/seller-dashboard-light.png" alt="seller-dashboard, light theme: $641.56 store credit with the withdraw field and a paid $50.00 withdrawal, this month so far, two past months with their payout dates and a chart, seven completed orders, and three products, one low in stock and one oversold" width="420"> <img src="docs/screenshots/seller-dashboard-dark.png" alt="seller-dashboard, dark theme: the same dashboard" width="420"></p>
 *
 * @tagname seller-dashboard
 * @summary A partner seller's statement, orders, stock and withdrawals.
 *
 * @slot signed-out - Shown when no member is signed in: the page's own sign-in link.
 * @slot not-seller - Shown to a member who is not a partner seller; by default a short sentence.
 *
 * @csspart section - Each block (credit, this month, months, orders, products); also `section-<name>`.
 * @csspart store-credit - The store credit amount.
 * @csspart debt - What refunds took beyond the earnings, when there is a debt.
 * @csspart withdraw-form - The amount field and its button.
 * @csspart withdraw-input - The amount field.
 * @csspart withdraw-button - The "Withdraw" button, and the confirm button.
 * @csspart withdraw-status - What happened to the last withdrawal request.
 * @csspart withdrawal - One withdrawal in the list; also `withdrawal-requested`, `withdrawal-paid`, `withdrawal-failed`.
 * @csspart figures - This month's gross, fee and net.
 * @csspart chart - The chart of net earnings per month.
 * @csspart table - Every table (months, orders, products).
 * @csspart sort-button - A sortable column's header button.
 * @csspart pager - The orders' paging buttons and page number.
 * @csspart stock-low - The "Low stock" mark.
 * @csspart stock-oversold - The "Oversold" mark.
 * @csspart face - Every face other than the dashboard; also `face-loading`, `face-empty`, `face-signed-out`, `face-error`, `face-not-seller`.
 * @csspart retry-button - The error face's "Try again" button.
 *
 * @cssprop --rk-text - Text and figures.
 * @cssprop --rk-text-muted - Labels and dates.
 * @cssprop --rk-surface - The dashboard's background.
 * @cssprop --rk-border - Lines between rows and around sections.
 * @cssprop --rk-accent - Buttons and the chart's bars.
 * @cssprop --rk-success - A paid withdrawal.
 * @cssprop --rk-warning - Low stock and requested withdrawals.
 * @cssprop --rk-danger - Debts, oversold stock, failures and bars below zero.
 * @cssprop --rk-focus-ring - Focus rings.
 *
 * @cssstate loading - Waiting for the account or the backstage.
 * @cssstate ready - The dashboard is shown.
 * @cssstate empty - A seller with no sales and no products yet.
 * @cssstate signed-out - No member is signed in.
 * @cssstate not-seller - The member is not a partner seller.
 * @cssstate error - The backstage could not be loaded; a retry button is shown.
 *
 * @fires {RewardsWithdrawalRequestedEvent} rewards-withdrawal-requested - A withdrawal was requested.
 * @fires {RewardsErrorEvent} rewards-error - The backstage could not be loaded, or a withdrawal failed.
 */
export class SellerDashboard extends RewardsElement<Face> {
  static override styles = [...baseStyles, ...faceStyles, sellerDashboardStyles];
  protected static override english: EnglishMessages = { ...enFaces, ...enSellerDashboard };
  static override properties: PropertyDeclarations = {
    lowStock: { type: Number, attribute: 'low-stock' },
    backstage: { attribute: false },
    loadError: { attribute: false },
    sort: { attribute: false },
    page: { attribute: false },
    confirming: { attribute: false },
    withdrawing: { attribute: false },
    withdrawMessage: { attribute: false },
  };

  /** Products with this many units or fewer are marked "Low stock". */
  lowStock = 5;

  private backstage?: Backstage;
  private loadError?: unknown;
  private sort: OrderSort = { column: 'completedAt', direction: 'descending' };
  private page = 0;
  private confirming?: number;
  private withdrawing = false;
  private withdrawMessage?: { text: string; failed: boolean };

  private readonly account = new SelectedStoreController<ResourceState<MeResponse>>(this, () => this.session()?.account);
  /** The account store the backstage was asked for; another member or API loads afresh. */
  private loadedFor?: unknown;
  /** The account store the shown backstage (or load error) belongs to. */
  private shownFor?: unknown;
  private face: Face = 'loading';
  private error?: unknown;

  /** Loads (or reloads) the backstage: statement, orders, products, withdrawals. */
  async reload(): Promise<void> {
    const session = this.session();
    const store = this.account.store;
    if (!session) return;
    this.loadError = undefined;
    try {
      const client = session.client;
      const [me, orders, products, withdrawals] = await Promise.all([
        client.getSellerMe(),
        client.getSellerOrders({ limit: ORDERS_LOADED }),
        client.getSellerProducts(),
        client.getSellerWithdrawals(),
      ]);
      if (store !== this.account.store) return;
      this.backstage = { me, orders: orders.orders, products: products.products, withdrawals: withdrawals.withdrawals };
      this.shownFor = store;
    } catch (error) {
      if (store !== this.account.store || isAborted(error)) return;
      this.loadError = error;
      this.shownFor = store;
    }
  }

  private readyView(backstage: Backstage): SellerView {
    return {
      l10n: this.l10n,
      backstage,
      lowStock: this.lowStock,
      sort: this.sort,
      page: this.page,
      confirming: this.confirming,
      withdrawing: this.withdrawing,
      withdrawMessage: this.withdrawMessage,
      sortBy: (column) => this.sortBy(column),
      setPage: (page) => (this.page = page),
      askToWithdraw: (event) => this.askToWithdraw(event),
      cancelWithdraw: () => this.cancelWithdraw(),
      withdraw: () => void this.withdraw(),
    };
  }

  private resolveFace(): Face {
    this.error = undefined;
    if (!this.configuration.config) return 'loading';
    const account = this.account.value;
    if (!account || account.status === 'loading') return 'loading';
    if (account.status === 'signed-out') return 'signed-out';
    if (account.data === undefined) {
      if (account.status !== 'error') return 'loading';
      this.error = account.error;
      return 'error';
    }
    if (!account.data.isSeller) return 'not-seller';
    // What was loaded for another member or API is not shown while this one's loads.
    if (this.shownFor !== this.account.store) return 'loading';
    if (this.loadError !== undefined) {
      this.error = this.loadError;
      return 'error';
    }
    if (!this.backstage) return 'loading';
    const { me, orders, products } = this.backstage;
    if (me.months.length === 0 && orders.length === 0 && products.length === 0 && me.storeCreditCents === 0) return 'empty';
    // The ready face's code loads beside the store; the loading face shows until it is here.
    return viewFor(this, view, 'the seller dashboard') ? 'ready' : 'loading';
  }

  /** Once the account says the member is a seller, loads their backstage (again for another member or API). */
  private loadBackstageOnce(): void {
    const account = this.account.value;
    if (!account || !dataOf(account)?.isSeller || this.loadedFor === this.account.store) return;
    this.loadedFor = this.account.store;
    // After this render: the load sets state, which renders again.
    void Promise.resolve().then(() => this.reload());
  }

  protected override render(): TemplateResult {
    // The account store is only selected (and subscribed) by now, after willUpdate.
    this.loadBackstageOnce();
    this.face = this.resolveFace();
    const { l10n } = this;
    let body: TemplateResult;
    switch (this.face) {
      case 'loading':
        body = loadingFace(l10n, { blockSize: '24rem' });
        break;
      case 'signed-out':
        body = signedOutFace(l10n, l10n.t('seller.signIn'));
        break;
      case 'not-seller':
        body = html`<div class="face face-not-seller" part="face face-not-seller" role="status">
          <slot name="not-seller"><p class="face-message">${l10n.t('seller.notSeller')}</p></slot>
        </div>`;
        break;
      case 'error':
        body = errorFace(l10n, () => this.retry(), l10n.t(failureMessageKey(this.error)));
        break;
      case 'empty':
        body = emptyFace(l10n.t('seller.empty'));
        break;
      case 'ready':
        body = view.module!.sellerDashboardReady(this.readyView(this.backstage!));
        break;
    }
    return html`<div class="dashboard-root" lang=${l10n.locale} dir=${l10n.dir}>${body}</div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.faceState.show(this.face, this.face === 'error' ? this.error : undefined);
  }

  private retry(): void {
    if (this.loadError !== undefined) void this.reload();
    else void this.session()?.refresh();
  }

  private money(cents: number): string {
    return formatMoney(this.l10n.locale, cents);
  }

  private askToWithdraw(event: SubmitEvent): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#amount');
    const credit = this.backstage?.me.storeCreditCents ?? 0;
    const cents = Math.round(Number(input?.value ?? '') * 100);
    if (!input || input.value.trim() === '' || !Number.isSafeInteger(cents) || cents < 1) {
      this.withdrawMessage = { text: this.l10n.t('seller.withdrawInvalid'), failed: true };
      return;
    }
    if (cents > credit) {
      this.withdrawMessage = { text: this.l10n.t('seller.withdrawTooMuch'), failed: true };
      return;
    }
    this.withdrawMessage = undefined;
    this.confirming = cents;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.confirm .primary')?.focus());
  }

  private cancelWithdraw(): void {
    this.confirming = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#amount')?.focus());
  }

  private async withdraw(): Promise<void> {
    const session = this.session();
    const cents = this.confirming;
    if (!session || cents === undefined || this.withdrawing) return;
    this.withdrawing = true;
    try {
      const answer = await session.client.withdraw(cents);
      this.withdrawMessage = { text: this.l10n.t('seller.withdrawRequested', { amount: this.money(cents) }), failed: false };
      const requested = new RewardsWithdrawalRequestedEvent({
        withdrawalId: answer.withdrawal.id,
        amountCents: cents,
        storeCreditCents: answer.storeCreditCents,
      });
      this.dispatchEvent(requested);
      const input = this.renderRoot.querySelector<HTMLInputElement>('#amount');
      if (input) input.value = '';
      await this.reload();
    } catch (error) {
      if (isAborted(error)) return;
      const tooMuch = isRewardsError(error, 'insufficient_funds');
      this.withdrawMessage = { text: this.l10n.t(tooMuch ? 'seller.withdrawTooMuch' : failureMessageKey(error)), failed: true };
      this.dispatchEvent(failureEvent(error as RewardsError, this.localName));
    } finally {
      this.withdrawing = false;
      this.confirming = undefined;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#amount')?.focus();
    }
  }

  private sortBy(column: OrderColumn): void {
    this.sort = nextSort(this.sort, column);
    this.page = 0;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'seller-dashboard': SellerDashboard;
  }
}
