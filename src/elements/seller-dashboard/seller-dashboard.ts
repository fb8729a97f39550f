import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MeResponse } from '../../api/member.ts';
import type { SellerMeResponse, SellerOrder, SellerProduct, Withdrawal } from '../../api/seller.ts';
import { RewardsWithdrawalRequestedEvent } from '../../events/withdrawal-requested.ts';
import type { RewardsError } from '../../sdk/errors.ts';
import { dataOf, type ResourceState } from '../../store/state.ts';
import { failureEvent, failureMessageKey, isAborted, isRewardsError } from '../shared/failures.ts';
import { emptyFace, errorFace, faceStyles, loadingFace, signedOutFace } from '../shared/faces.ts';
import { formatDateTime, formatMoney, formatMonth, formatNumber, formatPercent } from '../shared/format.ts';
import { RewardsElement } from '../shared/rewards-element.ts';
import { SelectedStoreController } from '../shared/selected-store-controller.ts';
import { baseStyles } from '../shared/theme.ts';
import { nextSort, pageCount, pageOf, sortOrders, type OrderColumn, type OrderSort } from './order-table.ts';
import { netChart } from './seller-chart.ts';
import { sellerDashboardStyles } from './seller-dashboard.styles.ts';
import enCore from '../../i18n/en-core.ts';
import enActions from '../../i18n/en-actions.ts';
import enSellerDashboard from '../../i18n/en-seller-dashboard.ts';
import type { EnglishMessages } from '../../i18n/localize.ts';

type Face = 'loading' | 'ready' | 'empty' | 'signed-out' | 'error' | 'not-seller';

interface Backstage {
  me: SellerMeResponse;
  orders: SellerOrder[];
  products: SellerProduct[];
  withdrawals: Withdrawal[];
}

