/**
 * Shop events for tests: `shopEventOf('project.liked', 'm1', { projectId: 'p1' })` builds a valid
 * envelope with a fresh id; pass `{ id }` to deliver the same event again.
 */
import { randomUUID } from 'node:crypto';
import type { EventData, EventType, SendEventResponse, ShopEventOf } from '../../../../src/api/index.ts';
import type { TestApp } from './test-app.ts';

export function shopEventOf<T extends EventType>(
  type: T,
  memberId: string,
  data: EventData<T>,
  envelope: { id?: string; occurredAt?: string } = {},
): ShopEventOf<T> {
  return {
    id: envelope.id ?? `evt-${randomUUID()}`,
    type,
    memberId,
    occurredAt: envelope.occurredAt ?? '2025-03-10T12:00:00Z',
    data,
  } as ShopEventOf<T>;
}

/** Sends an event as the shop and insists on a 200. */
export async function deliver<E extends { id: string; type: string }>(t: TestApp, event: E): Promise<SendEventResponse> {
  const res = await t.shop().post<SendEventResponse>('/v1/events', event);
  if (res.status !== 200) throw new Error(`${event.type} ${event.id} answered ${res.status}: ${res.text}`);
  return res.body;
}

/** Builds and sends an event in one go (fresh id). */
export function send<T extends EventType>(t: TestApp, type: T, memberId: string, data: EventData<T>, envelope?: { id?: string; occurredAt?: string }) {
  return deliver(t, shopEventOf(type, memberId, data, envelope));
}
