/**
 * Partner sellers: M1 fee, M2 monthly payout, M3 first payout at once, M4 withdrawals,
 * M5 refund split and M6 the monthly statement. Amounts are cents.
 */
import type { RulesConfig } from './config.ts';
import {
  addMonths,
  calendarDay,
  firstDayOfMonth,
  firstWorkingDays,
  isCalendarMonth,
  monthOfDay,
  toEpochMs,
  type CalendarDay,
  type CalendarMonth,
  type Instant,
} from './calendar.ts';
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
export function firstSalePayout(
  sale: { orderId: string; netCents: number; isFirstCompletedOrder: boolean; completedAt: Instant },
  config: RulesConfig,
): {
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

/** M6: a withdrawal whose transfer failed gives its amount back to the store credit, once. */
export function failedWithdrawalCredit(withdrawalId: string, amountCents: number): Credit {
  return credit('M4', 'store_credit', amountCents, { onceKey: `withdrawal-failed:${withdrawalId}`, ref: `withdrawal:${withdrawalId}` });
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

/** An M2 payout of one month: what it credited and when. */
export interface PayoutRecord {
  month: CalendarMonth;
  amountCents: number;
  paidAt: string;
}

/** The M3 credit of a new seller's first order: paid at once, shown on its own line. */
export interface FirstOrderCredit {
  orderId: string;
  month: CalendarMonth;
  amountCents: number;
  paidAt: string;
}

export interface StatementMonth extends SaleSplit {
  month: CalendarMonth;
  /** What the month's M2 payout credited, once it ran: its net less the M3 credit and any debt repaid. */
  paidOutCents?: number;
  /** Only once the month is paid in full (its M2 payout ran; a later sale joins the next month). */
  paidOutAt?: string;
}

export interface SellerStatement {
  months: StatementMonth[];
  /** Earned and not paid out yet, after any debt. */
  pendingCents: number;
  /** M5: what design-defect refunds took beyond the earnings; later earnings pay it first. */
  debtCents: number;
}

/**
 * M6: a seller's months, newest first, and where they stand. Everything paid out (M2 and M3) is
 * set against everything earned (M1, less M5 deductions): more earned is pending, more paid is a
 * debt. Store credit already paid is never taken back, so a debt only waits for later earnings.
 */
export function sellerStatement(sales: readonly SaleRecord[], payouts: readonly PayoutRecord[], firstOrder: FirstOrderCredit | null = null): SellerStatement {
  const months = new Map<CalendarMonth, StatementMonth>();
  const monthFor = (month: CalendarMonth) => {
    let entry = months.get(month);
    if (!entry) {
      entry = { month, grossCents: 0, feeCents: 0, netCents: 0 };
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
    entry.paidOutCents = (entry.paidOutCents ?? 0) + payout.amountCents;
    if (!entry.paidOutAt || payout.paidAt > entry.paidOutAt) entry.paidOutAt = payout.paidAt;
  }
  const list = [...months.values()].sort((a, b) => (a.month < b.month ? 1 : a.month > b.month ? -1 : 0));
  const earned = list.reduce((sum, entry) => sum + entry.netCents, 0);
  const paid = payouts.reduce((sum, payout) => sum + payout.amountCents, 0) + (firstOrder?.amountCents ?? 0);
  return { months: list, pendingCents: Math.max(0, earned - paid), debtCents: Math.max(0, paid - earned) };
}

/**
 * M2: the month a sale (or a refund) belongs to: the month of \`occurredAt\` in the shop's zone
 * (never later than now: a shop's clock ahead of ours does not move a sale into the future), or,
 * when that month is already paid out, the first month after \`paidThrough\`.
 */
export function saleMonth(occurredAt: Instant, now: Instant, paidThrough: CalendarMonth | null, config: RulesConfig): CalendarMonth {
  const at = toEpochMs(occurredAt) <= toEpochMs(now) ? occurredAt : now;
  const month = monthOfDay(calendarDay(at, config.timeZone));
  if (paidThrough === null || month > paidThrough) return month;
  return addMonths(paidThrough, 1);
}

/**
 * M2: whether the schedule pays \`month\` on \`today\`: from the first working day of the next month
 * on (a holiday or weekend before it waits), and at once on any later day, to catch up.
 */
export function isPayoutDue(month: CalendarMonth, today: CalendarDay, config: RulesConfig): boolean {
  const first = payoutWindow(month, config).workingDays[0] ?? firstDayOfMonth(addMonths(month, 2));
  return today >= first;
}
