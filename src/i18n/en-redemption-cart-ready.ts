/**
 * The English that `<redemption-cart>`'s ready face alone reads; it loads with the ready face, beside the
 * store. Part of the English catalog (`en.ts`).
 */
import type { Message } from './message.ts';

const enRedemptionCartReady = {
  'cart.upgradeGift': 'Upgrade gift for reaching {level}',
  'cart.free': 'Free',
  'cart.remove': 'Remove',
  'cart.removeItem': 'Remove {name}',
  'cart.confirmRemove': { one: 'Remove {name}? {n} coin will come back.', other: 'Remove {name}? {n} coins will come back.' },
  'cart.confirmRemoveGift': 'Remove {name}? An upgrade gift cannot be claimed again.',
  'cart.shipping': 'Shipping',
  'cart.shipNow': 'Ship now (I pay the shipping)',
  'cart.shipWithNextOrder': 'With my next order',
  'cart.notRemovable': 'Can no longer be removed',
  'cart.keep': 'Keep',
  'cart.removing': 'Removing…',
  'cart.redeemedFor': { one: 'Redeemed for {n} coin', other: 'Redeemed for {n} coins' },
  'cart.notRemovableOrdered': 'It is part of a completed order.',
  'cart.giftNotRemovable': 'Upgrade gifts cannot be removed.',
} as const satisfies Record<string, Message>;

export default enRedemptionCartReady;
