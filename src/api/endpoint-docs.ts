/**
 * What people read about each endpoint: a description (Markdown) and a real exchange, for the
 * OpenAPI document and `/docs`. Kept beside the endpoint table rather than in it, so the SDK and
 * the elements (which import the table) do not carry these words into every page; the mapped
 * type below still makes both fields required for every endpoint, and types each example by the
 * endpoint's own schemas (a test also parses them).
 */
import { defaultRulesConfig } from '../rules/config.ts';
import type { BodyOf, EndpointId, ParamsOf, QueryInputOf, ResponseOf } from './endpoints.ts';

type IfPresent<T, Key extends string> = [T] extends [never] ? { [K in Key]?: never } : { [K in Key]: T };

/** One request and its successful answer. */
export type EndpointExample<Id extends EndpointId> = IfPresent<ParamsOf<Id>, 'params'> &
  IfPresent<BodyOf<Id>, 'body'> & { query?: [QueryInputOf<Id>] extends [never] ? never : QueryInputOf<Id>; response: ResponseOf<Id> };

export interface EndpointDoc<Id extends EndpointId> {
  /** Markdown: when to call it, what it changes, the rules (P…, C…, S…, M…) it applies. */
  description: string;
  example: EndpointExample<Id>;
}

const at = '2025-03-14T09:30:00.000Z';
/** A delivery the receiver refused twice, shown in the log and then tried again by hand. */
const retriedDelivery = {
  id: '41',
  eventId: 'evt_P7k1',
  type: 'cart.item_added',
  status: 'pending',
  attempts: 2,
  lastStatusCode: 503,
  lastError: 'answered 503',
  nextAttemptAt: at,
} as const;
const graceStatement = {
  sellerId: 'grace',
  displayName: 'Grace Hopper',
  storeCreditCents: 4275,
  pendingCents: 1900,
  debtCents: 0,
  currentMonth: '2025-03',
  feeBasisPoints: 500,
  firstOrderCredit: { orderId: '10007', month: '2025-02', netCents: 2375, creditedAt: '2025-02-03T10:00:00.000Z' },
  months: [
    { month: '2025-03', grossCents: 2000, feeCents: 100, netCents: 1900 },
    { month: '2025-02', grossCents: 4500, feeCents: 225, netCents: 4275, paidOutCents: 1900, paidOutAt: '2025-03-03T00:01:00.000Z' },
  ],
};
const balance = { available: 687, pending: 50 };
const adaAccount = {
  memberId: 'ada',
  displayName: 'Ada Lovelace',
  points: 480,
  level: { index: 1, name: 'Mercury', discountPercent: 1 },
  nextLevel: { index: 2, name: 'Mars', pointsRequired: 500, pointsToGo: 20 },
  coins: balance,
  isSeller: false,
};
const upgradeGift = {
  id: 'gift-ada-1',
  kind: 'upgrade_gift',
  level: 1,
  name: 'Mercury upgrade gift',
  coins: 0,
  shipping: 'with_next_order',
  removable: false,
} as const;
const stickerPack = { id: 'cart-7', kind: 'redemption', catalogItemId: 'sticker-pack', name: 'Sticker pack', coins: 50, removable: true } as const;

