/**
 * The English that `<member-price>` alone reads. Part of the English catalog (`en.ts`); the element bundles it with the shared parts it reads, and no other element's messages.
 */
import type { Message } from './message.ts';

const enMemberPrice = {
  'price.member': 'Member price',
  'price.list': 'List price',
  'price.discount': '{level} price, {percent} off',
  'price.signedOut': 'Sign in for your member price.',
  'price.partnerSeller': 'Partner seller product: no member discount.',
  'price.specialOffer': 'Special offer: no member discount.',
} as const satisfies Record<string, Message>;

export default enMemberPrice;
