/**
 * Partner sellers: M1 fee, M2 monthly payout, M3 first payout at once, M4 withdrawals,
 * M5 refund split and M6 the monthly statement. Amounts are cents.
 */
import type { RulesConfig } from './config.ts';
import { addMonths, calendarDay, firstDayOfMonth, firstWorkingDays, isCalendarMonth, monthOfDay, type CalendarDay, type CalendarMonth, type Instant } from './calendar.ts';
import { credit, isIdentifier, refuse, type Credit, type Refusal } from './decisions.ts';
import { lineAmountCents, type OrderLine } from './levels.ts';
import { assertNonNegativeWholeNumber, basisPointsOfCents } from './money.ts';

export interface SaleSplit {
  grossCents: number;
  feeCents: number;
  netCents: number;
}

/** M1: the platform's fee on one line (rounded half up to the cent) and the seller's net. */
export function saleFee(lineCents: number, config: RulesConfig): SaleSplit {
  assertNonNegativeWholeNumber(lineCents, 'lineCents');
  const feeCents = basisPointsOfCents(lineCents, config.sellers.feeBasisPoints);
  return { grossCents: lineCents, feeCents, netCents: lineCents - feeCents };
}

export interface SellerSale extends SaleSplit {
  sellerId: string;
  sku: string | null;
}

/** M1: the seller sales of a completed order, one per partner-seller line, each with its own fee. */
export function sellerSales(lines: readonly OrderLine[], config: RulesConfig): SellerSale[] {
  return lines.flatMap((line) =>
    line.partnerSellerId ? [{ sellerId: line.partnerSellerId, sku: line.sku ?? null, ...saleFee(lineAmountCents(line), config) }] : [],
  );
}

export interface PayoutWindow {
  /** The month whose earnings are paid. */
  month: CalendarMonth;
  /** Payouts may run from this day on: the first day of the next month. */
  opensOn: CalendarDay;
  /** The first working days of the next month, within which the payout is due. */
  workingDays: CalendarDay[];
  /** The last day of the window. */
  dueBy: CalendarDay;
}

/** M2: when a month's earnings are paid — the first working days (Mon–Fri minus holidays) of the next month. */
export function payoutWindow(month: CalendarMonth, config: RulesConfig): PayoutWindow {
  const next = addMonths(month, 1);
  const workingDays = firstWorkingDays(next, config.sellers.payoutWorkingDays, config.sellers.holidays);
  const dueBy = workingDays[workingDays.length - 1] ?? firstDayOfMonth(addMonths(next, 1));
  return { month, opensOn: firstDayOfMonth(next), workingDays, dueBy };
}

export type PayoutTiming = 'early' | 'due' | 'late';

/** M2: a payout of `month` on `today` is early (the month is not over), due (within the window) or late. */
export function payoutTiming(month: CalendarMonth, today: CalendarDay, config: RulesConfig): PayoutTiming {
  const window = payoutWindow(month, config);
  if (today < window.opensOn) return 'early';
  return today <= window.dueBy ? 'due' : 'late';
}

/** M2: the key that makes a payout run idempotent per seller and month. */
export function payoutKey(sellerId: string, month: CalendarMonth): string {
  return `payout:${sellerId}:${month}`;
}

export interface PayoutRequest {
  sellerId: string;
  month: CalendarMonth;
  /** The month's net earnings (after fees and design-refund deductions). */
  netCents: number;
  /** What was already paid for the month (the M3 first payout). */
  paidOutCents: number;
  now: Instant;
}

export interface Payout {
  ok: true;
  amountCents: number;
  timing: Exclude<PayoutTiming, 'early'>;
  key: string;
  credits: Credit[];
}

/**
 * M2: credit a month's unpaid net to the seller's store credit once the month is over. A month
 * whose net is already paid (or is not positive) pays nothing.
 */
export function payoutDecision(request: PayoutRequest, config: RulesConfig): Payout | Refusal {
  if (!isCalendarMonth(request.month)) return refuse('invalid_request', 'month must be YYYY-MM');
  if (!isIdentifier(request.sellerId)) return refuse('invalid_request', 'sellerId must be a non-empty identifier');
  const today = calendarDay(request.now, config.timeZone);
  const timing = payoutTiming(request.month, today, config);
  if (timing === 'early') return refuse('invalid_request', `${request.month} is not over yet`);
  const amountCents = Math.max(0, request.netCents - Math.max(0, request.paidOutCents));
  const key = payoutKey(request.sellerId, request.month);
  const credits = amountCents > 0 ? [credit('M2', 'store_credit', amountCents, { onceKey: request.month, ref: request.month })] : [];
  return { ok: true, amountCents, timing, key, credits };
}

