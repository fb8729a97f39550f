/**
 * The webhook outbox as a property: what the events written in a step say must be exactly the
 * changes the step made to the members' accounts, carts, coupons and payouts — one event per
 * change, none for a step that changed nothing (a replay, a refusal). Each event and each change
 * is reduced to a line ("balance ada 120/30/0", "added rd_…"), and the two lists must be equal.
 */
import { defaultRulesConfig, levelOfPoints, quoteTermsOf } from '../../../src/rules/index.ts';
import type { Db } from '../../../src/server/db/index.ts';

interface Account {
  points: number;
  coins_available: number;
  coins_pending: number;
}

export interface OutboxState {
  events: Set<string>;
  accounts: Map<string, Account>;
  cart: Map<string, boolean>;
  coupons: Set<string>;
  payouts: Set<string>;
  firstOrderCredits: Set<string>;
}

const levels = quoteTermsOf(defaultRulesConfig).levels;

async function column(db: Db, sql: string, ids: string[]): Promise<string[]> {
  return (await db.query<{ v: string }>(sql, [ids])).rows.map((r) => r.v);
}

export async function outboxState(db: Db, ids: string[]): Promise<OutboxState> {
  const accounts = await db.query<Account & { id: string }>('SELECT id, points, coins_available, coins_pending FROM members WHERE id = ANY($1)', [ids]);
  const cart = await db.query<{ id: string; removed: boolean }>('SELECT id, removed_at IS NOT NULL AS removed FROM cart_items WHERE member_id = ANY($1)', [
    ids,
  ]);
  return {
    events: new Set(await column(db, 'SELECT id AS v FROM webhook_events WHERE member_id = ANY($1)', ids)),
    accounts: new Map(accounts.rows.map(({ id, ...account }) => [id, account])),
    cart: new Map(cart.rows.map((r) => [r.id, r.removed])),
    coupons: new Set(await column(db, 'SELECT code AS v FROM coupons WHERE member_id = ANY($1)', ids)),
    payouts: new Set(await column(db, `SELECT seller_id || ' ' || month AS v FROM seller_payouts WHERE seller_id = ANY($1)`, ids)),
    firstOrderCredits: new Set(await column(db, `SELECT member_id || ' ' || ref AS v FROM ledger WHERE member_id = ANY($1) AND rule_id = 'M3'`, ids)),
  };
}

/** The lines the changes from `before` to `after` call for, sorted. */
export function expectedEvents(before: OutboxState, after: OutboxState): string[] {
  const lines: string[] = [];
  for (const [id, now] of after.accounts) {
    const was = before.accounts.get(id) ?? { points: 0, coins_available: 0, coins_pending: 0 };
    if (was.points !== now.points || was.coins_available !== now.coins_available || was.coins_pending !== now.coins_pending) {
      lines.push(`balance ${id} ${now.points}/${now.coins_available}/${now.coins_pending}`);
    }
    const from = levelOfPoints(was.points, levels).index;
    const to = levelOfPoints(now.points, levels).index;
    if (from !== to) lines.push(`level ${id} ${from}->${to}`);
  }
  for (const [item, removed] of after.cart) {
    if (!before.cart.has(item)) lines.push(`added ${item}`);
    if (removed && before.cart.get(item) !== true) lines.push(`removed ${item}`);
  }
  for (const code of after.coupons) if (!before.coupons.has(code)) lines.push(`coupon ${code}`);
  for (const payout of after.payouts) if (!before.payouts.has(payout)) lines.push(`payout ${payout}`);
  for (const credit of after.firstOrderCredits) if (!before.firstOrderCredits.has(credit)) lines.push(`payout ${credit}`);
  return lines.sort();
}

interface EventRow {
  id: string;
  type: string;
  data: Record<string, unknown> & {
    memberId?: string;
    sellerId?: string;
    points?: number;
    coins?: { available: number; pending: number };
    from?: { index: number };
    to?: { index: number };
    item?: { id: string };
    itemId?: string;
    code?: string;
    month?: string;
    orderId?: string;
  };
}

function lineOf({ type, data }: EventRow): string {
  switch (type) {
    case 'member.balance_changed':
      return `balance ${data.memberId} ${data.points}/${data.coins?.available}/${data.coins?.pending}`;
    case 'member.level_changed':
      return `level ${data.memberId} ${data.from?.index}->${data.to?.index}`;
    case 'cart.item_added':
      return `added ${data.item?.id}`;
    case 'cart.item_removed':
      return `removed ${data.itemId}`;
    case 'coupon.issued':
      return `coupon ${data.code}`;
    case 'seller.payout_credited':
      return `payout ${data.sellerId} ${data.month ?? data.orderId}`;
    default:
      return `unexpected ${type} ${JSON.stringify(data)}`;
  }
}

/** The lines of the events written since `before`, sorted. */
export async function writtenEvents(db: Db, ids: string[], before: OutboxState): Promise<string[]> {
  const { rows } = await db.query<EventRow>('SELECT id, type, data FROM webhook_events WHERE member_id = ANY($1)', [ids]);
  return rows
    .filter((row) => !before.events.has(row.id))
    .map(lineOf)
    .sort();
}
