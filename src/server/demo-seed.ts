/**
 * Demo data for a first look: three members, a catalog, two projects and a few weeks of history.
 * Everything goes through the same services and events as real traffic (events are ingested,
 * coins are spent by the spending services), so the ledger, balances, levels and gifts are exactly
 * what the rules make of that history; nothing is written to the ledger directly.
 *
 * - `ada`, Ada Lovelace: 20 points short of Mars, coins to spend, a gift in her cart, a few
 *   check-ins this month, likes today;
 * - `grace`, Grace Hopper: a partner seller (three products, one low on stock and one oversold,
 *   sales over two months, a paid withdrawal) with a shared project that received a donation;
 * - `linus`, Linus Park: just registered, invited by Ada.
 */
import type { PutCatalogItemBody, ShopEvent } from '../api/index.ts';
import { calendarDay } from '../rules/index.ts';
import type { Db } from './db/index.ts';
import type { Clock } from './clock.ts';
import { ProblemError } from './errors.ts';
import { putCatalogItem } from './services/catalog.ts';
import { putSeller } from './services/seller-account.ts';
import { putSellerProduct } from './services/seller-products.ts';
import { settleWithdrawal, withdraw } from './services/withdrawals.ts';
import { checkIn } from './services/check-ins.ts';
import { donate } from './services/donations.ts';
import { ingestEvent } from './services/events/ingest.ts';
import { redeem } from './services/redemptions.ts';
import { currentRules } from './services/rules-store.ts';

export const DEMO_MEMBERS = {
  /** Close to the next level: the member a demo page signs in as. */
  nearLevelUp: 'ada',
  seller: 'grace',
  newcomer: 'linus',
} as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const CATALOG: ReadonlyArray<[string, PutCatalogItemBody]> = [
  ['sticker-pack', { kind: 'product', name: 'Sticker pack', description: 'Ten vinyl stickers of our boards.', imageUrl: null, coins: 50, stock: 200 }],
  ['pcb-ruler', { kind: 'product', name: 'PCB ruler', description: 'A 15 cm ruler with footprints and trace widths.', imageUrl: null, coins: 300, stock: 25 }],
  ['solder-kit', { kind: 'product', name: 'Soldering starter kit', description: 'Iron, stand, solder and flux.', imageUrl: null, coins: 2500, stock: 3 }],
  ['enamel-pin', { kind: 'product', name: 'Enamel pin', description: 'Sold out until the next batch.', imageUrl: null, coins: 150, stock: 0 }],
  [
    'coupon-5',
    {
      kind: 'coupon',
      name: '$5 coupon',
      description: 'Five dollars off any order; never expires.',
      imageUrl: null,
      coins: 500,
      stock: 1000,
      couponValueCents: 500,
    },
  ],
  [
    'coupon-20',
    {
      kind: 'coupon',
      name: '$20 coupon',
      description: 'Twenty dollars off any order; never expires.',
      imageUrl: null,
      coins: 1800,
      stock: 100,
      couponValueCents: 2000,
    },
  ],
];

type DemoEvent = Omit<ShopEvent, 'id' | 'occurredAt'> & { daysAgo: number };

function history(): DemoEvent[] {
  const order = (orderId: string, lines: Array<{ sku: string; unitPriceCents: number; quantity: number; partnerSellerId?: string }>) => ({
    orderId,
    lines,
    shippingCents: 800,
  });
  return [
    { type: 'member.registered', memberId: 'grace', data: { displayName: 'Grace Hopper' }, daysAgo: 40 },
    { type: 'member.registered', memberId: 'ada', data: { displayName: 'Ada Lovelace' }, daysAgo: 30 },
    { type: 'newsletter.subscribed', memberId: 'ada', data: {}, daysAgo: 29 },
    { type: 'profile.completed', memberId: 'ada', data: { avatarUrl: '/avatars/ada.png', nickname: 'ada', country: 'GB' }, daysAgo: 29 },
    { type: 'project.created', memberId: 'grace', data: { projectId: 'modular-synth', title: 'Open-source modular synth' }, daysAgo: 25 },
    { type: 'project.approved', memberId: 'grace', data: { projectId: 'modular-synth', tier: 'tutorial' }, daysAgo: 24 },
    { type: 'project.rewarded', memberId: 'grace', data: { projectId: 'modular-synth', coins: 200 }, daysAgo: 20 },
    {
      type: 'order.completed',
      memberId: 'ada',
      data: order('demo-order-1001', [
        { sku: 'PCB-4L-100', unitPriceCents: 15_000, quantity: 2 },
        { sku: 'SYNTH-KIT', unitPriceCents: 15_000, quantity: 1, partnerSellerId: 'grace' },
      ]),
      daysAgo: 18,
    },
    ...grace(order),
    { type: 'project.created', memberId: 'ada', data: { projectId: 'weather-station', title: 'Solar weather station' }, daysAgo: 12 },
    { type: 'project.approved', memberId: 'ada', data: { projectId: 'weather-station', tier: 'gerber_bom' }, daysAgo: 11 },
    { type: 'order.completed', memberId: 'ada', data: order('demo-order-1002', [{ sku: 'STENCIL', unitPriceCents: 3_000, quantity: 1 }]), daysAgo: 8 },
    { type: 'feedback.shared', memberId: 'ada', data: { feedbackId: 'demo-feedback-1', words: 42, images: 2, videos: 0 }, daysAgo: 7 },
    { type: 'member.registered', memberId: 'linus', data: { displayName: 'Linus Park', invitedBy: 'ada' }, daysAgo: 1 },
    { type: 'project.liked', memberId: 'ada', data: { projectId: 'modular-synth' }, daysAgo: 0 },
    { type: 'project.commented', memberId: 'ada', data: { projectId: 'modular-synth', commentId: 'demo-comment-1' }, daysAgo: 0 },
  ] as DemoEvent[];
}

