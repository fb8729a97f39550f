/**
 * What every event handler works with: the open transaction, the event, its member (already
 * locked), the rules in force and the server's clock, and one place that appends ledger entries
 * and remembers them for the answer to the shop.
 */
import type { CreditedEntry, EventData, EventType, ShopEventOf } from '../../../api/index.ts';
import { isRefusal, type Credit, type EarningDecision, type Refusal, type RulesConfig } from '../../../rules/index.ts';
import type { Queryable } from '../../db/index.ts';
import { ProblemError } from '../../errors.ts';
import { appendEntry, type LedgerRow } from '../ledger.ts';
import type { MemberRow } from '../members.ts';

export interface EventContext<T extends EventType = EventType> {
  tx: Queryable;
  event: ShopEventOf<T>;
  data: EventData<T>;
  /** The event's member, locked for the rest of the transaction. */
  member: MemberRow;
  rules: RulesConfig;
  now: Date;
  credits: EventCredits;
}

export interface EventHandler<T extends EventType> {
  /**
   * The order the event is about, if any: its lock is taken before the member's, so that an
   * upload that waits on an order and that order's completion never interleave (C19).
   */
  orderId?(data: EventData<T>): string;
  handle(context: EventContext<T>): Promise<void>;
}

/** The API answer for an engine refusal: nothing of the event is kept (the transaction rolls back). */
export function refusalProblem(refusal: Refusal): ProblemError {
  const errors = refusal.code === 'invalid_request' ? [{ path: 'body.data', message: refusal.detail }] : undefined;
  return new ProblemError(refusal.code, refusal.detail, errors);
}

/** Ledger entries an event causes, each stamped with the event, the rules version and the clock. */
export class EventCredits {
  readonly credited: CreditedEntry[] = [];
  /** Members whose points or coins this event moved, with how far their points moved. */
  readonly pointsMoved = new Map<string, number>();

  constructor(
    private readonly tx: Queryable,
    private readonly eventId: string,
    private readonly rulesVersion: number,
    private readonly now: Date,
  ) {}

  /**
   * Appends one entry; null (and nothing reported) when its once-key was already used. Store
   * credit moves (a seller's M3 payout) are not part of the answer, which speaks of coins and points.
   */
  async append(memberId: string, entry: Credit, options: { reverses?: number | null } = {}): Promise<LedgerRow | null> {
    const row = await appendEntry(
      this.tx,
      { ...entry, memberId, eventId: this.eventId, reverses: options.reverses ?? null, createdAt: this.now },
      this.rulesVersion,
    );
    if (row) this.report(row);
    return row;
  }

  /** Appends what an earning decision grants to `memberId`; a refusal becomes the API's problem. */
  async apply(memberId: string, decision: EarningDecision): Promise<LedgerRow[]> {
    if (isRefusal(decision)) throw refusalProblem(decision);
    const rows: LedgerRow[] = [];
    for (const entry of decision.credits) {
      const row = await this.append(memberId, entry);
      if (row) rows.push(row);
    }
    return rows;
  }

  /** Reports entries that changed status because of this event (pending coins settled, C19). */
  noteSettled(rows: readonly LedgerRow[]): void {
    for (const row of rows) this.report(row);
  }

  private report(row: LedgerRow): void {
    if (row.currency === 'store_credit') return;
    const points = row.currency === 'points' ? row.amount : 0;
    this.pointsMoved.set(row.member_id, (this.pointsMoved.get(row.member_id) ?? 0) + points);
    this.credited.push({ currency: row.currency, amount: row.amount, ruleId: row.rule_id, status: row.status });
  }
}
