/**
 * The shapes every rule decision returns: ledger credits the server stores as they are, or a
 * refusal carrying one of the API's error codes.
 */

export const RULE_IDS = [
  'P1',
  'P2',
  'P3',
  'P4',
  'P5',
  'P6',
  'P7',
  'C1',
  'C2',
  'C3',
  'C4',
  'C5',
  'C6',
  'C7',
  'C8',
  'C9',
  'C10',
  'C11',
  'C12',
  'C13',
  'C14',
  'C15',
  'C16',
  'C17',
  'C18',
  'C19',
  'C20',
  'C21',
  'S1',
  'S2',
  'S3',
  'S4',
  'M1',
  'M2',
  'M3',
  'M4',
  'M5',
  'M6',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Currency = 'points' | 'coins' | 'store_credit';
export type CreditStatus = 'available' | 'pending';

/** One ledger entry to append. */
export interface Credit {
  currency: Currency;
  /** Signed whole number: negative for a debit or a reversal. */
  amount: number;
  ruleId: RuleId;
  status: CreditStatus;
  /**
   * The scope within which this rule credits a member at most once ('newsletter', a project id,
   * a day, an ISO week, an order id…); null when the rule has no such limit.
   */
  onceKey: string | null;
  /** What the entry is about (an order, a project, a catalog item…), for display and audit. */
  ref: string | null;
  /** On a reversal: the part that could not be taken back without going below zero. */
  shortfall?: number;
}

export type RefusalCode =
  'insufficient_coins' | 'out_of_stock' | 'not_removable' | 'already_checked_in' | 'invalid_request' | 'forbidden' | 'insufficient_funds';

export interface Refusal {
  ok: false;
  code: RefusalCode;
  detail: string;
}

/** Why a valid event earns nothing. */
export type NoCreditReason =
  | 'already_counted'
  | 'daily_cap_reached'
  | 'profile_incomplete'
  | 'not_first_order'
  | 'no_inviter'
  | 'self_invite'
  | 'order_cancelled'
  | 'too_late'
  | 'zero_amount';

export interface EarningGranted {
  ok: true;
  credits: Credit[];
  /** Present when `credits` is empty, to say why. */
  noCreditReason?: NoCreditReason;
}
export type EarningDecision = EarningGranted | Refusal;

export function refuse(code: RefusalCode, detail: string): Refusal {
  return { ok: false, code, detail };
}

export function credit(
  ruleId: RuleId,
  currency: Currency,
  amount: number,
  options: { onceKey?: string | null; ref?: string | null; status?: CreditStatus } = {},
): Credit {
  return { currency, amount, ruleId, status: options.status ?? 'available', onceKey: options.onceKey ?? null, ref: options.ref ?? null };
}

/** A decision that credits `entry`, or nothing (with a reason) when the configured amount is zero. */
export function grant(entry: Credit): EarningGranted {
  return entry.amount === 0 ? { ok: true, credits: [], noCreditReason: 'zero_amount' } : { ok: true, credits: [entry] };
}

export function noCredit(reason: NoCreditReason): EarningGranted {
  return { ok: true, credits: [], noCreditReason: reason };
}

export function isRefusal(decision: { ok: boolean }): decision is Refusal {
  return !decision.ok;
}

/** A non-empty identifier received from the shop. */
export function isIdentifier(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= 255;
}
