import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as z from 'zod/mini';
import { eventDataSchemas, eventTypes, sendEventResponse, shopEvent, type EventType } from '../../../src/api/index.ts';
import { assertAccepts, assertRejectsAll } from './assert-schema.ts';

function event(type: string, data: unknown) {
  return { id: `evt-${type}`, type, memberId: 'm1', occurredAt: '2026-03-01T08:30:00Z', data };
}

/** For every event type: valid payloads, and payloads that must fail. */
const cases: Record<EventType, { valid: unknown[]; invalid: Array<readonly [string, unknown]> }> = {
  'member.registered': {
    valid: [{}, { displayName: 'Ada' }, { displayName: 'Ada', invitedBy: 'm0' }],
    invalid: [
      ['an empty display name', { displayName: '' }],
      ['a display name over 200 characters', { displayName: 'a'.repeat(201) }],
      ['a numeric inviter', { invitedBy: 12 }],
      ['an unknown field', { email: 'ada@example.com' }],
    ],
  },
  'order.completed': {
    valid: [
      { orderId: 'o1', lines: [{ sku: 'pcb-1', unitPriceCents: 1299, quantity: 1 }], shippingCents: 500 },
      {
        orderId: 'o2',
        lines: [
          { sku: 'pcb-1', unitPriceCents: 1000, quantity: 3, discountCents: 100 },
          { sku: 'kit-7', unitPriceCents: 2500, quantity: 1, partnerSellerId: 's1' },
          { sku: 'deal-1', unitPriceCents: 999, quantity: 2, specialOffer: true },
        ],
        orderDiscountCents: 200,
        shippingCents: 0,
        redemptionItemIds: ['ci1', 'ci2'],
      },
    ],
    invalid: [
      ['a fractional price', { orderId: 'o1', lines: [{ sku: 'a', unitPriceCents: 12.99, quantity: 1 }], shippingCents: 0 }],
      ['a negative price', { orderId: 'o1', lines: [{ sku: 'a', unitPriceCents: -1, quantity: 1 }], shippingCents: 0 }],
      ['a zero quantity', { orderId: 'o1', lines: [{ sku: 'a', unitPriceCents: 100, quantity: 0 }], shippingCents: 0 }],
      ['a fractional quantity', { orderId: 'o1', lines: [{ sku: 'a', unitPriceCents: 100, quantity: 1.5 }], shippingCents: 0 }],
      ['a negative line discount', { orderId: 'o1', lines: [{ sku: 'a', unitPriceCents: 100, quantity: 1, discountCents: -5 }], shippingCents: 0 }],
      ['no lines', { orderId: 'o1', lines: [], shippingCents: 0 }],
      ['no shipping', { orderId: 'o1', lines: [{ sku: 'a', unitPriceCents: 100, quantity: 1 }] }],
      ['a negative order discount', { orderId: 'o1', lines: [{ sku: 'a', unitPriceCents: 100, quantity: 1 }], shippingCents: 0, orderDiscountCents: -1 }],
      ['an unknown line field', { orderId: 'o1', lines: [{ sku: 'a', unitPriceCents: 100, quantity: 1, price: 1 }], shippingCents: 0 }],
      ['special offer as text', { orderId: 'o1', lines: [{ sku: 'a', unitPriceCents: 100, quantity: 1, specialOffer: 'yes' }], shippingCents: 0 }],
    ],
  },
  'order.cancelled': {
    valid: [{ orderId: 'o1' }],
    invalid: [
      ['no order id', {}],
      ['an unknown field', { orderId: 'o1', reason: 'changed mind' }],
    ],
  },
  'order.refunded': {
    valid: [
      { orderId: 'o1', refundedCents: 1299 },
      { orderId: 'o1', refundedCents: 500, reason: 'design' },
      { orderId: 'o1', refundedCents: 500, reason: 'manufacturing' },
    ],
    invalid: [
      ['an unknown reason', { orderId: 'o1', refundedCents: 500, reason: 'shipping' }],
      ['a fractional refund', { orderId: 'o1', refundedCents: 5.5 }],
      ['a zero refund', { orderId: 'o1', refundedCents: 0 }],
      ['a negative refund', { orderId: 'o1', refundedCents: -500 }],
    ],
  },
  'newsletter.subscribed': {
    valid: [{}],
    invalid: [
      ['any field at all', { email: 'ada@example.com' }],
      ['null data', null],
    ],
  },
  'profile.completed': {
    valid: [{ avatarUrl: 'https://cdn.example.com/ada.png', nickname: 'ada', country: 'GB' }, { avatarUrl: '', nickname: 'ada', country: null }, {}],
    invalid: [
      ['a javascript avatar URL', { avatarUrl: 'javascript:alert(1)', nickname: 'ada', country: 'GB' }],
      ['a numeric nickname', { avatarUrl: '/a.png', nickname: 7, country: 'GB' }],
      ['a nickname over 200 characters', { nickname: 'n'.repeat(201) }],
    ],
  },
  'project.approved': {
    valid: [
      { projectId: 'p1', tier: 'text_images' },
      { projectId: 'p1', tier: 'gerber_bom' },
      { projectId: 'p1', tier: 'tutorial', duringEvent: true },
    ],
    invalid: [
      ['an unknown tier', { projectId: 'p1', tier: 'video' }],
      ['no tier', { projectId: 'p1' }],
      ['event flag as text', { projectId: 'p1', tier: 'tutorial', duringEvent: 'true' }],
    ],
  },
  'feedback.shared': {
    valid: [{ feedbackId: 'f1', words: 25, images: 0, videos: 1 }],
    invalid: [
      ['negative words', { feedbackId: 'f1', words: -1, images: 0, videos: 0 }],
      ['fractional images', { feedbackId: 'f1', words: 3, images: 0.5, videos: 0 }],
      ['missing videos', { feedbackId: 'f1', words: 3, images: 0 }],
    ],
  },
  'project.liked': {
    valid: [{ projectId: 'p1' }],
    invalid: [['a numeric project id', { projectId: 1 }]],
  },
  'project.commented': {
    valid: [{ projectId: 'p1', commentId: 'c1' }],
    invalid: [['no comment id', { projectId: 'p1' }]],
  },
  'project.rewarded': {
    valid: [
      { projectId: 'p1', coins: 1 },
      { projectId: 'p1', coins: 1000 },
    ],
    invalid: [
      ['zero coins', { projectId: 'p1', coins: 0 }],
      ['fractional coins', { projectId: 'p1', coins: 10.5 }],
      ['negative coins', { projectId: 'p1', coins: -100 }],
    ],
  },
  'bom.uploaded': {
    valid: [{ orderId: 'o1' }],
    invalid: [['a project id instead of an order id', { projectId: 'p1' }]],
  },
  'pcba.test_file_uploaded': {
    valid: [{ orderId: 'o1' }],
    invalid: [['no order id', {}]],
  },
  'pcba.quotation_paid': {
    valid: [{ quotationId: 'q1', quotedAt: '2026-03-01T08:00:00Z', paidAt: '2026-03-05T08:00:00Z' }],
    invalid: [
      ['an impossible quote date', { quotationId: 'q1', quotedAt: '2026-02-30T08:00:00Z', paidAt: '2026-03-05T08:00:00Z' }],
      ['a payment day without time', { quotationId: 'q1', quotedAt: '2026-03-01T08:00:00Z', paidAt: '2026-03-05' }],
      ['a timestamp number', { quotationId: 'q1', quotedAt: 1_767_225_600_000, paidAt: '2026-03-05T08:00:00Z' }],
    ],
  },
  'pcba.progress_checked': {
    valid: [{ projectId: 'p1' }],
    invalid: [['an empty project id', { projectId: '' }]],
  },
  'pcba.media_rated': {
    valid: [{ mediaId: 'media-1' }],
    invalid: [['a rating instead of a media id', { rating: 5 }]],
  },
  'pcba.confirmed': {
    valid: [{ projectId: 'p1' }],
    invalid: [['an id over 128 characters', { projectId: 'p'.repeat(129) }]],
  },
  'questionnaire.completed': {
    valid: [{ questionnaireId: 'survey-2026' }],
    invalid: [['no questionnaire id', {}]],
  },
  'project.created': {
    valid: [{ projectId: 'p1', title: 'A tiny synth' }],
    invalid: [
      ['an empty title', { projectId: 'p1', title: '' }],
      ['a title over 200 characters', { projectId: 'p1', title: 't'.repeat(201) }],
    ],
  },
};

