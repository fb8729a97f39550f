/**
 * The English that `<redemption-cart>` alone reads. Part of the English catalog (`en.ts`); the element bundles it with the shared parts it reads, and no other element's messages.
 */
import type { Message } from './message.ts';

const enRedemptionCart = {
  'cart.title': 'Gifts in your cart',
  'cart.upgradeGift': 'Upgrade gift for reaching {level}',
  'cart.free': 'Free',
  'cart.remove': 'Remove',
  'cart.removeItem': 'Remove {name}',
  'cart.confirmRemove': { one: 'Remove {name}? {n} coin will come back.', other: 'Remove {name}? {n} coins will come back.' },
  'cart.confirmRemoveGift': 'Remove {name}? An upgrade gift cannot be claimed again.',
  'cart.removed': { one: '{name} removed. {n} coin returned.', other: '{name} removed. {n} coins returned.' },
  'cart.shipping': 'Shipping',
  'cart.shipNow': 'Ship now (I pay the shipping)',
  'cart.shipWithNextOrder': 'With my next order',
  'cart.notRemovable': 'Can no longer be removed',
  'cart.empty': 'No gifts in your cart.',
  'cart.keep': 'Keep',
  'cart.removing': 'Removing…',
  'cart.redeemedFor': { one: 'Redeemed for {n} coin', other: 'Redeemed for {n} coins' },
  'cart.notRemovableOrdered': 'It is part of a completed order.',
  'cart.giftNotRemovable': 'Upgrade gifts cannot be removed.',
  'cart.shippingFailed': 'Your shipping choice for {name} could not be saved.',
  'signIn.cart': 'Sign in to see the gifts in your cart.',
} as const satisfies Record<string, Message>;

export default enRedemptionCart;
