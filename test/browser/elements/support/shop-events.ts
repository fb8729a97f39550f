/**
 * Shop events sent by the shop's backend (in Node, with the API key), to give test members
 * points, coins, pending coins and ledger history on the real reference server.
 */
import type { ShopEvent } from '../../../../src/api/events.ts';
import { shop } from '../../support/server.ts';

let eventCounter = 0;

/** A unique event id (C20 deduplicates by id). */
function eventId(kind: string): string {
  eventCounter += 1;
  return `${kind}-${Date.now().toString(36)}-${eventCounter}`;
}

async function send(event: Omit<ShopEvent, 'id' | 'occurredAt'>): Promise<void> {
  await shop('sendEvent', { id: eventId(event.type), occurredAt: new Date().toISOString(), ...event } as ShopEvent);
}

/** P1/C1: a completed order of `dollars` (that many points and coins). Returns the order id. */
export async function completeOrder(memberId: string, dollars: number, orderId = eventId('order')): Promise<string> {
  await send({
    type: 'order.completed',
    memberId,
    data: { orderId, lines: [{ sku: 'kit', unitPriceCents: dollars * 100, quantity: 1 }], shippingCents: 0 },
  });
  return orderId;
}

/** C12: a BOM uploaded for an order not completed yet: 200 coins pending (C19). Returns the order id. */
export async function uploadBom(memberId: string, orderId = eventId('pending-order')): Promise<string> {
  await send({ type: 'bom.uploaded', memberId, data: { orderId } });
  return orderId;
}

/** Cancels an order: coins pending on it become void (C19). */
export async function cancelOrder(memberId: string, orderId: string): Promise<void> {
  await send({ type: 'order.cancelled', memberId, data: { orderId } });
}

/** C16: `count` PCBA photos rated, 5 coins each: as many ledger entries. */
export async function rateMedia(memberId: string, count: number): Promise<void> {
  for (let index = 0; index < count; index++) {
    await send({ type: 'pcba.media_rated', memberId, data: { mediaId: eventId('media') } });
  }
}
