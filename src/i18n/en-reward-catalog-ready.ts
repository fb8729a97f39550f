/**
 * The English that `<reward-catalog>`'s ready face alone reads; it loads with the ready face, beside the
 * store. Part of the English catalog (`en.ts`).
 */
import type { Message } from './message.ts';

const enRewardCatalogReady = {
  'catalog.redeem': 'Redeem',
  'catalog.redeemFor': { one: 'Redeem for {n} coin', other: 'Redeem for {n} coins' },
  'catalog.confirmRedeem': { one: 'Redeem {name} for {n} coin?', other: 'Redeem {name} for {n} coins?' },
  'catalog.stock': '{n} left',
  'catalog.outOfStock': 'Out of stock',
  'catalog.notEnoughCoins': { one: '{n} more coin needed', other: '{n} more coins needed' },
  'catalog.couponValue': '{value} coupon',
  'catalog.redeeming': 'Redeeming…',
  'catalog.copy': 'Copy code',
} as const satisfies Record<string, Message>;

export default enRewardCatalogReady;
