/**
 * The English that `<redemption-cart>` alone reads before its ready face: its loading, signed-out and other
 * faces. Part of the English catalog (`en.ts`); the ready face's messages come with the ready face
 * (`en-redemption-cart-ready.ts`).
 */
import type { Message } from './message.ts';

const enRedemptionCart = {
  'cart.title': 'Gifts in your cart',
  'cart.removed': { one: '{name} removed. {n} coin returned.', other: '{name} removed. {n} coins returned.' },
  'cart.empty': 'No gifts in your cart.',
  'cart.shippingFailed': 'Your shipping choice for {name} could not be saved.',
  'signIn.cart': 'Sign in to see the gifts in your cart.',
} as const satisfies Record<string, Message>;

export default enRedemptionCart;
