/**
 * The English that `<reward-catalog>` alone reads. Part of the English catalog (`en.ts`); the element bundles it with the shared parts it reads, and no other element's messages.
 */
import type { Message } from './message.ts';

const enRewardCatalog = {
  'catalog.title': 'Rewards',
  'catalog.redeem': 'Redeem',
  'catalog.redeemFor': { one: 'Redeem for {n} coin', other: 'Redeem for {n} coins' },
  'catalog.confirmRedeem': { one: 'Redeem {name} for {n} coin?', other: 'Redeem {name} for {n} coins?' },
  'catalog.redeemed': '{name} is in your cart.',
  'catalog.couponRedeemed': 'Your coupon code: {code}',
  'catalog.stock': '{n} left',
  'catalog.outOfStock': 'Out of stock',
  'catalog.notEnoughCoins': { one: '{n} more coin needed', other: '{n} more coins needed' },
  'catalog.empty': 'No rewards to redeem right now.',
  'catalog.couponValue': '{value} coupon',
  'catalog.redeeming': 'Redeeming…',
  'catalog.copy': 'Copy code',
  'catalog.copied': 'Copied',
  'catalog.copyFailed': 'Select the code to copy it.',
  'signIn.redeem': 'Sign in to redeem rewards with your coins.',
} as const satisfies Record<string, Message>;

export default enRewardCatalog;