/** Orders fetched at once: the table sorts and pages within them. */
const ORDERS_LOADED = 100;
/** Months the chart shows, up to this one. */
const CHART_MONTHS = 6;

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
  protected static override english: EnglishMessages = { ...enCore, ...enActions, ...enSellerDashboard };

  /** Products with this many units or fewer are marked "Low stock". */
  @property({ type: Number, attribute: 'low-stock' }) lowStock = 5;

  @state() private backstage?: Backstage;
  @state() private loadError?: unknown;
  @state() private sort: OrderSort = { column: 'completedAt', direction: 'descending' };
  @state() private page = 0;
  @state() private confirming?: number;
  @state() private withdrawing = false;
  @state() private withdrawMessage?: { text: string; failed: boolean };

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
    return me.months.length === 0 && orders.length === 0 && products.length === 0 && me.storeCreditCents === 0 ? 'empty' : 'ready';
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
        body = this.renderDashboard(this.backstage!);
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

  private renderDashboard({ me, orders, products, withdrawals }: Backstage): TemplateResult {
    return html`<div class="dashboard">
      ${this.renderCredit(me, withdrawals)} ${this.renderThisMonth(me)} ${this.renderMonths(me)} ${this.renderOrders(orders)}
      ${this.renderProducts(products)}
    </div>`;
  }

  private renderCredit(me: SellerMeResponse, withdrawals: Withdrawal[]): TemplateResult {
    const { l10n } = this;
    return html`<section class="section" part="section section-credit">
      <h3 id="credit-title">${l10n.t('seller.storeCredit')}</h3>
      <p class="big" part="store-credit">${this.money(me.storeCreditCents)}</p>
      ${me.pendingCents > 0 ? html`<p class="muted">${l10n.t('seller.pending', { amount: this.money(me.pendingCents) })}</p>` : nothing}
      ${me.debtCents > 0 ? html`<p class="debt" part="debt">${l10n.t('seller.debt', { amount: this.money(me.debtCents) })}</p>` : nothing}
      ${
        me.firstOrderCredit
          ? html`<p class="muted">${l10n.t('seller.firstOrder', { order: me.firstOrderCredit.orderId, amount: this.money(me.firstOrderCredit.netCents) })}</p>`
          : nothing
      }
      ${this.renderWithdraw(me)}
      ${
        withdrawals.length > 0
          ? html`<h4>${l10n.t('seller.withdrawals')}</h4>
            <ul class="withdrawals">
              ${withdrawals.map(
                (w) => html`<li part="withdrawal withdrawal-${w.status}">
                  <span>${this.money(w.amountCents)}</span>
                  <time class="muted" datetime=${w.createdAt}>${formatDateTime(l10n.locale, w.createdAt)}</time>
                  <span class="tag ${w.status}">${l10n.t(`seller.withdrawal.${w.status}`)}</span>
                </li>`,
              )}
            </ul>`
          : nothing
      }
    </section>`;
  }

  private renderWithdraw(me: SellerMeResponse): TemplateResult {
    const { l10n } = this;
    const message = this.withdrawMessage;
    const confirm =
      this.confirming === undefined
        ? nothing
        : html`<div class="confirm" role="group" aria-labelledby="confirm-text">
            <p id="confirm-text">${l10n.t('seller.confirmWithdraw', { amount: this.money(this.confirming) })}</p>
            <button type="button" class="button primary" part="withdraw-button" aria-disabled=${this.withdrawing ? 'true' : 'false'} @click=${this.withdraw}>
              ${l10n.t(this.withdrawing ? 'seller.withdrawing' : 'action.confirm')}
            </button>
            <button type="button" class="button" @click=${this.cancelWithdraw}>${l10n.t('action.cancel')}</button>
          </div>`;
    return html`<form class="withdraw" part="withdraw-form" @submit=${this.askToWithdraw} novalidate>
        <label for="amount">${l10n.t('seller.withdrawAmount')}</label>
        <div class="row">
          <input
            id="amount"
            part="withdraw-input"
            type="number"
            inputmode="decimal"
            min="0.01"
            step="0.01"
            max=${(me.storeCreditCents / 100).toFixed(2)}
            ?disabled=${me.storeCreditCents === 0}
          />
          <button type="submit" class="button" part="withdraw-button" ?disabled=${me.storeCreditCents === 0}>${l10n.t('seller.withdraw')}</button>
        </div>
      </form>
      ${confirm}
      <p class=${message?.failed ? 'status failure' : 'status'} part="withdraw-status" role="status">${message?.text ?? ''}</p>`;
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

  private renderThisMonth(me: SellerMeResponse): TemplateResult {
    const { l10n } = this;
    const month = me.months.find((m) => m.month === me.currentMonth) ?? { grossCents: 0, feeCents: 0, netCents: 0 };
    return html`<section class="section" part="section section-this-month">
      <h3 id="month-title">${l10n.t('seller.thisMonth')} <span class="muted">${formatMonth(l10n.locale, me.currentMonth)}</span></h3>
      <dl class="figures" part="figures">
        <div><dt>${l10n.t('seller.gross')}</dt><dd>${this.money(month.grossCents)}</dd></div>
        <div><dt>${l10n.t('seller.fee', { percent: formatPercent(l10n.locale, me.feeBasisPoints / 100) })}</dt><dd>${this.money(month.feeCents)}</dd></div>
        <div><dt>${l10n.t('seller.net')}</dt><dd>${this.money(month.netCents)}</dd></div>
      </dl>
    </section>`;
  }

  private renderMonths(me: SellerMeResponse): TemplateResult {
    const { l10n } = this;
    const past = me.months.filter((m) => m.month !== me.currentMonth);
    const bars = me.months
      .slice(0, CHART_MONTHS)
      .reverse()
      .map((m) => ({ label: `${formatMonth(l10n.locale, m.month)}: ${this.money(m.netCents)}`, netCents: m.netCents }));
    return html`<section class="section" part="section section-months">
      <h3 id="months-title">${l10n.t('seller.months')}</h3>
      ${bars.length > 0 ? html`<figure class="chart" part="chart"><figcaption class="muted">${l10n.t('seller.chart')}</figcaption>${netChart(bars)}</figure>` : nothing}
      ${
        past.length > 0
          ? html`<div class="scroll" tabindex="0" role="region" aria-labelledby="months-title">
            <table part="table">
              <thead>
                <tr><th scope="col">${l10n.t('seller.month')}</th><th scope="col">${l10n.t('seller.net')}</th><th scope="col">${l10n.t('seller.paidOut')}</th></tr>
              </thead>
              <tbody>
                ${past.map(
                  (m) => html`<tr>
                    <th scope="row">${formatMonth(l10n.locale, m.month)}</th>
                    <td class=${m.netCents < 0 ? 'num debt' : 'num'}>${this.money(m.netCents)}</td>
                    <td>
                      ${
                        m.paidOutAt
                          ? l10n.t('seller.paidOutOn', { amount: this.money(m.paidOutCents ?? 0), date: formatDateTime(l10n.locale, m.paidOutAt) })
                          : html`<span class="muted">${l10n.t('seller.notPaidYet')}</span>`
                      }
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
          : nothing
      }
    </section>`;
  }

  private sortHeader(column: OrderColumn, label: string, numeric = false): TemplateResult {
    const sorted = this.sort.column === column ? this.sort.direction : 'none';
    return html`<th scope="col" aria-sort=${sorted} class=${numeric ? 'num' : ''}>
      <button type="button" class="sort" part="sort-button" @click=${() => this.sortBy(column)}>
        ${label}<span aria-hidden="true">${sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}</span>
      </button>
    </th>`;
  }

  private sortBy(column: OrderColumn): void {
    this.sort = nextSort(this.sort, column);
    this.page = 0;
  }

  private renderOrders(orders: SellerOrder[]): TemplateResult {
    const { l10n } = this;
    const pages = pageCount(orders.length);
    const page = Math.min(this.page, pages - 1);
    const shown = pageOf(sortOrders(orders, this.sort), page);
    return html`<section class="section" part="section section-orders">
      <h3 id="orders-title">${l10n.t('seller.orders')}</h3>
      ${
        orders.length === 0
          ? html`<p class="muted">${l10n.t('seller.noOrders')}</p>`
          : html`<div class="scroll" tabindex="0" role="region" aria-labelledby="orders-title">
              <table part="table">
                <thead>
                  <tr>
                    <th scope="col">${l10n.t('seller.order')}</th>
                    ${this.sortHeader('completedAt', l10n.t('seller.date'))} ${this.sortHeader('grossCents', l10n.t('seller.gross'), true)}
                    ${this.sortHeader('netCents', l10n.t('seller.net'), true)}
                    <th scope="col">${l10n.t('seller.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${shown.map(
                    (order) => html`<tr>
                      <th scope="row">${order.orderId}</th>
                      <td><time datetime=${order.completedAt}>${formatDateTime(l10n.locale, order.completedAt)}</time></td>
                      <td class="num">${this.money(order.grossCents)}</td>
                      <td class="num">${this.money(order.netCents)}</td>
                      <td>
                        ${
                          order.status === 'refunded'
                            ? l10n.t('seller.status.refunded', { amount: this.money(order.refundedCents) })
                            : l10n.t('seller.status.completed')
                        }
                      </td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>
            ${
              pages > 1
                ? html`<nav class="pager" part="pager" aria-label=${l10n.t('seller.orders')}>
                  <button type="button" class="button" ?disabled=${page === 0} @click=${() => (this.page = page - 1)} aria-label=${l10n.t('seller.previous')}>‹</button>
                  <span role="status">${l10n.t('seller.page', { page: formatNumber(l10n.locale, page + 1), pages: formatNumber(l10n.locale, pages) })}</span>
                  <button type="button" class="button" ?disabled=${page >= pages - 1} @click=${() => (this.page = page + 1)} aria-label=${l10n.t('seller.next')}>›</button>
                </nav>`
                : nothing
            }`
      }
    </section>`;
  }

  private renderProducts(products: SellerProduct[]): TemplateResult | typeof nothing {
    const { l10n } = this;
    if (products.length === 0) return nothing;
    return html`<section class="section" part="section section-products">
      <h3 id="products-title">${l10n.t('seller.products')}</h3>
      <div class="scroll" tabindex="0" role="region" aria-labelledby="products-title">
        <table part="table">
          <thead>
            <tr><th scope="col">${l10n.t('seller.product')}</th><th scope="col" class="num">${l10n.t('seller.stock')}</th><th scope="col" class="num">${l10n.t('seller.sold')}</th></tr>
          </thead>
          <tbody>
            ${products.map((product) => {
              const low = product.stock !== null && product.oversoldUnits === 0 && product.stock <= this.lowStock;
              return html`<tr>
                <th scope="row">${product.name}</th>
                <td class="num">
                  ${product.stock === null ? html`<span class="muted">${l10n.t('seller.unknownStock')}</span>` : formatNumber(l10n.locale, product.stock)}
                  ${
                    product.oversoldUnits > 0
                      ? html`<span class="tag failed" part="stock-oversold">${l10n.t('seller.oversold', { n: formatNumber(l10n.locale, product.oversoldUnits) })}</span>`
                      : low
                        ? html`<span class="tag requested" part="stock-low">${l10n.t('seller.lowStock')}</span>`
                        : nothing
                  }
                </td>
                <td class="num">${formatNumber(l10n.locale, product.unitsSold)}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'seller-dashboard': SellerDashboard;
  }
}
