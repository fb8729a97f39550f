import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultRulesConfig, parseRulesConfig, type RulesConfig } from '../../../src/rules/config.ts';
import {
  firstSalePayout,
  payoutDecision,
  payoutKey,
  payoutTiming,
  payoutWindow,
  refundSplit,
  saleFee,
  sellerSales,
  sellerStatement,
  saleMonth,
  isPayoutDue,
  failedWithdrawalCredit,
  withdrawalDecision,
} from '../../../src/rules/sellers.ts';

const config = defaultRulesConfig;
const withHolidays = (holidays: string[], timeZone = 'UTC'): RulesConfig =>
  parseRulesConfig({ ...structuredClone(defaultRulesConfig), timeZone, sellers: { ...defaultRulesConfig.sellers, holidays } });

test('M1 the platform keeps 5% of the line, rounded half up to the cent', () => {
  assert.deepEqual(saleFee(10000, config), { grossCents: 10000, feeCents: 500, netCents: 9500 });
  assert.deepEqual(saleFee(1999, config), { grossCents: 1999, feeCents: 100, netCents: 1899 }); // 99.95 → 100
  assert.deepEqual(saleFee(1989, config), { grossCents: 1989, feeCents: 99, netCents: 1890 }); // 99.45 → 99
  assert.deepEqual(saleFee(10, config), { grossCents: 10, feeCents: 1, netCents: 9 }); // 0.5 → 1
  assert.deepEqual(saleFee(9, config), { grossCents: 9, feeCents: 0, netCents: 9 });
  assert.deepEqual(saleFee(0, config), { grossCents: 0, feeCents: 0, netCents: 0 });
});

test('M1 fees are rounded per line, only on partner-seller lines', () => {
  const sales = sellerSales(
    [
      { sku: 'a', unitPriceCents: 10, quantity: 1, partnerSellerId: 'seller-1' },
      { sku: 'b', unitPriceCents: 10, quantity: 1, partnerSellerId: 'seller-1' },
      { sku: 'own', unitPriceCents: 5000, quantity: 1 },
      { sku: 'c', unitPriceCents: 2500, quantity: 2, discountCents: 500, partnerSellerId: 'seller-2' },
    ],
    config,
  );
  assert.deepEqual(sales, [
    { sellerId: 'seller-1', sku: 'a', grossCents: 10, feeCents: 1, netCents: 9 },
    { sellerId: 'seller-1', sku: 'b', grossCents: 10, feeCents: 1, netCents: 9 },
    { sellerId: 'seller-2', sku: 'c', grossCents: 4500, feeCents: 225, netCents: 4275 },
  ]);
});

test('M1 a configured fee in basis points', () => {
  const custom = parseRulesConfig({ ...structuredClone(defaultRulesConfig), sellers: { ...defaultRulesConfig.sellers, feeBasisPoints: 250 } });
  assert.deepEqual(saleFee(1000, custom), { grossCents: 1000, feeCents: 25, netCents: 975 });
  assert.deepEqual(saleFee(20, custom), { grossCents: 20, feeCents: 1, netCents: 19 }); // 0.5 → 1
});

test('M2 the first three working days of the next month', () => {
  assert.deepEqual(payoutWindow('2026-05', config), {
    month: '2026-05',
    opensOn: '2026-06-01',
    workingDays: ['2026-06-01', '2026-06-02', '2026-06-03'],
    dueBy: '2026-06-03',
  });
  // August 2026 begins on a Saturday.
  assert.deepEqual(payoutWindow('2026-07', config).workingDays, ['2026-08-03', '2026-08-04', '2026-08-05']);
});

test('M2 the first three working days with a holiday on day one', () => {
  // 2026-01-01 is a Thursday and a holiday; the 3rd and 4th are a weekend.
  const window = payoutWindow('2025-12', withHolidays(['2026-01-01']));
  assert.deepEqual(window.workingDays, ['2026-01-02', '2026-01-05', '2026-01-06']);
  assert.equal(window.dueBy, '2026-01-06');
  assert.deepEqual(payoutWindow('2025-12', config).workingDays, ['2026-01-01', '2026-01-02', '2026-01-05']);
});

test('M2 a payout is early before the month ends, due within the window, late after it', () => {
  const holidays = withHolidays(['2026-01-01']);
  assert.equal(payoutTiming('2025-12', '2025-12-31', holidays), 'early');
  assert.equal(payoutTiming('2025-12', '2026-01-01', holidays), 'due');
  assert.equal(payoutTiming('2025-12', '2026-01-06', holidays), 'due');
  assert.equal(payoutTiming('2025-12', '2026-01-07', holidays), 'late');
});