/** M3: a new seller's first completed order is paid at once; later sales wait for M2. */
export function firstSalePayout(sale: { orderId: string; netCents: number; isFirstCompletedOrder: boolean; completedAt: Instant }, config: RulesConfig): {
  amountCents: number;
  month: CalendarMonth;
  credits: Credit[];
} {
  const month = monthOfDay(calendarDay(sale.completedAt, config.timeZone));
  if (!sale.isFirstCompletedOrder || sale.netCents <= 0) return { amountCents: 0, month, credits: [] };
  return { amountCents: sale.netCents, month, credits: [credit('M3', 'store_credit', sale.netCents, { onceKey: 'first-order', ref: sale.orderId })] };
}

/** M4: withdraw up to the store credit; the payment provider's transfer fees are not deducted here. */
export function withdrawalDecision(amountCents: number, storeCreditCents: number): { ok: true; credits: Credit[]; storeCreditAfter: number } | Refusal {
  if (!Number.isSafeInteger(amountCents) || amountCents < 1) return refuse('invalid_request', 'a withdrawal is a whole number of cents, at least 1');
  if (amountCents > storeCreditCents) return refuse('insufficient_funds', `the store credit is ${storeCreditCents} cents`);
  return { ok: true, credits: [credit('M4', 'store_credit', -amountCents)], storeCreditAfter: storeCreditCents - amountCents };
}

export type RefundReason = 'design' | 'manufacturing';

export interface RefundSplit {
  bearer: 'seller' | 'platform';
  /** The sale record to add to the seller's month (negative amounts), or null when the seller bears nothing. */
  sellerAdjustment: SaleSplit | null;
  /** What the refund costs the platform beyond its returned fee. */
  platformCents: number;
}

/**
 * M5: who bears the refund of a seller's product. A design defect undoes the sale for the
 * seller — their net on the refunded amount is deducted and the fee on it is not kept. A
 * manufacturing defect, or a refund without a stated reason, is the platform's.
 */
export function refundSplit(refundCents: number, reason: RefundReason | undefined, config: RulesConfig): RefundSplit {
  assertNonNegativeWholeNumber(refundCents, 'refundCents');
  if (reason !== 'design') return { bearer: 'platform', sellerAdjustment: null, platformCents: refundCents };
  const split = saleFee(refundCents, config);
  return { bearer: 'seller', sellerAdjustment: { grossCents: -split.grossCents, feeCents: -split.feeCents, netCents: -split.netCents }, platformCents: 0 };
}

export interface SaleRecord extends SaleSplit {
  month: CalendarMonth;
}

export interface PayoutRecord {
  month: CalendarMonth;
  amountCents: number;
  paidAt: string;
}

export interface StatementMonth extends SaleSplit {
  month: CalendarMonth;
  paidOutCents: number;
  /** Net not yet paid out. */
  pendingCents: number;
  /** When the month was last paid, if ever. */
  paidOutAt?: string;
}

/** M6: a seller's months, newest first, with gross, fee, net, paid out and pending earnings. */
export function sellerStatement(sales: readonly SaleRecord[], payouts: readonly PayoutRecord[]): { months: StatementMonth[]; pendingCents: number } {
  const months = new Map<CalendarMonth, StatementMonth>();
  const monthFor = (month: CalendarMonth) => {
    let entry = months.get(month);
    if (!entry) {
      entry = { month, grossCents: 0, feeCents: 0, netCents: 0, paidOutCents: 0, pendingCents: 0 };
      months.set(month, entry);
    }
    return entry;
  };
  for (const sale of sales) {
    const entry = monthFor(sale.month);
    entry.grossCents += sale.grossCents;
    entry.feeCents += sale.feeCents;
    entry.netCents += sale.netCents;
  }
  for (const payout of payouts) {
    const entry = monthFor(payout.month);
    entry.paidOutCents += payout.amountCents;
    if (!entry.paidOutAt || payout.paidAt > entry.paidOutAt) entry.paidOutAt = payout.paidAt;
  }
  const list = [...months.values()].sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
  for (const entry of list) entry.pendingCents = Math.max(0, entry.netCents - entry.paidOutCents);
  return { months: list, pendingCents: list.reduce((sum, entry) => sum + entry.pendingCents, 0) };
}
