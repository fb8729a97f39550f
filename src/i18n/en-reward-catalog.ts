/**
 * The English that `<reward-catalog>` alone reads before its ready face: its loading, signed-out and other
 * faces. Part of the English catalog (`en.ts`); the ready face's messages come with the ready face
 * (`en-reward-catalog-ready.ts`).
 */
import type { Message } from './message.ts';

const enRewardCatalog = {
  'catalog.title': 'Rewards',
  'catalog.redeemed': '{name} is in your cart.',
  'catalog.couponRedeemed': 'Your coupon code: {code}',
  'catalog.empty': 'No rewards to redeem right now.',
  'catalog.copied': 'Copied',
  'catalog.copyFailed': 'Select the code to copy it.',
  'signIn.redeem': 'Sign in to redeem rewards with your coins.',
} as const satisfies Record<string, Message>;

export default enRewardCatalog;