test('M2 the payout credits the unpaid net of the month to store credit, idempotent per seller and month', () => {
  const payout = payoutDecision({ sellerId: 's-1', month: '2026-05', netCents: 9500, paidOutCents: 0, now: '2026-06-02T09:00:00Z' }, config);
  assert.ok(payout.ok);
  assert.equal(payout.amountCents, 9500);
  assert.equal(payout.timing, 'due');
  assert.equal(payout.key, payoutKey('s-1', '2026-05'));
  assert.notEqual(payoutKey('s-1', '2026-05'), payoutKey('s-1', '2026-06'));
  assert.notEqual(payoutKey('s-1', '2026-05'), payoutKey('s-2', '2026-05'));
  assert.deepEqual(payout.credits, [{ currency: 'store_credit', amount: 9500, ruleId: 'M2', status: 'available', onceKey: '2026-05', ref: '2026-05' }]);
});

test('M2 refuses to pay a month that is not over in the shop zone', () => {
  // 2026-05-31T20:00Z is already June 1st in Shanghai, still May 31st in UTC.
  const request = { sellerId: 's-1', month: '2026-05', netCents: 100, paidOutCents: 0, now: '2026-05-31T20:00:00Z' };
  assert.equal(payoutDecision(request, withHolidays([], 'Asia/Shanghai')).ok, true);
  const early = payoutDecision(request, config);
  assert.equal(!early.ok && early.code, 'invalid_request');
  assert.equal(payoutDecision({ ...request, month: '2026-5' }, config).ok, false);
});

test('M3 a new seller is paid at once for the first completed order; the month payout pays the rest', () => {
  const first = firstSalePayout({ orderId: 'o-1', netCents: 1899, isFirstCompletedOrder: true, completedAt: '2026-05-10T12:00:00Z' }, config);
  assert.deepEqual(first, {
    amountCents: 1899,
    month: '2026-05',
    credits: [{ currency: 'store_credit', amount: 1899, ruleId: 'M3', status: 'available', onceKey: 'first-order', ref: 'o-1' }],
  });
  const later = firstSalePayout({ orderId: 'o-2', netCents: 9500, isFirstCompletedOrder: false, completedAt: '2026-05-11T12:00:00Z' }, config);
  assert.deepEqual(later.credits, []);
  const monthly = payoutDecision({ sellerId: 's-1', month: '2026-05', netCents: 1899 + 9500, paidOutCents: 1899, now: '2026-06-01T08:00:00Z' }, config);
  assert.ok(monthly.ok);
  assert.equal(monthly.amountCents, 9500);
  const nothingLeft = payoutDecision({ sellerId: 's-1', month: '2026-05', netCents: 1899, paidOutCents: 1899, now: '2026-06-01T08:00:00Z' }, config);
  assert.ok(nothingLeft.ok);
  assert.deepEqual(nothingLeft.credits, []);
});

test('M4 a seller withdraws up to the store credit, not a cent more', () => {
  assert.deepEqual(withdrawalDecision(5000, 5000), {
    ok: true,
    credits: [{ currency: 'store_credit', amount: -5000, ruleId: 'M4', status: 'available', onceKey: null, ref: null }],
    storeCreditAfter: 0,
  });
  assert.deepEqual(withdrawalDecision(5001, 5000), { ok: false, code: 'insufficient_funds', detail: 'the store credit is 5000 cents' });
  for (const bad of [0, -1, 10.5]) {
    const refusal = withdrawalDecision(bad, 5000);
    assert.equal(!refusal.ok && refusal.code, 'invalid_request');
  }
});

test("M5 a design-defect refund is deducted from the seller; a manufacturing one is the platform's", () => {
  assert.deepEqual(refundSplit(2000, 'design', config), {
    bearer: 'seller',
    sellerAdjustment: { grossCents: -2000, feeCents: -100, netCents: -1900 },
    platformCents: 0,
  });
  assert.deepEqual(refundSplit(2000, 'manufacturing', config), { bearer: 'platform', sellerAdjustment: null, platformCents: 2000 });
  assert.equal(refundSplit(2000, undefined, config).bearer, 'platform');
});

test('M6 the monthly statement: gross, fee, net, and a month paid out only by its own payout, newest first', () => {
  const sales = [
    { month: '2026-04', ...saleFee(10000, config) },
    { month: '2026-05', ...saleFee(1999, config) },
    { month: '2026-05', ...saleFee(4000, config) },
    { month: '2026-05', ...refundSplit(1000, 'design', config).sellerAdjustment! },
  ];
  const first = { orderId: 'o-1', month: '2026-04', amountCents: 1000, paidAt: '2026-04-02T10:00:00Z' };
  const statement = sellerStatement(sales, [{ month: '2026-04', amountCents: 8500, paidAt: '2026-05-04T10:00:00Z' }], first);
  assert.deepEqual(statement.months, [
    { month: '2026-05', grossCents: 4999, feeCents: 250, netCents: 4749 },
    { month: '2026-04', grossCents: 10000, feeCents: 500, netCents: 9500, paidOutCents: 8500, paidOutAt: '2026-05-04T10:00:00Z' },
  ]);
  assert.deepEqual([statement.pendingCents, statement.debtCents], [4749, 0]);
  assert.deepEqual(sellerStatement([], []), { months: [], pendingCents: 0, debtCents: 0 });
});