export const endpointDocs: { readonly [Id in EndpointId]: EndpointDoc<Id> } = {
  getLevels: {
    description:
      'The seven levels from **Member** (LV0) to **Jupiter** (LV6), each with the points it takes (P3) and the discount a member at that level gets on orders (P4), and what a dollar of an order earns in points (P1) and coins (C1). Public and cacheable: use it to draw a level ladder or to quote an order.',
    example: {
      response: {
        levels: [
          { index: 0, name: 'Member', pointsRequired: 0, discountPercent: 0 },
          { index: 1, name: 'Mercury', pointsRequired: 1, discountPercent: 1 },
          { index: 2, name: 'Mars', pointsRequired: 500, discountPercent: 2 },
        ],
        pointsPerDollar: 1,
        coinsPerDollar: 1,
      },
    },
  },
  getEarningRules: {
    description:
      'The ways to earn coins (C1–C21) with their amounts and limits, in the words a member reads. `limit` is the cap per `scope` (per day, per week, …), or `null` when there is none.',
    example: {
      response: {
        rules: [
          { id: 'C6', title: 'Daily check-in', coins: 10, minCoins: 10, limit: 10, scope: 'per_day' },
          { id: 'C8', title: 'Like a project', coins: 1, minCoins: 1, limit: 10, scope: 'per_day' },
        ],
      },
    },
  },
  getCatalog: {
    description:
      'Everything coins can buy: products (shipped with the next order, S1) and coupons (a code worth `couponValueCents`, S2). `stock` is what is left; an item with `stock: 0` cannot be redeemed.',
    example: {
      response: {
        items: [
          { id: 'sticker-pack', kind: 'product', name: 'Sticker pack', description: 'Ten vinyl stickers.', imageUrl: null, coins: 50, stock: 120 },
          {
            id: 'coupon-5',
            kind: 'coupon',
            name: '$5 coupon',
            description: 'Off any order over $20.',
            imageUrl: null,
            coins: 500,
            stock: 1000,
            couponValueCents: 500,
          },
        ],
      },
    },
  },
  getBadges: {
    description:
      'Level badges of up to 200 members at once, for pages that show many members (a forum thread). `members` is a comma-separated list of ids; an id the programme does not know is simply absent from `badges`.',
    example: {
      query: { members: 'ada,grace,nobody' },
      response: {
        badges: { ada: { level: 1, name: 'Mercury', displayName: 'Ada Lovelace' }, grace: { level: 0, name: 'Member', displayName: 'Grace Hopper' } },
      },
    },
  },
  getBadgeSvg: {
    description:
      'A member\'s level badge as an SVG image, for pages that cannot run scripts: `<img src=".../v1/members/ada/badge.svg" alt="">`. An id the server does not know shows the neutral **Member** badge, so an embedding page never shows a broken image.',
    example: {
      params: { id: 'ada' },
      response: '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Mercury, level 1" width="120" height="20">…</svg>',
    },
  },
  getProjectDonations: {
    description: "The coins members gave to a shared project's author (S3): the total, how many members gave, and the latest donations.",
    example: {
      params: { id: 'synth-kit' },
      response: {
        projectId: 'synth-kit',
        totalCoins: 125,
        donors: 2,
        recent: [{ id: 'don-3', projectId: 'synth-kit', memberId: 'ada', displayName: 'Ada Lovelace', coins: 25, createdAt: at }],
      },
    },
  },
  getOpenApi: {
    description: 'This document: the whole HTTP contract as OpenAPI 3.1, generated from the same table the server routes and validates with.',
    example: { response: { openapi: '3.1.0', info: { title: 'member-rewards-kit', version: '0.1.0' }, paths: {} } },
  },
  getMe: {
    description:
      "The signed-in member's account: points and level (P3), the points to the next level (P6), the member discount (P4) and coins, available and pending (C19). The member is the token's `sub`.",
    example: { response: adaAccount },
  },
  getLedger: {
    description:
      "Every movement of the member's coins (default) or points, newest first, with the rule that caused it. Pass `nextCursor` back as `cursor` for the next page; it is `null` on the last page.",
    example: {
      query: { currency: 'coins', limit: '2' },
      response: {
        entries: [
          {
            id: 'led-91',
            currency: 'coins',
            amount: -50,
            ruleId: 'S1',
            reason: 'Redeemed: Sticker pack',
            ref: 'sticker-pack',
            status: 'available',
            createdAt: at,
          },
          {
            id: 'led-90',
            currency: 'coins',
            amount: 10,
            ruleId: 'C6',
            reason: 'Daily check-in',
            ref: null,
            status: 'available',
            createdAt: '2025-03-13T08:02:11.000Z',
          },
        ],
        nextCursor: 'bGVkLTkw',
      },
    },
  },
  getEarning: {
    description: 'How much of each daily cap the member has used today (the shop\'s day), so a page can say "3 of 10 likes rewarded today".',
    example: { response: { day: '2025-03-14', rules: [{ ruleId: 'C8', earnedToday: 3, cap: 10 }] } },
  },
  getCheckIns: {
    description:
      "The days of `month` (`YYYY-MM`, default: this month in the rules' time zone) on which the member checked in, whether today is done, and each monthly bonus tier (C7) with whether it was earned.",
    example: {
      query: { month: '2025-03' },
      response: {
        month: '2025-03',
        today: '2025-03-14',
        checkedInToday: false,
        days: ['2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13'],
        bonuses: [
          { atCount: 7, coins: 20, earned: false },
          { atCount: 14, coins: 50, earned: false },
        ],
      },
    },
  },
  checkIn: {
    description:
      'Checks the member in for today (C6) and pays any monthly bonus tier the check-in reaches (C7). A second check-in the same day is `409 already_checked_in`; with the same `Idempotency-Key` it replays the first answer instead.',
    example: { response: { day: '2025-03-14', coinsAwarded: 10, bonusAwarded: 0, coins: { available: 697, pending: 50 } } },
  },
  getCart: {
    description:
      'Gifts waiting to ship with the next order: products redeemed with coins (S1) and upgrade gifts (P5). `removable` is false once a gift shipped or for an upgrade gift.',
    example: { response: { items: [upgradeGift, stickerPack] } },
  },
  redeem: {
    description:
      'Spends coins on a catalog item (S1, S2): a product goes into the cart, a coupon is issued at once. Refused with `insufficient_coins` or `out_of_stock`; send an `Idempotency-Key` so a retried request never charges twice.',
    example: {
      body: { catalogItemId: 'sticker-pack' },
      response: {
        redemption: { id: 'red-12', catalogItemId: 'sticker-pack', kind: 'product', coins: 50, createdAt: at },
        cartItem: stickerPack,
        coins: { available: 637, pending: 50 },
      },
    },
  },
  removeCartItem: {
    description:
      'Takes a redeemed product out of the cart before it ships: its coins come back and its stock is released. Upgrade gifts and shipped items are `409 not_removable`.',
    example: { params: { itemId: 'cart-7' }, response: { coinsReturned: 50, coins: balance } },
  },
  updateCartItem: {
    description: 'Chooses when an upgrade gift (P5) ships: `now` (on its own) or `with_next_order`.',
    example: { params: { itemId: 'gift-ada-1' }, body: { shipping: 'now' }, response: { ...upgradeGift, shipping: 'now' } },
  },
  getCoupons: {
    description: 'The coupon codes the member bought with coins (S2), newest first, to use at the checkout.',
    example: { response: { coupons: [{ code: 'RK-7F3Q-2MXA', valueCents: 500, createdAt: at }] } },
  },
  donate: {
    description:
      'Gives coins to the author of a shared project (S3). A member cannot give to their own project (`403 forbidden`) or give more than they have (`409 insufficient_coins`).',
    example: {
      params: { id: 'synth-kit' },
      body: { coins: 25 },
      response: {
        donation: { id: 'don-3', projectId: 'synth-kit', memberId: 'ada', displayName: 'Ada Lovelace', coins: 25, createdAt: at },
        coins: { available: 662, pending: 50 },
      },
    },
  },
  sendEvent: {
    description:
      "The shop's backend reports what a member did (an order completed, a project liked, …); the server applies the rules and answers with what it credited. The same event `id` delivered again credits nothing more (C20) and answers `duplicate: true`.",
    example: {
      body: {
        id: 'order-10042-completed',
        type: 'order.completed',
        memberId: 'ada',
        occurredAt: at,
        data: { orderId: '10042', lines: [{ sku: 'pcb-proto-10', unitPriceCents: 1299, quantity: 2 }], shippingCents: 500 },
      },
      response: {
        duplicate: false,
        credited: [
          { currency: 'points', amount: 25, ruleId: 'P1', status: 'available' },
          { currency: 'coins', amount: 25, ruleId: 'C1', status: 'pending' },
        ],
      },
    },
  },
  getMember: {
    description: "Any member's account as that member sees it at `GET /v1/me`, for the shop's backend (support pages, checkout discounts).",
    example: { params: { id: 'ada' }, response: adaAccount },
  },
  putCatalogItem: {
    description: 'Creates a catalog item (`201`) or replaces it (`200`). A coupon also carries the value of the code it issues.',
    example: {
      params: { id: 'mug' },
      body: { kind: 'product', name: 'Mug', description: 'Enamel, 350 ml.', imageUrl: null, coins: 300, stock: 20 },
      response: { id: 'mug', kind: 'product', name: 'Mug', description: 'Enamel, 350 ml.', imageUrl: null, coins: 300, stock: 20 },
    },
  },
  deleteCatalogItem: {
    description: 'Withdraws a catalog item: it can no longer be redeemed; gifts already in carts stay there.',
    example: { params: { id: 'mug' }, response: { id: 'mug', deleted: true } },
  },
  getRules: {
    description:
      'The rules configuration in force: every number of the rulebook (points per dollar, level thresholds, coins per action, caps, fees) and its `version`.',
    example: { response: defaultRulesConfig },
  },
  putRules: {
    description:
      'Replaces the rules configuration. A change becomes the next `version`; entries already in the ledger keep the version they were computed under. The whole configuration is checked before anything changes.',
    example: { body: defaultRulesConfig, response: defaultRulesConfig },
  },
  runPayouts: {
    description:
      "Credits each partner seller's net earnings of a finished month (and of earlier months not paid yet) to their store credit (M2), by hand: the server also does it by itself from the first working day of the next month. Safe to run again: a seller already paid for that month is listed with `alreadyPaid: true` and paid nothing more.",
    example: {
      body: { month: '2025-02' },
      response: { month: '2025-02', payouts: [{ sellerId: 'grace', netCents: 4275, paidOutAt: at, alreadyPaid: false }] },
    },
  },
  putSellerProduct: {
    description:
      "Records a partner seller's product with its name and stock (M6), as the seller's backstage lists it with the units sold. Creates (`201`) or replaces (`200`).",
    example: {
      params: { id: 'grace', sku: 'synth-kit' },
      body: { name: 'Synth kit', stock: 12 },
      response: { sellerId: 'grace', sku: 'synth-kit', name: 'Synth kit', stock: 12, unitsSold: 3, oversoldUnits: 0 },
    },
  },
  createQuote: {
    description:
      "What the checkout shows before the order: the member's level discount (P4, half up, once per order, only on lines that are neither a partner seller's nor a special offer, shared out over them), the points and coins completing the order would earn (P1, C1) and `levelAfter` when it crosses a threshold (P3). The same rules code as the `member-price` and `points-for-product` elements. Nothing is stored; an unknown member is quoted at LV0.",
    example: {
      body: { memberId: 'ada', lines: [{ sku: 'pcb-proto-10', unitPriceCents: 2500, quantity: 1 }], shippingCents: 500 },
      response: {
        memberId: 'ada',
        level: { index: 1, name: 'Mercury', discountPercent: 1 },
        memberDiscountCents: 25,
        lines: [{ sku: 'pcb-proto-10', memberDiscountEligible: true, memberDiscountCents: 25 }],
        points: 25,
        coins: 25,
        levelAfter: { index: 2, name: 'Mars' },
      },
    },
  },
  getMemberCart: {
    description:
      "A member's gifts waiting in the cart, for the checkout to ship with the order. Name the ones that leave with it in `order.completed`'s `redemptionItemIds`: from then on they cannot be removed (S1).",
    example: { params: { id: 'ada' }, response: { items: [upgradeGift, stickerPack] } },
  },
  getMemberCoupons: {
    description: "A member's coupons (S2), newest first; a used one carries `usedAt` and the `orderId` that used it.",
    example: {
      params: { id: 'ada' },
      response: { coupons: [{ code: 'K7QM-3XPA-9TRW-HN4C-22BD', valueCents: 500, createdAt: at, usedAt: at, orderId: '10042' }] },
    },
  },
  useCoupon: {
    description:
      "Marks a member's coupon used by an order. Once per coupon: the same call for the same order answers the same (safe to retry), another order gets `409 coupon_used`, a code that does not exist or is not this member's `404`.",
    example: {
      params: { code: 'K7QM-3XPA-9TRW-HN4C-22BD' },
      body: { memberId: 'ada', orderId: '10042' },
      response: { code: 'K7QM-3XPA-9TRW-HN4C-22BD', valueCents: 500, memberId: 'ada', orderId: '10042', usedAt: at },
    },
  },
  putWebhook: {
    description:
      'Creates (`201`) or replaces (`200`) an endpoint that receives events. The signing secret is made on creation, kept by later PUTs, and shown only here. URLs are `https://` on public addresses, unless the server listens on loopback or `REWARDS_WEBHOOKS_ALLOW_PRIVATE=1`. Each delivery is signed: `Rewards-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.',
    example: {
      params: { id: 'fulfilment' },
      body: { url: 'https://shop.example/rewards/webhooks', events: ['cart.item_added', 'member.level_changed'] },
      response: {
        id: 'fulfilment',
        url: 'https://shop.example/rewards/webhooks',
        events: ['cart.item_added', 'member.level_changed'],
        enabled: true,
        secret: 'whsec_2b5Jx0mB3q8YkP1u9ZcT4fWnA6rD7eLhS0vG5iQyXo',
      },
    },
  },
  getWebhooks: {
    description: 'The webhook endpoints, without their secrets.',
    example: { response: { webhooks: [{ id: 'fulfilment', url: 'https://shop.example/rewards/webhooks', events: ['*'], enabled: true }] } },
  },
  deleteWebhook: {
    description: 'Deletes an endpoint with its delivery log; its pending deliveries are dropped.',
    example: { params: { id: 'fulfilment' }, response: { id: 'fulfilment', deleted: true } },
  },
  getWebhookDeliveries: {
    description:
      "An endpoint's delivery log, newest first: attempts, the last status code or error, and when the next attempt is due. A failed attempt is tried again with exponential backoff and jitter for 24 hours, then the delivery is `failed`.",
    example: {
      params: { id: 'fulfilment' },
      response: {
        deliveries: [
          { id: '42', eventId: 'evt_Q2x9', type: 'member.level_changed', status: 'delivered', attempts: 1, lastStatusCode: 200, deliveredAt: at },
          retriedDelivery,
        ],
        nextCursor: null,
      },
    },
  },
  retryWebhookDelivery: {
    description:
      'Tries a delivery again at once, whatever its status (`202`): it is pending again, and waits only for the same member’s earlier pending deliveries to this endpoint.',
    example: {
      params: { id: 'fulfilment', deliveryId: '41' },
      response: retriedDelivery,
    },
  },
  getSellerMe: {
    description:
      "A partner seller's backstage: store credit to spend or withdraw, earnings waiting for a payout or a debt left by design-defect refunds (paid first from later earnings), the first order's credit on its own line, and each month's statement, paid out once its payout ran (M1–M3, M5, M6). Any other member gets `403`.",
    example: { response: graceStatement },
  },
  getSellerOrders: {
    description: "The completed orders that contain the seller's products, newest first, each with the seller's lines, fee and net (M1), a page at a time.",
    example: {
      query: { limit: '1' },
      response: {
        orders: [
          {
            orderId: '10042',
            status: 'completed',
            completedAt: at,
            lines: [{ sku: 'synth-kit', quantity: 1, grossCents: 2500, feeCents: 125, netCents: 2375, refundedCents: 0 }],
            grossCents: 2500,
            feeCents: 125,
            netCents: 2375,
            refundedCents: 0,
          },
        ],
        nextCursor: null,
      },
    },
  },
  getSellerProducts: {
    description:
      "The seller's products with the stock left (the shop's last report less every completed sale since; `null` when never recorded), the units sold and the units sold beyond the stock.",
    example: { response: { products: [{ sku: 'synth-kit', name: 'Synth kit', stock: 12, unitsSold: 3, oversoldUnits: 0 }] } },
  },
  withdraw: {
    description:
      'Withdraws store credit to the seller (M4). More than the store credit is `409 insufficient_funds`; send an `Idempotency-Key` so a retry never pays twice.',
    example: {
      body: { amountCents: 1000 },
      response: { withdrawal: { id: '4', amountCents: 1000, status: 'requested', createdAt: at }, storeCreditCents: 3275 },
    },
  },
  getSellerWithdrawals: {
    description: "The seller's latest withdrawals, newest first: `requested` until the shop reports the transfer `paid` or `failed` (M6).",
    example: { response: { withdrawals: [{ id: '4', amountCents: 1000, status: 'paid', createdAt: at, settledAt: '2025-03-15T10:00:00.000Z' }] } },
  },
  getPayoutRuns: {
    description: 'The latest payout runs (M2), by the schedule or by hand, that credited something: when, and which sellers and months for how much.',
    example: {
      query: { limit: '1' },
      response: {
        runs: [{ id: '7', ranAt: '2025-03-03T00:01:00.000Z', trigger: 'schedule', payouts: [{ sellerId: 'grace', month: '2025-02', netCents: 4275 }] }],
      },
    },
  },
  putSeller: {
    description: 'Names a member a partner seller, with the name their backstage shows (M6). Creates (`201`) or renames (`200`).',
    example: { params: { id: 'grace' }, body: { displayName: 'Grace Hopper' }, response: { sellerId: 'grace', displayName: 'Grace Hopper' } },
  },
  getSeller: {
    description: "A partner seller's statement, exactly as they see it at `/v1/seller/me`; `404` for a member who is not a seller.",
    example: { params: { id: 'grace' }, response: graceStatement },
  },
  settleWithdrawal: {
    description:
      'Reports the transfer of a withdrawal: `paid`, or `failed`, which gives the amount back to the store credit (M6). The same report again answers the same; another one is `409 already_settled`.',
    example: {
      params: { id: 'grace', withdrawalId: '4' },
      body: { status: 'paid' },
      response: { withdrawal: { id: '4', amountCents: 1000, status: 'paid', createdAt: at, settledAt: '2025-03-15T10:00:00.000Z' }, storeCreditCents: 3275 },
    },
  },
};
