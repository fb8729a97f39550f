/**
 * The shop backend's routes and the seller backstage on one test database, with short ways to
 * complete orders of partner products and to read a seller's side of the database.
 */
import type { EventData } from '../../../../src/api/index.ts';
import { registerSellerRoutes } from '../../../../src/server/routes/seller.ts';
import type { DatabaseTarget } from '../../support/databases.ts';
import { send } from '../support/events.ts';
import { shopBackendRoutes, startTestApp, type StartTestAppOptions, type TestApp } from '../support/test-app.ts';

export function startSellerApp(target: DatabaseTarget, options: Omit<StartTestAppOptions, 'routes'> = {}): Promise<TestApp> {
  return startTestApp(target, { now: '2025-03-10T12:00:00Z', ...options, routes: [...shopBackendRoutes, registerSellerRoutes] });
}

export interface PartnerLine {
  sku: string;
  unitPriceCents: number;
  quantity?: number;
  sellerId: string;
}

/** Completes `orderId` for `buyer`, one line per partner product, plus one product of the shop's own. */
export function completeOrder(t: TestApp, orderId: string, lines: readonly PartnerLine[], buyer = 'buyer') {
  const data: EventData<'order.completed'> = {
    orderId,
    lines: [
      { sku: 'shop-own-product', unitPriceCents: 500, quantity: 1 },
      ...lines.map((line) => ({ sku: line.sku, unitPriceCents: line.unitPriceCents, quantity: line.quantity ?? 1, partnerSellerId: line.sellerId })),
    ],
    shippingCents: 0,
  };
  return send(t, 'order.completed', buyer, data, { occurredAt: t.clock.now().toISOString() });
}

/** A seller whose first order, of `grossCents`, put its net (95%) into store credit at once (M3). */
export async function sellerWithCredit(t: TestApp, sellerId: string, grossCents: number): Promise<void> {
  await completeOrder(t, `first-${sellerId}`, [{ sku: `${sellerId}-kit`, unitPriceCents: grossCents, sellerId }]);
}

export async function withdrawalsOf(t: TestApp, sellerId: string): Promise<number[]> {
  const { rows } = await t.db.query<{ amount_cents: number }>('SELECT amount_cents FROM withdrawals WHERE seller_id = $1 ORDER BY id', [sellerId]);
  return rows.map((row) => row.amount_cents);
}