test('every event type of the contract has a data schema and a place in the envelope union', () => {
  assert.deepEqual([...eventTypes].sort(), Object.keys(cases).sort());
  const unionTypes = shopEvent._zod.def.options.map((option) => option._zod.def.shape.type._zod.def.values[0]);
  assert.deepEqual([...unionTypes].sort(), [...eventTypes].sort());
});

for (const type of Object.keys(cases) as EventType[]) {
  test(`event ${type} parses with valid data and fails with wrong data`, () => {
    const { valid, invalid } = cases[type];
    for (const data of valid) {
      const parsed = assertAccepts(shopEvent, event(type, data), `${type} ${JSON.stringify(data)}`);
      assert.equal(parsed.type, type);
      assertAccepts(eventDataSchemas[type], data, `${type} data`);
    }
    assertRejectsAll(
      shopEvent,
      invalid.map(([why, data]) => [why, event(type, data)] as const),
    );
  });
}

test("an event's data must match its own type, not another's", () => {
  assertRejectsAll(shopEvent, [
    ['order.cancelled data on project.liked', event('project.liked', { orderId: 'o1' })],
    ['project.liked data on order.cancelled', event('order.cancelled', { projectId: 'p1' })],
  ]);
});

test('C20 the envelope needs an event id, a known type, a member and a UTC time', () => {
  const valid = event('project.liked', { projectId: 'p1' });
  assertAccepts(shopEvent, valid);
  assertRejectsAll(shopEvent, [
    ['no event id', { ...valid, id: undefined }],
    ['an empty event id', { ...valid, id: '' }],
    ['an event id over 128 characters', { ...valid, id: 'e'.repeat(129) }],
    ['an unknown type', { ...valid, type: 'project.disliked' }],
    ['a type in another case', { ...valid, type: 'Project.Liked' }],
    ['no member', { ...valid, memberId: undefined }],
    ['an offset time', { ...valid, occurredAt: '2026-03-01T08:30:00+08:00' }],
    ['no data', { ...valid, data: undefined }],
    ['an unknown envelope field', { ...valid, source: 'shop' }],
    ['a batch instead of one event', [valid]],
  ]);
});

test('P7 the event answer lists credits, reversals as negative amounts', () => {
  const answer = {
    duplicate: false,
    credited: [
      { currency: 'points', amount: -12, ruleId: 'P7', status: 'available' },
      { currency: 'coins', amount: 200, ruleId: 'C12', status: 'pending' },
    ],
  };
  assert.deepEqual(z.parse(sendEventResponse, answer), answer);
  assertRejectsAll(sendEventResponse, [
    ['a fractional amount', { duplicate: false, credited: [{ currency: 'coins', amount: 0.5, ruleId: 'C1', status: 'available' }] }],
    ['an unknown status', { duplicate: false, credited: [{ currency: 'coins', amount: 5, ruleId: 'C1', status: 'spent' }] }],
  ]);
});
