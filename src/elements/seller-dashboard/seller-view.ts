/**
 * The seller dashboard's ready face: store credit and the withdraw form, this month, past months
 * with the chart, the orders table and the products, with the styles only they use. Loaded on
 * demand beside the store (see `shared/ready-view.ts`).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { SellerMeResponse, SellerOrder, SellerProduct, Withdrawal } from '../../api/seller.ts';
import enActions from '../../i18n/en-actions.ts';
import enSellerDashboardReady from '../../i18n/en-seller-dashboard-ready.ts';
import type { EnglishMessages, LocalizeController } from '../../i18n/localize.ts';
import { formatDateTime, formatMoney, formatMonth, formatNumber, formatPercent } from '../shared/format.ts';
import { pageCount, pageOf, sortOrders, type OrderColumn, type OrderSort } from './order-table.ts';
import { netChart } from './seller-chart.ts';
// For no value: keeps the element and what it shares with this view in one chunk (see ready-view.ts).
import './seller-dashboard.ts';

export interface Backstage {
  me: SellerMeResponse;
  orders: SellerOrder[];
  products: SellerProduct[];
  withdrawals: Withdrawal[];
}

/** The messages only the ready face reads (and the withdrawal it starts). */
export const english: EnglishMessages = { ...enActions, ...enSellerDashboardReady };

/** Months the chart shows, up to this one. */
const CHART_MONTHS = 6;

/** What the ready face shows and what its controls do. */
export interface SellerView {
  readonly l10n: LocalizeController;
  readonly backstage: Backstage;
  /** Products with this many units or fewer are marked "Low stock". */
  readonly lowStock: number;
  readonly sort: OrderSort;
  readonly page: number;
  /** The amount (cents) a withdrawal is being confirmed for. */
  readonly confirming: number | undefined;
  readonly withdrawing: boolean;
  readonly withdrawMessage: { text: string; failed: boolean } | undefined;
  sortBy(column: OrderColumn): void;
  setPage(page: number): void;
  askToWithdraw(event: SubmitEvent): void;
  cancelWithdraw(): void;
  withdraw(): void;
}

export function sellerDashboardReady(view: SellerView): TemplateResult {
  return new Dashboard(view).render();
}

class Dashboard {
  constructor(private readonly view: SellerView) {}

  get l10n(): LocalizeController {
    return this.view.l10n;
  }

  money(cents: number): string {
    return formatMoney(this.view.l10n.locale, cents);
  }

  render(): TemplateResult {
    return this.renderDashboard(this.view.backstage);
  }

  renderDashboard({ me, orders, products, withdrawals }: Backstage): TemplateResult {
    return html`<div class="dashboard">
      ${this.renderCredit(me, withdrawals)} ${this.renderThisMonth(me)} ${this.renderMonths(me)} ${this.renderOrders(orders)}
      ${this.renderProducts(products)}
    </div>`;
  }

  renderCredit(me: SellerMeResponse, withdrawals: Withdrawal[]): TemplateResult {
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

  renderWithdraw(me: SellerMeResponse): TemplateResult {
    const { l10n } = this;
    const message = this.view.withdrawMessage;
    const confirm =
      this.view.confirming === undefined
        ? nothing
        : html`<div class="confirm" role="group" aria-labelledby="confirm-text">
            <p id="confirm-text">${l10n.t('seller.confirmWithdraw', { amount: this.money(this.view.confirming) })}</p>
            <button type="button" class="button primary" part="withdraw-button" aria-disabled=${this.view.withdrawing ? 'true' : 'false'} @click=${this.view.withdraw}>
              ${l10n.t(this.view.withdrawing ? 'seller.withdrawing' : 'action.confirm')}
            </button>
            <button type="button" class="button" @click=${this.view.cancelWithdraw}>${l10n.t('action.cancel')}</button>
          </div>`;
    return html`<form class="withdraw" part="withdraw-form" @submit=${this.view.askToWithdraw} novalidate>
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

  renderThisMonth(me: SellerMeResponse): TemplateResult {
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

  renderMonths(me: SellerMeResponse): TemplateResult {
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

  sortHeader(column: OrderColumn, label: string, numeric = false): TemplateResult {
    const sorted = this.view.sort.column === column ? this.view.sort.direction : 'none';
    return html`<th scope="col" aria-sort=${sorted} class=${numeric ? 'num' : ''}>
      <button type="button" class="sort" part="sort-button" @click=${() => this.view.sortBy(column)}>
        ${label}<span aria-hidden="true">${sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}</span>
      </button>
    </th>`;
  }

  renderOrders(orders: SellerOrder[]): TemplateResult {
    const { l10n } = this;
    const pages = pageCount(orders.length);
    const page = Math.min(this.view.page, pages - 1);
    const shown = pageOf(sortOrders(orders, this.view.sort), page);
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
                  <button type="button" class="button" ?disabled=${page === 0} @click=${() => this.view.setPage(page - 1)} aria-label=${l10n.t('seller.previous')}>‹</button>
                  <span role="status">${l10n.t('seller.page', { page: formatNumber(l10n.locale, page + 1), pages: formatNumber(l10n.locale, pages) })}</span>
                  <button type="button" class="button" ?disabled=${page >= pages - 1} @click=${() => this.view.setPage(page + 1)} aria-label=${l10n.t('seller.next')}>›</button>
                </nav>`
                : nothing
            }`
      }
    </section>`;
  }