test("M3 M6 the first order credited at once leaves its month unpaid until the month's payout", () => {
  const statement = sellerStatement(
    [
      { month: '2026-04', ...saleFee(10000, config) },
      { month: '2026-04', ...saleFee(2000, config) },
    ],
    [],
    {
      orderId: 'o-1',
      month: '2026-04',
      amountCents: 9500,
      paidAt: '2026-04-02T10:00:00Z',
    },
  );
  assert.deepEqual(statement.months, [{ month: '2026-04', grossCents: 12000, feeCents: 600, netCents: 11400 }]);
  assert.deepEqual([statement.pendingCents, statement.debtCents], [1900, 0]);
});

test('M5 a design refund beyond the unpaid earnings is a debt, shown, and later earnings pay it first', () => {
  const first = { orderId: 'o-1', month: '2026-04', amountCents: 1900, paidAt: '2026-04-02T10:00:00Z' };
  const sales = [
    { month: '2026-04', ...saleFee(2000, config) },
    { month: '2026-05', ...refundSplit(2000, 'design', config).sellerAdjustment! },
  ];
  const paidApril = [{ month: '2026-04', amountCents: 0, paidAt: '2026-05-01T10:00:00Z' }];
  assert.deepEqual(pick(sellerStatement(sales, paidApril, first)), [0, 1900]);
  const later = [...sales, { month: '2026-05', ...saleFee(1000, config) }]; // net 950
  assert.deepEqual(pick(sellerStatement(later, paidApril, first)), [0, 950]);
  const more = [...later, { month: '2026-05', ...saleFee(2000, config) }]; // net 1900
  assert.deepEqual(pick(sellerStatement(more, paidApril, first)), [950, 0]);
});

const pick = (statement: { pendingCents: number; debtCents: number }) => [statement.pendingCents, statement.debtCents];

test("M2 a sale belongs to the month of its occurredAt in the shop's zone; after its month was paid, to the next one", () => {
  const shanghai = withHolidays([], 'Asia/Shanghai');
  assert.equal(saleMonth('2026-04-30T17:00:00Z', '2026-05-02T00:00:00Z', null, config), '2026-04');
  assert.equal(saleMonth('2026-04-30T17:00:00Z', '2026-05-02T00:00:00Z', null, shanghai), '2026-05'); // 01:00 on 1 May there
  assert.equal(saleMonth('2026-03-30T17:00:00Z', '2026-05-02T00:00:00Z', '2026-04', config), '2026-05');
  assert.equal(saleMonth('2026-04-30T17:00:00Z', '2026-05-02T00:00:00Z', '2026-03', config), '2026-04');
  assert.equal(saleMonth('2026-07-01T00:00:00Z', '2026-05-02T00:00:00Z', null, config), '2026-05', 'a sale from the future is now');
});

test('M2 the schedule pays a month from the first working day of the next, waiting over weekends and holidays', () => {
  // June 2026 begins on a Monday.
  assert.equal(isPayoutDue('2026-05', '2026-05-31', config), false);
  assert.equal(isPayoutDue('2026-05', '2026-06-01', config), true);
  const holiday = withHolidays(['2026-06-01']);
  assert.equal(isPayoutDue('2026-05', '2026-06-01', holiday), false);
  assert.equal(isPayoutDue('2026-05', '2026-06-02', holiday), true);
  // August 2026 begins on a Saturday: July is paid from Monday the 3rd, and later days catch up.
  assert.equal(isPayoutDue('2026-07', '2026-08-01', config), false);
  assert.equal(isPayoutDue('2026-07', '2026-08-03', config), true);
  assert.equal(isPayoutDue('2026-07', '2026-09-12', config), true);
});

test('M1 fee rounding on awkward amounts: 1, 10, 33, 50 and 999 cents', () => {
  const cases: Array<[number, number]> = [
    [1, 0], // 0.05 → 0
    [10, 1], // 0.5 → 1 (half up)
    [33, 2], // 1.65 → 2
    [50, 3], // 2.5 → 3 (half up)
    [999, 50], // 49.95 → 50
  ];
  for (const [gross, fee] of cases) assert.deepEqual(saleFee(gross, config), { grossCents: gross, feeCents: fee, netCents: gross - fee }, `${gross} cents`);
});

test('M4 a failed withdrawal gives its amount back to the store credit, once', () => {
  assert.deepEqual(failedWithdrawalCredit('7', 1200), {
    currency: 'store_credit',
    amount: 1200,
    ruleId: 'M4',
    status: 'available',
    onceKey: 'withdrawal-failed:7',
    ref: 'withdrawal:7',
  });
});