/** Grace's sales to shoppers of the demo shop, over the last two months. */
function grace(
  order: (orderId: string, lines: Array<{ sku: string; unitPriceCents: number; quantity: number; partnerSellerId?: string }>) => object,
): DemoEvent[] {
  const sale = (orderId: string, buyer: string, daysAgo: number, lines: Array<[string, number, number]>): DemoEvent =>
    ({
      type: 'order.completed',
      memberId: buyer,
      data: order(
        orderId,
        lines.map(([sku, unitPriceCents, quantity]) => ({ sku, unitPriceCents, quantity, partnerSellerId: 'grace' })),
      ),
      daysAgo,
    }) as DemoEvent;
  return [
    sale('demo-order-0901', 'demo-buyer-1', 52, [['SYNTH-KIT', 15_000, 1]]),
    sale('demo-order-0907', 'demo-buyer-2', 44, [['FRONT-PANEL', 2_450, 2]]),
    sale('demo-order-0915', 'demo-buyer-3', 36, [
      ['SYNTH-KIT', 15_000, 1],
      ['PATCH-CABLES', 999, 1],
    ]),
    sale('demo-order-0933', 'demo-buyer-1', 15, [['PATCH-CABLES', 999, 2]]),
    sale('demo-order-0951', 'demo-buyer-4', 6, [
      ['FRONT-PANEL', 2_450, 1],
      ['SYNTH-KIT', 15_000, 1],
    ]),
    sale('demo-order-0960', 'demo-buyer-2', 2, [['FRONT-PANEL', 2_450, 1]]),
  ];
}

async function isEmpty(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM members) AS any');
  return rows[0]?.any !== true;
}

/**
 * Fills a database that has no members yet; returns false (touching nothing) otherwise. Times
 * are relative to `clock`, so the history always ends today.
 */
export async function seedDemo(db: Db, { clock }: { clock: Clock }): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  const now = clock.now();
  const at = (daysAgo: number, hours = 0) => new Date(now.getTime() - daysAgo * DAY - hours * HOUR);

  for (const [id, item] of CATALOG) await putCatalogItem(db, id, item, at(45));
  await putSeller(db, DEMO_MEMBERS.seller, 'Grace Hopper');
  for (const [sku, name, stock] of [
    ['SYNTH-KIT', 'Modular synth kit', 40],
    ['FRONT-PANEL', 'Aluminium front panel', 7],
    ['PATCH-CABLES', 'Patch cables (10)', 2],
  ] as const) {
    await putSellerProduct(db, { sellerId: DEMO_MEMBERS.seller, sku, name, stock }, at(60));
  }

  // Everything is appended in the order it happened, so the history reads newest first.
  const events = history().map((event, index) => ({ ...event, index }));
  const ingest = async ({ daysAgo, index, ...event }: (typeof events)[number]) => {
    // Today's events happen a little before now, in order, so they stay today.
    const when = daysAgo === 0 ? new Date(now.getTime() - (events.length - index) * 1000) : at(daysAgo);
    const shopEvent = { ...event, id: `demo-${index + 1}`, occurredAt: when.toISOString() } as ShopEvent;
    await ingestEvent(db, shopEvent, { clock: { now: () => when } });
  };
  for (const event of events.filter((e) => e.daysAgo > 0)) await ingest(event);

  // Check-ins on the days before today of this month (up to six, so today's may reach the 7th-day bonus).
  const rules = await currentRules(db);
  const dayOfMonth = Number(calendarDay(now, rules.timeZone).slice(8, 10));
  for (let daysAgo = Math.min(6, dayOfMonth - 1); daysAgo >= 1; daysAgo--) {
    await checkIn(db, DEMO_MEMBERS.nearLevelUp, at(daysAgo)).catch((error: unknown) => {
      // A daylight-saving day can put two of these instants on one calendar day.
      if (!(error instanceof ProblemError && error.code === 'already_checked_in')) throw error;
    });
  }

  // Grace took $50 of her store credit out, and the shop has made the transfer.
  const { withdrawal } = await withdraw(db, DEMO_MEMBERS.seller, 5_000, at(3));
  await settleWithdrawal(db, { sellerId: DEMO_MEMBERS.seller, withdrawalId: withdrawal.id, status: 'paid' }, at(2));

  await redeem(db, DEMO_MEMBERS.nearLevelUp, 'sticker-pack', at(0, 2));
  await donate(db, { donorId: DEMO_MEMBERS.nearLevelUp, projectId: 'modular-synth', coins: 25 }, at(0, 1));
  for (const event of events.filter((e) => e.daysAgo === 0)) await ingest(event);
  return true;
}