  renderProducts(products: SellerProduct[]): TemplateResult | typeof nothing {
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
              const low = product.stock !== null && product.oversoldUnits === 0 && product.stock <= this.view.lowStock;
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

/** The rules only the ready face uses, after the element's own (`seller-dashboard.styles.ts`). */
export const styles = css`
  .dashboard {
    display: grid;
    gap: var(--_rk-space-4);
    min-inline-size: 0;
  }
  .section {
    display: grid;
    gap: var(--_rk-space-2);
    min-inline-size: 0;
    padding: var(--_rk-space-3);
    border: 1px solid var(--_rk-border);
    border-radius: var(--_rk-radius-l);
    background: var(--_rk-surface);
  }
  h3,
  h4,
  p,
  dl,
  figure {
    margin: 0;
  }
  h3 {
    font-size: var(--_rk-font-size-m);
    font-weight: var(--_rk-font-weight-strong);
  }
  h4 {
    font-size: var(--_rk-font-size-s);
    font-weight: var(--_rk-font-weight-strong);
  }
  .big {
    font-size: 1.5em;
    font-weight: var(--_rk-font-weight-strong);
    font-variant-numeric: tabular-nums;
  }
  .muted {
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
  }
  .debt,
  .failure {
    color: var(--_rk-danger);
  }
  .withdraw {
    display: grid;
    gap: var(--_rk-space-1);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_rk-space-2);
  }
  input {
    flex: 1 1 6rem;
    min-inline-size: 0;
    min-block-size: var(--_rk-control-size);
    box-sizing: border-box;
    padding-inline: var(--_rk-space-2);
    border: 1px solid var(--_rk-text-muted);
    border-radius: var(--_rk-radius-m);
    background: var(--_rk-surface);
    color: var(--_rk-text);
    font: inherit;
  }
  input:focus-visible,
  .scroll:focus-visible,
  .sort:focus-visible {
    outline: var(--_rk-focus-ring-width) solid var(--_rk-focus-ring);
    outline-offset: 2px;
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_rk-space-2);
  }
  .confirm p {
    flex-basis: 100%;
  }
  .status:empty {
    display: none;
  }
  .withdrawals {
    display: grid;
    gap: var(--_rk-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .withdrawals li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_rk-space-1) var(--_rk-space-2);
  }
  .tag {
    padding-inline: var(--_rk-space-2);
    border: 1px solid currentColor;
    border-radius: var(--_rk-radius-pill);
    font-size: var(--_rk-font-size-xs);
    white-space: nowrap;
  }
  .tag.requested {
    color: var(--_rk-warning);
    border-style: dashed;
  }
  .tag.paid {
    color: var(--_rk-success);
  }
  .tag.failed {
    color: var(--_rk-danger);
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_rk-space-2) var(--_rk-space-4);
  }
  .figures dt {
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
  }
  .figures dd {
    margin: 0;
    font-weight: var(--_rk-font-weight-strong);
    font-variant-numeric: tabular-nums;
  }
  .chart svg {
    display: block;
    inline-size: 100%;
    block-size: 4rem;
  }
  .chart .bar {
    fill: var(--_rk-accent);
  }
  .chart .bar.negative {
    fill: var(--_rk-danger);
  }
  .chart .axis {
    stroke: var(--_rk-border);
    stroke-width: 1;
  }
  .scroll {
    overflow-x: auto;
    max-inline-size: 100%;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: var(--_rk-font-size-s);
  }
  th,
  td {
    padding: var(--_rk-space-1) var(--_rk-space-2);
    border-block-end: 1px solid var(--_rk-border);
    text-align: start;
    vertical-align: top;
    overflow-wrap: normal;
  }
  thead th {
    color: var(--_rk-text-muted);
    font-weight: var(--_rk-font-weight-strong);
    white-space: nowrap;
  }
  tbody th {
    font-weight: normal;
    overflow-wrap: anywhere;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .sort {
    all: unset;
    cursor: pointer;
    min-block-size: 24px;
  }
  .pager {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_rk-space-2);
  }
  @media (forced-colors: active) {
    .chart .bar {
      fill: CanvasText;
    }
  }
`;
